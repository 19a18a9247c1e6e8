// The reports' area and local-authority filters, the time in each stage, agreements kept at follow-up and the
// volunteers report, each on a fixture counted by hand (the counts are read before suppression through
// computeReport, whose cells keep them; the API and the page show them suppressed).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '#src/access/actor.ts';
import { caseEvents, cases } from '#src/db/schema/cases.ts';
import { checkInAnswers, checkIns, followUpPoints } from '#src/db/schema/closing.ts';
import { referrals } from '#src/db/schema/referrals.ts';
import { accreditations, caseAssignments, dbsChecks, trainingRecords, volunteerHours, volunteers } from '#src/db/schema/volunteers.ts';
import { asSystem, inOrg } from '#src/db/tenant.ts';
import { findOrgById, updateOrgSettings } from '#src/features/orgs/org-records.ts';
import type { Metric, SpreadMetric, TableMetric } from '#src/features/reports/metrics.ts';
import { computeReport } from '#src/features/reports/reports.service.ts';
import type { ReportQuery } from '#src/features/reports/reports.schemas.ts';
import { newId } from '#src/lib/ids.ts';
import { makeMember, makeOrg, signIn } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import type { WebClient } from '../support/web-client.ts';

let h: Harness;
let admin: WebClient;
let key: string;
let orgId: string;
const PERIOD = { from: '2026-01-01', to: '2026-03-31' };
const Q = 'from=2026-01-01&to=2026-03-31';
const at = (iso: string) => new Date(iso);
const RIVERSIDE = 'Riverside District (fictional)';
const HARBOUR = 'Harbour City Council (fictional)';

beforeAll(async () => {
  h = await startHarness();
  ({ orgId } = await makeOrg(h.deps, 'places', 'Places Mediation (fictional)'));
  admin = await signIn(h, await makeMember(h.deps, orgId, 'admin', 'ada.admin@places.example'));
  key = (await h.deps.apiKeys.createForOrg(orgId, { name: 'Reports key', role: 'coordinator' }, systemActor('test'))).key;
  h.clock.current = at('2026-06-15T12:00:00Z');
  await asSystem(h.deps.db, async (tx) => {
    const settings = (await findOrgById(tx, orgId))!.settings;
    await updateOrgSettings(tx, orgId, {
      ...settings,
      reportThreshold: 2,
      areas: { postcodePrefixes: ['CT', 'ME14', 'TN9 1'], localAuthorities: [RIVERSIDE, HARBOUR] },
    } as typeof settings);
  });

  // Referrals in the period, all community and new: CT ×4 (Riverside), ME14 ×3 (Harbour), ME1 4AB ×1 (Harbour: in
  // ME1, not ME14, though its letters start the same), TN9 1 ×2 (Riverside), TN9 2 ×1 (Riverside, not TN9 1).
  let n = 0;
  const referral = (postcodeNorm: string, localAuthority: string) => ({
    id: newId(),
    orgId,
    reference: `PLC-R-${++n}`,
    source: 'self',
    status: 'new',
    caseType: 'community',
    description: 'A fictional dispute about a hedge',
    parties: [],
    answers: {},
    consentToContact: true,
    createdAt: at('2026-02-10T10:00:00Z'),
    postcodeNorm,
    localAuthority,
  });
  const referralRows = [
    ...Array.from({ length: 4 }, () => referral('CT11AA', RIVERSIDE)),
    ...Array.from({ length: 3 }, () => referral('ME145XX', HARBOUR)),
    referral('ME14AB', HARBOUR),
    ...Array.from({ length: 2 }, () => referral('TN91AB', RIVERSIDE)),
    referral('TN92AB', RIVERSIDE),
  ];

  // Cases: A, B (CT, opened in January), C (CT, opened in December), D, E (ME14), F (ME1 4AB), all community.
  const aCase = (ref: string, postcodeNorm: string, localAuthority: string, opened: string) => ({
    id: newId(),
    orgId,
    reference: `PLC-${ref}`,
    caseType: 'community',
    status: 'mediation',
    summary: 'A fictional dispute',
    postcodeNorm,
    localAuthority,
    openedAt: at(`${opened}T09:00:00Z`),
    statusChangedAt: at(`${opened}T09:00:00Z`),
  });
  const A = aCase('A', 'CT11AA', RIVERSIDE, '2026-01-05');
  const B = aCase('B', 'CT12AB', RIVERSIDE, '2026-01-10');
  const C = aCase('C', 'CT13XY', RIVERSIDE, '2025-12-01');
  const D = aCase('D', 'ME145XX', HARBOUR, '2026-02-01');
  const E = aCase('E', 'ME146YY', HARBOUR, '2026-02-02');
  const F = aCase('F', 'ME14AB', HARBOUR, '2026-02-03');

  // Stage changes (09:00 each, so whole days). Left in the period: intake A 10, B 4, D 10, F 2; ready A 5, B 12, C 2;
  // mediation A 30. Not counted: C's intake (left in December), B leaving mediation in April, and A's change of
  // pathway (a transition event with no stage).
  const move = (c: { id: string }, day: string, from: string, to: string) => ({
    orgId,
    caseId: c.id,
    kind: 'transition',
    at: at(`${day}T09:00:00Z`),
    summary: `${from} → ${to}`,
    data: { from, to },
  });
  const eventRows = [
    move(A, '2026-01-15', 'intake', 'ready'),
    move(A, '2026-01-20', 'ready', 'mediation'),
    { orgId, caseId: A.id, kind: 'transition', at: at('2026-01-17T09:00:00Z'), summary: 'Changed to conflict coaching', data: { pathway: 'coaching' } },
    move(A, '2026-02-19', 'mediation', 'outcome'),
    move(B, '2026-01-14', 'intake', 'ready'),
    move(B, '2026-01-26', 'ready', 'mediation'),
    move(B, '2026-04-10', 'mediation', 'outcome'),
    move(C, '2025-12-31', 'intake', 'ready'),
    move(C, '2026-01-02', 'ready', 'mediation'),
    move(D, '2026-02-11', 'intake', 'ready'),
    move(F, '2026-02-05', 'intake', 'ready'),
  ];

  // Follow-up points due in the period, and what was said at them: A's latest point (1 March) "not kept" (its
  // earlier point's "kept" does not count); B "kept"; C "kept"; D only "not yet due" (no answer); E no check-in (no
  // answer). F's point falls due in April (not counted).
  const point = (c: { id: string }, seq: number, due: string) => ({
    id: newId(),
    orgId,
    caseId: c.id,
    seq,
    weeks: 4 * seq,
    startOn: '2025-12-01',
    dueOn: due,
    createdAt: at('2025-12-01T09:00:00Z'),
  });
  const points = {
    a1: point(A, 1, '2026-02-01'),
    a2: point(A, 2, '2026-03-01'),
    b: point(B, 1, '2026-03-10'),
    c: point(C, 1, '2026-01-15'),
    d: point(D, 1, '2026-02-20'),
    e: point(E, 1, '2026-03-20'),
    f: point(F, 1, '2026-04-05'),
  };
  const checkInRows: (typeof checkIns.$inferInsert)[] = [];
  const answerRows: (typeof checkInAnswers.$inferInsert)[] = [];
  const answered = (p: { id: string; caseId: string }, when: string, answer: string) => {
    const id = newId();
    checkInRows.push({ id, orgId, caseId: p.caseId, pointId: p.id, source: 'phone', answeredAt: at(`${when}T10:00:00Z`) });
    answerRows.push({ id: newId(), orgId, checkInId: id, termId: null, answer });
  };
  answered(points.a1, '2026-02-02', 'partly');
  answered(points.a1, '2026-02-03', 'kept');
  answered(points.a2, '2026-03-02', 'not_kept');
  answered(points.b, '2026-03-11', 'kept');
  answered(points.c, '2026-01-16', 'kept');
  answered(points.d, '2026-02-21', 'not_yet_due');
  answered(points.f, '2026-04-06', 'kept');

  // Volunteers on 15 June 2026 (CPD 6 hours a year, DBS rechecked every 3 years):
  // V1 accredited 2024, CPD done in 2025 and 2026 → current; DBS 2024-01-10 → current.
  // V2 accredited 2024, 2026 not done yet → due; DBS 2023-08-01 → recheck 2026-08-01, expiring.
  // V3 accredited 2024, 2025 short → lapsed; DBS 2023-01-01 → expired.
  // V4 accredited September 2025 (2025 not held against them), nothing in 2026 → due; no DBS → expired.
  // V5 trainee; DBS 2022 with a clear Update Service check in 2025 → current.
  // V6 in training; DBS 2025 with new information → expired. V7 has left: not counted.
  const volunteer = (name: string, status: string) => ({
    id: newId(),
    orgId,
    name,
    status,
    createdAt: at('2024-01-01T09:00:00Z'),
    updatedAt: at('2024-01-01T09:00:00Z'),
  });
  const V = [
    volunteer('Vol One (fictional)', 'accredited'),
    volunteer('Vol Two (fictional)', 'accredited'),
    volunteer('Vol Three (fictional)', 'accredited'),
    volunteer('Vol Four (fictional)', 'accredited'),
    volunteer('Vol Five (fictional)', 'trainee'),
    volunteer('Vol Six (fictional)', 'in_training'),
    volunteer('Vol Seven (fictional)', 'left'),
  ] as const;
  const accredited = (v: { id: string }, on: string) => ({
    id: newId(),
    orgId,
    volunteerId: v.id,
    area: 'community',
    accreditedOn: on,
    createdAt: at(`${on}T09:00:00Z`),
  });
  const cpd = (v: { id: string }, on: string, minutes: number) => ({
    id: newId(),
    orgId,
    volunteerId: v.id,
    kind: 'cpd',
    title: 'A fictional CPD session',
    minutes,
    on,
    createdAt: at(`${on}T09:00:00Z`),
  });
  const dbs = (v: { id: string }, issuedOn: string, statusChecks: { id: string; on: string; result: 'no_change' | 'new_information' }[] = []) => ({
    id: newId(),
    orgId,
    volunteerId: v.id,
    level: 'enhanced',
    workforce: 'both',
    certificateNumber: 'sealed',
    certificateLast4: '0000',
    issuedOn,
    statusChecks,
    createdAt: at(`${issuedOn}T09:00:00Z`),
  });
  // Hours in the period: V1 120 minutes on A and 30 with no case, V2 90 on D (4 hours, 2 volunteers); V3's April
  // hours are outside it. Cases worked in the period: A (V1 from December, V5 from January) and D (V2, ended 20
  // February); not V1 on B (from April) or V3 on E (ended in December).
  const hours = (v: { id: string }, c: { id: string } | null, on: string, minutes: number) => ({
    id: newId(),
    orgId,
    volunteerId: v.id,
    caseId: c?.id ?? null,
    on,
    minutes,
    activity: 'meeting',
    createdAt: at(`${on}T18:00:00Z`),
  });
  const assigned = (v: { id: string }, c: { id: string }, from: string, to: string | null) => ({
    id: newId(),
    orgId,
    caseId: c.id,
    volunteerId: v.id,
    role: 'lead',
    assignedAt: at(`${from}T09:00:00Z`),
    endedAt: to ? at(`${to}T09:00:00Z`) : null,
  });

  await asSystem(h.deps.db, async (tx) => {
    await tx.insert(referrals).values(referralRows);
    await tx.insert(cases).values([A, B, C, D, E, F]);
    await tx.insert(caseEvents).values(eventRows);
    await tx.insert(followUpPoints).values(Object.values(points));
    await tx.insert(checkIns).values(checkInRows);
    await tx.insert(checkInAnswers).values(answerRows);
    await tx.insert(volunteers).values([...V]);
    await tx
      .insert(accreditations)
      .values([accredited(V[0], '2024-05-01'), accredited(V[1], '2024-05-01'), accredited(V[2], '2024-05-01'), accredited(V[3], '2025-09-01')]);
    await tx
      .insert(trainingRecords)
      .values([
        cpd(V[0], '2025-03-01', 400),
        cpd(V[0], '2026-02-01', 360),
        cpd(V[1], '2025-03-01', 400),
        cpd(V[1], '2026-02-01', 100),
        cpd(V[2], '2025-03-01', 100),
        cpd(V[2], '2026-02-01', 400),
      ]);
    await tx
      .insert(dbsChecks)
      .values([
        dbs(V[0], '2024-01-10'),
        dbs(V[1], '2023-08-01'),
        dbs(V[2], '2023-01-01'),
        dbs(V[4], '2022-01-01', [{ id: 's1', on: '2025-01-01', result: 'no_change' }]),
        dbs(V[5], '2025-01-01', [{ id: 's2', on: '2025-06-01', result: 'new_information' }]),
      ]);
    await tx
      .insert(volunteerHours)
      .values([hours(V[0], A, '2026-01-12', 120), hours(V[0], null, '2026-02-01', 30), hours(V[1], D, '2026-02-05', 90), hours(V[2], E, '2026-04-02', 60)]);
    await tx
      .insert(caseAssignments)
      .values([
        assigned(V[0], A, '2025-12-20', null),
        assigned(V[4], A, '2026-01-10', null),
        assigned(V[1], D, '2026-02-01', '2026-02-20'),
        assigned(V[0], B, '2026-04-05', null),
        assigned(V[2], E, '2025-10-01', '2025-12-15'),
      ]);
  });
});
afterAll(() => h?.close());

/** The report's metrics with their counts before suppression (cells keep them), as a coordinator's query reads them. */
const counted = (report: Parameters<typeof computeReport>[2], q: ReportQuery = {}) =>
  inOrg(h.deps.db, orgId, (tx) => computeReport(tx, orgId, report, { ...PERIOD, ...q }, h.clock.now()));
const metric = <M extends Metric>(ms: Metric[], id: string) => ms.find((m) => m.id === id) as M;
/** A one-column table's counts by row key, its total last. */
const column = (m: TableMetric) => Object.fromEntries([...m.rows.map((r, i) => [r.key, m.cells[i]![0]!.count]), ['total', m.cells.at(-1)![0]!.count]]);
const api = (path: string) => h.app.inject({ method: 'GET', url: path, headers: { authorization: `Bearer ${key}` } });

describe('area and local-authority filters', () => {
  it('counts referrals by postcode area, district or sector, never by first letters alone', async () => {
    const total = async (q: ReportQuery) => (await counted('referrals', q)).metrics[0]!;
    const grand = (m: Metric) => (m as TableMetric).cells.at(-1)!.at(-1)!.count;
    expect(grand(await total({}))).toBe(11);
    expect(grand(await total({ area: 'CT' }))).toBe(4);
    expect(grand(await total({ area: 'me14' }))).toBe(3); // not ME1 4AB
    expect(grand(await total({ area: 'TN9 1' }))).toBe(2); // not TN9 2AB
    expect(grand(await total({ localAuthority: HARBOUR.toLowerCase() }))).toBe(4);
    expect(grand(await total({ area: 'CT', localAuthority: HARBOUR }))).toBe(0);
  });

  it('narrows the cases, through the API with the place named in the answer', async () => {
    const res = await api(`/api/v1/reports/cases?${Q}&area=ME14`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ area: 'ME14', localAuthority: null });
    const opened = (await counted('cases', { localAuthority: HARBOUR })).metrics[1] as TableMetric;
    expect(opened.cells.at(-1)).toEqual([
      { count: 3, suppression: 'none' },
      { count: 0, suppression: 'none' },
    ]);
    const byArea = (await counted('cases', { area: 'ME14' })).metrics[1] as TableMetric;
    expect(byArea.cells.at(-1)![0]!.count).toBe(2);
  });

  it('refuses a place the service does not cover with a specific message: 422 in the API, the form again on the page', async () => {
    const res = await api(`/api/v1/reports/referrals?${Q}&area=ZZ9&localAuthority=Nowhere`);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields).toEqual({
      area: 'Choose one of the service’s areas: CT, ME14, TN9 1',
      localAuthority: `Choose one of the local authorities the service covers: ${RIVERSIDE}, ${HARBOUR}`,
    });
    const page = await admin.get(`/reports/referrals?${Q}&area=ZZ9`);
    expect(page.statusCode).toBe(422);
    expect(page.body).toContain('Choose one of the service’s areas: CT, ME14, TN9 1');
    expect(page.body).toContain('value="2026-01-01"');
    // The download goes back to the page, which says why.
    const csv = await admin.get(`/reports/referrals/csv?${Q}&area=ZZ9`);
    expect(csv.statusCode).toBe(303);
    expect(csv.headers.location).toContain('/reports/referrals?');
  });

  it('offers the service’s own areas and local authorities, keeps the choice in the downloads', async () => {
    const page = await admin.get(`/reports/cases?${Q}&area=CT`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<option value="CT" selected>');
    expect(page.body).toContain(`<option value="${HARBOUR}">`);
    expect(page.body).toContain('/reports/cases/csv?from=2026-01-01&amp;to=2026-03-31&amp;area=CT');
    expect(page.body).toContain('<input type="hidden" name="area" value="CT">');
    // The file says where it covers, on its third line.
    const csv = await admin.get(`/reports/cases/csv?${Q}&localAuthority=${encodeURIComponent(HARBOUR)}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body.split('\r\n')[2]).toBe(`"All case types, in ${HARBOUR}"`);
    const whole = await admin.get(`/reports/cases/csv?${Q}`);
    expect(whole.body.split('\r\n')[2]).toBe('All case types');
  });
});

describe('time in each stage', () => {
  it('gives the median and 90th percentile days of each stage left in the period, hiding a stage left too few times', async () => {
    const m = metric<SpreadMetric>((await counted('cases')).metrics, 'time-in-stage');
    const row = (k: string) => m.rows.find((r) => r.key === k)!;
    // intake [2, 4, 10, 10]: median 7, 90th percentile 10; ready [2, 5, 12]: 5 and 10.6; mediation [30]: hidden.
    expect(row('intake')).toMatchObject({ count: 4, median: 7, p90: 10, suppression: 'none' });
    expect(row('ready')).toMatchObject({ count: 3, median: 5, p90: 10.6, suppression: 'none' });
    expect(row('mediation')).toMatchObject({ count: 1, suppression: 'primary' });
    expect(row('outcome')).toMatchObject({ count: 0, median: null, suppression: 'none' });
    // By place: CT's intake [4, 10]; Harbour's [2, 10].
    const ct = metric<SpreadMetric>((await counted('cases', { area: 'CT' })).metrics, 'time-in-stage').rows.find((r) => r.key === 'intake');
    expect(ct).toMatchObject({ count: 2, median: 7, p90: 9.4 });
    const harbour = metric<SpreadMetric>((await counted('cases', { localAuthority: HARBOUR })).metrics, 'time-in-stage').rows.find((r) => r.key === 'intake');
    expect(harbour).toMatchObject({ count: 2, median: 6, p90: 9.2 });
  });

  it('shows them in the API and the CSV, the hidden row in words', async () => {
    const res = await api(`/api/v1/reports/cases?${Q}`);
    const spread = res.json().metrics.find((m: { id: string }) => m.id === 'time-in-stage');
    expect(spread.rows.find((r: { key: string }) => r.key === 'ready')).toEqual({
      key: 'ready',
      label: 'Ready',
      count: 3,
      medianDays: 5,
      p90Days: 10.6,
      suppressed: null,
    });
    expect(spread.rows.find((r: { key: string }) => r.key === 'mediation')).toMatchObject({
      count: null,
      medianDays: null,
      suppressed: 'fewer_than_threshold',
    });
    const csv = (await admin.get(`/reports/cases/csv?${Q}`)).body.split('\r\n');
    expect(csv).toContain('Stage,Times left,Median days,90th percentile days');
    expect(csv).toContain('Intake,4,7,10');
    expect(csv).toContain('Mediation,fewer than 2,withheld,withheld');
  });
});

describe('agreements kept at follow-up', () => {
  it('counts each case at its latest point due in the period by the newest answer there', async () => {
    const m = metric<TableMetric>((await counted('agreements')).metrics, 'kept-at-follow-up');
    expect(column(m)).toEqual({ kept: 2, partly: 0, not_kept: 1, no_answer: 2, total: 5 });
    // 1 is fewer than 2; "kept" is withheld so the total cannot reveal it.
    expect(m.cells.map((r) => r[0]!.suppression)).toEqual(['secondary', 'none', 'primary', 'none', 'none']);
    expect(column(metric<TableMetric>((await counted('agreements', { area: 'ME14' })).metrics, 'kept-at-follow-up'))).toEqual({
      kept: 0,
      partly: 0,
      not_kept: 0,
      no_answer: 2,
      total: 2,
    });
    // The community funder return reads the same answers.
    expect(column(metric<TableMetric>((await counted('community-return')).metrics, 'kept-at-follow-up')).total).toBe(5);
  });
});

describe('volunteers', () => {
  it('gives hours, cases worked, training and DBS standing, counted by hand', async () => {
    const ms = (await counted('volunteers')).metrics;
    const work = ms[0]!;
    expect(work.kind === 'figures' && work.figures.map((f) => [f.id, f.value, f.basedOn, f.suppression])).toEqual([
      ['hours-given', 4, 2, 'none'],
      ['cases-worked', 2, 2, 'none'],
    ]);
    expect(column(metric<TableMetric>(ms, 'training-standing'))).toEqual({ current: 1, due: 2, lapsed: 1, total: 4 });
    expect(column(metric<TableMetric>(ms, 'dbs-standing'))).toEqual({ current: 2, expiring: 1, expired: 3, total: 6 });
  });

  it('narrows to the volunteers and hours of cases in a place, hiding what rests on one volunteer', async () => {
    const ms = (await counted('volunteers', { area: 'CT' })).metrics;
    const work = ms[0]!;
    expect(work.kind === 'figures' && work.figures.map((f) => [f.id, f.value, f.suppression])).toEqual([
      ['hours-given', 2, 'primary'],
      ['cases-worked', 1, 'primary'],
    ]);
    expect(column(metric<TableMetric>(ms, 'training-standing'))).toEqual({ current: 1, due: 0, lapsed: 0, total: 1 });
    expect(column(metric<TableMetric>(ms, 'dbs-standing'))).toEqual({ current: 2, expiring: 0, expired: 0, total: 2 });
  });

  it('shows each metric with its definition on the page', async () => {
    const res = await admin.get(`/reports/volunteers?${Q}`);
    expect(res.statusCode).toBe(200);
    const text = res.body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('Hours given 4 Hours volunteers recorded for days in the period');
    expect(text).toContain('Expired or missing 3');
    expect(text).toContain('Accredited volunteers today by their CPD');
  });
});
