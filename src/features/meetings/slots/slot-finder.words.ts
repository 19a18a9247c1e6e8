// Pure: the slot finder's words — dates, date ranges, weekly times and free times as people say them. The reasons
// built from these are shown verbatim on the find-a-time page and returned by the API.
import type { WeeklyWindow } from '#src/db/schema/volunteers.ts';
import { dateInWords } from '#src/domain/dates-in-words.ts';
import type { Interval } from './slot-finder.intervals.ts';
import { clockTime, isoWeekday, londonClock, minutesOf } from './slot-finder.time.ts';

const DAYS = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const PARTS: Record<string, string> = { '09:00-13:00': 'mornings', '13:00-17:00': 'afternoons', '17:00-21:00': 'evenings' };

export const weekdayName = (day: number) => DAYS[day] ?? `Day ${day}`;

/** "Friday 25 December" (with the year when it is not this year's). */
export const dayInWords = (date: string, today: string) => `${weekdayName(isoWeekday(date))} ${dateInWords(date, today)}`;

/** "Monday, Tuesday and Thursday". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "from 1 to 14 December", "from 28 November to 5 December", "from 1 December until further notice". */
export function rangeInWords(from: string | undefined, to: string | undefined, today: string): string {
  if (from && to) {
    if (from === to) return `on ${dateInWords(from, today)}`;
    const sameMonth = from.slice(0, 7) === to.slice(0, 7);
    const start = sameMonth ? String(Number(from.slice(8, 10))) : dateInWords(from, from.slice(0, 4) === to.slice(0, 4) ? to.slice(0, 4) : today);
    return `from ${start} to ${dateInWords(to, today)}`;
  }
  if (from) return `from ${dateInWords(from, today)} until further notice`;
  if (to) return `until ${dateInWords(to, today)}`;
  return 'until further notice';
}

/** Windows on one day that touch or overlap joined up, in order. */
function joinedByDay(windows: readonly WeeklyWindow[]): Map<number, [number, number][]> {
  const byDay = new Map<number, [number, number][]>();
  const sorted = [...windows].sort((a, b) => a.day - b.day || minutesOf(a.from) - minutesOf(b.from));
  for (const w of sorted) {
    const list = byDay.get(w.day) ?? [];
    const last = list[list.length - 1];
    const [s, e] = [minutesOf(w.from), minutesOf(w.to)];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else list.push([s, e]);
    byDay.set(w.day, list);
  }
  return byDay;
}

/** "Tuesday and Thursday evenings", "Monday 10:00–12:00 and Wednesday mornings". */
export function weeklyInWords(windows: readonly WeeklyWindow[]): string {
  const groups = new Map<string, number[]>();
  for (const [day, list] of joinedByDay(windows)) {
    for (const [s, e] of list) {
      const key = `${clockTime(s)}-${clockTime(e)}`;
      groups.set(key, [...(groups.get(key) ?? []), day]);
    }
  }
  const phrases = [...groups.entries()]
    .sort((a, b) => (a[1][0] ?? 0) - (b[1][0] ?? 0))
    .map(([key, days]) => `${listInWords(days.map(weekdayName))} ${PARTS[key] ?? key.replace('-', '–')}`);
  return listInWords(phrases);
}

/** "10:00–12:00 and 14:00–15:30" (local times of instants). */
export function timesInWords(list: readonly Interval[]): string {
  return listInWords(list.map(([s, e]) => `${londonClock(s)}–${londonClock(e)}`));
}
