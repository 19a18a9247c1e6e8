// Retention: each case type's period from closure, the preview an admin sees first, legal holds, and the run that
// anonymises what is due — afterwards nothing personal is left anywhere in the database, while the counts the
// reports need (case type, dates, status, outcome) stay and the destruction log says what went and why.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '#src/db/orm.ts';
import { inOrg } from '#src/db/tenant.ts';
import { systemActor } from '#src/access/actor.ts';
import { runRetention } from '#src/features/dataprotection/retention/anonymiser.ts';
import { createAudit } from '#src/features/audit/audit.service.ts';
import { caseAtOutcome } from '../support/closing.ts';
import { makeMember, makeOrg, signIn } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { errorSummary, pageText } from '../support/page-text.ts';
import { actorFor } from '../support/volunteers.ts';
import type { WebClient } from '../support/web-client.ts';
import { findEverywhere as findEverywhereIn } from '../support/find-everywhere.ts';

let h: Harness;
let orgId: string;
let admin: ReturnType<typeof actorFor>;
let adminWeb: WebClient;
let adminMember: Awaited<ReturnType<typeof makeMember>>;
const DAY = 86_400_000;

const findEverywhere = (needle: string) => findEverywhereIn(h.deps, needle);

async function closedCase(description: string, names: string[], caseType: 'community' | 'restorative_justice' = 'community', contacts = false) {
  const made = await caseAtOutcome(h, orgId, admin, { description, names, caseType });
  const [first, second] = made.parties;
  if (contacts)
    await inOrg(h.deps.db, orgId, (tx) =>
      tx.execute(
        sql`UPDATE parties SET phone = '07700 900123', phone_norm = '447700900123', postcode = 'ZZ9 9ZZ', postcode_norm = 'ZZ99ZZ', address = '1 Quillfeather Row' WHERE id = ${first!.id}`,
      ),
    );
  await h.deps.caseActivity.addNote(admin, made.caseId, { body: `${names[0]} called about ${names[1]}'s dog` });
  await h.deps.caseActivity.recordContact(admin, made.caseId, { partyId: second!.id, method: 'call', outcome: 'spoke', notes: `${names[1]} is moving away` });
  await h.deps.caseActivity.addTask(admin, made.caseId, { title: `Ring ${names[0]} back`, dueOn: '2030-01-01' });
  await h.deps.cases.transition(admin, made.caseId, { to: 'closed', closingReason: 'agreement_kept' });
  await h.deps.closing.feedback.record(admin, made.caseId, {
    partyId: first!.id,
    source: 'phone',
    satisfaction: 5,
    feltHeard: true,
    wouldRecommend: true,
    whatHelped: `${names[0]} liked the mediators`,
    mayQuote: true,
  } as Parameters<typeof h.deps.closing.feedback.record>[2]);
  return made;
}

beforeAll(async () => {
  h = await startHarness();
  h.clock.current = new Date('2022-06-01T10:00:00Z');
  ({ orgId } = await makeOrg(h.deps, 'ret', 'Retention Mediation (fictional)'));
  const a = await makeMember(h.deps, orgId, 'admin', 'admin@ret.example', { name: 'Ada Admin' });
  admin = actorFor(orgId, a.userId, 'admin', 'Ada Admin');
  await h.deps.settings.update(admin, { caseTypes: ['community', 'restorative_justice'] });
  adminMember = a;
});
afterAll(() => h?.close());

describe('the retention run', () => {
  let old: Awaited<ReturnType<typeof closedCase>>;
  let held: Awaited<ReturnType<typeof closedCase>>;
  let rj: Awaited<ReturnType<typeof closedCase>>;
  let recent: Awaited<ReturnType<typeof closedCase>>;

  it('shows first what would go, then anonymises community cases closed over 3 years ago, leaving no trace of their people', async () => {
    old = await closedCase('Hedge dispute', ['Zebedee Quarrington', 'Philippa Oddsock'], 'community', true);
    held = await closedCase('Fence dispute', ['Hortensia Fernsby', 'Barnaby Wolstenholme']);
    rj = await closedCase('Shop window', ['Tobias Grindlewick', 'Marisol Pennyfeather'], 'restorative_justice');
    h.clock.advance(2 * 365 * DAY);
    recent = await closedCase('Parking dispute', ['Ignatius Thrupp', 'Clementine Sorrel']);
    h.clock.current = new Date('2025-12-06T09:00:00Z');
    adminWeb = await signIn(h, adminMember);

    const hold = await h.deps.retention.placeHold(admin, {
      caseReference: (await h.deps.cases.get(admin, held.caseId)).case.reference,
      reason: 'A claim is expected',
    });
    expect(hold.caseId).toBe(held.caseId);

    const preview = await h.deps.retention.preview(admin);
    expect(preview.rules.find((r) => r.caseType === 'community')).toMatchObject({ years: 3, closedBefore: '2022-12-06', due: 1 });
    expect(preview.rules.find((r) => r.caseType === 'restorative_justice')).toMatchObject({ years: 7, due: 0 });
    expect(preview.held).toBe(1);

    const page = await adminWeb.get('/data-protection/retention');
    expect(page.statusCode).toBe(200);
    expect(pageText(page.body)).toContain('1 case closed before 6 December 2022');

    const result = await runRetention({ db: h.deps.db, clock: h.clock, audit: createAudit({ clock: h.clock }) }, orgId, systemActor('retention schedule'));
    expect(result.find((r) => r.caseType === 'community')?.anonymised).toBe(1);

    for (const needle of [
      'Zebedee',
      'Quarrington',
      'Philippa',
      'Oddsock',
      'zebedee.quarrington@example.test',
      'Quillfeather',
      '07700 900123',
      'ZZ9 9ZZ',
      'ZZ99ZZ',
    ]) {
      expect(await findEverywhere(needle), needle).toEqual([]);
    }
    // What the reports count is still there.
    const kept = await h.deps.cases.get(admin, old.caseId);
    expect(kept.case).toMatchObject({ caseType: 'community', status: 'closed', outcome: 'full_agreement' });
    expect(kept.case.closedAt).toBeTruthy();
    expect(kept.parties.map((p) => p.name)).toEqual(['Anonymised', 'Anonymised']);
  });

  it('leaves a case on legal hold, a case not yet due and a restorative justice case (7 years) whole', async () => {
    for (const needle of ['Fernsby', 'Wolstenholme', 'Grindlewick', 'Pennyfeather', 'Thrupp', 'Sorrel'])
      expect((await findEverywhere(needle)).length, needle).toBeGreaterThan(0);
    expect((await h.deps.cases.get(admin, held.caseId)).parties[0]!.name).toBe('Hortensia Fernsby');
    expect((await h.deps.cases.get(admin, rj.caseId)).parties[0]!.name).toBe('Tobias Grindlewick');
    expect((await h.deps.cases.get(admin, recent.caseId)).parties[0]!.name).toBe('Ignatius Thrupp');
  });

  it('writes the destruction log: what, when and under which rule, never the data', async () => {
    const log = await h.deps.retention.destructionLog(admin);
    expect(log).toHaveLength(1);
    const reference = (await h.deps.cases.get(admin, old.caseId)).case.reference;
    expect(log[0]).toMatchObject({ caseType: 'community', years: 3, caseCount: 1, references: [reference], ranBy: 'retention schedule' });
    const page = pageText((await adminWeb.get('/data-protection/retention')).body);
    expect(page).toContain(reference);
  });

  it('anonymises a held case once its hold is lifted, and runs again without touching what is done', async () => {
    const [hold] = await h.deps.retention.holds(admin);
    await h.deps.retention.liftHold(admin, hold!.id);
    const again = await runRetention({ db: h.deps.db, clock: h.clock, audit: createAudit({ clock: h.clock }) }, orgId, systemActor('retention schedule'));
    expect(again.find((r) => r.caseType === 'community')?.anonymised).toBe(1);
    expect(await findEverywhere('Wolstenholme')).toEqual([]);
    expect(await h.deps.retention.destructionLog(admin)).toHaveLength(2);
  });

  it('takes schedules and holds from the page and the API, naming each mistake', async () => {
    const bad = await adminWeb.submit('/data-protection/retention', { community: 'three', send: '0' }, '/data-protection/retention/schedules');
    expect(bad.statusCode).toBe(422);
    expect(errorSummary(bad.body)).toContain('Enter the number of years as a whole number, like 6');
    expect(errorSummary(bad.body)).toContain('Keep records for at least 1 year after closure');
    expect(bad.body).toContain('value="three"');
    const saved = await adminWeb.submit(
      '/data-protection/retention',
      { community: '4', restorative_justice: '7', send: '6', social_care: '6' },
      '/data-protection/retention/schedules',
    );
    expect(saved.statusCode).toBe(303);
    const noCase = await adminWeb.submit('/data-protection/retention', { caseReference: 'XX-0000', reason: 'A claim' }, '/data-protection/retention/holds');
    expect(noCase.statusCode).toBe(422);
    expect(errorSummary(noCase.body)).toContain('There is no case with that reference in this service');
    expect(noCase.body).toContain('XX-0000');

    const { key } = await h.deps.apiKeys.createForOrg(orgId, { name: 'DPO tools', role: 'admin' }, systemActor('test'));
    const api = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
      h.app.inject({ method, url, payload: payload as Record<string, unknown>, headers: { authorization: `Bearer ${key}` } });
    const rules = (await api('GET', '/api/v1/retention')).json();
    expect(rules.rules.find((r: { caseType: string }) => r.caseType === 'community')).toMatchObject({ years: 4, isDefault: false, closedBefore: '2021-12-06' });
    const badPut = await api('PUT', '/api/v1/retention/schedules', { community: 0 });
    expect(badPut.statusCode).toBe(422);
    expect(badPut.json().error.fields.community).toBe('Keep records for at least 1 year after closure');
    const reference = (await h.deps.cases.get(admin, recent.caseId)).case.reference;
    const hold = await api('POST', '/api/v1/retention/holds', { caseReference: reference, reason: 'Police request' });
    expect(hold.statusCode).toBe(201);
    expect((await api('GET', '/api/v1/retention/holds')).json().holds).toEqual([expect.objectContaining({ reference, reason: 'Police request' })]);
    expect((await api('DELETE', `/api/v1/retention/holds/${hold.json().id}`)).statusCode).toBe(204);
    expect((await api('GET', '/api/v1/retention/destruction-log')).json().entries).toHaveLength(2);
    expect((await api('POST', '/api/v1/retention/runs')).statusCode).toBe(202);
  });
});
