// Letters to post and enquiry appointments in Chromium, as a coordinator would use them: the outbox lists the letter
// for a party without an email address as "to post", its page offers the PDF and "Mark as posted"; an enquiry offers
// "Book an appointment", whose form refuses a date that does not exist (keeping what was typed), books it and shows it
// on the calendar. Axe checks every page visited, at 1280 px.
import { expect as pw } from '@playwright/test';
import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from '#src/db/orm.ts';
import { parties } from '#src/db/schema/cases.ts';
import { inOrg } from '#src/db/tenant.ts';
import { makeVenue } from '../support/meetings.ts';
import { insertAssignment, makeVolunteer } from '../support/volunteers.ts';
import { chromiumAvailable, INSTALL_HINT } from './browser.ts';
import { flash, h1, menu } from './meetings-pages.ts';
import { fillDate, ServiceUnderTest } from './service-setup.ts';

const runs = chromiumAvailable();
if (!runs && process.env.CI)
  it('has Chromium to run the journeys in', () => {
    throw new Error(INSTALL_HINT);
  });

const NOW = new Date('2026-12-14T09:00:00Z');
const NOOR = 'Noor Nomail';

describe.skipIf(!runs)('browser journey: a letter to post for a party without email, and an appointment booked from an enquiry', () => {
  let s: ServiceUnderTest;
  let cora: Page;

  beforeAll(async () => {
    s = await ServiceUnderTest.start({ now: NOW });
    const deps = s.h.deps;
    const actor = s.coordinator.actor;
    const made = await deps.referrals.createFromPublic(
      s.orgId,
      {
        caseType: 'community',
        description: 'Parking across a shared drive.',
        consentToContact: true,
        parties: [
          { name: NOOR, role: 'party', address: '4 Harbour Row, Portside', postcode: 'CT1 2AB' },
          { name: 'Sam Example', role: 'party', email: 'sam@example.org', postcode: 'CT1 3XY' },
        ],
      },
      { type: 'anonymous' },
    );
    const { rows } = await deps.referrals.list(actor, { status: 'new' });
    const { caseId } = await deps.referrals.accept(actor, rows.find((r) => r.reference === made.reference)!.id);
    const people = await inOrg(deps.db, s.orgId, (tx) => tx.select().from(parties).where(eq(parties.caseId, caseId)));
    for (const p of people) await deps.caseActivity.recordConsent(actor, caseId, { partyId: p.id, status: 'given', method: 'verbal' });
    const mo = await makeVolunteer(deps, s.orgId, { name: 'Mo Testmediator' });
    await insertAssignment(deps, s.orgId, caseId, mo, { role: 'lead' });
    const { roomIds } = await makeVenue(deps, s.orgId, { name: 'Quayside Centre', rooms: ['Blue Room'], address: '2 Quay Lane' });
    await deps.meetings.book(actor, caseId, {
      kind: 'joint',
      mode: 'in_person',
      place: 'venue',
      roomId: roomIds[0],
      start: '2026-12-16T10:00:00Z',
      durationMinutes: 90,
      volunteerIds: [mo],
      partyIds: people.map((p) => p.id),
      others: [],
      shortNoticeAgreed: false,
    });
    await deps.publicIntake.createEnquiry(
      s.orgId,
      { name: 'Robin Madeup', email: 'robin@example.org', phone: '01632 960777', message: 'Can you help with the bins?' },
      { type: 'anonymous' },
    );
    cora = await s.newPage();
    await s.signIn(cora, s.coordinator, 'coordinator');
    await s.watch.check(cora, 'coordinator home');
  });

  afterAll(async () => {
    await s?.close();
  });

  it('lists the letter as to post in the outbox, with the PDF and "Mark as posted" on its page', async () => {
    await menu(cora, 'Email').click();
    await pw(h1(cora)).toHaveText('Email');
    await s.watch.check(cora, 'outbox');
    await cora.getByRole('link', { name: 'Show letters to post' }).click();
    await pw(cora.getByRole('link', { name: /^Download letter \(PDF\)/ })).toBeVisible();
    await s.watch.check(cora, 'outbox: letters to post');
    await cora.getByRole('link', { name: /^Joint meeting on / }).click();
    await pw(cora.getByRole('heading', { level: 2, name: 'The letter' })).toBeVisible();
    await pw(cora.getByRole('link', { name: 'Download letter (PDF)' })).toHaveAttribute('href', /^\/email\/letters\/[0-9a-f-]+\.pdf$/);
    await s.watch.check(cora, 'a letter to post');
    await cora.getByRole('button', { name: 'Mark as posted' }).click();
    await flash(cora, 'The letter is marked as posted.');
    await pw(cora.getByRole('button', { name: 'Mark as posted' })).toHaveCount(0);
    await s.watch.check(cora, 'a letter marked as posted');
  });

  it('books an appointment from an enquiry, refusing a date that does not exist first, and shows it on the calendar', async () => {
    await cora.goto(`${s.origin}/enquiries`);
    await s.watch.check(cora, 'enquiries');
    await cora.getByRole('link', { name: /^Book an appointment/ }).click();
    await pw(h1(cora)).toHaveText('Appointment for Robin Madeup');
    await s.watch.check(cora, 'book an appointment');
    await fillDate(cora.getByRole('group', { name: 'Date' }), '2026-12-18');
    await cora.getByRole('group', { name: 'Date' }).getByLabel('Day', { exact: true }).fill('32');
    await cora.getByLabel('Start time', { exact: true }).fill('14:00');
    await cora.getByRole('group', { name: 'How' }).getByRole('radio', { name: 'At a venue' }).check();
    await cora.getByLabel('Venue, for an appointment at a venue', { exact: true }).selectOption({ label: 'Quayside Centre' });
    await cora.getByRole('button', { name: 'Book the appointment' }).click();
    await pw(cora.getByRole('alert').getByText('Date must be a real date')).toBeVisible();
    expect(await cora.getByLabel('Start time', { exact: true }).inputValue()).toBe('14:00');
    await s.watch.check(cora, 'book an appointment: a date that does not exist');
    await cora.getByRole('group', { name: 'Date' }).getByLabel('Day', { exact: true }).fill('18');
    await cora.getByRole('button', { name: 'Book the appointment' }).click();
    await flash(cora, 'Appointment booked. The invitation is in the email outbox.');
    await pw(cora.getByText('Friday 18 December 2026, 14:00 to 14:45')).toBeVisible();
    await s.watch.check(cora, 'the appointment booked');
    await cora.getByRole('link', { name: 'Open the calendar' }).click();
    await pw(cora.getByRole('link', { name: /^Meeting about your enquiry/ })).toBeVisible();
    await s.watch.check(cora, 'calendar with the appointment');
  });

  it('checked every page it visited with axe, and saw no Content-Security-Policy errors', () => {
    expect(s.watch.cspMessages).toEqual([]);
    expect(s.watch.visits.filter((v) => !v.checked).map((v) => v.url)).toEqual([]);
  });
});
