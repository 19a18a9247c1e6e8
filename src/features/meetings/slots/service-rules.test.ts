import { describe, expect, it } from 'vitest';
import { type BookingFacts, bookingProblems } from '../booking/meeting-rules.ts';
import { londonTime } from '#src/domain/meeting-times.ts';
import { bookingFacts } from '../booking/booking-facts.fixtures.ts';
import {
  includesDate,
  noticeProblems,
  onePartyProblem,
  roomFitProblems,
  sendEarliestDate,
  sendNoticeProblem,
  venueHoursProblem,
  weeklyByDay,
} from './service-rules.ts';
import { at, room, slotInput, venue } from './slot-finder.fixtures.ts';
import { checkSlot, explainDay } from './slot-finder.ts';
import type { SlotFinderInput } from './slot-finder.types.ts';

const today = '2026-12-04';
const hall = { name: 'Riverside Hall', openingHours: [1, 2, 3, 4, 5].map((day) => ({ day, from: '09:00', to: '17:00' })), closedDates: ['2026-12-24'] };
const ms = (date: string, time: string) => londonTime(date, time).getTime();

describe('SEND notice', () => {
  it('applies to SEND without agreed shorter notice, counting bank holidays out', () => {
    expect(sendEarliestDate({ isSend: true, shortNoticeAgreed: false, workingDays: 5, today })).toBe('2026-12-11');
    expect(sendEarliestDate({ isSend: true, shortNoticeAgreed: false, workingDays: 5, today: '2026-12-21' })).toBe('2026-12-30');
    expect(sendEarliestDate({ isSend: true, shortNoticeAgreed: true, workingDays: 5, today })).toBeNull();
    expect(sendEarliestDate({ isSend: false, shortNoticeAgreed: false, workingDays: 5, today })).toBeNull();
    expect(sendEarliestDate({ isSend: true, shortNoticeAgreed: false, workingDays: 0, today })).toBeNull();
  });

  it('says the earliest date and who may agree to less', () => {
    expect(sendNoticeProblem('2026-12-10', '2026-12-11', 5, today)).toBe(
      'Too soon: a SEND meeting needs 5 working days’ notice, so the earliest date is Friday 11 December, unless the parent or young person agrees to shorter notice',
    );
    expect(sendNoticeProblem('2026-12-10', '2026-12-11', 1, today)).toContain('needs 1 working day’s notice');
    expect(sendNoticeProblem('2026-12-11', '2026-12-11', 5, today)).toBeUndefined();
    expect(sendNoticeProblem('2026-12-07', null, 5, today)).toBeUndefined();
  });
});

describe('notices', () => {
  const notices = [
    { text: 'Winter illness', from: '2026-12-01', to: '2026-12-14', homeVisitsSuspended: true, officeClosed: false },
    { text: 'Office refurbishment', from: '2026-12-10', homeVisitsSuspended: false, officeClosed: true },
  ];

  it('suspends home visits and closes the office only on the dates they cover', () => {
    expect(noticeProblems('home', notices, '2026-12-08', today)).toEqual(['Home visits are suspended from 1 to 14 December (notice: Winter illness)']);
    expect(noticeProblems('home', notices, '2026-12-15', today)).toEqual([]);
    expect(noticeProblems('office', notices, '2026-12-09', today)).toEqual([]);
    expect(noticeProblems('office', notices, '2027-03-01', today)).toEqual([
      'The office is closed from 10 December until further notice (notice: Office refurbishment)',
    ]);
    expect(noticeProblems('venue', notices, '2026-12-10', today)).toEqual([]);
    expect(noticeProblems(null, notices, '2026-12-10', today)).toEqual([]);
  });

  it('reads a span without an end or a start as open on that side', () => {
    expect(includesDate({}, '2026-12-08')).toBe(true);
    expect(includesDate({ to: '2026-12-08' }, '2026-12-08')).toBe(true);
    expect(includesDate({ from: '2026-12-09' }, '2026-12-08')).toBe(false);
  });
});

describe('venue hours', () => {
  it('refuses a closed date, a time outside the hours and a day the venue does not open, in London time', () => {
    expect(venueHoursProblem(hall, ms('2026-12-24', '10:00'), ms('2026-12-24', '11:00'), today)).toBe('Riverside Hall is closed on Thursday 24 December');
    expect(venueHoursProblem(hall, ms('2026-12-15', '16:30'), ms('2026-12-15', '17:30'), today)).toBe('Riverside Hall is open only 09:00 to 17:00 on Tuesdays');
    expect(venueHoursProblem(hall, ms('2026-12-19', '10:00'), ms('2026-12-19', '11:00'), today)).toBe('Riverside Hall is not open on Saturdays');
    expect(venueHoursProblem(hall, ms('2027-07-06', '09:30'), ms('2027-07-06', '10:30'), today)).toBeUndefined();
    expect(venueHoursProblem({ ...hall, openingHours: [] }, ms('2026-12-19', '10:00'), ms('2026-12-19', '11:00'), today)).toBeUndefined();
  });

  it('joins windows that touch, and lists split hours', () => {
    const split = {
      ...hall,
      openingHours: [
        { day: 2, from: '09:00', to: '12:00' },
        { day: 2, from: '12:00', to: '13:00' },
        { day: 2, from: '14:00', to: '17:00' },
      ],
    };
    expect(weeklyByDay(split.openingHours)?.[2]).toEqual([
      [540, 780],
      [840, 1020],
    ]);
    expect(venueHoursProblem(split, ms('2026-12-15', '11:30'), ms('2026-12-15', '12:30'), today)).toBeUndefined();
    expect(venueHoursProblem(split, ms('2026-12-15', '12:30'), ms('2026-12-15', '14:30'), today)).toBe(
      'Riverside Hall is open only 09:00 to 13:00 and 14:00 to 17:00 on Tuesdays',
    );
  });
});

describe('rooms and one-party kinds', () => {
  const fit = { roomName: 'Room 1', venueName: 'Riverside Hall', capacity: 4, separateWaitingRoom: false };

  it('wants room for everyone invited, and a separate waiting room for shuttle', () => {
    expect(roomFitProblems(fit, 'joint', 6)).toEqual(['Room 1 at Riverside Hall holds 4 people; 6 are invited']);
    expect(roomFitProblems({ ...fit, capacity: 1 }, 'joint', 2)).toEqual(['Room 1 at Riverside Hall holds 1 person; 2 are invited']);
    expect(roomFitProblems(fit, 'shuttle', 4)).toEqual(['A shuttle session needs a room with a separate waiting room; Room 1 at Riverside Hall has none']);
    expect(roomFitProblems({ ...fit, separateWaitingRoom: true }, 'shuttle', 4)).toEqual([]);
  });

  it('meets exactly one party at an intake visit, a prison visit, a call, coaching and a MIAS call', () => {
    expect(onePartyProblem('intake_visit', 0)).toBe('Intake visit is with one party: choose one');
    expect(onePartyProblem('call', 2)).toBe('Phone or video call is with one party: choose only one');
    for (const kind of ['intake_visit', 'prison_visit', 'call', 'coaching', 'mias_call'] as const) expect(onePartyProblem(kind, 1)).toBeUndefined();
    expect(onePartyProblem('joint', 3)).toBeUndefined();
    expect(onePartyProblem('shuttle', 0)).toBeUndefined();
  });
});

describe('the booking rules and the slot finder say the same', () => {
  // The same facts, as the booking rules and as the finder see them: Friday 4 December 2026, 10:00.
  const now = at('2026-12-04T10:00:00Z');
  const booking = (start: Date, more: Partial<BookingFacts> = {}): string[] =>
    bookingProblems(bookingFacts({ now, start, end: new Date(start.getTime() + 3_600_000), mode: 'online', place: null, ...more })).map((p) => p.message);
  const finder = (start: Date, more: Partial<SlotFinderInput> = {}, roomId?: string) =>
    checkSlot(slotInput({ now, mediators: [], parties: [], participantCount: 4, ...more }), {
      start,
      end: new Date(start.getTime() + 3_600_000),
      venueId: roomId ? 'v1' : undefined,
      roomId,
    });

  it('SEND notice', () => {
    const start = at('2026-12-08T10:00:00Z');
    expect(booking(start, { caseKind: 'send' })).toEqual(finder(start, { isSend: true }));
    expect(explainDay(slotInput({ now, isSend: true }), '2026-12-08')).toEqual(booking(start, { caseKind: 'send' }));
  });

  it('home visits suspended and the office closed', () => {
    const notices = [{ text: 'Winter illness', from: '2026-12-01', to: '2026-12-14', homeVisitsSuspended: true, officeClosed: true }];
    const start = at('2026-12-08T10:00:00Z');
    for (const place of ['home', 'office'] as const)
      expect(booking(start, { mode: 'in_person', place, notices })).toEqual(finder(start, { mode: 'in_person', place, notices }));
  });

  it('venue hours, closed dates and room fit', () => {
    // Room 1 is too small or has no waiting room; Room 2 suits, so the finder has somewhere to look and checks Room 1 alone.
    const rooms = [room({ capacity: 4 }), room({ id: 'r2', name: 'Room 2', capacity: 8, separateWaitingRoom: true })];
    const more = { mode: 'in_person', place: 'venue' } as const;
    const finderAt = (start: Date, kind: 'joint' | 'shuttle', people: number) =>
      finder(start, { ...more, kind, venues: [venue({ ...hall, rooms })], participantCount: people }, 'r1');
    const bookingAt = (start: Date, kind: 'joint' | 'shuttle', people: number) =>
      booking(start, { ...more, kind, invited: people, venue: { ...hall, roomName: 'Room 1', capacity: 4, separateWaitingRoom: false } });
    for (const start of [at('2026-12-24T10:00:00Z'), at('2026-12-08T16:30:00Z'), at('2026-12-12T10:00:00Z'), at('2026-12-08T10:00:00Z')]) {
      for (const [kind, people] of [
        ['joint', 4],
        ['joint', 6],
        ['shuttle', 4],
      ] as const)
        expect(bookingAt(start, kind, people), `${start.toISOString()} ${kind} ${people}`).toEqual(
          finderAt(start, kind, people).filter((r) => !r.includes('weekends')),
        );
    }
    expect(bookingAt(at('2026-12-08T10:00:00Z'), 'shuttle', 6)).toEqual([
      'Room 1 at Riverside Hall holds 4 people; 6 are invited',
      'A shuttle session needs a room with a separate waiting room; Room 1 at Riverside Hall has none',
    ]);
  });
});
