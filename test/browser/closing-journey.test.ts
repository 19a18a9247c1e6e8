// The end of a case in Chromium: a party answers the follow-up check-in by their emailed link with JavaScript turned
// off (refused once, keeping what they typed), the case closes, the party answers the feedback survey and lets the
// service quote them, an admin approves and publishes the quote, and it shows on the service's public page.
// Axe checks every page visited.
import { expect as pw } from '@playwright/test';
import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inOrg } from '#src/db/tenant.ts';
import { caseAtOutcome, linksSentTo } from '../support/closing.ts';
import { chromiumAvailable, INSTALL_HINT } from './browser.ts';
import { SERVICE, SLUG, ServiceUnderTest } from './service-setup.ts';

const runs = chromiumAvailable();
if (!runs && process.env.CI)
  it('has Chromium to run the journeys in', () => {
    throw new Error(INSTALL_HINT);
  });

describe.skipIf(!runs)('browser journey: a check-in and a survey by link, a testimonial approved and published', () => {
  let s: ServiceUnderTest;
  let caseId: string;
  const h1 = (page: Page, name: string) => pw(page.getByRole('heading', { level: 1, name, exact: true })).toBeVisible();

  beforeAll(async () => {
    s = await ServiceUnderTest.start();
    const admin = s.admin.actor;
    ({ caseId } = await caseAtOutcome(s.h, s.orgId, admin, { description: 'Hedge and bins', names: ['Vic Vine', 'Wyn Willow'] }));
    const signedAt = new Date(s.h.deps.clock.now().getTime() - 15 * 86_400_000);
    await inOrg(s.h.deps.db, s.orgId, (tx) => s.h.deps.closing.startFollowUp(tx, admin, caseId, { signedAt }));
    await s.h.deps.cases.transition(admin, caseId, { to: 'follow_up' });
    await s.h.deps.closing.followUp.sendLinksNow(admin, caseId);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('a party answers the 2-week check-in by link with JavaScript off', async () => {
    const [link] = await linksSentTo(s.h, s.orgId, 'vic.vine@example.test', 'check-in');
    const page = await s.newPage({ javaScriptEnabled: false });
    await page.goto(`${s.origin}${link}`);
    await h1(page, 'How is the agreement going?');
    await s.watch.check(page, 'check-in');
    await page.getByLabel('Anything you want to tell us (optional)').fill('The hedge was cut; the bins are better.');
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await pw(page.getByRole('alert').getByRole('link', { name: 'Say whether the agreement is being kept' })).toHaveAttribute('href', '#answer');
    await pw(page.getByLabel('Anything you want to tell us (optional)')).toHaveValue('The hedge was cut; the bins are better.');
    await s.watch.check(page, 'check-in: refused');
    await page.getByLabel('Yes, it is being kept').check();
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await pw(page.getByRole('heading', { name: 'Thank you: we have your answers' })).toBeVisible();
    await s.watch.check(page, 'check-in: thanks');
  });

  it('closes after the last check-in; the party answers the survey and may be quoted', async () => {
    const admin = s.admin.actor;
    const view = await s.h.deps.closing.followUp.ofCase(admin, caseId);
    await s.h.deps.closing.followUp.recordCheckIn(admin, caseId, {
      pointId: view.points.at(-1)!.id,
      partyId: view.parties[1]!.id,
      source: 'phone',
      answers: [{ answer: 'kept' }],
      wantsMeeting: false,
    });
    await s.h.deps.cases.transition(admin, caseId, { to: 'closed', closingReason: 'agreement_kept' });
    const [link] = await linksSentTo(s.h, s.orgId, 'vic.vine@example.test', 'feedback');
    const page = await s.newPage();
    await page.goto(`${s.origin}${link}`);
    await h1(page, 'Tell us how it went');
    await s.watch.check(page, 'feedback');
    await page.getByRole('group', { name: 'How satisfied are you with the service?' }).getByLabel('5').check();
    await page.getByRole('group', { name: 'Did you feel heard?' }).getByLabel('Yes').check();
    await page.getByRole('group', { name: 'Would you recommend us to someone in a similar situation?' }).getByLabel('Yes').check();
    await page.getByLabel('What helped? (optional)').fill('Vic here: having two calm mediators in the room helped us listen.');
    await page.getByLabel('Yes, you may quote what I wrote about what helped, without my name').check();
    await page.getByRole('button', { name: 'Send my feedback' }).click();
    await pw(page.getByRole('heading', { name: 'Thank you for your feedback' })).toBeVisible();
    await s.watch.check(page, 'feedback: thanks');
  });

  it('an admin edits out the name, approves and publishes the quote, and it shows on the public page', async () => {
    const page = await s.newPage();
    await s.signIn(page, s.admin, 'admin');
    await s.watch.check(page, 'home');
    await page.goto(`${s.origin}/testimonials?status=pending`);
    await h1(page, 'Testimonials');
    await s.watch.check(page, 'testimonials');
    await page.getByLabel('Wording to show').fill('Having two calm mediators in the room helped us listen.');
    await page.getByRole('button', { name: 'Save the wording' }).click();
    await pw(page.getByText('Wording saved.')).toBeVisible();
    await s.watch.check(page, 'testimonials: saved');
    await page.getByRole('button', { name: 'Approve and publish' }).click();
    await pw(page.getByText('Testimonial published on the service’s public page.')).toBeVisible();
    await s.watch.check(page, 'testimonials: published');

    const visitor = await s.newPage();
    await visitor.goto(`${s.origin}/s/${SLUG}`);
    await h1(visitor, SERVICE);
    await pw(visitor.getByRole('heading', { name: 'What our clients say' })).toBeVisible();
    await pw(visitor.getByText('Having two calm mediators in the room helped us listen.')).toBeVisible();
    await pw(visitor.getByText('Vic here')).toHaveCount(0);
    await s.watch.check(visitor, 'service home with a testimonial');
  });

  it('checked every page it visited with axe, and saw no Content-Security-Policy errors', () => {
    expect(s.watch.uncheckedVisits).toEqual([]);
    expect(s.watch.cspMessages).toEqual([]);
  });
});
