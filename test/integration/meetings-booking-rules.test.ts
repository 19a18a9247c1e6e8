// The booking rules the slot finder also keeps, through the API and the service: a room too small for everyone
// invited, a shuttle session in a room without a separate waiting room, the kinds that meet exactly one party, a
// start more than two years ahead, a case that has ended, and one mediator or party booked twice at once (each
// booking locks the people it books, as it locks the room).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from '#src/db/orm.ts';
import { cases } from '#src/db/schema/cases.ts';
import { venueRooms } from '#src/db/schema/meetings.ts';
import { inOrg } from '#src/db/tenant.ts';
import type { BookMeeting } from '#src/features/meetings/records/meetings.schemas.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { apiAs, jointMeeting, type MeetingsWorld, meetingsWorld } from '../support/meetings.ts';
import type { WebClient } from '../support/web-client.ts';

let h: Harness;
let w: MeetingsWorld;
let cora: WebClient;

type Res = { statusCode: number; json: () => { error: { message: string; fields: Record<string, string> } } };
const book = (body: Record<string, unknown>) => apiAs(h, cora)('POST', `/api/v1/cases/${w.caseId}/meetings`, body);
const move = (meetingId: string, body: Record<string, unknown>) =>
  apiAs(h, cora)('POST', `/api/v1/cases/${w.caseId}/meetings/${meetingId}/reschedule`, { durationMinutes: 60, reason: 'Testing the rules', ...body });
const refusal = (res: Res) => {
  expect(res.statusCode).toBe(422);
  return res.json().error;
};
const setRoom = (roomId: string, set: { capacity?: number; separateWaitingRoom?: boolean }) =>
  inOrg(h.deps.db, w.orgId, (tx) => tx.update(venueRooms).set(set).where(eq(venueRooms.id, roomId)));

beforeAll(async () => {
  h = await startHarness();
  w = await meetingsWorld(h, 'mrule');
  cora = await w.signIn(w.members.cora);
  await cora.get('/home');
});
afterAll(() => h?.close());

describe('rooms', () => {
  it('refuses a room too small for everyone invited, when booking and when moving', async () => {
    const others = ['Pat', 'Lee', 'Kim'].map((name) => ({ name: `${name} Visitor` }));
    const crowded = refusal(await book(jointMeeting(w, { start: '2026-12-14T10:00:00Z', others })));
    expect(crowded.fields.roomId).toBe('Room 1 at Riverside Hall holds 6 people; 7 are invited');
    const booked = await book(jointMeeting(w, { start: '2026-12-14T10:00:00Z' }));
    expect(booked.statusCode).toBe(201);
    await setRoom(w.venue.room1, { capacity: 3 });
    try {
      expect(refusal(await move(booked.json().meeting.id, { start: '2026-12-14T13:00:00Z' })).fields.roomId).toBe(
        'Room 1 at Riverside Hall holds 3 people; 4 are invited',
      );
    } finally {
      await setRoom(w.venue.room1, { capacity: 6 });
    }
  });

  it('refuses a shuttle session in a room without a separate waiting room', async () => {
    const shuttle = jointMeeting(w, { kind: 'shuttle', roomId: w.venue.room2, start: '2026-12-14T14:00:00Z' });
    expect(refusal(await book(shuttle)).fields.roomId).toBe('A shuttle session needs a room with a separate waiting room; Room 2 at Riverside Hall has none');
    expect((await book({ ...shuttle, roomId: w.venue.room1 })).statusCode).toBe(201);
  });
});

describe('kinds, dates and cases', () => {
  it('books the one-party kinds with exactly one party', async () => {
    const call = jointMeeting(w, { kind: 'call', mode: 'phone', place: undefined, roomId: undefined, start: '2026-12-16T10:00:00Z' });
    expect(refusal(await book(call)).fields.partyIds).toBe('Phone or video call is with one party: choose only one');
    expect(refusal(await book({ ...call, kind: 'intake_visit', partyIds: [] })).fields.partyIds).toBe('Intake visit is with one party: choose one');
    expect((await book({ ...call, partyIds: [w.parties.alex] })).statusCode).toBe(201);
  });

  it('refuses an office meeting while a notice closes the office, as the slot finder does', async () => {
    const office = jointMeeting(w, { kind: 'intake_visit', place: 'office', roomId: undefined, start: '2026-12-16T14:00:00Z', partyIds: [w.parties.sam] });
    await h.deps.settings.update(w.admin, {
      notices: [{ id: 'works', text: 'Building works', from: '2026-12-14', to: '2026-12-18', homeVisitsSuspended: false, officeClosed: true }],
    });
    try {
      expect(refusal(await book(office)).fields.place).toBe('The office is closed from 14 to 18 December (notice: Building works)');
    } finally {
      await h.deps.settings.update(w.admin, { notices: [] });
    }
    expect((await book(office)).statusCode).toBe(201);
  });

  it('refuses a start more than two years ahead, at once however far', async () => {
    expect(refusal(await book(jointMeeting(w, { start: '2028-12-04T10:00:00Z' }))).fields.date).toBe('The meeting must start within 2 years from today');
    const started = Date.now();
    expect(refusal(await book(jointMeeting(w, { start: '9999-12-01T10:00:00Z' }))).fields.date).toBe('The meeting must start within 2 years from today');
    expect(Date.now() - started).toBeLessThan(2000);
    const booked = (await book(jointMeeting(w, { start: '2028-12-01T10:00:00Z' }))).json().meeting;
    expect(refusal(await move(booked.id, { start: '2029-01-02T10:00:00Z' })).fields.date).toBe('The meeting must start within 2 years from today');
  });

  it('refuses booking or moving a meeting on a case that has ended', async () => {
    const booked = (await book(jointMeeting(w, { start: '2027-01-05T10:00:00Z' }))).json().meeting;
    const [before] = await inOrg(h.deps.db, w.orgId, (tx) => tx.select({ status: cases.status }).from(cases).where(eq(cases.id, w.caseId)));
    const setStatus = (status: string) => inOrg(h.deps.db, w.orgId, (tx) => tx.update(cases).set({ status }).where(eq(cases.id, w.caseId)));
    try {
      await setStatus('closed');
      const closed = refusal(await book(jointMeeting(w, { start: '2027-01-06T10:00:00Z' })));
      expect(closed.message).toBe('This case is closed: meetings cannot be booked on it');
      expect(closed.fields).toEqual({ _: 'This case is closed: meetings cannot be booked on it' });
      expect(refusal(await move(booked.id, { start: '2027-01-07T10:00:00Z' })).fields._).toBe('This case is closed: meetings cannot be booked on it');
      await setStatus('withdrawn');
      expect(refusal(await book(jointMeeting(w, { start: '2027-01-06T10:00:00Z' }))).fields._).toBe('This case was withdrawn: meetings cannot be booked on it');
    } finally {
      await setStatus(before!.status);
    }
    expect((await book(jointMeeting(w, { start: '2027-01-06T10:00:00Z' }))).statusCode).toBe(201);
  });
});

describe('two bookings of one person at once', () => {
  // Each attempt in its own transaction, all at once, by phone (no room to lock): without the people's rows locked,
  // on PostgreSQL several would check the clashes before any had written its meeting, and more than one would win.
  const attempt = (start: string, who: Pick<BookMeeting, 'volunteerIds' | 'partyIds'>, name: string) =>
    h.deps.meetings.book(w.coordinator, w.caseId, {
      kind: 'joint',
      mode: 'phone',
      start,
      durationMinutes: 60,
      ...who,
      others: [{ name: `${name} Visitor` }],
      shortNoticeAgreed: false,
    });

  // Open the pool's connections first, so the attempts start together rather than one ahead while another connects.
  beforeAll(() => Promise.all(Array.from({ length: 6 }, () => inOrg(h.deps.db, w.orgId, (tx) => tx.select({ id: cases.id }).from(cases).limit(1)))));

  it('lets only one booking of the same mediator at the same time win', async () => {
    const attempts = await Promise.allSettled(
      ['Ann', 'Ben', 'Cal', 'Dee'].map((name) => attempt('2027-01-20T10:00:00Z', { volunteerIds: [w.volunteers.vera], partyIds: [] }, name)),
    );
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    const refused = attempts.find((a) => a.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason.fields.volunteerIds).toContain('Vera Volunteer is already in another meeting on Wednesday 20 January, 10:00 to 11:00');
  });

  it('lets only one booking of the same party at the same time win, whichever order the people are chosen in', async () => {
    const both = [w.volunteers.vera, w.volunteers.leo];
    const attempts = await Promise.allSettled(
      ['Ann', 'Ben', 'Cal', 'Dee'].map((name, i) =>
        attempt('2027-01-20T14:00:00Z', { volunteerIds: i % 2 ? both : [...both].reverse(), partyIds: [w.parties.alex] }, name),
      ),
    );
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    expect(attempts.filter((a) => a.status === 'rejected').every((a) => (a as PromiseRejectedResult).reason.fields.partyIds)).toBe(true);
  });
});
