import { describe, expect, it } from 'vitest';
import { type BookingFacts, bookingProblems, problemFields, venueClosedProblem } from './meeting-rules.ts';
import { londonTime } from './meeting-times.ts';

// Thursday 3 December 2026, 09:00 in London.
const now = new Date('2026-12-03T09:00:00Z');
const base = (more: Partial<BookingFacts> = {}): BookingFacts => ({
  now,
  start: londonTime('2026-12-15', '10:00'),
  end: londonTime('2026-12-15', '11:30'),
  mode: 'in_person',
  place: 'venue',
  caseType: 'community',
  sendNoticeWorkingDays: 5,
  shortNoticeAgreed: false,
  notices: [],
  withdrawn: [],
  roomClashes: [],
  peopleClashes: [],
  ...more,
});
const venue = {
  name: 'Riverside Hall',
  roomName: 'Room 1',
  openingHours: [1, 2, 3, 4, 5].map((day) => ({ day, from: '09:00', to: '17:00' })),
  closedDates: ['2026-12-24'],
};
const messages = (f: BookingFacts) => bookingProblems(f).map((p) => p.message);

describe('bookingProblems', () => {
  it('accepts a good booking', () => {
    expect(bookingProblems(base({ venue }))).toEqual([]);
  });

  it('refuses an end before the start and a start in the past', () => {
    expect(messages(base({ end: londonTime('2026-12-15', '09:00') }))).toEqual(['The meeting must end after it starts']);
    expect(messages(base({ start: londonTime('2026-12-02', '10:00'), end: londonTime('2026-12-02', '11:00') }))).toEqual([
      'The meeting must start in the future',
    ]);
  });

  it('refuses a party who has withdrawn consent', () => {
    expect(bookingProblems(base({ withdrawn: [{ name: 'Sam Example' }] }))).toEqual([
      { field: 'partyIds', message: 'Sam Example has withdrawn their consent, so cannot be invited to a meeting' },
    ]);
  });

  it('needs 5 working days’ notice for SEND, counting bank holidays, unless the parent agreed to less', () => {
    // From Monday 21 December 2026: Christmas Day (Fri 25) and Boxing Day substitute (Mon 28) are not working days.
    const monday = new Date('2026-12-21T09:00:00Z');
    const f = (date: string, more: Partial<BookingFacts> = {}) =>
      base({ now: monday, caseType: 'send', start: londonTime(date, '10:00'), end: londonTime(date, '11:00'), ...more });
    expect(messages(f('2026-12-29'))).toEqual([
      'SEND mediation needs at least 5 working days’ notice, so the earliest date is Wednesday 30 December 2026, unless the parent agrees to shorter notice',
    ]);
    expect(bookingProblems(f('2026-12-30'))).toEqual([]);
    expect(bookingProblems(f('2026-12-22', { shortNoticeAgreed: true }))).toEqual([]);
    expect(bookingProblems(f('2026-12-22', { caseType: 'community' }))).toEqual([]);
  });

  it('refuses a home visit while a notice suspends them, and only then', () => {
    const notices = [{ text: 'No home visits during the winter illness outbreak', from: '2026-12-01', to: '2027-01-31', homeVisitsSuspended: true }];
    expect(bookingProblems(base({ place: 'home', notices }))).toEqual([
      {
        field: 'place',
        message: 'Home visits are suspended from Tuesday 1 December 2026 to Sunday 31 January 2027: No home visits during the winter illness outbreak',
      },
    ]);
    expect(bookingProblems(base({ place: 'venue', notices }))).toEqual([]);
    expect(bookingProblems(base({ place: 'home', notices: [{ ...notices[0]!, from: '2027-01-01' }] }))).toEqual([]);
    expect(bookingProblems(base({ place: 'home', notices: [{ ...notices[0]!, homeVisitsSuspended: false }] }))).toEqual([]);
  });

  it('refuses a venue that is closed that day or at that time', () => {
    expect(messages(base({ venue, start: londonTime('2026-12-24', '10:00'), end: londonTime('2026-12-24', '11:00') }))).toEqual([
      'Riverside Hall is closed on Thursday 24 December 2026',
    ]);
    expect(messages(base({ venue, start: londonTime('2026-12-15', '16:30'), end: londonTime('2026-12-15', '17:30') }))).toEqual([
      'Riverside Hall is open only 09:00 to 17:00 on Tuesdays',
    ]);
    expect(messages(base({ venue, start: londonTime('2026-12-19', '10:00'), end: londonTime('2026-12-19', '11:00') }))).toEqual([
      'Riverside Hall is not open on Saturdays',
    ]);
    expect(venueClosedProblem({ ...venue, openingHours: [] }, londonTime('2026-12-19', '10:00'), londonTime('2026-12-19', '11:00'))).toBeUndefined();
  });

  it('reads opening hours in London time in summer', () => {
    const summer = { ...venue, closedDates: [] };
    // 08:30 UTC on a July Tuesday is 09:30 in London: open.
    expect(venueClosedProblem(summer, new Date('2027-07-06T08:30:00Z'), new Date('2027-07-06T09:30:00Z'))).toBeUndefined();
    expect(venueClosedProblem(summer, new Date('2027-07-06T07:30:00Z'), new Date('2027-07-06T08:30:00Z'))).toBe(
      'Riverside Hall is open only 09:00 to 17:00 on Tuesdays',
    );
  });

  it('refuses a double-booked room and people already in another meeting, each against its field', () => {
    const busy = { startsAt: londonTime('2026-12-15', '11:00'), endsAt: londonTime('2026-12-15', '12:00') };
    const problems = bookingProblems(
      base({
        venue,
        roomClashes: [busy],
        peopleClashes: [
          { ...busy, name: 'Vera Example', kind: 'volunteer' },
          { ...busy, name: 'Sam Example', kind: 'party' },
        ],
      }),
    );
    expect(problemFields(problems)).toEqual({
      roomId: 'Room 1 at Riverside Hall is already booked on Tuesday 15 December, 11:00 to 12:00',
      volunteerIds: 'Vera Example is already in another meeting on Tuesday 15 December, 11:00 to 12:00',
      partyIds: 'Sam Example is already in another meeting on Tuesday 15 December, 11:00 to 12:00',
    });
  });
});
