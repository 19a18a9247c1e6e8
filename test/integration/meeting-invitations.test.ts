// A joint meeting at a venue, booked through the API, as everyone invited receives it from a real (in-process) SMTP
// server: one message each, addressed only to them, with a calendar entry (inline and as invite.ics) that a calendar
// accepts and that names no one else. Moving it and cancelling it send the same UID with a higher SEQUENCE; a
// reminder goes once, inside the service's reminder window. Someone with no email address is shown on the meeting.
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from '#src/db/orm.ts';
import { parties } from '#src/db/schema/cases.ts';
import { organisations } from '#src/db/schema/organisations.ts';
import { asSystem, inOrg } from '#src/db/tenant.ts';
import { makeMember, makeOrg, signIn } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { apiAs, MEETINGS_NOW, makeVenue, pageText } from '../support/meetings.ts';
import { mimeParts } from '../support/mime.ts';
import { headerOf, type ReceivedMail, type SmtpSink, startSmtpSink } from '../support/smtp-sink.ts';
import { actorFor, insertAssignment, makeCase, makeVolunteer } from '../support/volunteers.ts';
import type { WebClient } from '../support/web-client.ts';

const SERVICE = { name: 'Harbour Mediation (fictional)', email: 'office@harbour.example' };
/** Everyone invited who has an address; Noor Nomail is invited too, without one. */
const INVITED = [
  { name: 'Vera Volunteer', email: 'vera.volunteer@volunteers.example' },
  { name: 'Leo Volunteer', email: 'leo.volunteer@volunteers.example' },
  { name: 'Sam Example', email: 'sam@example.org' },
  { name: 'Alex Example', email: 'alex@example.org' },
  { name: 'Ines Interpreter', email: 'ines@interpreters.example' },
];
const NO_EMAIL = 'Noor Nomail';

let sink: SmtpSink;
let h: Harness;
let cora: WebClient;
let caseId: string;
let roomIds: string[];
let book: Record<string, unknown>;

beforeAll(async () => {
  sink = await startSmtpSink();
  h = await startHarness({ smtpUrl: sink.url });
  h.clock.current = new Date(MEETINGS_NOW);
  const { orgId } = await makeOrg(h.deps, 'harbour', SERVICE.name);
  await asSystem(h.deps.db, (tx) => tx.update(organisations).set({ email: SERVICE.email }).where(eq(organisations.id, orgId)));
  const ada = await makeMember(h.deps, orgId, 'admin', 'ada@harbour.example', { name: 'Ada Admin' });
  const coraMember = await makeMember(h.deps, orgId, 'coordinator', 'cora@harbour.example', { name: 'Cora Coordinator' });
  const vera = await makeVolunteer(h.deps, orgId, { name: 'Vera Volunteer' });
  const leo = await makeVolunteer(h.deps, orgId, { name: 'Leo Volunteer' });
  const people = [{ name: 'Sam Example' }, { name: 'Alex Example' }, { name: NO_EMAIL }];
  ({ caseId } = await makeCase(h.deps, orgId, actorFor(orgId, ada.userId, 'admin'), { description: 'Music through the floor', parties: people }));
  await insertAssignment(h.deps, orgId, caseId, vera, { role: 'lead' });
  await insertAssignment(h.deps, orgId, caseId, leo, { role: 'co' });
  const rows = await inOrg(h.deps.db, orgId, (tx) => tx.select().from(parties).where(eq(parties.caseId, caseId)));
  const partyId = (name: string) => rows.find((p) => p.name === name)!.id;
  await inOrg(h.deps.db, orgId, async (tx) => {
    for (const who of INVITED.slice(2, 4))
      await tx
        .update(parties)
        .set({ email: who.email })
        .where(eq(parties.id, partyId(who.name)));
  });
  ({ roomIds } = await makeVenue(h.deps, orgId, { name: 'Quayside Centre', rooms: ['Blue Room', 'Green Room'], address: '2 Quay Lane' }));
  book = {
    kind: 'joint',
    mode: 'in_person',
    place: 'venue',
    roomId: roomIds[0],
    start: '2026-12-15T10:00:00Z',
    durationMinutes: 90,
    volunteerIds: [vera, leo],
    partyIds: [partyId('Sam Example'), partyId('Alex Example'), partyId(NO_EMAIL)],
    others: [{ name: 'Ines Interpreter', email: 'ines@interpreters.example' }],
  };
  cora = await signIn(h, coraMember);
  await cora.get('/home');
});
afterAll(async () => {
  h?.deps.mailer?.close();
  await h?.close();
  await sink?.close();
});

/** Runs the worker until it has nothing left to do; returns the messages that arrived meanwhile. */
async function deliver(): Promise<ReceivedMail[]> {
  const before = sink.received.length;
  for (let i = 0; i < 20 && (await h.deps.worker.runOnce()) > 0; i++);
  return sink.received.slice(before);
}

/** Calendar lines joined where they were folded at 75 characters (a name may be split across two lines). */
const unfold = (text: string) => text.replace(/\r?\n[ \t]/g, '');

type Calendar = ReturnType<typeof readCalendar>;

function readCalendar(ics: string) {
  const cal = new ICAL.Component(ICAL.parse(ics));
  const vevent = cal.getFirstSubcomponent('vevent')!;
  const event = new ICAL.Event(vevent);
  const organizer = vevent.getFirstProperty('organizer')!;
  return {
    method: cal.getFirstPropertyValue('method'),
    uid: event.uid,
    sequence: event.sequence,
    start: event.startDate.toJSDate().toISOString(),
    end: event.endDate.toJSDate().toISOString(),
    status: vevent.getFirstPropertyValue('status'),
    organizer: { address: String(organizer.getFirstValue()).toLowerCase(), name: organizer.getParameter('cn') },
    attendees: vevent.getAllProperties('attendee').map((p) => ({ address: String(p.getFirstValue()).toLowerCase(), name: p.getParameter('cn') })),
  };
}

/** One message as its recipient sees it: the envelope, the To header, the text and both copies of the calendar entry. */
function open(mail: ReceivedMail) {
  const parts = mimeParts(mail.raw);
  const inline = parts.find((p) => /^text\/calendar/i.test(p.contentType));
  const attached = parts.find((p) => /filename="?invite\.ics/i.test(p.disposition));
  expect(inline, 'a text/calendar part').toBeDefined();
  expect(attached, 'an invite.ics attachment').toBeDefined();
  const calendars = [readCalendar(inline!.body), readCalendar(attached!.body)];
  expect(calendars[1]).toEqual(calendars[0]);
  return { to: headerOf(mail.raw, 'To') ?? '', envelope: mail.to, calendar: calendars[0]!, decoded: parts.map((p) => unfold(p.body)).join('\n') };
}

/** Exactly one message to each person with an address, only to them, naming no one else; their calendars by address. */
function checkOnePerPerson(mails: ReceivedMail[]): Map<string, Calendar> {
  expect(mails.map((m) => m.to.join(',')).sort()).toEqual(INVITED.map((p) => p.email).sort());
  const calendars = new Map<string, Calendar>();
  for (const mail of mails) {
    const who = INVITED.find((p) => p.email === mail.to[0])!;
    const seen = open(mail);
    expect(seen.envelope).toEqual([who.email]);
    expect(seen.to).toBe(`${who.name} <${who.email}>`);
    expect(seen.calendar.attendees).toEqual([{ address: `mailto:${who.email}`, name: who.name }]);
    expect(seen.calendar.organizer).toEqual({ address: `mailto:${SERVICE.email}`, name: SERVICE.name });
    for (const other of [...INVITED.filter((p) => p !== who), { name: NO_EMAIL, email: 'nomail' }])
      for (const text of [mail.raw, seen.decoded]) {
        expect(text, `${who.name}’s message names ${other.name}`).not.toContain(other.name);
        expect(text, `${who.name}’s message gives ${other.email}`).not.toContain(other.email);
      }
    calendars.set(who.email, seen.calendar);
  }
  return calendars;
}

describe('a joint meeting at a venue, from booking to cancellation', () => {
  let meetingId: string;
  let icsUid: string;

  it('invites everyone with an address once, each with a calendar entry only for them', async () => {
    const res = await apiAs(h, cora)('POST', `/api/v1/cases/${caseId}/meetings`, book);
    expect(res.statusCode).toBe(201);
    const { meeting, emailsQueued } = res.json();
    ({ id: meetingId, icsUid } = meeting);
    expect(emailsQueued).toBe(INVITED.length);
    const calendars = checkOnePerPerson(await deliver());
    for (const calendar of calendars.values())
      expect(calendar).toMatchObject({
        method: 'REQUEST',
        uid: icsUid,
        sequence: 0,
        start: '2026-12-15T10:00:00.000Z',
        end: '2026-12-15T11:30:00.000Z',
        status: 'CONFIRMED',
      });
    expect(await deliver()).toEqual([]);
  });

  it('shows staff who could not be emailed', async () => {
    const api = await apiAs(h, cora)('GET', `/api/v1/cases/${caseId}/meetings/${meetingId}`);
    const noor = api.json().participants.find((p: { name: string }) => p.name === NO_EMAIL);
    expect(noor).toMatchObject({ kind: 'party', email: null });
    const page = pageText((await cora.get(`/cases/${caseId}/meetings/${meetingId}`)).body);
    // The case has no postal address for them either: their letter waits for one.
    expect(page).toContain(`${NO_EMAIL} No email or postal address: their letter waits in the outbox, and cannot be posted, until you add their address`);
    for (const p of INVITED) expect(page).not.toContain(`${p.name} No email address`);
  });

  it('sends each person the change when it moves: the same UID, SEQUENCE 1, the new times', async () => {
    const res = await apiAs(h, cora)('POST', `/api/v1/cases/${caseId}/meetings/${meetingId}/reschedule`, {
      start: '2026-12-17T14:00:00Z',
      durationMinutes: 60,
      reason: 'The interpreter is not free on Tuesday',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().emailsQueued).toBe(INVITED.length);
    const mails = await deliver();
    for (const mail of mails) expect(headerOf(mail.raw, 'Subject')).toMatch(/changed|moved/i);
    for (const calendar of checkOnePerPerson(mails).values())
      expect(calendar).toMatchObject({
        method: 'REQUEST',
        uid: icsUid,
        sequence: 1,
        start: '2026-12-17T14:00:00.000Z',
        end: '2026-12-17T15:00:00.000Z',
        status: 'CONFIRMED',
      });
  });

  it('sends each person a cancellation: METHOD CANCEL, STATUS CANCELLED, SEQUENCE 2', async () => {
    const res = await apiAs(h, cora)('POST', `/api/v1/cases/${caseId}/meetings/${meetingId}/cancel`, { reason: 'Sam has moved away' });
    expect(res.statusCode).toBe(200);
    for (const calendar of checkOnePerPerson(await deliver()).values())
      expect(calendar).toMatchObject({ method: 'CANCEL', uid: icsUid, sequence: 2, status: 'CANCELLED', start: '2026-12-17T14:00:00.000Z' });
  });
});

describe('reminders', () => {
  it('reminds each person once when the meeting comes inside the reminder window, and never twice', async () => {
    const res = await apiAs(h, cora)('POST', `/api/v1/cases/${caseId}/meetings`, { ...book, roomId: roomIds[1], start: '2026-12-22T10:00:00Z' });
    expect(res.statusCode).toBe(201);
    const { icsUid } = res.json().meeting;
    expect(await deliver()).toHaveLength(INVITED.length);
    expect(await deliver()).toEqual([]);

    // The default reminder window is 24 hours: a day and a bit before, nothing; 20 hours before, the reminders.
    h.clock.current = new Date('2026-12-21T08:00:00Z');
    expect(await deliver()).toEqual([]);
    h.clock.current = new Date('2026-12-21T14:00:00Z');
    const reminders = await deliver();
    for (const mail of reminders) expect(headerOf(mail.raw, 'Subject')).toMatch(/reminder/i);
    for (const calendar of checkOnePerPerson(reminders).values())
      expect(calendar).toMatchObject({ method: 'REQUEST', uid: icsUid, sequence: 0, start: '2026-12-22T10:00:00.000Z' });

    h.clock.advance(10 * 60_000);
    expect(await deliver()).toEqual([]);
  });
});
