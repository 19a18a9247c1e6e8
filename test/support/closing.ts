// A case brought to Outcome through the real gates (consent, intake, a lead-qualified pair, a session held), for the
// tests of what comes after: follow-up, feedback, testimonials.
import { sql } from '#src/db/orm.ts';
import { inOrg } from '#src/db/tenant.ts';
import type { OrgActor } from '#src/access/actor.ts';
import type { Harness } from './harness.ts';
import { signAgreementOnCase } from './agreements.ts';
import { holdSession } from './meetings.ts';
import { makeCase, makeVolunteer } from './volunteers.ts';

const pairs = new Map<string, string[]>();

export async function caseAtOutcome(
  h: Harness,
  orgId: string,
  admin: OrgActor,
  /** `kind`: the rules a type the service added follows (a built-in type's code is its kind). */
  opts: { description: string; caseType?: string; kind?: string; names: string[]; emails?: boolean },
) {
  const kind = opts.kind ?? opts.caseType;
  const roles =
    kind === 'restorative_justice' ? ['victim', 'person_who_harmed'] : kind === 'social_care' ? ['service_user', 'family_member'] : ['party', 'party'];
  const { caseId } = await makeCase(h.deps, orgId, admin, {
    description: opts.description,
    caseType: opts.caseType,
    parties: opts.names.map((name, i) => ({ name, role: roles[i] ?? 'party' })),
  });
  const parties = (await h.deps.cases.get(admin, caseId)).parties;
  for (const p of parties) {
    // Restorative justice needs written consent: the information's version and the date signed.
    await h.deps.caseActivity.recordConsent(admin, caseId, {
      partyId: p.id,
      status: 'given',
      method: 'written',
      informationVersion: 'Information sheet v1',
      signedOn: h.clock.now().toISOString().slice(0, 10),
    });
    await h.deps.caseActivity.saveIntake(admin, caseId, { partyId: p.id, situationNow: `${p.name} explained how it looks to them` });
    if (opts.emails !== false) {
      const email = `${p.name.toLowerCase().replace(/\W+/g, '.')}@example.test`;
      await inOrg(h.deps.db, orgId, (tx) => tx.execute(sql`UPDATE parties SET email = ${email} WHERE id = ${p.id}`));
    }
  }
  await h.deps.cases.transition(admin, caseId, { to: 'ready' });
  let pair = pairs.get(orgId);
  if (!pair) {
    pair = [
      await makeVolunteer(h.deps, orgId, { name: 'Lou Lead', areas: ['community', 'restorative_conferencing'], maxActiveCases: 50 }),
      await makeVolunteer(h.deps, orgId, { name: 'Max Comediator', areas: ['community', 'restorative_conferencing'], maxActiveCases: 50 }),
    ];
    pairs.set(orgId, pair);
    // Their RJ practitioner checks in date, so the pairing rules let them take restorative cases too.
    const today = h.clock.now().toISOString().slice(0, 10);
    const lastYear = `${Number(today.slice(0, 4)) - 1}-06-01`;
    for (const v of pair) {
      await h.deps.training.addRecord(admin, v, { kind: 'supervision', on: today });
      await h.deps.training.addRecord(admin, v, { kind: 'observed_practice', on: today });
      await h.deps.training.addRecord(admin, v, { kind: 'cpd', title: 'Restorative practice day (fictional)', hours: 6, on: lastYear });
    }
  }
  await h.deps.assignments.assign(admin, caseId, { mediatorIds: pair as [string, string] });
  await h.deps.cases.transition(admin, caseId, { to: 'mediation' });
  await holdSession(h.deps, orgId, caseId, { kind: kind === 'restorative_justice' ? 'rj_conference' : 'joint' });
  await signAgreementOnCase(h, admin, caseId);
  await h.deps.cases.transition(admin, caseId, { to: 'outcome', outcome: 'full_agreement' });
  return { caseId, parties };
}

/** The links in the outbox's messages to this address, newest last. */
export async function linksSentTo(h: Harness, orgId: string, email: string, kind: 'check-in' | 'feedback'): Promise<string[]> {
  const rows = (await inOrg(h.deps.db, orgId, (tx) =>
    tx.execute(sql`SELECT text_body FROM email_outbox WHERE to_address = ${email} ORDER BY created_at, id`),
  )) as unknown as { rows: { text_body: string }[] };
  return rows.rows.flatMap((r) =>
    [...r.text_body.matchAll(new RegExp(`https?://[^\\s]+/s/[^/]+/${kind}/[A-Za-z0-9_-]{43}`, 'g'))].map((m) => new URL(m[0]).pathname),
  );
}
