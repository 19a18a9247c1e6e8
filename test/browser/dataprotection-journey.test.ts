// Data protection in Chromium with JavaScript off: an admin records a subject access request (a bad date refused,
// keeping what was typed), sees it due on the queue, finds the person by name, downloads their data (the ZIP holds
// their records and not the other party's), logs a breach and sees its 72-hour clock, and previews retention.
// Axe checks every page visited.
import { readFileSync } from 'node:fs';
import { expect as pw } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from '#src/db/orm.ts';
import { parties } from '#src/db/schema/cases.ts';
import { inOrg } from '#src/db/tenant.ts';
import { makeCase } from '../support/volunteers.ts';
import { chromiumAvailable, INSTALL_HINT } from './browser.ts';
import { fillDate, ServiceUnderTest } from './service-setup.ts';

const runs = chromiumAvailable();
if (!runs && process.env.CI)
  it('has Chromium to run the journeys in', () => {
    throw new Error(INSTALL_HINT);
  });

describe.skipIf(!runs)('browser journey: subject access, a breach and retention', () => {
  let s: ServiceUnderTest;
  let reference: string;

  beforeAll(async () => {
    s = await ServiceUnderTest.start({ now: new Date('2026-12-07T10:00:00Z') });
    const made = await makeCase(s.h.deps, s.orgId, s.admin.actor, {
      description: 'Shared driveway',
      parties: [{ name: 'Rowan Pretendperson' }, { name: 'Blair Otherperson' }],
    });
    reference = made.reference;
    await inOrg(s.h.deps.db, s.orgId, async (tx) => {
      const rows = await tx.select().from(parties).where(eq(parties.caseId, made.caseId));
      for (const p of rows) {
        const blair = p.name.startsWith('Blair');
        const email = blair ? 'blair@other.example' : 'rowan@pretend.example';
        await tx
          .update(parties)
          .set({ email, emailNorm: email, phone: blair ? '07700 900999' : '07700 900555' })
          .where(eq(parties.id, p.id));
      }
    });
    await s.h.deps.caseActivity.addNote(s.admin.actor, made.caseId, { body: 'Blair Otherperson says the van is theirs' });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('answers a subject access request with the person’s data and no one else’s', async () => {
    const page = await s.newPage({ javaScriptEnabled: false });
    await s.signIn(page, s.admin, 'admin');
    await page.goto(`${s.origin}/data-protection`);
    await s.watch.check(page, 'data protection queue');
    await page.getByRole('button', { name: 'Record a request' }).click();
    await s.watch.check(page, 'record a request');
    await page.getByLabel('Subject access').check();
    await page.getByLabel('Name of the person asking').fill('Rowan Pretendperson');
    const received = page.getByRole('group', { name: 'When the request was received' });
    await fillDate(received, '2026-11-31');
    await page.getByRole('button', { name: 'Record the request' }).click();
    await pw(page.getByRole('alert').getByRole('link', { name: /must be a real date/ })).toBeVisible();
    await pw(page.getByLabel('Name of the person asking')).toHaveValue('Rowan Pretendperson');
    await s.watch.check(page, 'record a request: refused');
    await fillDate(received, '2026-12-04');
    await page.getByRole('button', { name: 'Record the request' }).click();
    await pw(page.getByText('Request recorded.')).toBeVisible();
    await pw(page.getByText('4 January 2027')).toBeVisible(); // one calendar month on, a Monday
    await s.watch.check(page, 'request');

    await page.goto(`${s.origin}/data-protection`);
    await pw(page.getByRole('row', { name: /Rowan Pretendperson.*4 January 2027/ })).toBeVisible();
    await page.getByRole('link', { name: 'DR-001' }).click();
    await page.getByLabel('Name, email, phone or postcode').fill('rowan');
    await page.getByRole('button', { name: 'Find the person' }).click();
    await pw(page.getByRole('row', { name: new RegExp(`Rowan Pretendperson.*${reference}`) })).toBeVisible();
    await s.watch.check(page, 'request: person found');
    await page.getByLabel(`Include Rowan Pretendperson on ${reference}`).check();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download their data (ZIP)' }).click()]);
    expect(download.suggestedFilename()).toBe('subject-access-DR-001.zip');
    const files = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
    const text = Object.values(files)
      .map((f) => strFromU8(f))
      .join('\n');
    expect(text).toContain('rowan@pretend.example');
    expect(text).toContain('[redacted] says the van is theirs');
    for (const gone of ['Blair', 'Otherperson', 'blair@other.example', '900999']) expect(text, gone).not.toContain(gone);
  });

  it('logs a breach and shows its 72-hour clock', async () => {
    const page = await s.newPage({ javaScriptEnabled: false });
    await s.signIn(page, s.admin, 'admin (breach)');
    await page.goto(`${s.origin}/data-protection/breaches/new`);
    await s.watch.check(page, 'record a breach');
    await page.getByLabel('What happened').fill('A letter about a case went to the wrong address');
    await fillDate(page.getByRole('group', { name: 'When the service became aware of it' }), '2026-12-07');
    await page.locator('#awareAtTime').fill('09:00');
    await page.getByLabel('A risk to people’s rights (report to the ICO)').check();
    await page.getByRole('button', { name: 'Record the breach' }).click();
    await pw(page.getByText(/hours left to report to the ICO/)).toBeVisible();
    await s.watch.check(page, 'breach');
    await page.goto(`${s.origin}/data-protection`);
    await pw(page.getByRole('row', { name: /BR-.*hours left to report to the ICO/ })).toBeVisible();
    await s.watch.check(page, 'data protection queue with a breach');
  });

  it('previews retention', async () => {
    const page = await s.newPage({ javaScriptEnabled: false });
    await s.signIn(page, s.admin, 'admin (retention)');
    await page.goto(`${s.origin}/data-protection/retention`);
    await pw(page.getByRole('heading', { level: 1 })).toBeVisible();
    await pw(page.getByText(/closed before/).first()).toBeVisible();
    await s.watch.check(page, 'retention');
  });
});
