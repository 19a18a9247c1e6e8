// Test data made through the services, as a person or the CLI would make it.
import { currentTotp } from '#src/lib/totp.ts';
import { systemActor, type Role } from '#src/access/actor.ts';
import type { Deps } from '#src/deps.ts';
import { WebClient } from './web-client.ts';
import type { Harness } from './harness.ts';
import { asSystem } from '#src/db/tenant.ts';
import { DEFAULT_TWO_FACTOR_ROLES } from '#src/features/auth/two-factor-policy.ts';
import { updateOrgSettings } from '#src/features/orgs/orgs.repo.ts';

export const PASSWORD = 'correct horse battery staple';

export async function makeOrg(deps: Deps, slug: string, name = `${slug} Mediation (fictional)`) {
  const orgId = await deps.orgs.createOrg({ slug, name }, systemActor('test'));
  return { orgId, slug, name };
}

export async function makeMember(deps: Deps, orgId: string, role: Role, email: string, opts: { twoFactor?: boolean; name?: string } = {}) {
  const name = opts.name ?? email.split('@')[0]!.replace(/\./g, ' ');
  const { userId } = await deps.people.addMemberAsSystem(orgId, { email, name, role, password: PASSWORD }, systemActor('test'));
  let totpSecret: string | undefined;
  if (opts.twoFactor ?? true) {
    const { uri } = await deps.twoFactor.beginEnrolment(userId!, 'Test');
    totpSecret = new URL(uri).searchParams.get('secret')!;
    await deps.twoFactor.confirmEnrolment(userId!, currentTotp(totpSecret, deps.clock.now().getTime()), systemActor('test'), orgId);
    (deps.clock as { advance?: (ms: number) => void }).advance?.(30_000); // the enrolment code's step is used up
  }
  return { userId: userId!, email, name, totpSecret };
}

/** Signs in through the real pages: password, then the code from the authenticator. */
export async function signIn(h: Harness, member: { email: string; totpSecret?: string }) {
  const web = new WebClient(h.app);
  const res = await web.submit('/sign-in', { email: member.email, password: PASSWORD });
  if (res.headers.location?.startsWith('/sign-in/code')) {
    h.clock.advance(30_000); // a code works once: each sign-in uses the next 30-second step
    await web.submit('/sign-in/code', { code: currentTotp(member.totpSecret!, h.clock.now().getTime()) });
  }
  return web;
}

/** Two services, each with an admin; the usual starting point. */
export async function twoServices(h: Harness) {
  const a = await makeOrg(h.deps, 'alpha', 'Alpha Mediation (fictional)');
  const b = await makeOrg(h.deps, 'bravo', 'Bravo Mediation (fictional)');
  const adminA = await makeMember(h.deps, a.orgId, 'admin', 'ada.admin@alpha.example');
  const adminB = await makeMember(h.deps, b.orgId, 'admin', 'bo.admin@bravo.example');
  return { a, b, adminA, adminB };
}

/** A service that does not ask these roles for a second factor (a service's own choice), for tests of people without one. */
export async function twoFactorNotRequiredFor(deps: Deps, orgId: string, roles: Role[]) {
  const keep = DEFAULT_TWO_FACTOR_ROLES.filter((r) => !roles.includes(r));
  await asSystem(deps.db, (tx) => updateOrgSettings(tx, orgId, { twoFactorRoles: keep }));
}
