// Shared by the public-*.test.ts files: a service with public settings, and staff actors to look at what arrived.
import type { OrgActor, Role } from '#src/access/actor.ts';
import type { SettingsPatch } from '#src/features/settings/settings.schemas.ts';
import { makeMember, makeOrg } from '../support/factories.ts';
import type { Harness } from '../support/harness.ts';
import type { WebClient } from '../support/web-client.ts';

export const EMERGENCY = 'If anyone is in immediate danger, call 999 (fictional test text).';
export const SIGNPOSTING = 'We do not cover your area. Try the Mediation Directory (fictional) at mediation.example.';

/** A service with a short name, its admin and coordinator as actors, and its settings applied. */
export async function publicService(h: Harness, slug: string, patch: SettingsPatch = {}) {
  const org = await makeOrg(h.deps, slug, `${slug.toUpperCase()} Mediation (fictional)`);
  const actor = async (role: Role): Promise<OrgActor> => {
    const m = await makeMember(h.deps, org.orgId, role, `${role}@${slug}.example`, { twoFactor: false });
    return { type: 'user', id: m.userId, orgId: org.orgId, orgSlug: slug, orgName: org.name, role };
  };
  const admin = await actor('admin');
  const coordinator = await actor('coordinator');
  await h.deps.settings.update(admin, {
    referencePrefix: 'CDM',
    caseTypes: ['community', 'restorative_justice', 'send'],
    areas: { postcodePrefixes: ['CT', 'ME14'], localAuthorities: ['Weald Valley Borough (fictional)'] },
    signposting: SIGNPOSTING,
    emergencyContacts: EMERGENCY,
    ...patch,
  });
  return { ...org, admin, coordinator };
}

/** Posts a form with repeated fields (several checkboxes ticked), which WebClient.post cannot send. */
export async function postRepeated(web: WebClient, url: string, fields: [string, string][]) {
  const body = new URLSearchParams([['_csrf', web.csrf ?? ''], ...fields]).toString();
  const cookie = [...web.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const res = await web.app.inject({ method: 'POST', url, payload: body, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' } });
  for (const c of res.cookies as { name: string; value: string }[]) if (c.value) web.cookies.set(c.name, c.value);
  return res;
}
