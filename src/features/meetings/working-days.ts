// Pure: working days in England and Wales — Monday to Friday, less the public bank holidays (substitute days
// included) that the date-holidays library knows for GB / England. Dates are "YYYY-MM-DD" strings counted in whole
// days (UTC arithmetic, so clock changes never shift a day). Each year's holidays are worked out once and kept.
import { createRequire } from 'node:module';
import type HolidaysType from 'date-holidays';

const DAY_MS = 86_400_000;
// Loaded on first use: the library reads every country's rules (about half a second and tens of megabytes), which
// start-up should not pay for when nobody books a meeting.
let calendar: HolidaysType | undefined;
function englandAndWales(): HolidaysType {
  if (!calendar) {
    const Holidays = createRequire(import.meta.url)('date-holidays') as typeof HolidaysType;
    calendar = new Holidays('GB', 'ENG', { types: ['public'] });
  }
  return calendar;
}
const byYear = new Map<number, Map<string, string>>();

/** The bank holidays of a year: date → name ("Boxing Day (substitute day)"). */
export function bankHolidays(year: number): ReadonlyMap<string, string> {
  let days = byYear.get(year);
  if (!days) {
    days = new Map();
    for (const h of englandAndWales().getHolidays(year)) {
      if (h.type === 'public') days.set(h.date.slice(0, 10), h.name);
    }
    byYear.set(year, days);
  }
  return days;
}

/** The bank holiday's name on that date, or undefined. */
export function bankHolidayOn(date: string): string | undefined {
  return bankHolidays(Number(date.slice(0, 4))).get(date);
}

function dayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday (day 0, 1 January 1970, was a Thursday). */
function weekdayOf(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** True on Monday to Friday when the day is not a bank holiday in England and Wales. */
export function isWorkingDay(date: string): boolean {
  const weekday = weekdayOf(dayNumber(date));
  return weekday <= 5 && bankHolidayOn(date) === undefined;
}

/**
 * The date `n` working days after `date` (before it when n is negative). The start day itself is not counted, so
 * addWorkingDays(Friday, 1) is the next Monday unless that is a bank holiday; n = 0 returns the date unchanged.
 */
export function addWorkingDays(date: string, n: number): string {
  const step = n < 0 ? -1 : 1;
  let day = dayNumber(date);
  for (let left = Math.abs(Math.trunc(n)); left > 0; ) {
    day += step;
    if (isWorkingDay(dateOf(day))) left--;
  }
  return dateOf(day);
}

/** workingDaysBetween counts at most this many working days unless told otherwise (about four years). */
export const WORKING_DAYS_CAP = 1000;

/**
 * Working days after `from` up to and including `to`: 0 for the same day, negative when `to` is before `from`.
 * So workingDaysBetween(d, addWorkingDays(d, n)) === n. Counting stops at `atMost` working days (default
 * WORKING_DAYS_CAP): a caller asking "at least n?" passes n, and no pair of dates, however far apart, is slow.
 */
export function workingDaysBetween(from: string, to: string, atMost: number = WORKING_DAYS_CAP): number {
  const a = dayNumber(from);
  const b = dayNumber(to);
  if (b < a) return -workingDaysBetween(to, from, atMost);
  const cap = Math.max(0, Math.trunc(atMost));
  // Working days in (a, b]: each year's running count, so a queue of thousands of clocks years apart stays fast.
  const ya = yearOfDay(a);
  const yb = yearOfDay(b);
  let count = -countInYear(a, ya);
  // Whole years from a's to b's, stopping once the cap is reached (the count only grows from here).
  for (let y = ya; y < yb; y++) {
    count += yearIndex(y).total;
    if (count >= cap) return cap;
  }
  return Math.min(count + countInYear(b, yb), cap);
}

/** A year's working days as a running count: cum[i] is the number from 1 January to the i-th day of the year, inclusive. */
type YearIndex = { start: number; cum: Uint16Array; total: number };
const indexes = new Map<number, YearIndex>();

function yearIndex(year: number): YearIndex {
  let index = indexes.get(year);
  if (!index) {
    const start = Date.UTC(year, 0, 1) / DAY_MS;
    const length = Date.UTC(year + 1, 0, 1) / DAY_MS - start;
    const holidays = bankHolidays(year);
    const cum = new Uint16Array(length);
    let running = 0;
    for (let i = 0; i < length; i++) {
      const day = start + i;
      if (weekdayOf(day) <= 5 && !holidays.has(dateOf(day))) running++;
      cum[i] = running;
    }
    index = { start, cum, total: running };
    indexes.set(year, index);
  }
  return index;
}

const yearOfDay = (day: number) => new Date(day * DAY_MS).getUTCFullYear();
const countInYear = (day: number, year: number) => {
  const index = yearIndex(year);
  return index.cum[day - index.start] ?? 0;
};
