// Retention of restorative justice and SEND cases: once the run has anonymised them, no name, address, prison number,
// email or phone from their letters, assessments, custody details, child's details or certificates is left anywhere
// in the database, while what the returns and the register count (assessment decisions and ratings, certificate
// numbers, kinds and outcomes, the local authority as an area) stays.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '#src/db/orm.ts';
import { asSystem, inOrg } from '#src/db/tenant.ts';
import { systemActor } from '#src/access/actor.ts';
import { runRetention } from '#src/features/dataprotection/retention/anonymiser.ts';
import { createAudit } from '#src/features/audit/audit.service.ts';
import { pdfText } from '../support/agreements.ts';
import { caseAtOutcome } from '../support/closing.ts';
import { makeMember, makeOrg } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { actorFor, makeCase } from '../support/volunteers.ts';
import { findEverywhere as findEverywhereIn } from '../support/find-everywhere.ts';

let h: Harness;
let orgId: string;
let admin: ReturnType<typeof actorFor>;

const LETTER = 'I am sorry, Wilhelmina. Write back to me at 7 Gossamer Crescent, Frobton FR9 4QQ, or ring 07700 900456.';
const PERSONAL = [
  'Wilhelmina',
  'Grubbage',
  'Fennimore',
  'Scrimshaw',
  'Gossamer Crescent',
  'FR9 4QQ',
  '07700 900456',
  '07700 900789',
  'wilhelmina.grubbage@example.test',
  'peregrine.kettleworth@example.org',
  'fennimore.scrimshaw@example.test',
  'A7731QZ',
  'Odalys Pettigrew',
  'odalys.pettigrew@probation.example',
  'Thistlewood',
  'Barnaby Kettleworth',
  'Peregrine Kettleworth',
  'Dr Ysolde Marrable',
  'Orla Quenby',
];

const findEverywhere = (needle: string) => findEverywhereIn(h.deps, needle);

let rjCaseId: string;
let sendCaseId: string;
/** The RJ return for 2017 and the SEND report, as they read before the run. */
let before: { rjReturn: unknown; sendReport: unknown };
const figures = async () => ({
  rjReturn: (await h.deps.rj.returns.forPeriod(admin, { from: '2017-01-01', to: '2017-12-31' })).metrics,
  sendReport: await h.deps.send.report(admin),
});

/** The text of the SEND case's certificate, drawn now. */
async function certificateText() {
  const [cert] = await h.deps.send.certificates(admin, sendCaseId);
  const pdf = await h.deps.send.certificatePdf(admin, sendCaseId, cert!.id);
  expect(pdf.number).toBe(1);
  return (await pdfText(pdf.bytes)).text;
}

beforeAll(async () => {
  h = await startHarness();
  h.clock.current = new Date('2017-03-01T10:00:00Z');
  ({ orgId } = await makeOrg(h.deps, 'rse', 'Erase Mediation (fictional)'));
  const a = await makeMember(h.deps, orgId, 'admin', 'admin@rse.example', { name: 'Ada Admin' });
  admin = actorFor(orgId, a.userId, 'admin', 'Ada Admin');
  await h.deps.settings.update(admin, { caseTypes: ['community', 'restorative_justice', 'send'] });

  // A restorative case: suitability and an assessment with notes, custody details, a letter with an address in it.
  const rj = await caseAtOutcome(h, orgId, admin, {
    description: 'Shed break-in',
    caseType: 'restorative_justice',
    names: ['Wilhelmina Grubbage', 'Fennimore Scrimshaw'],
  });
  rjCaseId = rj.caseId;
  const [harmed, harmer] = rj.parties;
  await inOrg(h.deps.db, orgId, (tx) =>
    tx.execute(sql`UPDATE parties SET phone = '07700 900456', address = '7 Gossamer Crescent, Frobton', postcode = 'FR9 4QQ' WHERE id = ${harmed!.id}`),
  );
  for (const p of [harmed!, harmer!]) {
    await h.deps.rj.recordSuitability(admin, rjCaseId, {
      partyId: p.id,
      acknowledgesFacts: true,
      acceptsResponsibility: p.role === 'person_who_harmed' ? true : undefined,
      willing: true,
      assessedOn: '2017-02-20',
      notes: `${p.name} wants to meet; Orla Quenby will support`,
    });
    const { id } = await h.deps.rj.recordAssessment(admin, rjCaseId, {
      partyId: p.id,
      areas: { feelings: `${p.name} is anxious about Fennimore`, harm: 'Wilhelmina lost her tools' },
      rating: 'medium',
      decision: 'indirect',
      assessedOn: '2017-02-21',
    });
    await h.deps.rj.signOff(admin, rjCaseId, id);
  }
  await h.deps.rj.recordCustody(admin, rjCaseId, harmer!.id, {
    establishment: 'HMP Thistlewood (fictional)',
    prisonNumber: 'A7731QZ',
    offenderManagerName: 'Odalys Pettigrew',
    offenderManagerContact: 'odalys.pettigrew@probation.example',
  });
  const letter = await h.deps.rj.letters.write(admin, rjCaseId, { fromPartyId: harmed!.id, toPartyId: harmer!.id, form: 'letter', body: LETTER });
  // Only the case's facilitators vet its letters: Lou Lead signs in as himself.
  const lou = await makeMember(h.deps, orgId, 'mediator', 'lou@rse.example', { name: 'Lou Lead' });
  await inOrg(h.deps.db, orgId, (tx) => tx.execute(sql`UPDATE volunteers SET user_id = ${lou.userId} WHERE org_id = ${orgId} AND name = 'Lou Lead'`));
  await h.deps.rj.letters.review(actorFor(orgId, lou.userId, 'mediator', 'Lou Lead'), rjCaseId, letter.id, {
    decision: 'changes',
    note: 'Take out Gossamer Crescent and the phone number',
    redactions: ['Gossamer Crescent'],
  });
  await h.deps.cases.transition(admin, rjCaseId, { to: 'closed', closingReason: 'agreement_kept' });

  // A SEND case: the child's name and views, the local authority's representative, a certificate issued.
  const send = await makeCase(h.deps, orgId, admin, {
    description: 'EHC plan',
    caseType: 'send',
    parties: [
      { name: 'Peregrine Kettleworth', role: 'parent', email: 'peregrine.kettleworth@example.org', phone: '07700 900789' } as { name: string; role: string },
      { name: 'Wessex County Council (fictional)', role: 'local_authority' },
    ],
  });
  sendCaseId = send.caseId;
  await h.deps.send.saveDetails(admin, sendCaseId, {
    decisionType: 'plan_contents',
    issues: ['B', 'F'],
    decisionLetterOn: '2017-01-10',
    requestedBy: 'parent',
    childName: 'Barnaby Kettleworth',
    localAuthority: 'Wessex County Council (fictional)',
    icbs: ['Dr Ysolde Marrable at the ICB'],
    childViewsObtained: true,
    childViewsMethod: 'Barnaby drew a picture with Dr Ysolde Marrable',
  } as Parameters<typeof h.deps.send.saveDetails>[2]);
  await h.deps.send.recordMias(admin, sendCaseId, { miasOn: '2017-01-20', decision: 'declines' } as Parameters<typeof h.deps.send.recordMias>[2]);
  await h.deps.send.issueCertificate(admin, sendCaseId, { kind: 'declined', adviserName: 'Orla Quenby' } as Parameters<typeof h.deps.send.issueCertificate>[2]);
  // The parent declined mediation: the case ends there (its gates are tested in send.test.ts).
  await asSystem(h.deps.db, (tx) => tx.execute(sql`UPDATE cases SET status = 'closed', closed_at = ${h.clock.now()} WHERE id = ${sendCaseId}`));

  h.clock.current = new Date('2026-12-06T09:00:00Z');
}, 120_000);
afterAll(() => h?.close());

describe('the retention run on restorative justice and SEND cases', () => {
  it('holds every name, address, prison number, email and phone before the run', async () => {
    for (const needle of PERSONAL) expect((await findEverywhere(needle)).length, needle).toBeGreaterThan(0);
    const text = await certificateText();
    for (const needle of ['Barnaby Kettleworth', 'Peregrine Kettleworth', 'Orla Quenby']) expect(text).toContain(needle);
    before = await figures();
  });

  it('leaves none of them anywhere afterwards', async () => {
    const result = await runRetention({ db: h.deps.db, clock: h.clock, audit: createAudit({ clock: h.clock }) }, orgId, systemActor('retention schedule'));
    expect(result.find((r) => r.caseType === 'restorative_justice')?.anonymised).toBe(1);
    expect(result.find((r) => r.caseType === 'send')?.anonymised).toBe(1);
    for (const needle of PERSONAL) expect(await findEverywhere(needle), needle).toEqual([]);
  });

  it('keeps what the returns and the register count', async () => {
    const rows = await asSystem(h.deps.db, async (tx) => ({
      assessments: (await tx.execute(sql`SELECT rating, decision, version, signed_off_at FROM rj_risk_assessments WHERE case_id = ${rjCaseId}`)) as unknown as {
        rows: { rating: string; decision: string; signed_off_at: unknown }[];
      },
      suitability: (await tx.execute(sql`SELECT willing, acknowledges_facts FROM rj_suitability WHERE case_id = ${rjCaseId}`)) as unknown as {
        rows: { willing: boolean }[];
      },
      letters: (await tx.execute(sql`SELECT form, version, body FROM rj_letters WHERE case_id = ${rjCaseId}`)) as unknown as {
        rows: { form: string; body: string }[];
      },
      reviews: (await tx.execute(sql`SELECT decision, note FROM rj_letter_reviews`)) as unknown as { rows: { decision: string; note: string | null }[] },
      certificates: (await tx.execute(sql`SELECT number, kind, issued_on, adviser_name FROM send_certificates WHERE case_id = ${sendCaseId}`)) as unknown as {
        rows: { number: number; kind: string; adviser_name: string }[];
      },
      send: (await tx.execute(
        sql`SELECT local_authority, issues, mias_decision, decision_type, child_name FROM send_cases WHERE case_id = ${sendCaseId}`,
      )) as unknown as { rows: { local_authority: string; issues: string[]; mias_decision: string; child_name: string | null }[] },
    }));
    expect(rows.assessments.rows).toHaveLength(2);
    for (const a of rows.assessments.rows) expect(a).toMatchObject({ rating: 'medium', decision: 'indirect', signed_off_at: expect.anything() });
    expect(rows.suitability.rows.map((s) => s.willing)).toEqual([true, true]);
    expect(rows.letters.rows).toEqual([expect.objectContaining({ form: 'letter', body: 'Anonymised' })]);
    expect(rows.reviews.rows).toEqual([{ decision: 'changes', note: null }]);
    expect(rows.certificates.rows).toEqual([expect.objectContaining({ number: 1, kind: 'declined', adviser_name: 'Anonymised' })]);
    expect(rows.send.rows[0]).toMatchObject({
      local_authority: 'Wessex County Council (fictional)',
      issues: ['B', 'F'],
      mias_decision: 'declines',
      child_name: null,
    });
    const register = await h.deps.send.register(admin);
    expect(JSON.stringify(register)).toContain('declined');
    // The RJ return and the SEND report read the same as before the run.
    expect(await figures()).toEqual(before);
    expect(JSON.stringify(before.sendReport)).toContain('Wessex County Council (fictional)');
    const suitability = (before.rjReturn as { id: string; figures: { value: number | null }[] }[]).find((m) => m.id === 'suitability');
    expect(suitability!.figures.reduce((n, f) => n + (f.value ?? 0), 0)).toBeGreaterThan(0);
  });

  it('draws the certificate PDF afterwards without the child, the parent or the adviser', async () => {
    const text = await certificateText();
    for (const needle of ['Kettleworth', 'Orla Quenby']) expect(text).not.toContain(needle);
    expect(text).toContain('Wessex County Council (fictional)');
  });
});
