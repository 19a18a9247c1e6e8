// An enquiry leads to an appointment: staff book one from the enquiry (a date, a time, at a venue, by phone or by
// video, with a member of staff); the form refuses dates that do not exist, times in the past and missing choices,
// each with its own message and what was typed kept; the appointment shows on the service's calendar and the
// enquirer is emailed an invitation with an .ics (through a real in-process SMTP server); cancelling sends the
// cancellation with the same UID; both are audited. The enquirer's confirmation page gives a reference.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from '#src/db/orm.ts';
import { auditEvents } from '#src/db/schema/audit.ts';
import { asSystem } from '#src/db/tenant.ts';
import { makeMember, signIn } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { apiAs, MEETINGS_NOW, makeVenue } from '../support/meetings.ts';
import { errorSummary, pageText } from '../support/page-text.ts';
import { mimeParts } from '../support/mime.ts';
import { headerOf, type ReceivedMail, type SmtpSink, startSmtpSink } from '../support/smtp-sink.ts';
import { WebClient } from '../support/web-client.ts';
import { publicService } from './public-support.ts';

let sink: SmtpSink;
let h: Harness;
let s: Awaited<ReturnType<typeof publicService>>;
let cora: WebClient;
let coraId: string;
let venueId: string;
let enquiryId: string;
let reference: string;
let uid: string;

async function deliver(): Promise<ReceivedMail[]> {
  const before = sink.received.length;
  for (let i = 0; i < 20 && (await h.deps.worker.runOnce()) > 0; i++);
  return sink.received.slice(before);
}

/** The calendar entry as the recipient's mail program reads it: the text/calendar part, decoded and unfolded. */
const icsOf = (raw: string) => (mimeParts(raw).find((p) => /^text\/calendar/i.test(p.contentType))?.body ?? '').replace(/\r?\n[ \t]/g, '');

beforeAll(async () => {
  sink = await startSmtpSink();
  h = await startHarness({ smtpUrl: sink.url });
  h.clock.current = new Date(MEETINGS_NOW);
  s = await publicService(h, 'appt');
  const member = await makeMember(h.deps, s.orgId, 'coordinator', 'cora@appt-staff.example', { name: 'Cora Coordinator' });
  coraId = member.userId;
  cora = await signIn(h, member);
  ({ venueId } = await makeVenue(h.deps, s.orgId, { name: 'Quayside Centre', rooms: ['Blue Room'], address: '2 Quay Lane' }));
  const web = new WebClient(h.app);
  await web.get('/s/appt/contact');
  const sent = await web.post('/s/appt/contact', {
    name: 'Jo Okafor',
    email: 'jo@example.org',
    phone: '01632 960555',
    message: 'Can you help with my neighbour?',
  });
  expect(sent.statusCode).toBe(303);
  const confirmation = pageText((await web.get(sent.headers.location as string)).body);
  reference = /Your reference (CDM-E-\d{4}-\d{4})/.exec(confirmation)?.[1] ?? '';
  const [e] = await h.deps.publicIntake.listEnquiries(s.coordinator, 'new');
  enquiryId = e!.id;
});
afterAll(async () => {
  h?.deps.mailer?.close();
  await h?.close();
  await sink?.close();
});

const form = (over: Record<string, string> = {}) => ({
  'date-day': '15',
  'date-month': '12',
  'date-year': '2026',
  startTime: '10:00',
  durationMinutes: '45',
  mode: 'in_person',
  venueId,
  staffUserId: coraId,
  ...over,
});

describe('booking an appointment from an enquiry', () => {
  it('gives the enquirer a reference, and offers "Book an appointment" on the enquiry', async () => {
    expect(reference).toMatch(/^CDM-E-2026-0001$/);
    const list = await cora.get('/enquiries');
    expect(list.body).toContain(`href="/enquiries/${enquiryId}/appointment"`);
    expect(pageText(list.body)).toContain('Book an appointment');
    const page = pageText((await cora.get(`/enquiries/${enquiryId}/appointment`)).body);
    expect(page).toContain('Appointment for Jo Okafor');
    expect(page).toContain(reference);
  });

  it('refuses a date that does not exist, a time in the past and a missing venue, each with its message, keeping what was typed', async () => {
    const unreal = await cora.post(`/enquiries/${enquiryId}/appointment`, form({ 'date-day': '31', 'date-month': '11', startTime: '25:00' }));
    expect(unreal.statusCode).toBe(422);
    const summary = errorSummary(unreal.body);
    expect(summary).toContain('Date must be a real date');
    expect(summary).toContain('The start time must be a time on the 24-hour clock');
    expect(unreal.body).toContain('name="date-day" type="text" value="31"');
    expect(unreal.body).toContain('value="25:00"');

    const past = await cora.post(`/enquiries/${enquiryId}/appointment`, form({ 'date-day': '2' }));
    expect(past.statusCode).toBe(422);
    expect(errorSummary(past.body)).toContain('The appointment must be in the future');
    expect(past.body).toContain('name="date-day" type="text" value="2"');

    const noVenue = await cora.post(`/enquiries/${enquiryId}/appointment`, form({ venueId: '' }));
    expect(noVenue.statusCode).toBe(422);
    expect(errorSummary(noVenue.body)).toContain('Choose the venue');

    const api = await apiAs(h, cora)('POST', `/api/v1/enquiries/${enquiryId}/appointments`, {
      start: '2026-12-01T10:00:00Z',
      durationMinutes: 45,
      mode: 'phone',
      staffUserId: coraId,
    });
    expect(api.statusCode).toBe(422);
    expect(api.json().error.fields).toMatchObject({ date: 'The appointment must be in the future' });
    expect(await deliver()).toEqual([]);
  });

  it('books it: on the enquiry, on the calendar, audited, and emailed to the enquirer with an .ics', async () => {
    const res = await cora.post(`/enquiries/${enquiryId}/appointment`, form());
    expect(res.statusCode, errorSummary(res.body)).toBe(303);
    const page = pageText((await cora.get(res.headers.location as string)).body);
    expect(page).toContain('Appointment booked. The invitation is in the email outbox.');
    expect(page).toContain('Tuesday 15 December 2026, 10:00 to 10:45');
    expect(page).toContain('Quayside Centre, 2 Quay Lane');
    expect(page).toContain('Cora Coordinator');
    expect(pageText((await cora.get('/enquiries')).body)).toContain('Tuesday 15 December 2026, 10:00 to 10:45, at Quayside Centre, with Cora Coordinator');

    const calendar = await cora.get('/calendar?view=week&date=2026-12-14');
    const text = pageText(calendar.body);
    expect(text).toMatch(new RegExp(`10:00 to 10:45 Meeting about your enquiry\\s*, ${reference} Quayside Centre Cora Coordinator`));
    expect(calendar.body).toContain(`href="/enquiries/${enquiryId}/appointment"`);
    expect(text).not.toContain('Jo Okafor');

    const mails = await deliver();
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.to).toEqual(['jo@example.org']);
    expect(headerOf(mail.raw, 'Subject')).toContain('Meeting about your enquiry on Tuesday 15 December 2026');
    const ics = icsOf(mail.raw);
    expect(ics).toContain('METHOD:REQUEST');
    expect(ics).toContain('DTSTART:20261215T100000Z');
    expect(ics).toContain('SEQUENCE:0');
    uid = /UID:(\S+)/.exec(ics)?.[1] ?? '';
    expect(uid).not.toBe('');
    expect(ics).toMatch(/ATTENDEE[^\n]*jo@example\.org/);

    const audit = await asSystem(h.deps.db, (tx) =>
      tx
        .select({ action: auditEvents.action })
        .from(auditEvents)
        .where(and(eq(auditEvents.orgId, s.orgId), eq(auditEvents.entityId, enquiryId))),
    );
    expect(audit.map((a) => a.action)).toContain('enquiry.appointment_booked');
  });

  it('refuses a second appointment while one is booked', async () => {
    const again = await cora.post(`/enquiries/${enquiryId}/appointment`, form({ 'date-day': '16' }));
    expect(again.statusCode).toBe(422);
    expect(errorSummary(again.body)).toContain('This enquiry has an appointment already');
  });

  it('cancels it with a reason: off the calendar, and the enquirer is sent the cancellation with the same UID', async () => {
    const empty = await cora.post(`/enquiries/${enquiryId}/appointment/cancel`, { reason: ' ' });
    expect(empty.statusCode).toBe(422);
    expect(errorSummary(empty.body)).toContain('Say why the appointment is cancelled');
    const res = await cora.post(`/enquiries/${enquiryId}/appointment/cancel`, { reason: 'Jo has found another service' });
    expect(res.statusCode).toBe(303);
    const page = pageText((await cora.get(res.headers.location as string)).body);
    expect(page).toContain('Appointment cancelled.');
    expect(page).toContain('Book an appointment');
    expect(pageText((await cora.get('/calendar?view=week&date=2026-12-14')).body)).not.toContain(reference);
    const [mail] = await deliver();
    const ics = icsOf(mail!.raw);
    expect(ics).toContain('METHOD:CANCEL');
    expect(ics).toContain('SEQUENCE:1');
    expect(ics).toContain(`UID:${uid}`);
    const api = await apiAs(h, cora)('GET', `/api/v1/enquiries/${enquiryId}/appointments`);
    expect(api.json()).toMatchObject({ booked: null, cancelled: [{ status: 'cancelled', cancelReason: 'Jo has found another service' }] });
  });

  it('books one by phone through the API, ringing the number the enquiry gave', async () => {
    const res = await apiAs(h, cora)('POST', `/api/v1/enquiries/${enquiryId}/appointments`, {
      start: '2026-12-16T14:00:00Z',
      durationMinutes: 30,
      mode: 'phone',
      staffUserId: coraId,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ appointment: { mode: 'phone', phone: '01632 960555', status: 'booked' }, emailsQueued: 1 });
    const [mail] = await deliver();
    expect(headerOf(mail!.raw, 'Subject')).toContain('Phone call about your enquiry');
  });
});
