// The fictional demo service (short name `demo`), so a new user can look around at once.
// Later features add their own demo data through `DEMO_SEEDERS`.
import type { Deps } from '#src/deps.ts';
import { asSystem } from '#src/db/tenant.ts';
import { systemActor, type Role } from '#src/access/actor.ts';
import { findUserByEmail, updateUser } from '#src/features/auth/accounts.ts';
import { hashPassword } from '#src/lib/passwords.ts';
import { demoPassword } from './demo-password.ts';
import { seedDemoCases, seedDemoStages } from './demo-cases.ts';
import { seedDemoVolunteers } from './demo-volunteers.ts';
import { seedDemoMeetings } from './demo-meetings.ts';
import { seedDemoClosing } from './demo-closing.ts';
import { seedDemoAgreements } from './demo-agreements.ts';
import { seedDemoRj, seedDemoRjAssessments } from './demo-rj.ts';
import { seedDemoDataProtection } from './demo-dataprotection.ts';
import { seedDemoSend } from './demo-send.ts';
import { seedDemoReports } from './demo-reports.ts';
import { findOrgBySlug, updateOrgSettings } from '#src/features/orgs/org-records.ts';

export const DEMO_SLUG = 'demo';

export const DEMO_STAFF: { role: Role; name: string; email: string }[] = [
  { role: 'admin', name: 'Alex Example', email: 'admin@demo.parley.example' },
  { role: 'coordinator', name: 'Casey Placeholder', email: 'coordinator@demo.parley.example' },
  { role: 'supervisor', name: 'Sam Sample', email: 'supervisor@demo.parley.example' },
  { role: 'mediator', name: 'Morgan Madeup', email: 'mediator@demo.parley.example' },
  { role: 'mediator', name: 'Avery Invented', email: 'avery@demo.parley.example' },
  { role: 'mediator', name: 'Logan Awayton', email: 'logan@demo.parley.example' },
  { role: 'safeguarding_lead', name: 'Jordan Fictional', email: 'safeguarding@demo.parley.example' },
  { role: 'viewer', name: 'Taylor Testcase', email: 'viewer@demo.parley.example' },
  // Someone from the council the service reports to: sees the reports and nothing else.
  { role: 'commissioner', name: 'Cameron Commissioner', email: 'commissioner@demo.parley.example' },
];

export type DemoSeeder = (deps: Deps, orgId: string) => Promise<void>;
export const DEMO_SEEDERS: DemoSeeder[] = [
  seedDemoCases,
  seedDemoVolunteers,
  seedDemoRjAssessments,
  seedDemoMeetings,
  seedDemoAgreements,
  seedDemoStages,
  seedDemoClosing,
  seedDemoRj,
  seedDemoDataProtection,
  seedDemoSend,
  seedDemoReports,
];

/** Creates the demo service (or refreshes its passwords when it exists) and returns the accounts to print. */
export async function loadDemo(deps: Deps) {
  const actor = systemActor('parley demo');
  let org = await asSystem(deps.db, (tx) => findOrgBySlug(tx, DEMO_SLUG));
  const created = !org;
  if (!org) {
    await deps.orgs.createOrg(
      {
        slug: DEMO_SLUG,
        name: 'Riverside Community Mediation (demo)',
        email: 'hello@demo.parley.example',
        phone: '01632 960000',
        address: '1 Example Street, Sampletown',
      },
      actor,
    );
    org = await asSystem(deps.db, (tx) => findOrgBySlug(tx, DEMO_SLUG));
  }
  const orgId = org!.id;
  // So that a new user can look around without an authenticator app; real services keep two-factor on. The rest of
  // the settings stay as they are when the demo is loaded again (its areas, notices and threshold).
  await asSystem(deps.db, async (tx) => {
    const current = (await findOrgBySlug(tx, DEMO_SLUG))?.settings;
    await updateOrgSettings(tx, orgId, { ...(current ?? {}), twoFactorRoles: [] } as Parameters<typeof updateOrgSettings>[2]);
  });
  const accounts: { role: Role; name: string; email: string; password: string }[] = [];
  for (const staff of DEMO_STAFF) {
    const password = demoPassword();
    const existing = await asSystem(deps.db, (tx) => findUserByEmail(tx, staff.email));
    if (existing) {
      const passwordHash = await hashPassword(password);
      await asSystem(deps.db, (tx) => updateUser(tx, existing.id, { passwordHash, failedSignIns: 0, lockedUntil: null }));
    } else await deps.people.addMemberAsSystem(orgId, { ...staff, password }, actor);
    accounts.push({ ...staff, password });
  }
  if (created) for (const seed of DEMO_SEEDERS) await seed(deps, orgId);
  // On an instance nobody runs yet (one made to try Parley), the demo admin runs it, so the Instance page shows; on
  // an instance that has an operator, the demo gives its accounts no power beyond the demo service.
  if (!(await deps.operators.list()).length) await deps.operators.grant(DEMO_STAFF[0]!.email, actor);
  return { orgId, created, accounts };
}
