// The reports in Chromium with JavaScript turned off: an admin finds Reports in the navigation, chooses a report,
// gives a period that ends before it starts (refused, keeping what was typed), then a good one, and sees the tables
// with each metric's definition; opens the quarter's community funder return, sees a chart and its table, downloads
// it as XLSX (a small number hidden in it) and prints it; then a commissioner signs in and sees only the reports.
// Axe checks every page visited, at 1280 px.
import { expect as pw } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, INSTALL_HINT } from './browser.ts';
import { ServiceUnderTest } from './service-setup.ts';
import { cases } from '#src/db/schema/cases.ts';
import { referrals } from '#src/db/schema/referrals.ts';
import { asSystem } from '#src/db/tenant.ts';
import { newId } from '#src/lib/ids.ts';

const runs = chromiumAvailable();
if (!runs && process.env.CI)
  it('has Chromium to run the journeys in', () => {
    throw new Error(INSTALL_HINT);
  });

describe.skipIf(!runs)('browser journey: reports', () => {
  let s: ServiceUnderTest;
  beforeAll(async () => {
    s = await ServiceUnderTest.start();
    await quarterOf(s);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('an admin opens a report for a period without JavaScript', async () => {
    const page = await s.newPage({ javaScriptEnabled: false });
    await s.signIn(page, s.admin, 'admin');
    await s.watch.check(page, 'home');
    await page.getByRole('navigation').getByRole('link', { name: 'Reports', exact: true }).click();
    await pw(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
    await s.watch.check(page, 'reports');
    await page.getByRole('link', { name: 'Cases by stage' }).click();
    await pw(page.getByRole('heading', { level: 2, name: 'Cases by stage now' })).toBeVisible();
    await s.watch.check(page, 'report: the last year');
    await page.getByLabel('Start date').fill('2026-03-01');
    await page.getByLabel('End date').fill('2026-01-01');
    await page.getByRole('button', { name: 'Show report' }).click();
    await pw(page.getByRole('alert').getByRole('link', { name: 'The end date must be the same as or after the start date' })).toHaveAttribute('href', '#to');
    await pw(page.getByLabel('Start date')).toHaveValue('2026-03-01');
    await s.watch.check(page, 'report: refused');
    await page.getByLabel('End date').fill('2026-03-31');
    await page.getByRole('button', { name: 'Show report' }).click();
    await pw(page.getByRole('heading', { level: 2, name: 'Cases by stage now' })).toBeVisible();
    await pw(page.getByText('Every case of the service today, by its stage now')).toBeVisible();
    await pw(page.getByRole('link', { name: 'Download as CSV' })).toHaveAttribute('href', '/reports/cases/csv?from=2026-03-01&to=2026-03-31');
    await s.watch.check(page, 'report');
    expect(s.watch.uncheckedVisits).toEqual([]);
  });

  it('an admin opens the quarter’s funder return, sees a chart and its table, downloads it as XLSX and prints it', async () => {
    const page = await s.newPage({ javaScriptEnabled: false });
    await s.signIn(page, s.admin, 'admin (funder return)');
    await s.watch.check(page, 'admin: home');
    await page.goto(`${s.origin}/reports`);
    await s.watch.check(page, 'admin: reports');
    await page.getByRole('link', { name: 'Community funder return' }).click();
    await pw(page.getByRole('heading', { level: 1, name: 'Community funder return' })).toBeVisible();
    await s.watch.check(page, 'funder return: the last year');
    await page.getByLabel('Start date').fill('2026-01-01');
    await page.getByLabel('End date').fill('2026-03-31');
    await page.getByRole('button', { name: 'Show report' }).click();
    await pw(page.getByRole('heading', { level: 2, name: 'The return' })).toBeVisible();
    // The chart, drawn on the server, is an image named by its title; its figures are in the table beneath.
    await pw(page.getByRole('img', { name: 'The return' })).toBeVisible();
    await pw(page.getByRole('row', { name: /Cases referred 14/ })).toBeVisible();
    await pw(page.getByRole('img', { name: /^How cases ended/ })).toBeVisible();
    await pw(page.getByRole('row', { name: /Agreement reached and kept fewer than 5/ })).toBeVisible();
    await s.watch.check(page, 'funder return');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download as a spreadsheet (XLSX)' }).click()]);
    expect(download.suggestedFilename()).toBe('community-return-2026-01-01-to-2026-03-31.xlsx');
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await download.path())!);
    const rows: unknown[][] = [];
    book.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows).toContainEqual(['Agreement reached and kept', 'fewer than 5']);
    expect(rows.find((r) => r[0] === 'Cases referred')?.[1]).toBe(14);
    expect(rows.flat()).not.toContain(3);

    await page.getByRole('link', { name: 'Printable version' }).click();
    await pw(page.getByRole('heading', { level: 1, name: 'Community funder return' })).toBeVisible();
    await pw(page.getByRole('button', { name: 'Show report' })).toHaveCount(0);
    await s.watch.check(page, 'funder return: printable');
    expect(s.watch.uncheckedVisits).toEqual([]);
  });

  it('a commissioner signs in and sees only the aggregate reports', async () => {
    const cleo = await s.addStaff('commissioner', 'Cleo Commissioner', 'cleo.commissioner@council.example');
    const page = await s.newPage({ javaScriptEnabled: false });
    await s.signIn(page, cleo, 'commissioner', { path: '/reports', heading: 'Reports' });
    await s.watch.check(page, 'commissioner: reports');
    await pw(page.getByRole('navigation').getByRole('link')).toHaveText(['Reports']);
    await page.getByRole('link', { name: 'Community funder return' }).click();
    await pw(page.getByRole('heading', { level: 1, name: 'Community funder return' })).toBeVisible();
    await s.watch.check(page, 'commissioner: funder return, the last year');
    await page.getByLabel('Start date').fill('2026-01-01');
    await page.getByLabel('End date').fill('2026-03-31');
    await page.getByRole('button', { name: 'Show report' }).click();
    await pw(page.getByRole('img', { name: 'The return' })).toBeVisible();
    await pw(page.getByRole('row', { name: /Agreement reached and kept fewer than 5/ })).toBeVisible();
    await s.watch.check(page, 'commissioner: funder return');
    const refused = await page.goto(`${s.origin}/cases`);
    expect(refused?.status()).toBe(403);
    await pw(page.getByText('A commissioner sees only the service’s reports')).toBeVisible();
    await s.watch.check(page, 'commissioner: a case list refused');
    expect(s.watch.uncheckedVisits).toEqual([]);
  });
});

/** The quarter January to March 2026: 12 self- and 2 professional community referrals, and 3 cases closed with their agreement kept. */
async function quarterOf(s: ServiceUnderTest) {
  const orgId = s.orgId;
  let n = 0;
  const referral = (source: string, day: number) => ({
    id: newId(),
    orgId,
    reference: `RIV-R-${++n}`,
    source,
    status: 'accepted',
    caseType: 'community',
    description: 'A fictional dispute about a shared drive',
    parties: [],
    answers: {},
    consentToContact: true,
    createdAt: new Date(`2026-02-${String(day).padStart(2, '0')}T10:00:00Z`),
  });
  const rows = [...Array.from({ length: 12 }, (_, i) => referral('self', i + 1)), referral('professional', 20), referral('professional', 21)];
  await asSystem(s.h.deps.db, async (tx) => {
    await tx.insert(referrals).values(rows);
    await tx.insert(cases).values(
      rows.slice(0, 3).map((r, i) => ({
        id: newId(),
        orgId,
        reference: `RIV-C-${i + 1}`,
        caseType: 'community',
        status: 'closed',
        closingReason: 'agreement_kept',
        referralId: r.id,
        summary: 'A fictional dispute',
        openedAt: r.createdAt,
        statusChangedAt: new Date('2026-03-15T12:00:00Z'),
        closedAt: new Date('2026-03-15T12:00:00Z'),
      })),
    );
  });
}
