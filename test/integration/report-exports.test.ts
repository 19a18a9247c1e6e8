// A report's spreadsheet made in the background: asked for from the report page or the API, its progress on its own
// page (and API answer), made by the job, then downloaded by its asker only, with small numbers hidden as in every
// other view, until it expires: after a week the nightly purge deletes the file and its page offers to make it again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '#src/access/actor.ts';
import { eq } from '#src/db/orm.ts';
import { referrals } from '#src/db/schema/referrals.ts';
import { reportExports } from '#src/db/schema/reports.ts';
import { asSystem } from '#src/db/tenant.ts';
import { purgeExportsJob } from '#src/features/reports/purge-exports.job.ts';
import { JOBS, RECURRING } from '#src/jobs/registry.ts';
import { createWorker } from '#src/jobs/worker.ts';
import { newId } from '#src/lib/ids.ts';
import { momentInWords } from '#src/domain/meeting-times.ts';
import { makeMember, makeOrg, signIn } from '../support/factories.ts';
import { actorFor } from '../support/volunteers.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { pageText } from '../support/page-text.ts';
import type { WebClient } from '../support/web-client.ts';

let h: Harness;
let ada: WebClient;
let cora: WebClient;
let orgId: string;
const DAY = 86_400_000;
let adaMember: Awaited<ReturnType<typeof makeMember>>;
let coraMember: Awaited<ReturnType<typeof makeMember>>;

beforeAll(async () => {
  h = await startHarness();
  ({ orgId } = await makeOrg(h.deps, 'exports', 'Export Mediation (fictional)'));
  adaMember = await makeMember(h.deps, orgId, 'admin', 'ada.admin@exports.example');
  await h.deps.settings.update(actorFor(orgId, adaMember.userId, 'admin'), { areas: { postcodePrefixes: ['CT'] } });
  ada = await signIn(h, adaMember);
  coraMember = await makeMember(h.deps, orgId, 'coordinator', 'cora.coordinator@exports.example');
  cora = await signIn(h, coraMember);
  // Community referrals in March 2026: 3 self-referrals (fewer than 5) and 8 professional, all accepted.
  let n = 0;
  const referral = (source: string) => ({
    id: newId(),
    orgId,
    reference: `EXP-R-${++n}`,
    source,
    status: 'accepted',
    caseType: 'community',
    description: 'A fictional dispute about parking',
    parties: [],
    answers: {},
    consentToContact: true,
    createdAt: new Date('2026-03-10T10:00:00Z'),
  });
  await asSystem(h.deps.db, (tx) =>
    tx.insert(referrals).values([...Array.from({ length: 3 }, () => referral('self')), ...Array.from({ length: 8 }, () => referral('professional'))]),
  );
}, 60_000);
afterAll(() => h?.close());

describe('a spreadsheet made in the background', () => {
  it('shows its progress, is made by the job, and downloads with the small count hidden', async () => {
    await ada.get('/reports/referrals?from=2026-03-01&to=2026-03-31');
    const asked = await ada.post('/reports/referrals/exports', { from: '2026-03-01', to: '2026-03-31', caseType: 'community' });
    expect(asked.statusCode).toBe(303);
    const page = asked.headers.location!;
    expect(page).toMatch(/^\/reports\/exports\/[0-9a-f-]{36}$/);
    const waiting = await ada.get(page);
    expect(waiting.statusCode).toBe(200);
    expect(waiting.body).toContain('Waiting to start.');
    expect(waiting.body).not.toContain(`${page}/file`);
    expect((await ada.get(`${page}/file`)).statusCode).toBe(409);

    const worker = createWorker({ db: h.deps.db, clock: h.clock, log: h.deps.log, jobs: JOBS });
    expect(await worker.runOnce()).toBeGreaterThanOrEqual(1);

    const ready = await ada.get(page);
    expect(ready.body).toContain('Ready');
    expect(ready.body).toContain(`${page}/file`);
    const file = await ada.get(`${page}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toBe('attachment; filename="referrals-2026-03-01-to-2026-03-31.xlsx"');
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    book.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    // Self 3 is hidden and the Accepted column's 8 with it (the total 11 would give it away); the row total of 3 too.
    expect(rows).toContainEqual(['Self-referral', 0, 'fewer than 5', 0, 0, 'fewer than 5']);
    expect(rows.flat()).not.toContain(3);
  });

  it('is seen and downloaded by its asker only', async () => {
    await ada.get('/reports/referrals');
    const page = (await ada.post('/reports/referrals/exports', { from: '2026-03-01', to: '2026-03-31' })).headers.location!;
    expect((await cora.get(page)).statusCode).toBe(404);
    expect((await cora.get(`${page}/file`)).statusCode).toBe(404);
    expect((await ada.get('/reports/exports/not-an-id')).statusCode).toBe(404);
  });
});

describe('the API twin', () => {
  let key: string;
  let otherKey: string;
  const api = (k: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    h.app.inject({ method, url, payload: payload as Record<string, string>, headers: { authorization: `Bearer ${k}` } });
  beforeAll(async () => {
    key = (await h.deps.apiKeys.createForOrg(orgId, { name: 'Funder dashboard (fictional)', role: 'coordinator' }, systemActor('test'))).key;
    otherKey = (await h.deps.apiKeys.createForOrg(orgId, { name: 'Another dashboard (fictional)', role: 'admin' }, systemActor('test'))).key;
  });

  it('asks with the report’s filter (202), follows its progress and downloads the XLSX; another key is told it does not exist', async () => {
    const bad = await api(key, 'POST', '/api/v1/reports/referrals/exports', { from: '2026-03-31', to: '2026-03-01' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('The end date must be the same as or after the start date');
    expect((await api(key, 'POST', '/api/v1/reports/no-such-report/exports', {})).statusCode).toBeGreaterThanOrEqual(400);
    // A place the service does not cover is refused when asked, not when the job runs.
    const nowhere = await api(key, 'POST', '/api/v1/reports/referrals/exports', { area: 'ZZ9' });
    expect(nowhere.statusCode).toBe(422);
    expect(nowhere.json().error.fields).toHaveProperty('area');
    const asked = await api(key, 'POST', '/api/v1/reports/referrals/exports', { from: '2026-03-01', to: '2026-03-31', caseType: 'community' });
    expect(asked.statusCode, asked.body).toBe(202);
    const { id, statusUrl } = asked.json() as { id: string; statusUrl: string };
    expect(statusUrl).toBe(`/api/v1/reports/exports/${id}`);
    expect(asked.headers.location).toBe(statusUrl);
    const queued = (await api(key, 'GET', statusUrl)).json();
    expect(queued).toMatchObject({
      id,
      report: 'referrals',
      status: 'queued',
      fileUrl: null,
      filter: { from: '2026-03-01', to: '2026-03-31', caseType: 'community' },
    });
    expect((await api(key, 'GET', `${statusUrl}/file`)).statusCode).toBe(409);
    expect((await api(otherKey, 'GET', statusUrl)).statusCode).toBe(404);

    await createWorker({ db: h.deps.db, clock: h.clock, log: h.deps.log, jobs: JOBS }).runOnce();
    const ready = (await api(key, 'GET', statusUrl)).json();
    expect(ready).toMatchObject({ status: 'ready', fileUrl: `${statusUrl}/file` });
    expect(ready.rowsDone).toBe(ready.rowsTotal);
    const file = await api(key, 'GET', ready.fileUrl);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await api(otherKey, 'GET', ready.fileUrl)).statusCode).toBe(404);
  });
});

describe('purging old spreadsheets', () => {
  it('keeps the file a week for its asker, then the nightly job deletes it and the page offers to make it again', async () => {
    // Signed in again at each moment, so the session's own time-outs play no part.
    // Moments after the start, forwards only (a sign-in code is used once, in time order).
    const start = h.clock.now().getTime();
    const at = async (days: number) => {
      h.clock.current = new Date(start + days * DAY);
      ada = await signIn(h, adaMember);
      await ada.get('/reports/referrals');
    };
    await at(0);
    const page = (await ada.post('/reports/referrals/exports', { from: '2026-03-01', to: '2026-03-31', caseType: 'community', area: 'CT' })).headers.location!;
    const id = page.split('/').pop()!;
    await createWorker({ db: h.deps.db, clock: h.clock, log: h.deps.log, jobs: JOBS }).runOnce();
    expect((await ada.get(`${page}/file`)).statusCode).toBe(200);
    const [made] = await asSystem(h.deps.db, (tx) => tx.select().from(reportExports).where(eq(reportExports.id, id)));
    const until = momentInWords(new Date(made!.createdAt.getTime() + 7 * DAY));
    expect(pageText((await ada.get(page)).body)).toContain(`You can download it until ${until}.`);

    // Six days on, the nightly purge leaves it.
    const nightly = () =>
      createWorker({ db: h.deps.db, clock: h.clock, log: h.deps.log, jobs: JOBS, recurring: RECURRING.filter((r) => r.job === purgeExportsJob) });
    await at(6);
    await nightly().runOnce();
    expect((await ada.get(`${page}/file`)).statusCode).toBe(200);

    // Past its week it is not given, even before the purge runs; then the purge deletes the file.
    await at(7.01);
    const late = await ada.get(`${page}/file`);
    expect(late.statusCode).toBe(409);
    expect(pageText(late.body)).toContain('This spreadsheet has expired');
    await at(7.5);
    await nightly().runOnce();
    const [row] = await asSystem(h.deps.db, (tx) => tx.select().from(reportExports).where(eq(reportExports.id, id)));
    expect(row).toMatchObject({ status: 'expired', content: null });

    const expired = await ada.get(page);
    expect(expired.statusCode).toBe(200);
    const text = pageText(expired.body);
    expect(text).toContain('Expired');
    expect(text).toContain('This spreadsheet has expired: spreadsheets are kept for 7 days. You can make it again with the same filter.');
    expect(expired.body).not.toContain(`${page}/file`);
    expect(expired.body).toContain('action="/reports/referrals/exports"');
    expect(expired.body).toContain('name="caseType" value="community"');
    expect(expired.body).toContain('name="area" value="CT"');
    // Making it again asks for a new export with the same filter.
    const again = await ada.post('/reports/referrals/exports', { from: '2026-03-01', to: '2026-03-31', caseType: 'community' });
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).not.toBe(page);
    expect(again.headers.location).toMatch(/^\/reports\/exports\//);
    expect(pageText((await ada.get(again.headers.location!)).body)).toContain('Waiting to start.');
    // Still only its asker's, even expired.
    cora = await signIn(h, coraMember);
    expect((await cora.get(page)).statusCode).toBe(404);
  });

  it('deletes the expired row after a month, and nothing younger', async () => {
    const ctx = { db: h.deps.db, clock: h.clock, orgId: null };
    // Well over a month after every export made above, whenever this runs.
    h.clock.current = new Date(h.clock.now().getTime() + 60 * DAY);
    const fresh = await h.deps.reportExports.request(
      { type: 'user', id: 'someone', label: 'x', orgId, orgSlug: 'exports', orgName: 'x', role: 'admin' },
      'cases',
      {},
      'en',
    );
    await purgeExportsJob.run(purgeExportsJob.schema.parse({}), ctx);
    const left = await asSystem(h.deps.db, (tx) => tx.select({ id: reportExports.id, createdAt: reportExports.createdAt }).from(reportExports));
    expect(left.map((r) => r.id)).toEqual([fresh]);
  });
});
