// Restorative justice in Chromium: the coordinator opens an RJ case and sees the conference refused with the reasons,
// records a risk assessment (refused once, keeping what was typed), an admin signs it off, a letter is recorded and
// its recipient's copy shows no address; the funders' return shows the quarter. Axe checks every page visited.
import { expect as pw } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorFor, makeCase } from '../support/volunteers.ts';
import { chromiumAvailable, INSTALL_HINT } from './browser.ts';
import { ServiceUnderTest } from './service-setup.ts';

const runs = chromiumAvailable();
if (!runs && process.env.CI)
  it('has Chromium to run the journeys in', () => {
    throw new Error(INSTALL_HINT);
  });

describe.skipIf(!runs)('browser journey: restorative justice assessments gate contact; a letter vetted without its address', () => {
  let s: ServiceUnderTest;
  let caseId: string;

  beforeAll(async () => {
    s = await ServiceUnderTest.start();
    const admin = actorFor(s.orgId, s.admin.actor.id, 'admin', 'Ada Admin');
    ({ caseId } = await makeCase(s.h.deps, s.orgId, admin, {
      description: 'My car was damaged and I would like to ask why',
      caseType: 'restorative_justice',
      parties: [
        { name: 'Hana Harmed', role: 'victim', address: '14 Example Road', postcode: 'CT1 1AA' },
        { name: 'Pat Harmer', role: 'person_who_harmed' },
      ],
    }));
  });
  afterAll(async () => {
    await s?.close();
  });

  it('shows the gate and records a risk assessment, refused once without losing what was typed', async () => {
    const page = await s.newPage({ javaScriptEnabled: false });
    await s.signIn(page, s.coordinator, 'coordinator');
    await page.goto(`${s.origin}/cases/${caseId}/rj`);
    await pw(page.getByRole('heading', { level: 2, name: 'What may happen now' })).toBeVisible();
    await pw(page.getByText('Hana Harmed’s suitability has not been recorded yet').first()).toBeVisible();
    await s.watch.check(page, 'rj tab');
    const form = page.locator('form[action$="/rj/assessments"]');
    await form.getByLabel('Who was assessed').selectOption({ label: 'Hana Harmed (Victim)' });
    await form.getByLabel('Feelings and attitudes').fill('Anxious but clear about what she wants to ask');
    await form.getByRole('button', { name: 'Record the assessment' }).click();
    await pw(page.getByRole('alert').getByRole('link', { name: 'Choose the risk rating' })).toBeVisible();
    await pw(page.locator('#assessment-feelings')).toHaveValue('Anxious but clear about what she wants to ask');
    await s.watch.check(page, 'rj tab: refused');
    const again = page.locator('form[action$="/rj/assessments"]');
    await again.getByLabel('Low').check();
    await again.getByLabel('Direct contact is safe').check();
    await again.getByLabel('Day').fill('1');
    await again.getByLabel('Month').fill('12');
    await again.getByLabel('Year').fill('2026');
    await again.getByRole('button', { name: 'Record the assessment' }).click();
    await pw(page.getByText('Risk assessment recorded.')).toBeVisible();
    await pw(page.getByText('Not signed off yet.')).toBeVisible();
  });

  it('a letter’s recipient copy shows no address; the return shows the quarter', async () => {
    const page = await s.newPage({ javaScriptEnabled: false });
    await s.signIn(page, s.admin, 'admin');
    await page.goto(`${s.origin}/cases/${caseId}/rj`);
    await page.getByRole('button', { name: 'Sign off Hana Harmed’s assessment' }).click();
    await pw(page.getByText('Risk assessment signed off.')).toBeVisible();
    const form = page.locator('#letter-form');
    await form.getByLabel('From', { exact: true }).selectOption({ label: 'Hana Harmed (Victim)' });
    await form.getByLabel('To', { exact: true }).selectOption({ label: 'Pat Harmer (Person who harmed)' });
    await form.getByLabel('The letter, as written or typed for them').fill('I want to know why. You can find me at 14 Example Road, CT1 1AA.');
    await form.getByRole('button', { name: 'Record the letter' }).click();
    await pw(page.getByText('Letter recorded.')).toBeVisible();
    await s.watch.check(page, 'rj tab: letter');
    await page.getByRole('link', { name: /Print the recipient’s copy/ }).click();
    await pw(page.getByRole('heading', { level: 1, name: 'A letter for Pat Harmer from Hana Harmed' })).toBeVisible();
    expect(await page.locator('main').textContent()).not.toContain('14 Example Road');
    await s.watch.check(page, 'letter copy');
    await page.goto(`${s.origin}/reports/rj`);
    await pw(page.getByRole('heading', { level: 1, name: 'Restorative justice return' })).toBeVisible();
    await s.watch.check(page, 'rj return');
  });
});
