// Booking meetings, through the pages (without JavaScript) and the API: the form filled from a "Find a time" link,
// a joint meeting booked at a venue (timeline, audit, invitations in the outbox), every refusal with its words (a
// party who withdrew consent, the past, a double-booked room — also two bookings at once —, a person already booked,
// the venue closed, home visits suspended, SEND notice, an online meeting without a link), moving and cancelling,
// and who may do what: the case's mediators see meetings but do not book; others are refused; other services see 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from '#src/db/orm.ts';
import { emailOutbox } from '#src/db/schema/meetings.ts';
import { inOrg } from '#src/db/tenant.ts';
import { searchEvents } from '#src/features/audit/audit.repo.ts';
import { listMeetingsBetween } from '#src/features/meetings/records/meetings.repo.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { apiAs, jointMeeting, type MeetingsWorld, meetingsWorld, pageText } from '../support/meetings.ts';
import type { WebClient } from '../support/web-client.ts';

let h: Harness;
let w: MeetingsWorld;
let cora: WebClient;
let vera: WebClient;
let otto: WebClient;
let bo: WebClient;
let base: string;

const outboxFor = (meetingId: string) =>
  inOrg(h.deps.db, w.orgId, (tx) =>
    tx
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.orgId, w.orgId), eq(emailOutbox.meetingId, meetingId))),
  );
const book = (web: WebClient, body: Record<string, unknown>) => apiAs(h, web)('POST', `/api/v1/cases/${w.caseId}/meetings`, body);
const refusal = (res: { statusCode: number; json: () => { error: { message: string; fields: Record<string, string> } } }) => {
  expect(res.statusCode).toBe(422);
  return res.json().error;
};

beforeAll(async () => {
  h = await startHarness();
  w = await meetingsWorld(h, 'mbk');
  base = `/cases/${w.caseId}/meetings`;
  cora = await w.signIn(w.members.cora);
  vera = await w.signIn(w.members.vera);
  otto = await w.signIn(w.members.otto);
  bo = await w.signIn(w.members.bo);
  for (const web of [cora, vera, otto, bo]) await web.get('/home');
});
afterAll(() => h?.close());

describe('the booking form', () => {
  it('adds a Meetings tab to the case, with Book a meeting and Find a time for coordinators', async () => {
    const page = pageText((await cora.get(base)).body);
    expect(page).toContain('Meetings (0 upcoming)');
    expect(page).toContain('Book a meeting');
    expect(page).toContain('Find a time');
    expect(page).toContain('No meetings are booked.');
  });

  it('is filled from a Find a time link, in London time, with the case’s mediators ticked', async () => {
    const start = '2027-07-06T09:00:00.000Z'; // 10:00 in London (BST)
    const res = await cora.get(`${base}/new?start=${start}&durationMinutes=90&mode=in_person&roomId=${w.venue.room1}&kind=joint&partyIds=${w.parties.sam}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/name="date-day"[^>]*value="6"/);
    expect(res.body).toMatch(/name="startTime"[^>]*value="10:00"/);
    expect(res.body).toMatch(/name="durationMinutes"[^>]*value="90"/);
    expect(res.body).toMatch(new RegExp(`value="${w.venue.room1}" selected`));
    expect(res.body).toMatch(new RegExp(`value="${w.volunteers.vera}" checked`));
    expect(res.body).toMatch(new RegExp(`value="${w.parties.sam}" checked`));
    expect(res.body).not.toMatch(new RegExp(`value="${w.parties.alex}" checked`));
    expect(pageText(res.body)).toContain('Wren Withdrawn (Party) Has withdrawn consent: cannot be invited');
  });

  it('books a joint meeting at a venue: on the timeline, audited, invitations in the outbox', async () => {
    await cora.get(`${base}/new`);
    const res = await cora.post(`${base}/new`, {
      kind: 'joint',
      mode: 'in_person',
      place: 'venue',
      roomId: w.venue.room1,
      'date-day': '15',
      'date-month': '12',
      'date-year': '2026',
      startTime: '10:00',
      durationMinutes: '90',
      volunteerIds: w.volunteers.vera,
      partyIds: w.parties.sam,
      notes: 'Sam prefers the quiet room',
    });
    expect(res.statusCode).toBe(303);
    const meetingUrl = res.headers.location!.replace(/\?.*$/, '');
    const meetingId = meetingUrl.split('/').at(-1)!;
    const page = pageText((await cora.get(res.headers.location!)).body);
    expect(page).toContain('Meeting booked.');
    expect(page).toContain('Joint meeting: Tuesday 15 December 2026, 10:00 to 11:30');
    expect(page).toContain('Riverside Hall (Room 1), 1 River Street');
    expect(page).toContain('Meetings (1 upcoming)');
    const timeline = pageText((await cora.get(`/cases/${w.caseId}/timeline`)).body);
    expect(timeline).toContain('Joint meeting booked for Tuesday 15 December, 10:00, at Riverside Hall (Room 1)');
    const mail = await outboxFor(meetingId);
    expect(mail.map((m) => m.toAddress).sort()).toEqual(['sam@example.org', 'vera.volunteer@volunteers.example']);
    expect(mail.every((m) => m.icsMethod === 'REQUEST' && m.ics?.includes(`UID:${meetingId}@parley`))).toBe(true);
    const { rows } = await inOrg(h.deps.db, w.orgId, (tx) => searchEvents(tx, { orgId: w.orgId, action: 'meeting.booked', entity: meetingId }, 10, 0));
    expect(rows).toHaveLength(1);
    // Tidy up so the room is free for the other tests.
    await apiAs(h, cora)('POST', `/api/v1/cases/${w.caseId}/meetings/${meetingId}/cancel`, { reason: 'Booked only to test the form' });
  });

  it('refuses a party who has withdrawn consent, keeping everything typed', async () => {
    await cora.get(`${base}/new`);
    const res = await cora.post(`${base}/new`, {
      kind: 'joint',
      mode: 'phone',
      'date-day': '16',
      'date-month': '12',
      'date-year': '2026',
      startTime: '14:00',
      durationMinutes: '45',
      partyIds: w.parties.wren,
      notes: 'Typed notes stay put',
    });
    expect(res.statusCode).toBe(422);
    const page = pageText(res.body);
    expect(page).toContain('There is a problem');
    expect(page).toContain('Wren Withdrawn has withdrawn their consent, so cannot be invited to a meeting');
    expect(res.body).toContain('Typed notes stay put');
    expect(res.body).toMatch(/name="startTime"[^>]*value="14:00"/);
    expect(res.body).toMatch(new RegExp(`value="${w.parties.wren}" checked`));
  });

  it('explains a missing date and time on the page, never a 500', async () => {
    await cora.get(`${base}/new`);
    const res = await cora.post(`${base}/new`, { kind: '', mode: '', durationMinutes: 'ninety' });
    expect(res.statusCode).toBe(422);
    const page = pageText(res.body);
    expect(page).toContain('Choose the kind of meeting');
    expect(page).toContain('Enter the date');
    expect(page).toContain('Enter the start time, like 10:00');
    expect(page).toContain('Enter the length in whole minutes, like 90');
  });
});

describe('refusals through the API, with their words', () => {
  it('refuses a start in the past and an impossible length', async () => {
    expect(refusal(await book(cora, jointMeeting(w, { start: '2026-12-01T10:00:00Z' }))).fields.date).toBe('The meeting must start in the future');
    expect(refusal(await book(cora, jointMeeting(w, { durationMinutes: 0 }))).fields.durationMinutes).toBe('A meeting lasts at least 15 minutes');
    expect(refusal(await book(cora, jointMeeting(w, { durationMinutes: 14 }))).fields.durationMinutes).toBe('A meeting lasts at least 15 minutes');
  });

  it('refuses a double-booked room and a mediator already in another meeting', async () => {
    const first = await book(cora, jointMeeting(w, { start: '2026-12-15T10:00:00Z' }));
    expect(first.statusCode).toBe(201);
    const clash = refusal(
      await book(cora, jointMeeting(w, { start: '2026-12-15T11:00:00Z', partyIds: [], volunteerIds: [], others: [{ name: 'Pat Visitor' }] })),
    );
    expect(clash.fields.roomId).toBe('Room 1 at Riverside Hall is already booked on Tuesday 15 December, 10:00 to 11:30');
    const busy = refusal(await book(cora, jointMeeting(w, { roomId: w.venue.room2, start: '2026-12-15T11:00:00Z' })));
    expect(busy.fields.volunteerIds).toContain('Vera Volunteer is already in another meeting on Tuesday 15 December, 10:00 to 11:30');
    expect(busy.fields.partyIds).toContain('Sam Example is already in another meeting');
    // Back to back is fine.
    const next = await book(cora, jointMeeting(w, { start: '2026-12-15T11:30:00Z', durationMinutes: 30 }));
    expect(next.statusCode).toBe(201);
  });

  it('lets only one of two bookings of the same room at the same time win', async () => {
    const body = jointMeeting(w, { roomId: w.venue.room2, start: '2026-12-17T13:00:00Z', volunteerIds: [], partyIds: [], others: [{ name: 'Pat Visitor' }] });
    const results = await Promise.all([book(cora, body), book(cora, { ...body, others: [{ name: 'Lee Visitor' }] })]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 422]);
    expect(results.find((r) => r.statusCode === 422)!.json().error.fields.roomId).toContain('Room 2 at Riverside Hall is already booked');
    // And straight through the service, several at once (each in its own transaction), for another time.
    const attempts = await Promise.allSettled(
      ['Ann', 'Ben', 'Cal', 'Dee'].map((name) =>
        h.deps.meetings.book(w.coordinator, w.caseId, { ...body, start: '2026-12-17T15:00:00Z', others: [{ name: `${name} Visitor` }] } as never),
      ),
    );
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
  });

  it('refuses the venue when it is closed, or outside its hours', async () => {
    expect(refusal(await book(cora, jointMeeting(w, { start: '2026-12-24T10:00:00Z' }))).fields.roomId).toBe(
      'Riverside Hall is closed on Thursday 24 December',
    );
    expect(refusal(await book(cora, jointMeeting(w, { start: '2026-12-18T16:30:00Z' }))).fields.roomId).toBe(
      'Riverside Hall is open only 09:00 to 17:00 on Fridays',
    );
  });

  it('refuses a home visit while the service has suspended them', async () => {
    const home = jointMeeting(w, {
      kind: 'intake_visit',
      place: 'home',
      roomId: undefined,
      homePartyId: w.parties.sam,
      start: '2026-12-21T10:00:00Z',
      partyIds: [w.parties.sam],
    });
    await h.deps.settings.update(w.admin, {
      notices: [
        {
          id: 'winter',
          text: 'No home visits during the winter illness outbreak',
          from: '2026-12-20',
          to: '2027-01-10',
          homeVisitsSuspended: true,
          officeClosed: false,
        },
      ],
    });
    expect(refusal(await book(cora, home)).fields.place).toBe(
      'Home visits are suspended from 20 December to 10 January 2027 (notice: No home visits during the winter illness outbreak)',
    );
    const before = await book(cora, { ...home, start: '2026-12-18T10:00:00Z' });
    expect(before.statusCode).toBe(201);
    expect(before.json().meeting.where).toBe('Sam Example’s home');
    await h.deps.settings.update(w.admin, { notices: [] });
  });

  it('needs a link for an online meeting, or makes an unguessable one from the template', async () => {
    const online = jointMeeting(w, {
      mode: 'online',
      place: undefined,
      roomId: undefined,
      start: '2026-12-22T15:00:00Z',
      volunteerIds: [],
      partyIds: [w.parties.alex],
    });
    expect(refusal(await book(cora, online)).fields.videoLink).toBe('Paste the link to the video call, starting https://');
    const pasted = await book(cora, { ...online, videoLink: 'https://video.example.org/room-for-alex' });
    expect(pasted.json().meeting.videoLink).toBe('https://video.example.org/room-for-alex');
    await h.deps.settings.update(w.admin, { meetings: { videoLinkTemplate: 'https://meet.example.org/{room}' } });
    const made = await book(cora, { ...online, start: '2026-12-23T15:00:00Z' });
    expect(made.statusCode).toBe(201);
    expect(made.json().meeting.videoLink).toMatch(/^https:\/\/meet\.example\.org\/[a-z2-7]{24}$/);
  });
});

describe('SEND notice', () => {
  let h2: Harness;
  let s: MeetingsWorld;
  beforeAll(async () => {
    h2 = await startHarness();
    s = await meetingsWorld(h2, 'msend', { caseType: 'send' });
  });
  afterAll(() => h2?.close());

  it('needs 5 working days’ notice unless the parent agreed to less', async () => {
    const sCora = await s.signIn(s.members.cora);
    await sCora.get('/home');
    const call = (body: Record<string, unknown>) => apiAs(h2, sCora)('POST', `/api/v1/cases/${s.caseId}/meetings`, body);
    const soon = jointMeeting(s, { start: '2026-12-08T10:00:00Z' });
    const res = await call(soon);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields.date).toBe(
      'Too soon: a SEND meeting needs 5 working days’ notice, so the earliest date is Thursday 10 December, unless the parent or young person agrees to shorter notice',
    );
    expect((await call({ ...soon, shortNoticeAgreed: true })).statusCode).toBe(201);
    expect((await call(jointMeeting(s, { start: '2026-12-10T14:00:00Z' }))).statusCode).toBe(201);
  });
});

describe('moving and cancelling', () => {
  it('moves a meeting with a reason: sequence up, answers reset, emails "changed", the same refusals', async () => {
    const booked = (await book(cora, jointMeeting(w, { start: '2027-01-12T10:00:00Z' }))).json().meeting;
    const call = apiAs(h, cora);
    await call('POST', `/api/v1/cases/${w.caseId}/meetings/${booked.id}/responses`, { participantId: booked.participants[0].id, response: 'accepted' });
    const closed = await call('POST', `/api/v1/cases/${w.caseId}/meetings/${booked.id}/reschedule`, {
      start: '2026-12-24T10:00:00Z',
      durationMinutes: 60,
      reason: 'Sam is away',
    });
    expect(closed.statusCode).toBe(422);
    expect(closed.json().error.fields.roomId).toBe('Riverside Hall is closed on Thursday 24 December');
    // Moving within its own time never clashes with itself.
    const moved = await call('POST', `/api/v1/cases/${w.caseId}/meetings/${booked.id}/reschedule`, {
      start: '2027-01-12T10:30:00Z',
      durationMinutes: 60,
      reason: 'Sam is away',
    });
    expect(moved.statusCode).toBe(200);
    const after = moved.json().meeting;
    expect(after.sequence).toBe(1);
    expect(after.participants.map((p: { response: string }) => p.response)).toEqual(['needs_action', 'needs_action', 'needs_action', 'needs_action']);
    expect(after.changes[0]).toMatchObject({ reason: 'Sam is away', fromStart: '2027-01-12T10:00:00.000Z', toStart: '2027-01-12T10:30:00.000Z' });
    const mail = await outboxFor(booked.id);
    expect(mail.filter((m) => m.template === 'meeting_changed')).toHaveLength(4);
    const timeline = pageText((await cora.get(`/cases/${w.caseId}/timeline`)).body);
    expect(timeline).toContain('Joint meeting moved from Tuesday 12 January, 10:00 to Tuesday 12 January, 10:30');
  });

  it('cancels through the page with a reason; a cancelled meeting cannot be moved', async () => {
    const booked = (await book(cora, jointMeeting(w, { start: '2027-01-13T10:00:00Z' }))).json().meeting;
    const url = `${base}/${booked.id}/cancel`;
    await cora.get(url);
    expect((await cora.post(url, { reason: '' })).statusCode).toBe(422);
    expect(pageText(cora.last!.body)).toContain('Say why the meeting is cancelled');
    const res = await cora.post(url, { reason: 'Alex asked to wait until after the holidays' });
    expect(res.statusCode).toBe(303);
    const page = pageText((await cora.get(res.headers.location!)).body);
    expect(page).toContain('Meeting cancelled.');
    expect(page).toContain('Why it was cancelled Alex asked to wait until after the holidays');
    const mail = await outboxFor(booked.id);
    expect(mail.filter((m) => m.template === 'meeting_cancelled' && m.icsMethod === 'CANCEL')).toHaveLength(4);
    const again = await apiAs(h, cora)('POST', `/api/v1/cases/${w.caseId}/meetings/${booked.id}/reschedule`, {
      start: '2027-01-14T10:00:00Z',
      durationMinutes: 60,
      reason: 'x',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('Only a booked meeting can be moved; this one is cancelled');
  });
});

describe('who may see and book meetings', () => {
  it('lets the case’s mediators see meetings, but not book, move or cancel them', async () => {
    expect((await vera.get(base)).statusCode).toBe(200);
    expect(pageText(vera.last!.body)).not.toContain('Book a meeting');
    const list = await apiAs(h, vera)('GET', `/api/v1/cases/${w.caseId}/meetings`);
    expect(list.statusCode).toBe(200);
    const res = await book(vera, jointMeeting(w, { start: '2027-02-02T10:00:00Z' }));
    expect(res.statusCode).toBe(403);
    expect((await vera.get(`${base}/new`)).statusCode).toBe(403);
    const someMeeting = list.json().meetings[0].id;
    expect((await apiAs(h, vera)('POST', `/api/v1/cases/${w.caseId}/meetings/${someMeeting}/cancel`, { reason: 'x' })).statusCode).toBe(403);
  });

  it('refuses a mediator who is not on the case', async () => {
    expect((await otto.get(base)).statusCode).toBe(403);
    expect((await apiAs(h, otto)('GET', `/api/v1/cases/${w.caseId}/meetings`)).statusCode).toBe(403);
  });

  it('answers 404 to another service', async () => {
    expect((await bo.get(base)).statusCode).toBe(404);
    expect((await apiAs(h, bo)('GET', `/api/v1/cases/${w.caseId}/meetings`)).statusCode).toBe(404);
    expect((await book(bo, jointMeeting(w, { start: '2027-02-03T10:00:00Z' }))).statusCode).toBe(404);
  });
});

describe('listMeetingsBetween (what calendars and feeds read)', () => {
  it('finds meetings overlapping the range with their participants, by volunteer, venue, case and status', async () => {
    const from = new Date('2026-12-15T00:00:00Z');
    const to = new Date('2026-12-16T00:00:00Z');
    const list = (filter: Parameters<typeof listMeetingsBetween>[4]) => inOrg(h.deps.db, w.orgId, (tx) => listMeetingsBetween(tx, w.orgId, from, to, filter));
    const all = await list({});
    expect(all.map((m) => m.startsAt.toISOString())).toEqual(['2026-12-15T10:00:00.000Z', '2026-12-15T10:00:00.000Z', '2026-12-15T11:30:00.000Z']);
    expect(all.map((m) => m.status).sort()).toEqual(['booked', 'booked', 'cancelled']);
    const booked = await list({ statuses: ['booked'], volunteerId: w.volunteers.leo, venueId: w.venue.id, caseIds: [w.caseId] });
    expect(booked).toHaveLength(2);
    expect(booked[0]).toMatchObject({ caseReference: w.reference, venueName: 'Riverside Hall', roomName: 'Room 1' });
    expect(booked[0]!.participants.map((p) => p.name)).toEqual(['Vera Volunteer', 'Leo Volunteer', 'Sam Example', 'Alex Example']);
    expect(await list({ volunteerId: w.volunteers.otto })).toEqual([]);
    expect(await list({ caseIds: [] })).toEqual([]);
    // The range is half-open: a meeting ending exactly at its start is not in it.
    const after = await inOrg(h.deps.db, w.orgId, (tx) => listMeetingsBetween(tx, w.orgId, new Date('2026-12-15T12:00:00Z'), to, {}));
    expect(after).toEqual([]);
  });
});
