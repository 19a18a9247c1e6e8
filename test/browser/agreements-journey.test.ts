// Agreements in Chromium: the coordinator drafts the agreement from the joint meeting's record on the case's
// Agreement tab and makes it ready to sign; then one device is passed round at the meeting: a party draws their
// signature with the mouse, the other types their name, the mediator signs as a witness, each time back to the
// neutral screen that shows nothing of the previous signer; the co-mediator signs in a browser with JavaScript off.
// The signed PDF can then be downloaded from the case. Axe checks every page visited.
import { expect as pw } from '@playwright/test';
import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdSession } from '../support/meetings.ts';
import { chromiumAvailable, INSTALL_HINT } from './browser.ts';
import { ASH, BEA, MO, meetingsCase, NELL, NOW } from './meetings-setup.ts';
import { ServiceUnderTest, type Staff } from './service-setup.ts';

const runs = chromiumAvailable();
if (!runs && process.env.CI)
  it('has Chromium to run the journeys in', () => {
    throw new Error(INSTALL_HINT);
  });

describe.skipIf(!runs)('browser journey: an agreement drafted from the meeting record and signed by three people on one device', () => {
  let s: ServiceUnderTest;
  let mediator: Staff;
  let caseId = '';
  let cora: Page;

  beforeAll(async () => {
    s = await ServiceUnderTest.start({ now: NOW });
    mediator = await s.addStaff('mediator', MO, 'mo.testmediator@riverside.example');
    ({ caseId } = await meetingsCase(s, mediator));
    await holdSession(s.h.deps, s.orgId, caseId, {
      issues: 'Music late at night\nBins on the shared path',
      outcome: 'Ash keeps the music down after 10pm on weeknights',
    });
    cora = await s.newPage();
    await s.signIn(cora, s.coordinator, 'coordinator');
  });
  afterAll(() => s?.close());

  it('drafts from the joint meeting and makes it ready to sign', async () => {
    await cora.goto(`${s.origin}/cases/${caseId}`);
    await cora.getByRole('link', { name: 'Agreement', exact: true }).click();
    await s.watch.check(cora, 'agreement tab, empty');
    await cora.getByLabel(/From the record of the joint meeting/).check();
    await cora.getByRole('button', { name: 'Start the agreement' }).click();
    await pw(cora.getByText('Agreement started.')).toBeVisible();
    await s.watch.check(cora, 'agreement tab, draft');
    await cora.getByRole('link', { name: 'Change term 1' }).click();
    await s.watch.check(cora, 'term form');
    await cora.getByLabel(ASH.name).check();
    await cora.getByLabel('Ongoing').check();
    await cora.getByLabel('How it will be checked at follow-up').fill('Bea is asked at the two-week check-in');
    await cora.getByRole('button', { name: 'Save the term' }).click();
    await pw(cora.getByText('Term saved.')).toBeVisible();
    await cora.getByLabel('Music late at night').selectOption('agreed');
    await cora.getByLabel('Bins on the shared path').selectOption('not_agreed');
    await cora.getByRole('button', { name: 'Save the issues' }).click();
    await cora.getByRole('button', { name: 'Make ready to sign' }).click();
    await pw(cora.getByText('The agreement is ready to sign.')).toBeVisible();
    await s.watch.check(cora, 'agreement tab, ready');
  });

  it('is signed on one device: a drawn signature with the mouse, a typed one, and the mediator as witness', async () => {
    const device = await s.newPage();
    await s.signIn(device, mediator, 'mediator');
    await device.goto(`${s.origin}/cases/${caseId}/agreement`);
    await device.getByRole('button', { name: 'Sign at the meeting on this device' }).click();
    await pw(device.getByRole('heading', { level: 1, name: 'Pass the device to the next person' })).toBeVisible();
    await s.watch.check(device, 'neutral screen');

    // Ash draws with the mouse.
    await device.getByRole('button', { name: `I am ${ASH.name}` }).click();
    await pw(device.getByText('Ash keeps the music down after 10pm on weeknights')).toBeVisible();
    await s.watch.check(device, 'read and sign');
    await device.getByLabel(`I am ${ASH.name}`).check();
    const pad = device.locator('canvas.parley-signature-pad');
    await pw(pad).toBeVisible();
    const box = (await pad.boundingBox())!;
    await device.mouse.move(box.x + 20, box.y + box.height * 0.7);
    await device.mouse.down();
    for (const [fx, fy] of [
      [0.2, 0.2],
      [0.35, 0.8],
      [0.5, 0.3],
      [0.7, 0.75],
      [0.9, 0.4],
    ] as const)
      await device.mouse.move(box.x + box.width * fx, box.y + box.height * fy, { steps: 5 });
    await device.mouse.up();
    await device.getByLabel('I agree to this agreement as written').check();
    await device.getByRole('button', { name: 'Sign the agreement' }).click();
    await pw(device.getByText('Your signature is recorded.')).toBeVisible();
    await pw(device.getByRole('heading', { level: 1, name: 'Pass the device to the next person' })).toBeVisible();
    await pw(device.getByRole('button', { name: `I am ${ASH.name}` })).toHaveCount(0);

    // Bea types her name, by keyboard.
    await device.getByRole('button', { name: `I am ${BEA.name}` }).click();
    await device.getByLabel(`I am ${BEA.name}`).check();
    await device.getByLabel('Or type your full name to sign').fill(BEA.name);
    await device.getByLabel('I agree to this agreement as written').focus();
    await device.keyboard.press('Space');
    await device.getByRole('button', { name: 'Sign the agreement' }).press('Enter');
    await pw(device.getByText('Your signature is recorded.')).toBeVisible();

    // Mo, the mediator, as witness.
    await device.getByRole('button', { name: `I am ${MO}, mediator (witness)` }).click();
    await device.getByLabel(`I am ${MO}`).check();
    await device.getByLabel('Or type your full name to sign').fill(MO);
    await device.getByLabel('I agree to this agreement as written').check();
    await device.getByRole('button', { name: 'Sign the agreement' }).click();
    await pw(device.getByText('Your signature is recorded.')).toBeVisible();
    await s.watch.check(device, 'neutral screen after signing');

    const { agreements } = await s.h.deps.agreements.drafting.forCase(s.coordinator.actor, caseId);
    const ash = agreements[0]!.signers.find((x) => x.name === ASH.name)!;
    expect(ash).toMatchObject({ status: 'signed', method: 'drawn', channel: 'in_person', witnessName: MO });
    expect(ash.drawing).toMatch(/^M [\d.]+ [\d.]+ L /);
  });

  it('takes the last signature with JavaScript off, then the signed PDF downloads from the case', async () => {
    const plain = await s.newPage({ javaScriptEnabled: false });
    await s.signIn(plain, s.coordinator, 'coordinator without JavaScript');
    await plain.goto(`${s.origin}/cases/${caseId}/agreement`);
    await plain.getByRole('button', { name: 'Sign at the meeting on this device' }).click();
    await plain.getByRole('button', { name: `I am ${NELL}, mediator (witness)` }).click();
    await pw(plain.locator('canvas.parley-signature-pad')).toBeHidden();
    await plain.getByLabel(`I am ${NELL}`).check();
    await plain.getByLabel('Or type your full name to sign').fill(NELL);
    await plain.getByLabel('I agree to this agreement as written').check();
    await plain.getByRole('button', { name: 'Sign the agreement' }).click();
    await pw(plain.getByRole('heading', { level: 1, name: 'Everyone has signed' })).toBeVisible();
    await s.watch.check(plain, 'everyone has signed');

    await cora.goto(`${s.origin}/cases/${caseId}/agreement`);
    await s.watch.check(cora, 'agreement tab, signed');
    const download = cora.waitForEvent('download');
    await cora.getByRole('button', { name: 'Download the signed PDF' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^AGR-[A-Z0-9x]{12}\.pdf$/i);

    // Sharing the outcome with the referrer: each party's answer, refused with the reasons when incomplete.
    await cora.getByRole('link', { name: 'Sharing the outcome with the referrer' }).click();
    await pw(cora.getByRole('heading', { level: 2, name: 'Sharing the outcome with the referrer' })).toBeVisible();
    await s.watch.check(cora, 'sharing the outcome');
    await cora.getByRole('button', { name: 'Record the answer' }).click();
    await pw(cora.getByRole('alert').getByRole('link', { name: 'Choose the person who answered' })).toBeVisible();
    await s.watch.check(cora, 'sharing the outcome: refused');
    // The code by phone: the screen says when there is no live link to show a code for.
    const current = (await s.h.deps.agreements.drafting.forCase(s.coordinator.actor, caseId)).agreements.at(-1)!;
    await cora.goto(`${s.origin}/cases/${caseId}/agreement/${current.agreement.id}/versions/${current.latest.id}/signers/${current.signers[0]!.id}/code`);
    await pw(cora.getByText('has no live signing link, so there is no code to show')).toBeVisible();
    await s.watch.check(cora, 'code by phone');
    expect(s.watch.cspMessages).toEqual([]);
    expect(s.watch.pageErrors).toEqual([]);
  });
});
