import { describe, expect, it } from 'vitest';
import { type BookingFacts, bookingProblems, caseEndedProblem, latestStart, problemFields } from './meeting-rules.ts';
import { londonTime } from '#src/domain/meeting-times.ts';
import { bookingFacts } from './booking-facts.fixtures.ts';

// Thursday 3 December 2026, 09:00 in London.
const now = new Date('2026-12-03T09:00:00Z');
const base = (more: Partial<BookingFacts> = {}): BookingFacts =>
  bookingFacts({ now, start: londonTime('2026-12-15', '10:00'), end: londonTime('2026-12-15', '11:30'), ...more });
const venue = {
  name: 'Riverside Hall',
  roomName: 'Room 1',
  capacity: 6,
  separateWaitingRoom: true,
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

  it('refuses a start more than 2 years ahead, quickly however far it is', () => {
    expect(latestStart(now)).toEqual(new Date('2028-12-03T09:00:00Z'));
    const at = (iso: string) => base({ start: new Date(iso), end: new Date(new Date(iso).getTime() + 3_600_000) });
    expect(bookingProblems(at('2028-12-01T10:00:00Z'))).toEqual([]);
    expect(bookingProblems(at('2028-12-04T10:00:00Z'))).toEqual([{ field: 'date', message: 'The meeting must start within 2 years from today' }]);
    const started = performance.now();
    const far = at('9999-12-01T10:00:00Z');
    expect(messages({ ...far, caseKind: 'send' })).toEqual(['The meeting must start within 2 years from today']);
    // Not a speed figure: walking every day to the year 9999 would take minutes; the refusal comes before any walk.
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('refuses any booking on a case that has ended, saying only that', () => {
    expect(bookingProblems(base({ caseStatus: 'closed', withdrawn: [{ name: 'Sam Example' }] }))).toEqual([
      { field: '_', message: 'This case is closed: meetings cannot be booked on it' },
    ]);
    expect(caseEndedProblem('withdrawn')).toBe('This case was withdrawn: meetings cannot be booked on it');
    expect(caseEndedProblem('unsuitable')).toBe('This case was found unsuitable for mediation: meetings cannot be booked on it');
    for (const open of ['intake', 'ready', 'mediation', 'outcome', 'follow_up', 'on_hold']) expect(caseEndedProblem(open)).toBeUndefined();
  });

  it('refuses a room too small for everyone invited, and a shuttle session without a separate waiting room', () => {
    expect(bookingProblems(base({ venue: { ...venue, capacity: 4 }, invited: 6 }))).toEqual([
      { field: 'roomId', message: 'Room 1 at Riverside Hall holds 4 people; 6 are invited' },
    ]);
    expect(bookingProblems(base({ venue: { ...venue, capacity: 6 }, invited: 6 }))).toEqual([]);
    expect(messages(base({ kind: 'shuttle', venue: { ...venue, roomName: 'Room 2', separateWaitingRoom: false } }))).toEqual([
      'A shuttle session needs a room with a separate waiting room; Room 2 at Riverside Hall has none',
    ]);
    expect(bookingProblems(base({ kind: 'joint', venue: { ...venue, separateWaitingRoom: false } }))).toEqual([]);
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
      base({ now: monday, caseKind: 'send', start: londonTime(date, '10:00'), end: londonTime(date, '11:00'), ...more });
    expect(messages(f('2026-12-29'))).toEqual([
      'Too soon: a SEND meeting needs 5 working days’ notice, so the earliest date is Wednesday 30 December, unless the parent or young person agrees to shorter notice',
    ]);
    expect(bookingProblems(f('2026-12-30'))).toEqual([]);
    expect(bookingProblems(f('2026-12-22', { shortNoticeAgreed: true }))).toEqual([]);
    expect(bookingProblems(f('2026-12-22', { caseKind: 'community' }))).toEqual([]);
  });

  it('refuses a home visit while a notice suspends them, and only then', () => {
    const notices = [{ text: 'No home visits during the winter illness outbreak', from: '2026-12-01', to: '2027-01-31', homeVisitsSuspended: true }];
    expect(bookingProblems(base({ place: 'home', notices }))).toEqual([
      {
        field: 'place',
        message: 'Home visits are suspended from 1 December to 31 January 2027 (notice: No home visits during the winter illness outbreak)',
      },
    ]);
    expect(bookingProblems(base({ place: 'venue', notices }))).toEqual([]);
    expect(bookingProblems(base({ place: 'home', notices: [{ ...notices[0]!, from: '2027-01-01' }] }))).toEqual([]);
    expect(bookingProblems(base({ place: 'home', notices: [{ ...notices[0]!, homeVisitsSuspended: false }] }))).toEqual([]);
    expect(bookingProblems(base({ mode: 'online', place: 'home', notices }))).toEqual([]);
  });

  it('refuses an office meeting while a notice closes the office', () => {
    const notices = [{ text: 'Office refurbishment', from: '2026-12-14', to: '2026-12-18', homeVisitsSuspended: false, officeClosed: true }];
    expect(bookingProblems(base({ place: 'office', notices }))).toEqual([
      { field: 'place', message: 'The office is closed from 14 to 18 December (notice: Office refurbishment)' },
    ]);
    expect(bookingProblems(base({ place: 'home', notices }))).toEqual([]);
  });

  it('refuses a venue that is closed that day or at that time', () => {
    expect(messages(base({ venue, start: londonTime('2026-12-24', '10:00'), end: londonTime('2026-12-24', '11:00') }))).toEqual([
      'Riverside Hall is closed on Thursday 24 December',
    ]);
    expect(messages(base({ venue, start: londonTime('2026-12-15', '16:30'), end: londonTime('2026-12-15', '17:30') }))).toEqual([
      'Riverside Hall is open only 09:00 to 17:00 on Tuesdays',
    ]);
    expect(messages(base({ venue, start: londonTime('2026-12-19', '10:00'), end: londonTime('2026-12-19', '11:00') }))).toEqual([
      'Riverside Hall is not open on Saturdays',
    ]);
    const saturday = { start: londonTime('2026-12-19', '10:00'), end: londonTime('2026-12-19', '11:00') };
    expect(bookingProblems(base({ venue: { ...venue, openingHours: [] }, ...saturday }))).toEqual([]);
  });

  it('reads opening hours in London time in summer', () => {
    const summer = { ...venue, closedDates: [] };
    const at = (s: string, e: string) => base({ venue: summer, start: new Date(s), end: new Date(e) });
    // 08:30 UTC on a July Tuesday is 09:30 in London: open.
    expect(messages(at('2027-07-06T08:30:00Z', '2027-07-06T09:30:00Z'))).toEqual([]);
    expect(messages(at('2027-07-06T07:30:00Z', '2027-07-06T08:30:00Z'))).toEqual(['Riverside Hall is open only 09:00 to 17:00 on Tuesdays']);
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
