// Pure: may a meeting be booked (or moved) at this time, in this place, with these people? Each rule that is broken
// gives its reason in words, against the form field it is about; the service gathers the facts in one transaction
// (after locking the room) and refuses with every reason at once.
import type { WeeklyWindow } from '#src/db/schema/volunteers.ts';
import { dayInWords, londonParts, whenInWords } from './meeting-times.ts';
import { addWorkingDays, workingDaysBetween } from './working-days.ts';

export type BookingNotice = { text: string; from?: string; to?: string; homeVisitsSuspended: boolean };
export type BookingVenue = { name: string; roomName: string; openingHours: readonly WeeklyWindow[]; closedDates: readonly string[] };
export type Busy = { startsAt: Date; endsAt: Date };

export type BookingFacts = {
  now: Date;
  start: Date;
  end: Date;
  mode: string;
  place: string | null;
  caseType: string;
  sendNoticeWorkingDays: number;
  shortNoticeAgreed: boolean;
  notices: readonly BookingNotice[];
  venue?: BookingVenue;
  /** Chosen parties who have withdrawn their consent. */
  withdrawn: readonly { name: string }[];
  /** Other booked meetings in the room at an overlapping time. */
  roomClashes: readonly Busy[];
  /** Chosen mediators and parties already in another booked meeting at an overlapping time. */
  peopleClashes: readonly (Busy & { name: string; kind: 'volunteer' | 'party' })[];
};

export type BookingProblem = { field: string; message: string };

const dayOf = (iso: string) => dayInWords(new Date(`${iso}T12:00:00Z`));
const weekdayNumber = (weekday: string) => ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'].indexOf(weekday) + 1;

/** Does a notice cover this date ("YYYY-MM-DD")? Open-ended on either side when from or to is missing. */
export const noticeCovers = (n: BookingNotice, date: string) => (!n.from || n.from <= date) && (!n.to || date <= n.to);

/** Why the venue is not open for the whole meeting, or undefined. No weekly hours recorded: open whenever asked. */
export function venueClosedProblem(venue: BookingVenue, start: Date, end: Date): string | undefined {
  const from = londonParts(start);
  const to = londonParts(end);
  if (venue.closedDates.includes(from.date)) return `${venue.name} is closed on ${dayOf(from.date)}`;
  if (venue.openingHours.length === 0) return undefined;
  const day = weekdayNumber(from.weekday);
  const fits = from.date === to.date && venue.openingHours.some((w) => w.day === day && w.from <= from.time && to.time <= w.to);
  if (fits) return undefined;
  const hours = venue.openingHours
    .filter((w) => w.day === day)
    .map((w) => `${w.from} to ${w.to}`)
    .join(' and ');
  return hours ? `${venue.name} is open only ${hours} on ${from.weekday}s` : `${venue.name} is not open on ${from.weekday}s`;
}

/** Every reason the meeting cannot be booked as asked; empty when it can. */
export function bookingProblems(f: BookingFacts): BookingProblem[] {
  const problems: BookingProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });
  if (f.end.getTime() <= f.start.getTime()) add('durationMinutes', 'The meeting must end after it starts');
  if (f.start.getTime() <= f.now.getTime()) add('date', 'The meeting must start in the future');

  for (const p of f.withdrawn) add('partyIds', `${p.name} has withdrawn their consent, so cannot be invited to a meeting`);

  const date = londonParts(f.start).date;
  if (f.caseType === 'send' && !f.shortNoticeAgreed && f.sendNoticeWorkingDays > 0) {
    const today = londonParts(f.now).date;
    if (workingDaysBetween(today, date) < f.sendNoticeWorkingDays) {
      const earliest = addWorkingDays(today, f.sendNoticeWorkingDays);
      add(
        'date',
        `SEND mediation needs at least ${f.sendNoticeWorkingDays} working days’ notice, so the earliest date is ${dayOf(earliest)}, unless the parent agrees to shorter notice`,
      );
    }
  }

  if (f.mode === 'in_person' && f.place === 'home') {
    const suspended = f.notices.find((n) => n.homeVisitsSuspended && noticeCovers(n, date));
    if (suspended) {
      const span =
        suspended.from && suspended.to ? ` from ${dayOf(suspended.from)} to ${dayOf(suspended.to)}` : suspended.to ? ` until ${dayOf(suspended.to)}` : '';
      add('place', `Home visits are suspended${span}: ${suspended.text}`);
    }
  }

  if (f.venue) {
    const closed = venueClosedProblem(f.venue, f.start, f.end);
    if (closed) add('roomId', closed);
    for (const c of f.roomClashes)
      add('roomId', `${f.venue.roomName} at ${f.venue.name} is already booked on ${whenInWords(c.startsAt, c.endsAt, { year: false })}`);
  }

  for (const c of f.peopleClashes)
    add(
      c.kind === 'volunteer' ? 'volunteerIds' : 'partyIds',
      `${c.name} is already in another meeting on ${whenInWords(c.startsAt, c.endsAt, { year: false })}`,
    );
  return problems;
}

/** The problems as form fields: the messages about one field joined, in the order found. */
export function problemFields(problems: readonly BookingProblem[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const p of problems) fields[p.field] = fields[p.field] ? `${fields[p.field]}. ${p.message}` : p.message;
  return fields;
}
