// Settings in Chromium with JavaScript turned off: an admin finds Settings from the Admin page, adds a case type of
// the service's own (refused without a name and kind, keeping what was typed), changes the areas from the summary's
// change link, and finds the new type offered on the public page through the staff pages' link. Axe and 1280 px on
// every page visited.
import { expect as pw } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, INSTALL_HINT } from './browser.ts';
import { ServiceUnderTest } from './service-setup.ts';

const runs = chromiumAvailable();
if (!runs && process.env.CI)
  it('has Chromium to run the journeys in', () => {
    throw new Error(INSTALL_HINT);
  });

describe.skipIf(!runs)('browser journey: settings and case types', () => {
  let s: ServiceUnderTest;
  beforeAll(async () => {
    s = await ServiceUnderTest.start();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('an admin adds a case type and changes the areas, section by section, without JavaScript', async () => {
    const page = await s.newPage({ javaScriptEnabled: false });
    await s.signIn(page, s.admin, 'admin');
    await s.watch.check(page, 'home');
    await page.getByRole('navigation').getByRole('link', { name: 'Admin', exact: true }).click();
    await s.watch.check(page, 'admin');
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await pw(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await s.watch.check(page, 'settings');

    await page.getByRole('link', { name: 'Change the case types' }).click();
    await pw(page.getByRole('heading', { level: 1, name: 'Case types' })).toBeVisible();
    await s.watch.check(page, 'case types');
    await page
      .getByRole('button', { name: 'Add a case type' })
      .or(page.getByRole('link', { name: 'Add a case type' }))
      .click();
    await pw(page.getByRole('heading', { level: 1, name: 'Add a case type' })).toBeVisible();
    await s.watch.check(page, 'add a case type');
    await page.getByLabel('Case reference prefix (optional)').fill('wpm');
    await page.getByRole('button', { name: 'Add case type' }).click();
    await pw(page.getByRole('alert').getByRole('link', { name: 'Enter the name of the case type' })).toHaveAttribute('href', '#name');
    await pw(page.getByRole('alert').getByRole('link', { name: 'Select the rules the case type follows' })).toBeVisible();
    await pw(page.getByLabel('Case reference prefix (optional)')).toHaveValue('wpm');
    await s.watch.check(page, 'add a case type: refused');
    await page.getByLabel('Name', { exact: true }).fill('Workplace mediation');
    await page.getByLabel('Community mediation').check();
    await page.getByRole('button', { name: 'Add case type' }).click();
    await pw(page.getByText('Case type added. People can be referred for it now.')).toBeVisible();
    await pw(page.getByRole('heading', { level: 2, name: 'Workplace mediation' })).toBeVisible();
    await pw(page.getByLabel('Workplace mediation')).toBeChecked();
    await s.watch.check(page, 'case types: added');

    await page.getByRole('link', { name: 'Back' }).click();
    await pw(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await pw(page.getByText('Community mediation, Restorative justice, SEND mediation, Workplace mediation')).toBeVisible();
    await s.watch.check(page, 'settings: with the new type');
    await page.getByRole('link', { name: 'Change the areas covered' }).click();
    await pw(page.getByRole('heading', { level: 1, name: 'Areas covered' })).toBeVisible();
    await s.watch.check(page, 'areas');
    await page.getByLabel('Postcode areas, districts or sectors').fill('CT\nME14\nTN9 1');
    await page.getByRole('button', { name: 'Save' }).click();
    await pw(page.getByText('Areas covered saved.')).toBeVisible();
    await pw(page.getByText('CT, ME14, TN9 1')).toBeVisible();
    await s.watch.check(page, 'settings: areas saved');

    await page.getByRole('navigation').getByRole('link', { name: 'Admin', exact: true }).click();
    await s.watch.check(page, 'admin again');
    await page.getByRole('main').getByRole('link', { name: 'Public site' }).click();
    await pw(page.getByRole('heading', { level: 3, name: 'Workplace mediation' })).toBeVisible();
    await s.watch.check(page, 'public page');
    expect(s.watch.uncheckedVisits).toEqual([]);
  });
});
