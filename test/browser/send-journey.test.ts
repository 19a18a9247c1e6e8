// SEND mediation in Chromium with JavaScript off: a coordinator fills in a SEND case's details, records the MIAS call
// (a bad date refused, keeping what was typed), sees the 3-working-day clock across Christmas, issues the certificate
// with its appeal deadline, and reads the deadlines queue, the register and the report. Axe checks every page visited.
import { expect as pw } from '@playwright/test';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { makeCase } from '../support/volunteers.ts';
import { chromiumAvailable, INSTALL_HINT } from './browser.ts';
import { fillDate, ServiceUnderTest } from './service-setup.ts';

const runs = chromiumAvailable();
if (!runs && process.env.CI)
  it('has Chromium to run the journeys in', () => {
    throw new Error(INSTALL_HINT);
  });

describe.skipIf(!runs)('browser journey: a SEND case from the MIAS call to the certificate', () => {
  let s: ServiceUnderTest;
  let caseId: string;

  beforeAll(async () => {
    s = await ServiceUnderTest.start({ now: new Date('2026-12-23T10:00:00Z') });
    ({ caseId } = await makeCase(s.h.deps, s.orgId, s.admin.actor, {
      description: 'Refusal to amend the plan',
      caseType: 'send',
      parties: [
        { name: 'Pat Pretendparent', role: 'parent' },
        { name: 'Weald Valley Borough (fictional)', role: 'local_authority' },
      ],
    }));
  });
  afterAll(async () => {
    await s?.close();
  });

  it('records the details and the call, and issues the certificate within the clock', async () => {
    const page = await s.newPage({ javaScriptEnabled: false });
    await s.signIn(page, s.coordinator, 'coordinator');
    await page.goto(`${s.origin}/cases/${caseId}/send`);
    await s.watch.check(page, 'send tab');
    await page.getByLabel('Decision disputed').selectOption('plan_contents');
    await page.getByLabel('Section B: special educational needs').check();
    await page.getByLabel('Section F: special educational provision').check();
    await fillDate(page.getByRole('group', { name: 'Date of the decision letter' }), '2026-11-20');
    await page.getByLabel('Child’s name').fill('Kit Pretend');
    await page.getByRole('button', { name: 'Save SEND details' }).click();
    await pw(page.getByText('SEND details saved.')).toBeVisible();

    const call = page.getByRole('group', { name: 'Date of the information and advice call' });
    await fillDate(call, '2026-02-30');
    await page.getByLabel('Does not want mediation').check();
    await page.getByRole('button', { name: 'Record the call' }).click();
    await pw(page.getByRole('alert').getByRole('link', { name: /must be a real date/ })).toBeVisible();
    await pw(call.getByLabel('Day', { exact: true })).toHaveValue('30');
    await s.watch.check(page, 'send tab: refused');
    await fillDate(call, '2026-12-23');
    await page.getByLabel('Does not want mediation').check();
    await page.getByRole('button', { name: 'Record the call' }).click();
    await pw(page.getByRole('row', { name: /Certificate: mediation declined.*2026-12-30.*3 working days left/ })).toBeVisible();
    await s.watch.check(page, 'send tab: clock');

    await page.getByLabel('Mediation declined').check();
    await page.getByLabel('Adviser or mediator’s name').fill('Mo Pretendadviser');
    await page.getByRole('button', { name: 'Issue the certificate' }).click();
    await pw(page.getByRole('row', { name: /1 Mediation declined 2026-12-23 2027-01-23/ })).toBeVisible();
    await s.watch.check(page, 'send tab: certificate');

    for (const [path, heading] of [
      ['/send/deadlines', 'SEND deadlines'],
      ['/send/certificates', 'Register of mediation certificates'],
      ['/send/report', 'SEND report'],
    ] as const) {
      await page.goto(`${s.origin}${path}`);
      await pw(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await s.watch.check(page, heading);
    }
  });
});
