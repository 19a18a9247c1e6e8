// A report's spreadsheet made in the background: asked for from the report page, its progress on its own page, made
// by the job, then downloaded by its asker only, with small numbers hidden as in every other view.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referrals } from '#src/db/schema/referrals.ts';
import { asSystem } from '#src/db/tenant.ts';
import { JOBS } from '#src/jobs/registry.ts';
import { createWorker } from '#src/jobs/worker.ts';
import { newId } from '#src/lib/ids.ts';
import { makeMember, makeOrg, signIn } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import type { WebClient } from '../support/web-client.ts';

let h: Harness;
let ada: WebClient;
let cora: WebClient;
let orgId: string;

beforeAll(async () => {
  h = await startHarness();
  ({ orgId } = await makeOrg(h.deps, 'exports', 'Export Mediation (fictional)'));
  ada = await signIn(h, await makeMember(h.deps, orgId, 'admin', 'ada.admin@exports.example'));
  cora = await signIn(h, await makeMember(h.deps, orgId, 'coordinator', 'cora.coordinator@exports.example'));
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
