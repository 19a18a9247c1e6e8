// The meetings journey's page helpers: finding headings, menus, rows and messages, and recording an intake with
// the weekly grid, shared by the steps of test/browser/meetings-journey.test.ts.
import { expect as pw } from '@playwright/test';
import type { Page } from 'playwright';
import { fillDate, type ServiceUnderTest } from './service-setup.ts';

export const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
export const menu = (page: Page, name: string) => page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name, exact: true });
export const caseSection = (page: Page, name: RegExp) => page.getByRole('navigation', { name: 'Case sections' }).getByRole('link', { name });
export const flash = (page: Page, text: string) => pw(page.getByText(text, { exact: true })).toBeVisible();
export const participant = (page: Page, name: string) => page.getByRole('table').getByRole('row').filter({ hasText: name });
/** The meeting page's heading: its kind and when, with its status. */
export const meetingHeading = (page: Page) => page.getByRole('heading', { level: 2, name: /^(Joint meeting|Shuttle session): / });
export const meetingIdOf = (url: string) => /\/meetings\/([0-9a-f-]{36})/.exec(url)?.[1] ?? '';

/** From the People page: the party's intake record, the weekdays they are usually free in the morning ticked. */
export async function recordIntakeWithMornings(cora: Page, watch: ServiceUnderTest['watch'], name: string, days: string[]) {
  await cora.getByRole('link', { name: `Record intake record for ${name}` }).click();
  await pw(h1(cora)).toHaveText(`Intake record for ${name}`);
  await watch.check(cora, `intake record for ${name}`);
  await fillDate(cora.getByRole('group', { name: 'Date met' }), '2026-12-14');
  await cora.getByRole('group', { name: 'How you met' }).getByRole('radio', { name: 'Home visit' }).check();
  await cora.getByLabel('How do they see the situation now?', { exact: true }).fill('Tired of the arguments over the fence and the bins.');
  await cora.getByLabel('How would they like it to be in the future?', { exact: true }).fill('To say hello again and sleep at night.');
  await cora.getByLabel('What ideas do they have for sorting it out?', { exact: true }).fill('Agree quiet hours and where the bins go.');
  for (const day of days)
    await cora
      .getByRole('group', { name: day, exact: true })
      .getByRole('checkbox', { name: /^Morning/ })
      .check();
  await cora.getByRole('group', { name: 'Is mediation suitable for them?' }).getByRole('radio', { name: 'Suitable for mediation', exact: true }).check();
  await cora.getByRole('button', { name: 'Save intake record' }).click();
  await flash(cora, 'Intake record saved.');
  await watch.check(cora, `people: intake saved for ${name}`);
}

/** On the shuttle log: each statement, who said it, their permission and (for "in these words") the agreed words. */
export async function recordShuttleStatements(page: Page, watch: ServiceUnderTest['watch'], statements: [string, string, string, string?][]) {
  for (const [who, said, permission, words] of statements) {
    await page.getByLabel('Who said it', { exact: true }).selectOption({ label: who });
    await page.getByLabel('What they said', { exact: true }).fill(said);
    await page.getByRole('group', { name: 'May it be passed to the other side?' }).getByRole('radio', { name: permission }).check();
    if (words) await page.getByLabel('The words that may be passed on', { exact: true }).fill(words);
    await page.getByRole('button', { name: 'Record the statement' }).click();
    await flash(page, 'Statement recorded.');
    await watch.check(page, `no JS: statement recorded (${permission})`);
  }
}
