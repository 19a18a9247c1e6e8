// Pure: London local dates, weeks and months for the calendars. Meetings are stored as UTC instants; people see and pick
// Europe/London days and times, which are an hour ahead of UTC in summer (BST). Dates are "YYYY-MM-DD".
import { addDays, isoWeekday } from '#src/domain/availability.ts';
import { londonParts, londonTime } from '#src/domain/meeting-times.ts';

/** The London date of an instant. */
export const londonDateOf = (instant: Date): string => londonParts(instant).date;

/** The London time of day of an instant, "HH:MM". */
export const londonTimeOf = (instant: Date): string => londonParts(instant).time;

/** The instant a London date and time ("HH:MM", default midnight) happens. */
export const londonInstant = (date: string, time = '00:00'): Date => londonTime(date, time);

/** The Monday of the week the date is in. */
export const mondayOf = (date: string): string => addDays(date, 1 - isoWeekday(date));

export const monthStartOf = (date: string): string => `${date.slice(0, 7)}-01`;

/** The first day of the month after the date's month. */
export function nextMonthStart(date: string): string {
  const [y, m] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** The first day of the month before the date's month. */
export function previousMonthStart(date: string): string {
  const [y, m] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  return m === 1 ? `${y - 1}-12-01` : `${y}-${String(m - 1).padStart(2, '0')}-01`;
}

/** The weeks (Monday to Sunday) that cover the date's month; days outside the month are null. */
export function monthWeeks(date: string): (string | null)[][] {
  const first = monthStartOf(date);
  const next = nextMonthStart(date);
  const weeks: (string | null)[][] = [];
  for (let monday = mondayOf(first); monday < next; monday = addDays(monday, 7))
    weeks.push(Array.from({ length: 7 }, (_, i) => addDays(monday, i)).map((d) => (d >= first && d < next ? d : null)));
  return weeks;
}

const UTC_NOON = (date: string) => new Date(`${date}T12:00:00Z`);

// Made once: toLocaleDateString builds a new formatter on every call, about 50 µs, and a month's calendar names 42 days.
const DAY = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const SHORT_DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' });
const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "Monday 16 March 2026". */
export const dayInWords = (date: string): string => DAY.format(UTC_NOON(date)).replace(',', '');

/** "16 March". */
export const shortDayInWords = (date: string): string => SHORT_DAY.format(UTC_NOON(date));

/** "March 2026". */
export const monthInWords = (date: string): string => MONTH.format(UTC_NOON(date));

/** The days a calendar view covers: [first, next) — a Monday-to-Sunday week, or a whole month. */
export function calendarRange(view: 'week' | 'month', date: string): { first: string; next: string } {
  if (view === 'month') return { first: monthStartOf(date), next: nextMonthStart(date) };
  const first = mondayOf(date);
  return { first, next: addDays(first, 7) };
}
