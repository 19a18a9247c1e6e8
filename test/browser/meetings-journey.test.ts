// Meetings in Chromium, as a coordinator and a mediator would try them: the coordinator adds a venue with a room
// that has a separate waiting room, records each party's usual free times at intake, finds a time for a joint
// meeting (and asks why Christmas Day has none) and books it; every participant with an email address receives one
// invitation over SMTP that ical.js reads back. An answer taken by phone, a move with a reason (SEQUENCE 1), the
// joint meeting recorded once it has passed (another joint meeting: a request in the queue), a shuttle session
// booked and logged without JavaScript (a statement not to be passed on never reaches the other side), the
// calendars filtered by venue, and the mediator's own calendar and private feed. Axe checks every page visited.
import { expect as pw } from '@playwright/test';
import ICAL from 'ical.js';
import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from '#src/db/orm.ts';
import { meetings } from '#src/db/schema/meetings.ts';
import { inOrg } from '#src/db/tenant.ts';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink.ts';
import { chromiumAvailable, INSTALL_HINT } from './browser.ts';
import {
  ASH,
  BEA,
  BEAS_WORDS,
  EVERYONE,
  GARDEN_ROOM,
  invitationOf,
  MO,
  meetingsCase,
  NELL,
  NOW,
  ROOM,
  SAID_BY_BEA,
  SAID_NO,
  SAID_YES,
  VENUE,
} from './meetings-setup.ts';
import { caseSection, flash, h1, meetingHeading, meetingIdOf, menu, participant, recordIntakeWithMornings, recordShuttleStatements } from './meetings-pages.ts';
import { fillDate, ServiceUnderTest, type Staff } from './service-setup.ts';

const runs = chromiumAvailable();

// In CI a missing Chromium is a failure, not a skip.
if (!runs && process.env.CI)
  it('has Chromium to run the journeys in', () => {
    throw new Error(INSTALL_HINT);
  });

describe.skipIf(!runs)('browser journey: a venue, finding a time, booking a joint meeting with invitations, records, a shuttle log and calendars', () => {
  let sink: SmtpSink;
  let s: ServiceUnderTest;
  let mediator: Staff;
  let cora: Page;
  /** The coordinator again, in a browser with JavaScript turned off. */
  let plain: Page;
  let reference = '';
  let jointUrl = '';
  let shuttleUrl = '';
  let icsUid = '';

  beforeAll(async () => {
    sink = await startSmtpSink();
    s = await ServiceUnderTest.start({ config: { smtpUrl: sink.url }, now: NOW });
    mediator = await s.addStaff('mediator', MO, 'mo.testmediator@riverside.example');
    ({ reference } = await meetingsCase(s, mediator));
    cora = await s.newPage();
    await s.signIn(cora, s.coordinator, 'coordinator');
    await s.watch.check(cora, 'coordinator home');
  });

  afterAll(async () => {
    await s?.close();
    await sink?.close();
  });

  /** A meeting on a calendar: its kind and case reference (a visually hidden comma between them). */
  const entry = (page: Page, kind: string) => page.getByRole('link', { name: new RegExp(`^${kind} ?, ${reference}$`) });
  /** The home page's queue item for the further meeting asked for, linking to the case's meetings. */
  const requestOnHome = (page: Page) => page.getByRole('link', { name: new RegExp(`^${reference}: joint meeting asked for by`) });

  /** Runs the server's worker until the queue is empty: the outbox's messages go to the SMTP sink. */
  async function deliverMail() {
    while ((await s.h.deps.worker.runOnce()) > 0);
  }

  /** The invitations each address received, in order, read back by ical.js. */
  const invitationsTo = (address: string) => sink.received.filter((m) => m.to.includes(address)).map((m) => invitationOf(m.raw, address));

  it('adds a venue with weekday opening hours and a room with a separate waiting room', async () => {
    await menu(cora, 'Calendar').click();
    await s.watch.check(cora, 'calendar');
    await cora.getByRole('link', { name: 'Manage venues' }).click();
    await pw(h1(cora)).toHaveText('Venues');
    await pw(cora.getByText('No venues yet.')).toBeVisible();
    await s.watch.check(cora, 'venues');
    await cora.getByRole('button', { name: 'Add a venue' }).click();
    await pw(h1(cora)).toHaveText('Add a venue');
    await s.watch.check(cora, 'add a venue');
    await cora.getByLabel('Name', { exact: true }).fill(VENUE);
    await cora.getByLabel('Address', { exact: true }).fill('2 Quay Road\nRiverside');
    await cora.getByLabel('Postcode', { exact: true }).fill('CT1 2AB');
    await cora.getByLabel('Access notes (optional)', { exact: true }).fill('Step-free entrance on Quay Road; hearing loop at reception.');
    for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']) {
      const hours = cora.getByRole('group', { name: day, exact: true });
      await hours.getByLabel('Opens', { exact: true }).fill('09:00');
      await hours.getByLabel('Closes', { exact: true }).fill('17:00');
    }
    await cora.getByRole('button', { name: 'Add venue' }).click();
    await flash(cora, 'Venue added.');
    const venue = cora.getByRole('region', { name: VENUE });
    await pw(venue).toContainText('No rooms yet');
    await s.watch.check(cora, 'venue added');

    await venue.getByRole('link', { name: `Add a room at ${VENUE}` }).click();
    await pw(h1(cora)).toHaveText('Add a room');
    await s.watch.check(cora, 'add a room');
    await cora.getByLabel('Name of the room', { exact: true }).fill(ROOM);
    await cora.getByLabel('How many people it holds', { exact: true }).fill('8');
    await cora.getByRole('group', { name: 'Is there a separate waiting room?' }).getByRole('radio', { name: 'Yes' }).check();
    await cora.getByRole('button', { name: 'Add room' }).click();
    await flash(cora, 'Room added.');
    const room = cora.getByRole('table', { name: `Rooms at ${VENUE}` }).getByRole('row', { name: new RegExp(`^${ROOM}`) });
    await pw(room).toContainText('8 people');
    await pw(room).toContainText('Yes');
    await s.watch.check(cora, 'room added');
  });

  it('records when each party can usually meet at intake: Ash on weekday mornings, Bea on Tuesday to Thursday mornings', async () => {
    await menu(cora, 'Cases').click();
    await s.watch.check(cora, 'cases');
    await cora.getByRole('link', { name: reference }).click();
    await pw(h1(cora)).toContainText(reference);
    await s.watch.check(cora, 'case');
    await caseSection(cora, /^People/).click();
    await s.watch.check(cora, 'people');
    await recordIntakeWithMornings(cora, s.watch, ASH.name, ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']);
    await recordIntakeWithMornings(cora, s.watch, BEA.name, ['Tuesday', 'Wednesday', 'Thursday']);
  });

  it('finds a time for a joint meeting at the venue, shows why Christmas Day has none, and books it', async () => {
    await caseSection(cora, /^Meetings/).click();
    await pw(cora.getByText('No meetings are booked.')).toBeVisible();
    await s.watch.check(cora, 'meetings tab');
    await cora.getByRole('button', { name: 'Find a time' }).click();
    await pw(cora.getByRole('heading', { level: 2, name: 'Find a time' })).toBeVisible();
    await s.watch.check(cora, 'find a time');

    await cora.getByLabel('Kind of meeting', { exact: true }).selectOption({ label: 'Joint meeting' });
    await cora.getByRole('group', { name: 'How' }).getByRole('radio', { name: 'In person' }).check();
    await cora.getByRole('group', { name: 'Where, for a meeting in person' }).getByRole('radio', { name: 'At a venue' }).check();
    await cora.getByLabel('Venue (optional)', { exact: true }).selectOption({ label: VENUE });
    await cora.getByLabel('How long', { exact: true }).fill('90');
    await fillDate(cora.getByRole('group', { name: 'From' }), '2026-12-21');
    await fillDate(cora.getByRole('group', { name: 'To' }), '2027-01-08');
    const who = cora.getByRole('group', { name: 'Who takes part' });
    await pw(who.getByRole('checkbox', { name: ASH.name })).toBeChecked();
    await pw(who.getByRole('checkbox', { name: BEA.name })).toBeChecked();
    await cora.getByRole('button', { name: 'Find times' }).click();

    const times = cora.getByRole('table', { name: 'The earliest times, at most two a day' });
    const first = times.getByRole('row').nth(1);
    await pw(first).toContainText('Tuesday 22 December');
    await pw(first).toContainText('09:00 to 10:30');
    await pw(first).toContainText(`${ROOM}, ${VENUE}`);
    // Bea is free only from Tuesday to Thursday; Christmas Day and the Boxing Day holiday are bank holidays.
    for (const day of ['Monday 21 December', 'Friday 25 December', 'Monday 28 December']) await pw(times).not.toContainText(day);
    await s.watch.check(cora, 'times found');

    await cora.getByRole('link', { name: 'Why is there no time on Friday 25 December?' }).click();
    const why = cora.locator('#why');
    await pw(why.getByRole('heading', { name: 'Why there is no time on Friday 25 December' })).toBeVisible();
    await pw(why).toContainText('Friday 25 December is a bank holiday (Christmas Day)');
    await s.watch.check(cora, 'why no time on Christmas Day');
    await cora.getByRole('link', { name: 'Why is there no time on Monday 21 December?' }).click();
    await pw(cora.locator('#why')).toContainText(BEA.name);
    await s.watch.check(cora, 'why no time on Monday');

    await times.getByRole('link', { name: /^Book this time on Tuesday 22 December at 09:00/ }).click();
    await pw(cora.getByRole('heading', { level: 2, name: 'Book a meeting' })).toBeVisible();
    await pw(cora.getByLabel('Kind of meeting', { exact: true })).toHaveValue('joint');
    await pw(cora.getByRole('group', { name: 'How does it happen?' }).getByRole('radio', { name: 'In person' })).toBeChecked();
    await pw(cora.getByRole('radio', { name: 'At a venue' })).toBeChecked();
    await pw(cora.getByLabel('Room, for a meeting at a venue', { exact: true }).locator('option:checked')).toHaveText(GARDEN_ROOM);
    const date = cora.getByRole('group', { name: 'Date' });
    await pw(date.getByLabel('Day', { exact: true })).toHaveValue('22');
    await pw(date.getByLabel('Month', { exact: true })).toHaveValue('12');
    await pw(date.getByLabel('Year', { exact: true })).toHaveValue('2026');
    await pw(cora.getByLabel('Start time', { exact: true })).toHaveValue('09:00');
    await pw(cora.getByLabel('How long', { exact: true })).toHaveValue('90');
    for (const name of [`${MO} (lead mediator)`, `${NELL} (co-mediator)`, `${ASH.name} (Party)`, `${BEA.name} (Party)`])
      await pw(cora.getByRole('checkbox', { name })).toBeChecked();
    await s.watch.check(cora, 'booking form, filled from the time chosen');
    await cora.getByRole('button', { name: 'Book the meeting' }).click();

    await flash(cora, 'Meeting booked. Invitations are in the outbox: by email, or as a letter to post for anyone without an email address.');
    await pw(meetingHeading(cora)).toContainText('Joint meeting: Tuesday 22 December 2026, 09:00 to 10:30');
    for (const name of [MO, NELL, ASH.name, BEA.name]) await pw(participant(cora, name)).toContainText('Not yet answered');
    await s.watch.check(cora, 'joint meeting booked');
    jointUrl = new URL(cora.url()).pathname;
    const [row] = await inOrg(s.h.deps.db, s.orgId, (tx) =>
      tx
        .select()
        .from(meetings)
        .where(eq(meetings.id, meetingIdOf(jointUrl))),
    );
    icsUid = row!.icsUid;
    expect(icsUid).toBeTruthy();
  });

  it('sends every participant with an email address exactly one invitation over SMTP, which ical.js reads back', async () => {
    await deliverMail();
    expect(new Set(sink.received.flatMap((m) => m.to))).toEqual(new Set(EVERYONE));
    for (const address of EVERYONE) {
      const got = invitationsTo(address);
      expect(got, `invitations to ${address}`).toHaveLength(1);
      expect(got[0]).toEqual({ to: address, method: 'REQUEST', uid: icsUid, sequence: 0, start: '2026-12-22T09:00:00.000Z', attendees: [`mailto:${address}`] });
    }

    await menu(cora, 'Email').click();
    await pw(h1(cora)).toHaveText('Email');
    await pw(cora.getByRole('table', { name: '4 messages' })).toBeVisible();
    await s.watch.check(cora, 'email outbox');
    const toAsh = cora.getByRole('row').filter({ hasText: ASH.email });
    await pw(toAsh).toContainText('Sent');
    await toAsh.getByRole('link').first().click();
    await pw(cora.getByText(icsUid, { exact: true })).toBeVisible();
    await pw(cora.getByRole('heading', { name: 'Delivery log' })).toBeVisible();
    await pw(cora.getByRole('table', { name: 'Delivery attempts, oldest first' }).getByRole('row')).toHaveCount(2);
    await pw(cora.getByRole('table', { name: 'Delivery attempts, oldest first' })).toContainText('Sent');
    await s.watch.check(cora, 'email: invitation to Ash');
  });

  it('records an answer given by phone, then moves the meeting with a reason: everyone gets SEQUENCE 1', async () => {
    await cora.getByRole('link', { name: 'the meeting', exact: true }).click();
    await pw(cora).toHaveURL(`${s.origin}${jointUrl}`);
    await s.watch.check(cora, 'joint meeting');
    for (const answer of ['Declined', 'Accepted']) {
      await cora.getByLabel('Who answered', { exact: true }).selectOption({ label: BEA.name });
      await cora.getByRole('group', { name: 'Their answer' }).getByRole('radio', { name: answer, exact: true }).check();
      await cora.getByRole('button', { name: 'Save the answer' }).click();
      await flash(cora, 'Answer recorded.');
      await pw(participant(cora, BEA.name)).toContainText(answer);
      await s.watch.check(cora, `joint meeting: Bea ${answer.toLowerCase()}`);
    }
    await pw(participant(cora, ASH.name)).toContainText('Not yet answered');

    await cora.getByRole('button', { name: 'Move this meeting' }).click();
    await pw(cora.getByRole('heading', { level: 2, name: 'Move this meeting' })).toBeVisible();
    await s.watch.check(cora, 'move the meeting');
    await fillDate(cora.getByRole('group', { name: 'New date' }), '2026-12-23');
    await cora.getByLabel('New start time', { exact: true }).fill('09:00');
    await cora.getByLabel('Why is it moving?', { exact: true }).fill('Bea has a hospital appointment on the Tuesday (fictional).');
    await cora.getByRole('button', { name: 'Move the meeting' }).click();
    await flash(cora, 'Meeting moved. Everyone invited has been sent the new time.');
    await pw(meetingHeading(cora)).toContainText('Joint meeting: Wednesday 23 December 2026, 09:00 to 10:30');
    await pw(cora.getByText(/Bea has a hospital appointment on the Tuesday/)).toBeVisible();
    await s.watch.check(cora, 'joint meeting moved');

    await deliverMail();
    for (const address of EVERYONE) {
      const got = invitationsTo(address);
      expect(got, `messages to ${address}`).toHaveLength(2);
      expect(got[1]).toEqual({ to: address, method: 'REQUEST', uid: icsUid, sequence: 1, start: '2026-12-23T09:00:00.000Z', attendees: [`mailto:${address}`] });
    }
  });

  it('after the joint meeting, records it with the ground rules agreed and another joint meeting; the request is in the queue', async () => {
    // Tuesday 29 December, 08:45: the joint meeting was last week.
    s.h.clock.current = new Date('2026-12-29T08:45:00Z');
    await s.signIn(cora, s.coordinator, 'coordinator, a week later');
    await s.watch.check(cora, 'coordinator home, a week later');
    await cora.goto(`${s.origin}${jointUrl}`);
    await s.watch.check(cora, 'joint meeting, after it');
    await cora.getByRole('button', { name: 'Record the meeting' }).click();
    await pw(cora.getByRole('heading', { level: 2, name: 'Record the meeting' })).toBeVisible();
    await s.watch.check(cora, 'record the meeting');
    const came = cora.getByRole('group', { name: 'Who came?' });
    for (const name of [MO, NELL, ASH.name, BEA.name]) await pw(came.getByRole('checkbox', { name })).toBeChecked();
    const rules = cora.getByRole('group', { name: 'Ground rules agreed' });
    await rules.getByRole('checkbox', { name: 'Listen to each other without interrupting' }).check();
    await rules.getByRole('checkbox', { name: 'No offensive remarks or name-calling' }).check();
    await cora.getByLabel('Issues identified', { exact: true }).fill('The shared fence; bins left on the path; music after 10pm.');
    await cora.getByLabel('Options discussed', { exact: true }).fill('Split the cost of the fence; a bin store; quiet hours on weeknights.');
    await cora.getByLabel('Outcome', { exact: true }).fill('Agreed quiet hours. The fence and the bins need another meeting.');
    await cora.getByRole('group', { name: 'Next step' }).getByRole('radio', { name: 'Another joint meeting' }).check();
    await cora.getByRole('button', { name: 'Save the record' }).click();

    await flash(cora, 'Meeting recorded. A request for another joint meeting is in the coordinators’ queue.');
    const record = cora.locator('.govuk-summary-list').filter({ hasText: 'Ground rules agreed' });
    await pw(record).toContainText('Listen to each other without interrupting; No offensive remarks or name-calling');
    await pw(record).toContainText('Another joint meeting');
    for (const name of [MO, NELL, ASH.name, BEA.name]) await pw(participant(cora, name)).toContainText('Attended');
    await s.watch.check(cora, 'joint meeting recorded');

    await menu(cora, 'Home').click();
    await pw(requestOnHome(cora)).toBeVisible();
    await s.watch.check(cora, 'home, with the request');
    await cora.getByRole('link', { name: 'All requests for a further meeting' }).click();
    await pw(h1(cora)).toHaveText('Requests for a further meeting');
    const request = cora.getByRole('row').filter({ hasText: reference });
    await pw(request).toContainText('Joint meeting');
    await s.watch.check(cora, 'requests for a further meeting');
  });

  it('books a shuttle session in the room with a separate waiting room, without JavaScript', async () => {
    plain = await s.newPage({ javaScriptEnabled: false });
    await s.signIn(plain, s.coordinator, 'coordinator without JavaScript');
    await s.watch.check(plain, 'no JS: home');
    await requestOnHome(plain).click();
    await s.watch.check(plain, 'no JS: meetings tab');
    await plain.getByRole('button', { name: 'Book a meeting' }).click();
    await s.watch.check(plain, 'no JS: book a meeting');
    await plain.getByLabel('Kind of meeting', { exact: true }).selectOption({ label: 'Shuttle session' });
    await plain.getByRole('group', { name: 'How does it happen?' }).getByRole('radio', { name: 'In person' }).check();
    await plain.getByRole('radio', { name: 'At a venue' }).check();
    await plain.getByLabel('Room, for a meeting at a venue', { exact: true }).selectOption({ label: GARDEN_ROOM });
    await fillDate(plain.getByRole('group', { name: 'Date' }), '2026-12-29');
    await plain.getByLabel('Start time', { exact: true }).fill('09:00');
    await plain.getByLabel('How long', { exact: true }).fill('90');
    await plain.getByRole('checkbox', { name: `${ASH.name} (Party)` }).check();
    await plain.getByRole('checkbox', { name: `${BEA.name} (Party)` }).check();
    await plain.getByRole('button', { name: 'Book the meeting' }).click();
    await flash(plain, 'Meeting booked. Invitations are in the outbox: by email, or as a letter to post for anyone without an email address.');
    await pw(meetingHeading(plain)).toContainText('Shuttle session: Tuesday 29 December 2026, 09:00 to 10:30');
    await s.watch.check(plain, 'no JS: shuttle session booked');
    shuttleUrl = new URL(plain.url()).pathname;
  });

  it('keeps the shuttle log without JavaScript; a statement not to be passed on never reaches the other side', async () => {
    // 09:05: the parties are in their rooms and the mediators go between them.
    s.h.clock.current = new Date('2026-12-29T09:05:00Z');
    await plain.getByRole('button', { name: 'Shuttle log' }).click();
    await pw(plain.getByText('Nothing has been logged yet.')).toBeVisible();
    await s.watch.check(plain, 'no JS: shuttle log');

    await recordShuttleStatements(plain, s.watch, [
      [ASH.name, SAID_NO, 'No, not to be passed on'],
      [ASH.name, SAID_YES, 'Yes, as said'],
      [BEA.name, SAID_BY_BEA, 'Yes, in these words only', BEAS_WORDS],
    ]);

    const yes = plain.locator('form').filter({ hasText: `What is recorded as passed on: “${SAID_YES}”` });
    await yes.getByLabel('Pass this on to', { exact: true }).selectOption({ label: BEA.name });
    await yes.getByRole('button', { name: 'Record that it was passed on' }).click();
    await flash(plain, 'Recorded what was passed on.');
    await pw(plain.getByText(new RegExp(`To ${BEA.name}, Tuesday 29 December 2026, \\d\\d:\\d\\d: “${SAID_YES}”`))).toBeVisible();
    await s.watch.check(plain, 'no JS: passed on');

    // What may be passed to each side, for a letter or a call: in the coordinator's usual browser.
    await cora.goto(`${s.origin}${shuttleUrl}/shuttle`);
    await s.watch.check(cora, 'shuttle log');
    await cora.getByRole('link', { name: `What may be passed to ${BEA.name}` }).click();
    await pw(h1(cora)).toHaveText(`What may be passed to ${BEA.name}`);
    const main = cora.getByRole('main');
    await pw(main).toContainText(SAID_YES);
    await pw(main).not.toContainText(SAID_NO);
    expect(await cora.content()).not.toContain('whatever the deeds say');
    await s.watch.check(cora, 'what may be passed to Bea');

    await cora.goBack();
    await s.watch.check(cora, 'shuttle log, again');
    await cora.getByRole('link', { name: `What may be passed to ${ASH.name}` }).click();
    await pw(h1(cora)).toHaveText(`What may be passed to ${ASH.name}`);
    await pw(cora.getByRole('main')).toContainText(`From ${BEA.name}: “${BEAS_WORDS}”`);
    expect(await cora.content()).not.toContain('it is deliberate');
    expect(await cora.content()).not.toContain(SAID_NO);
    await s.watch.check(cora, 'what may be passed to Ash');
  });

  it('shows the meetings on the coordinator’s calendar, by week and month and filtered by the venue', async () => {
    await menu(cora, 'Calendar').click();
    await pw(cora.getByRole('heading', { level: 2, name: /28 December/ })).toBeVisible();
    await pw(entry(cora, 'Shuttle session')).toBeVisible();
    await s.watch.check(cora, 'calendar: this week');
    await cora.getByLabel('Venue', { exact: true }).selectOption({ label: VENUE });
    await cora.getByRole('button', { name: 'Apply filters' }).click();
    await pw(cora).toHaveURL(/venueId=/);
    await pw(entry(cora, 'Shuttle session')).toBeVisible();
    await s.watch.check(cora, 'calendar: this week at the venue');
    await cora.getByRole('link', { name: /^Previous/ }).click();
    const joint = cora.getByRole('row').filter({ has: entry(cora, 'Joint meeting') });
    await pw(joint).toContainText('09:00 to 10:30');
    await pw(joint).toContainText(`${VENUE} (${ROOM})`);
    await pw(joint).toContainText(`${MO} and ${NELL}`);
    await s.watch.check(cora, 'calendar: last week at the venue');
    await cora.getByRole('navigation', { name: 'Calendar view' }).getByRole('link', { name: 'Month' }).click();
    await pw(cora).toHaveURL(/view=month/);
    await pw(entry(cora, 'Joint meeting')).toBeVisible();
    await pw(entry(cora, 'Shuttle session')).toBeVisible();
    await s.watch.check(cora, 'calendar: the month at the venue');
  });

  it('shows the mediator the meetings in their own calendar, and their private feed has them without party names', async () => {
    const mo = await s.newPage();
    await s.signIn(mo, mediator, 'mediator');
    await s.watch.check(mo, 'mediator home');
    await menu(mo, 'My volunteering').click();
    await s.watch.check(mo, 'mediator: my volunteering');
    await mo.getByRole('navigation', { name: 'My volunteering' }).getByRole('link', { name: 'My calendar' }).click();
    await pw(h1(mo)).toHaveText('My calendar');
    await pw(entry(mo, 'Shuttle session')).toBeVisible();
    await s.watch.check(mo, 'mediator: my calendar');
    await mo.getByRole('navigation', { name: 'Calendar view' }).getByRole('link', { name: 'Month' }).click();
    await pw(entry(mo, 'Joint meeting')).toBeVisible();
    await s.watch.check(mo, 'mediator: my calendar, the month');

    await mo.getByRole('link', { name: 'See them in Outlook or Google Calendar' }).click();
    await pw(h1(mo)).toHaveText('Your meetings in Outlook or Google Calendar');
    await s.watch.check(mo, 'mediator: calendar feed');
    await mo.getByRole('button', { name: 'Create a calendar link' }).click();
    await pw(mo.getByText('Your calendar link is ready')).toBeVisible();
    await s.watch.check(mo, 'mediator: calendar link made');
    const link = ((await mo.locator('#calendar-link').textContent()) ?? '').trim();
    expect(link).toMatch(/\/calendar\/[^/]+\.ics$/);

    const res = await fetch(`${s.origin}${new URL(link).pathname}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    const ics = await res.text();
    const cal = new ICAL.Component(ICAL.parse(ics));
    const uids = cal.getAllSubcomponents('vevent').map((ve) => new ICAL.Event(ve).uid);
    expect(uids).toContain(icsUid);
    expect(uids).toHaveLength(2);
    for (const name of [ASH.name, BEA.name, 'Testparty', 'Sampleparty', ASH.email, BEA.email]) expect(ics).not.toContain(name);
  });

  it('checked every page it visited with axe, and saw no Content-Security-Policy errors', () => {
    expect(s.watch.uncheckedVisits).toEqual([]);
    expect(s.watch.cspMessages).toEqual([]);
    expect(s.watch.checkedPages.length).toBeGreaterThanOrEqual(40);
  });
});
