// A volunteer's availability: the weekly pattern (windows per ISO weekday) less time away. Pure: dates are
// "YYYY-MM-DD" strings counted in whole days (UTC arithmetic, so clock changes never shift a day).
import { z } from 'zod';
import type { AwayPeriod, WeeklyWindow } from '#src/db/schema/volunteers.ts';
import { msg } from '#src/i18n/i18n.ts';

export type Availability = { weeklyAvailability: readonly WeeklyWindow[]; away: readonly Pick<AwayPeriod, 'from' | 'to'>[] };

export const WEEKDAYS = [
  { day: 1, label: msg('Monday') },
  { day: 2, label: msg('Tuesday') },
  { day: 3, label: msg('Wednesday') },
  { day: 4, label: msg('Thursday') },
  { day: 5, label: msg('Friday') },
  { day: 6, label: msg('Saturday') },
  { day: 7, label: msg('Sunday') },
] as const;

/** The parts of the day the availability form offers. */
export const SLOTS = [
  { slot: 'morning', label: msg('Morning'), from: '09:00', to: '13:00' },
  { slot: 'afternoon', label: msg('Afternoon'), from: '13:00', to: '17:00' },
  { slot: 'evening', label: msg('Evening'), from: '17:00', to: '21:00' },
] as const;
export type Slot = (typeof SLOTS)[number]['slot'];

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** True for a real calendar date written "YYYY-MM-DD". */
export function isRealDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

/** True for a time of day written "HH:MM" (00:00 to 23:59). */
export function isTime(s: string): boolean {
  return TIME.test(s);
}

export function minutesOfDay(hhmm: string): number {
  const [h, m] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

function isAway(v: Pick<Availability, 'away'>, date: string): boolean {
  return v.away.some((p) => p.from <= date && date <= p.to);
}

/** The dates (and ISO weekdays) of `days` days from `today`: the same few windows are asked for again and again. */
const windows = new Map<string, { date: string; weekday: number }[]>();
function daysFrom(today: string, days: number) {
  const key = `${today}|${days}`;
  let list = windows.get(key);
  if (!list) {
    const start = Date.parse(`${today}T00:00:00Z`);
    list = Array.from({ length: days }, (_, i) => {
      const d = new Date(start + i * DAY_MS);
      return { date: d.toISOString().slice(0, 10), weekday: d.getUTCDay() || 7 };
    });
    if (windows.size >= 32) windows.clear();
    windows.set(key, list);
  }
  return list;
}

/** Minutes in the weekly pattern on each ISO weekday (index 1 = Monday … 7 = Sunday). */
function minutesByWeekday(v: Pick<Availability, 'weeklyAvailability'>): number[] {
  const minutes = [0, 0, 0, 0, 0, 0, 0, 0];
  for (const w of v.weeklyAvailability) {
    if (w.day >= 1 && w.day <= 7 && isTime(w.from) && isTime(w.to)) minutes[w.day]! += Math.max(0, minutesOfDay(w.to) - minutesOfDay(w.from));
  }
  return minutes;
}

/** Hours in the weekly pattern over the next `weeks` weeks from today (today included), less the days away. */
export function freeHoursAhead(v: Availability, today: string, weeks: number): number {
  const perDay = minutesByWeekday(v);
  let minutes = 0;
  for (const { date, weekday } of daysFrom(today, Math.max(0, Math.round(weeks * 7)))) {
    if (perDay[weekday] && !(v.away.length && isAway(v, date))) minutes += perDay[weekday]!;
  }
  return minutes / 60;
}

/**
 * When the volunteer is away for every day of the next `weeks` weeks: the first day back (which may be after the
 * window, as periods can run on or touch each other). Otherwise null.
 */
export function awayUntil(v: Pick<Availability, 'away'>, today: string, weeks: number): string | null {
  if (!v.away.length) return null;
  const days = Math.max(1, Math.round(weeks * 7));
  for (const { date } of daysFrom(today, days)) if (!isAway(v, date)) return null;
  let date = addDays(today, days);
  // Periods are few; each step jumps to the end of a period covering `date`.
  for (let guard = 0; guard < 1000; guard++) {
    const covering = v.away.filter((p) => p.from <= date && date <= p.to);
    if (!covering.length) return date;
    date = addDays(
      covering.reduce((end, p) => (p.to > end ? p.to : end), date),
      1,
    );
  }
  return date;
}

/** The form's ticked slots ("1:morning") as weekly windows, in weekday order. */
export function windowsFromSlots(ticked: readonly string[]): WeeklyWindow[] {
  const windows: WeeklyWindow[] = [];
  for (const { day } of WEEKDAYS) {
    for (const s of SLOTS) if (ticked.includes(`${day}:${s.slot}`)) windows.push({ day, from: s.from, to: s.to });
  }
  return windows;
}

/** The slots ("1:morning") a weekly pattern covers fully, for ticking the form's boxes. */
export function slotsFromWindows(windows: readonly WeeklyWindow[]): string[] {
  const ticked: string[] = [];
  for (const { day } of WEEKDAYS) {
    for (const s of SLOTS) {
      const from = minutesOfDay(s.from);
      const to = minutesOfDay(s.to);
      const covered = windows.some((w) => w.day === day && isTime(w.from) && isTime(w.to) && minutesOfDay(w.from) <= from && minutesOfDay(w.to) >= to);
      if (covered) ticked.push(`${day}:${s.slot}`);
    }
  }
  return ticked;
}

/** Why a weekly window is not valid, or null. */
export function weeklyWindowProblem(w: { day: unknown; from: unknown; to: unknown }): string | null {
  if (typeof w.day !== 'number' || !Number.isInteger(w.day) || w.day < 1 || w.day > 7) return 'Day must be a whole number from 1 (Monday) to 7 (Sunday)';
  if (typeof w.from !== 'string' || !isTime(w.from)) return 'Start time must be a time like 09:00';
  if (typeof w.to !== 'string' || !isTime(w.to)) return 'End time must be a time like 13:00';
  if (minutesOfDay(w.from) >= minutesOfDay(w.to)) return 'End time must be after the start time';
  return null;
}

/** Why a period away is not valid, or null. */
export function awayPeriodProblem(p: { from: unknown; to: unknown }): { field: 'from' | 'to'; message: string } | null {
  if (typeof p.from !== 'string' || !isRealDate(p.from)) return { field: 'from', message: 'Enter the first day away as a real date' };
  if (typeof p.to !== 'string' || !isRealDate(p.to)) return { field: 'to', message: 'Enter the last day away as a real date' };
  if (p.to < p.from) return { field: 'to', message: 'The last day away must be the same as or after the first day' };
  return null;
}

/** A short description of the weekly pattern: "Monday morning, Wednesday evening". */
export function describeWeekly(windows: readonly WeeklyWindow[]): string[] {
  return windows.map((w) => {
    const day = WEEKDAYS.find((d) => d.day === w.day)?.label ?? `Day ${w.day}`;
    const slot = SLOTS.find((s) => s.from === w.from && s.to === w.to);
    return slot ? `${day} ${slot.label.toLowerCase()}` : `${day} ${w.from}–${w.to}`;
  });
}

/** One weekly window as typed into a form, refused with the words weeklyWindowProblem gives. */
export const ZWeeklyWindow = z.object({ day: z.number(), from: z.string(), to: z.string() }).superRefine((w, ctx) => {
  const problem = weeklyWindowProblem(w);
  if (problem) ctx.addIssue({ code: 'custom', message: problem, path: [/^Day/.test(problem) ? 'day' : /^Start/.test(problem) ? 'from' : 'to'] });
});
