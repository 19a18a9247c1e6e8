// The reports on a fixture counted by hand: referrals by source and outcome with one suppressed count and the
// secondary suppression that protects it, the same in the page, the CSV and the API; the medians and stage counts;
// and who may see them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '#src/access/actor.ts';
import { cases, caseEvents } from '#src/db/schema/cases.ts';
import { referrals } from '#src/db/schema/referrals.ts';
import { and, eq } from '#src/db/orm.ts';
import { auditEvents } from '#src/db/schema/audit.ts';
import { asSystem } from '#src/db/tenant.ts';
import { findOrgById, updateOrgSettings } from '#src/features/orgs/org-records.ts';
import { newId } from '#src/lib/ids.ts';
import { makeMember, makeOrg, signIn } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import type { WebClient } from '../support/web-client.ts';

let h: Harness;
let admin: WebClient;
let mediator: WebClient;
let key: string;
let orgId: string;
const Q = 'from=2026-01-01&to=2026-03-31&caseType=community';
const DAY = 86_400_000;
const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  h = await startHarness();
  ({ orgId } = await makeOrg(h.deps, 'alpha', 'Alpha Mediation (fictional)'));
  admin = await signIn(h, await makeMember(h.deps, orgId, 'admin', 'ada.admin@alpha.example'));
  mediator = await signIn(h, await makeMember(h.deps, orgId, 'mediator', 'mo.mediator@alpha.example'));
  key = (await h.deps.apiKeys.createForOrg(orgId, { name: 'Reports key', role: 'coordinator' }, systemActor('test'))).key;

  // Referrals, community, in the period: self 7 accepted + 3 declined; professional 6 accepted + 5 declined.
  // Not counted: one the day before the period, and one SEND referral (another case type).
  let n = 0;
  const referral = (source: string, status: string, createdAt: Date, caseType = 'community') => ({
    id: newId(),
    orgId,
    reference: `ALP-R-${++n}`,
    source,
    status,
    caseType,
    description: 'A fictional dispute about a fence',
    parties: [],
    answers: {},
    consentToContact: true,
    createdAt,
  });
  const rows = [
    ...Array.from({ length: 7 }, (_, i) => referral('self', 'accepted', at(`2026-01-${String(i + 2).padStart(2, '0')}T10:00:00Z`))),
    ...Array.from({ length: 3 }, () => referral('self', 'declined', at('2026-02-10T10:00:00Z'))),
    ...Array.from({ length: 6 }, () => referral('professional', 'accepted', at('2026-03-31T23:30:00Z'))),
    ...Array.from({ length: 5 }, () => referral('professional', 'declined', at('2026-01-01T00:00:00Z'))),
    referral('self', 'accepted', at('2025-12-31T23:59:00Z')),
    referral('professional', 'new', at('2026-02-01T10:00:00Z'), 'send'),
  ];
  // Six community cases opened in the period, from six of the self-referrals; first contacts after 1, 2, 3, 4, 5 and
  // 10 days (median 3.5); four still at intake, two closed in the period with the agreement kept.
  const opened = rows.slice(0, 6);
  const waits = [1, 2, 3, 4, 5, 10];
  await asSystem(h.deps.db, async (tx) => {
    await tx.insert(referrals).values(rows);
    const caseRows = opened.map((r, i) => ({
      id: newId(),
      orgId,
      reference: `ALP-C-${i + 1}`,
      caseType: 'community',
      status: i < 4 ? 'intake' : 'closed',
      closingReason: i < 4 ? null : 'agreement_kept',
      referralId: r.id,
      summary: 'A fictional dispute',
      openedAt: new Date(r.createdAt.getTime() + 3_600_000),
      statusChangedAt: r.createdAt,
      closedAt: i < 4 ? null : at('2026-03-20T12:00:00Z'),
    }));
    await tx.insert(cases).values(caseRows);
    await tx.insert(caseEvents).values(
      caseRows.flatMap((c, i) => [
        { orgId, caseId: c.id, kind: 'contact', at: new Date(opened[i]!.createdAt.getTime() + waits[i]! * DAY + 60_000), summary: 'Phoned' },
        { orgId, caseId: c.id, kind: 'contact', at: new Date(opened[i]!.createdAt.getTime() + 20 * DAY), summary: 'Phoned again' },
      ]),
    );
  });
});
afterAll(() => h?.close());

/** The service's own threshold (settings.reportThreshold), keeping its other settings. */
const setThreshold = (n: number) =>
  asSystem(h.deps.db, async (tx) => {
    const settings = (await findOrgById(tx, orgId))!.settings;
    await updateOrgSettings(tx, orgId, { ...settings, reportThreshold: n } as typeof settings);
  });

// The referrals table worked by hand (community, 1 January to 31 March 2026):
//                 New  Accepted  Declined  Signposted | Total
// Self-referral     0    7 (S)     3 (P)        0     |  10
// Professional      0    6 (S)     5 (S)        0     |  11
// Total             0   13         8            0     |  21
// 3 is fewer than 5; 7 hides it from the row total, 6 from the Accepted total, 5 from the Declined total.
describe('referrals by source and outcome', () => {
  it('shows the suppressed count and its secondary suppression on the page', async () => {
    const res = await admin.get(`/reports/referrals?${Q}`);
    expect(res.statusCode).toBe(200);
    const text = res.body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('Self-referral 0 withheld fewer than 5 0 10');
    expect(text).toContain('Professional (online form) 0 withheld withheld 0 11');
    expect(text).toContain('Total 0 13 8 0 21');
    expect(text).toContain('Referrals received in the period');
  });

  it('writes the same figures to the CSV', async () => {
    const res = await admin.get(`/reports/referrals/csv?${Q}`);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="referrals-2026-01-01-to-2026-03-31.csv"');
    const lines = res.body.split('\r\n');
    expect(lines).toContain('Self-referral,0,withheld,fewer than 5,0,10');
    expect(lines).toContain('Professional (online form),0,withheld,withheld,0,11');
    expect(lines).toContain('Total,0,13,8,0,21');
    expect(res.body).not.toMatch(/,7,|,6,|,3,|,5,/);
  });

  it('writes the same figures to an XLSX workbook: shown figures as numbers, hidden ones in words', async () => {
    const res = await admin.get(`/reports/referrals/xlsx?${Q}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe('attachment; filename="referrals-2026-01-01-to-2026-03-31.xlsx"');
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    book.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]).toEqual(['Referrals by source and outcome']);
    expect(rows).toContainEqual(['Self-referral', 0, 'withheld', 'fewer than 5', 0, 10]);
    expect(rows).toContainEqual(['Professional (online form)', 0, 'withheld', 'withheld', 0, 11]);
    expect(rows).toContainEqual(['Total', 0, 13, 8, 0, 21]);
    for (const hidden of [7, 6, 3, 5]) expect(rows.flat()).not.toContain(hidden);
  });

  it('has a printable version: the report without its form', async () => {
    const res = await admin.get(`/reports/referrals/print?${Q}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('<form method="get"');
    expect(res.body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')).toContain('Self-referral 0 withheld fewer than 5 0 10');
  });

  it('marks them in the API, never giving the hidden values', async () => {
    const res = await h.app.inject({ method: 'GET', url: `/api/v1/reports/referrals?${Q}`, headers: { authorization: `Bearer ${key}` } });
    expect(res.statusCode).toBe(200);
    const table = res.json().metrics[0];
    const shown = table.cells.map((r: { value: number | null; suppressed: string | null }[]) => r.map((c) => c.suppressed ?? c.value));
    expect(shown).toEqual([
      [0, 'secondary', 'fewer_than_threshold', 0, 10],
      [0, 'secondary', 'secondary', 0, 11],
      [0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0],
      [0, 13, 8, 0, 21],
    ]);
    expect(table.cells[0][2]).toEqual({ value: null, suppressed: 'fewer_than_threshold' });
    expect(res.json().threshold).toBe(5);
  });

  it('counts the other case type when no type is chosen', async () => {
    const res = await h.app.inject({
      method: 'GET',
      url: '/api/v1/reports/referrals?from=2026-01-01&to=2026-03-31',
      headers: { authorization: `Bearer ${key}` },
    });
    expect(res.json().metrics[0].cells[4].at(-1)).toEqual({ value: 22, suppressed: null });
  });
});

describe('the other reports', () => {
  it('gives the median days to first contact, and cases by stage with small counts hidden', async () => {
    const api = (report: string) => h.app.inject({ method: 'GET', url: `/api/v1/reports/${report}?${Q}`, headers: { authorization: `Bearer ${key}` } });
    const timeliness = (await api('timeliness')).json().metrics[0].figures;
    expect(timeliness[0]).toMatchObject({ id: 'to-first-contact', value: 3.5, basedOn: 6, suppressed: null });
    expect(timeliness[1]).toMatchObject({ id: 'to-first-meeting', value: null, basedOn: 0, suppressed: null });
    // Stage now: 4 at intake, 2 closed (both fewer than 5), 6 in all.
    const stages = (await api('cases')).json().metrics[0];
    expect(stages.cells[0]).toEqual([{ value: null, suppressed: 'fewer_than_threshold' }]);
    expect(stages.cells[5]).toEqual([{ value: null, suppressed: 'fewer_than_threshold' }]);
    expect(stages.cells.at(-1)).toEqual([{ value: 6, suppressed: null }]);
    // Opened in the period: 6 community cases; closed: 2.
    const openedClosed = (await api('cases')).json().metrics[1];
    expect(openedClosed.cells[0]).toEqual([
      { value: 6, suppressed: null },
      { value: null, suppressed: 'fewer_than_threshold' },
    ]);
    for (const report of ['agreements', 'community-return']) expect((await api(report)).statusCode).toBe(200);
    const community = (await api('community-return')).json().metrics[0].figures;
    expect(community[0]).toMatchObject({ id: 'referred', value: 21 });
  });
});

describe('charts', () => {
  it('draws each metric as an SVG bar chart with a title and description, hidden figures as words and never as bars', async () => {
    const page = await admin.get(`/reports/cases?${Q}`);
    expect(page.statusCode).toBe(200);
    const svg = page.body.match(/<svg[^>]*aria-labelledby="cases-by-stage-chart-title[\s\S]*?<\/svg>/)?.[0] ?? '';
    expect(svg).toContain('role="img"');
    expect(svg).toContain('<title id="cases-by-stage-chart-title">Cases by stage now</title>');
    expect(svg).toContain('<desc id="cases-by-stage-chart-desc">');
    expect(svg).not.toMatch(/<style|<script|\son\w+=/); // drawn whole on the server: no script, no inline style
    // Stage now: intake 4 and closed 2 are both hidden; every other stage is 0. So no bar has any length, and the two
    // hidden figures are written, not drawn.
    const bars = [...svg.matchAll(/<rect[^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(bars.every((w) => w === 0)).toBe(true);
    expect(svg.match(/fewer than 5/g)).toHaveLength(2);
    expect(svg).not.toMatch(/>4<|>2<|>6</);
    // Opened (6, shown) and closed (2, hidden): one bar with length, the hidden one in words.
    const opened = page.body.match(/<svg[^>]*aria-labelledby="opened-closed-chart-title[\s\S]*?<\/svg>/)?.[0] ?? '';
    expect([...opened.matchAll(/<rect[^>]*width="([\d.]+)"/g)].filter((m) => Number(m[1]) > 0)).toHaveLength(1);
    expect(opened).toContain('>6<');
    expect(opened).toContain('fewer than 5');
  });
});

describe('who may see reports, and bad input', () => {
  it('lets admins and coordinators in, and refuses a mediator', async () => {
    expect((await admin.get('/reports')).statusCode).toBe(200);
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/reports', headers: { authorization: `Bearer ${key}` } })).json().reports).toHaveLength(8);
    expect((await mediator.get('/reports')).statusCode).toBe(403);
    expect((await mediator.get(`/reports/referrals?${Q}`)).statusCode).toBe(403);
  });

  it('says what is wrong with a date, keeps what was typed, and gives 422 with the field in the API', async () => {
    // A day that does not exist is refused at the edge, before the report reads anything.
    const unreal = await admin.get('/reports/referrals?from=2026-02-30&to=2026-03-01');
    expect(unreal.statusCode).toBe(422);
    expect(unreal.body).toContain('Enter a real date');
    const page = await admin.get('/reports/referrals?from=2026-03-01&to=2026-01-01&caseType=send');
    expect(page.statusCode).toBe(422);
    expect(page.body).toContain('The end date must be the same as or after the start date');
    expect(page.body).toContain('value="2026-03-01"');
    expect(page.body).toContain('<option value="send" selected>');
    const api = await h.app.inject({
      method: 'GET',
      url: '/api/v1/reports/referrals?from=2026-03-01&to=2026-01-01',
      headers: { authorization: `Bearer ${key}` },
    });
    expect(api.statusCode).toBe(422);
    expect(Object.keys(api.json().error.fields)).toEqual(['to']);
    expect((await admin.get('/reports/nothing')).statusCode).toBe(404);
  });
});

describe('the service’s threshold, and the audit trail', () => {
  it('records each viewing and download with its filter, never a figure', async () => {
    const rows = await asSystem(h.deps.db, (tx) =>
      tx
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.orgId, orgId), eq(auditEvents.action, 'reports.downloaded'))),
    );
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(rows[0]!.detail).toEqual({ report: 'referrals', from: '2026-01-01', to: '2026-03-31', caseType: 'community', area: null, localAuthority: null });
  });

  it('hides counts below the threshold the service set', async () => {
    await setThreshold(10);
    const res = await h.app.inject({ method: 'GET', url: `/api/v1/reports/referrals?${Q}`, headers: { authorization: `Bearer ${key}` } });
    expect(res.json().threshold).toBe(10);
    // Now 7, 3, 6, 5 and the Declined total 8 are all fewer than 10; 13 goes too, or 21 − 13 would give the 8 away.
    const shown = res.json().metrics[0].cells.map((r: { value: number | null; suppressed: string | null }[]) => r.map((c) => c.suppressed ?? c.value));
    expect(shown[0]).toEqual([0, 'fewer_than_threshold', 'fewer_than_threshold', 0, 10]);
    expect(shown[1]).toEqual([0, 'fewer_than_threshold', 'fewer_than_threshold', 0, 11]);
    expect(shown[4]).toEqual([0, 'secondary', 'fewer_than_threshold', 0, 21]);
    expect((await admin.get(`/reports/referrals?${Q}`)).body).toContain('fewer than 10');
    await setThreshold(5);
  });

  it('lets an admin change the threshold on its page, keeps what was typed when wrong, and audits the change', async () => {
    const page = await admin.get('/reports/threshold');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('value="5"');
    const wrong = await admin.post('/reports/threshold', { threshold: '1.5' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('Enter the threshold as a whole number from 2 to 100');
    expect(wrong.body).toContain('value="1.5"');
    expect((await admin.post('/reports/threshold', { threshold: '101' })).statusCode).toBe(422);
    const saved = await admin.post('/reports/threshold', { threshold: '7' });
    expect(saved.statusCode).toBe(303);
    const res = await h.app.inject({ method: 'GET', url: `/api/v1/reports/referrals?${Q}`, headers: { authorization: `Bearer ${key}` } });
    expect(res.json().threshold).toBe(7);
    const audited = await asSystem(h.deps.db, (tx) =>
      tx
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.orgId, orgId), eq(auditEvents.action, 'settings.updated'))),
    );
    expect(audited.map((a) => a.detail)).toContainEqual({ changed: ['reportThreshold'] });
    expect((await mediator.get('/reports/threshold')).statusCode).toBe(403);
    await setThreshold(5);
  });
});
