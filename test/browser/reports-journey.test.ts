// The reports in Chromium with JavaScript turned off: an admin finds Reports in the navigation, chooses a report,
// gives a period that ends before it starts (refused, keeping what was typed), then a good one, and sees the tables
// with each metric's definition. Axe checks every page visited, at 1280 px.
import { expect as pw } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, INSTALL_HINT } from './browser.ts';
import { ServiceUnderTest } from './service-setup.ts';

const runs = chromiumAvailable();
if (!runs && process.env.CI)
  it('has Chromium to run the journeys in', () => {
    throw new Error(INSTALL_HINT);
  });

describe.skipIf(!runs)('browser journey: reports', () => {
  let s: ServiceUnderTest;
  beforeAll(async () => {
    s = await ServiceUnderTest.start();
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
});
