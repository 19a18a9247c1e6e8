// The first-service journey's referral: sent by a professional from the public page with the other party given the
// wrong role, accepted into a case (Ready refused while the role is wrong), and the role corrected on the People tab.
import { expect as pw } from '@playwright/test';
import { expect } from 'vitest';
import { REFERRED, OTHER, REFERRER, type FirstService } from './journey.ts';

/** A professional referral through the public pages, one question group a page, the other party given the wrong role. */
export async function sendProfessionalReferral(j: FirstService) {
  const { page, title, check, next } = j;
  await page.getByRole('banner').getByRole('link', { name: 'Public site' }).click();
  await check('public page');
  await page.getByRole('link', { name: 'Make a referral as a professional' }).click();
  // The service offers one kind of case: its start page, then one question group per page.
  await pw(title('Community mediation')).toBeVisible();
  await check('professional referral: start');
  await page.getByRole('button', { name: 'Start now' }).click();

  await pw(title('About you')).toBeVisible();
  await check('professional referral: about you');
  await page.getByLabel('Organisation', { exact: true }).fill('Harbourside Housing (fictional)');
  await page.getByLabel('Your role', { exact: true }).fill('Housing officer');
  await page.getByLabel('Your name', { exact: true }).fill(REFERRER);
  await page.getByLabel('Your work email address', { exact: true }).fill('rita.referrer@housing.example');
  await next();

  await check('professional referral: the person’s agreement');
  await page.getByRole('checkbox', { name: /has agreed to it/ }).check();
  await next();

  await pw(title('The person you are referring')).toBeVisible();
  await check('professional referral: the person referred');
  await page.getByLabel('Name', { exact: true }).fill(REFERRED);
  await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Party' });
  await page.getByLabel('Phone number (optional)', { exact: true }).fill('07700 900111');
  await next();

  await pw(title('The other people involved')).toBeVisible();
  await check('professional referral: the other people');
  const person2 = page.getByRole('group', { name: 'Person 2', exact: true });
  await person2.getByLabel('Name', { exact: true }).fill(OTHER);
  // The wrong role: Owen is the other party, not a supporter.
  await person2.getByLabel('Role', { exact: true }).selectOption({ label: 'Supporter' });
  await person2.getByLabel('Phone number (optional)', { exact: true }).fill('07700 900222');
  await next();

  await pw(title('The situation')).toBeVisible();
  await check('professional referral: the situation');
  await page
    .getByLabel('What is happening?', { exact: true })
    .fill('Neighbours in a shared building: noise through the floor late at night and words on the stairs.');
  await next();

  await pw(title('About the disagreement')).toBeVisible();
  await check('professional referral: about the disagreement');
  await page.getByRole('group', { name: 'Who is the disagreement between?' }).getByRole('radio').first().check();
  await next();

  await pw(title('Risks and contact')).toBeVisible();
  await check('professional referral: risks');
  await next();

  await pw(title('Check your answers before sending your referral')).toBeVisible();
  // The wrong role, as given, on "Check your answers".
  await pw(page.locator('.govuk-summary-list__row').filter({ has: page.getByText(OTHER, { exact: true }) })).toContainText('Supporter');
  await check('professional referral: check your answers');
  await page.getByRole('button', { name: 'Send referral' }).click();
  await check('referral sent');
}

/** The referral accepted into a case; moving it to Ready is refused, in words, with one party on the case. */
export async function acceptReferral(j: FirstService) {
  const { page, h1, title, menu, flash, check, refusedMove } = j;
  await pw(title('Referral sent')).toBeVisible();
  j.reference = (await page.getByText(/^[A-Z]+-R-\d{4}-\d{4}$/).textContent())?.trim() ?? '';
  expect(j.reference).toMatch(/^HBR-R-2026-\d{4}$/);
  await menu('Referrals').click();
  await check('referrals');
  await page.getByRole('link', { name: j.reference }).click();
  await pw(page.getByRole('heading', { name: `${OTHER}`, exact: true }).or(page.getByRole('heading', { name: new RegExp(OTHER) }))).toBeVisible();
  await check('the referral');
  await page.getByRole('button', { name: 'Accept and open a case' }).click();
  await flash('Referral accepted. This is the new case.');
  j.caseReference = /\bHBR-\d{4}-\d{4}\b/.exec((await h1().textContent()) ?? '')?.[0] ?? '';
  expect(j.caseReference).toMatch(/^HBR-2026-\d{4}$/);
  await check('the new case');

  await refusedMove('Ready', ['Ready needs at least two parties on the case'], 'move to Ready refused: one party');
}

/** The other party's role corrected on the People tab, the change on the timeline. */
export async function correctOtherPartysRole(j: FirstService) {
  const { page, caseSection, check, personCard } = j;
  await caseSection(/^People/).click();
  await check('people');
  await pw(personCard(OTHER)).toContainText('Supporter');
  await personCard(OTHER)
    .getByRole('link', { name: /^Change/ })
    .click();
  await check(`change ${OTHER}`);
  await page.getByRole('group', { name: 'Their role in the case' }).getByRole('radio', { name: 'Party', exact: true }).check();
  await page.getByLabel('Why (optional)', { exact: true }).fill('Role entered wrongly at referral: Owen is the other neighbour.');
  await page.getByRole('button', { name: 'Save the changes' }).click();
  await check('people: role changed');
  await pw(personCard(OTHER)).toContainText('Party');
  await caseSection(/^Timeline/).click();
  await pw(page.getByText(/Role entered wrongly at referral/)).toBeVisible();
  await check('timeline: role changed');
}
