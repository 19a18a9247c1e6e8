// Pure: a venue's opening hours and closed dates, in words and as the venue form reads and fills them. Hours are
// weekly windows in London local time ({ day: 1 = Monday … 7, from: "HH:MM", to: "HH:MM" }); the form has one
// "opens"/"closes" pair per day (both blank: closed that day) and a textarea of closed dates, one per line.
import type { WeeklyWindow } from '#src/db/schema/volunteers.ts';
import { isRealDate, isTime, minutesOfDay, WEEKDAYS } from '#src/domain/availability.ts';

const dayName = (day: number) => WEEKDAYS.find((d) => d.day === day)?.label ?? `Day ${day}`;

/** "Monday to Friday", "Monday, Wednesday and Friday", "Monday to Wednesday and Saturday". */
export function daysInWords(days: readonly number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const d of sorted) {
    const run = runs.at(-1);
    if (run && run.at(-1) === d - 1) run.push(d);
    else runs.push([d]);
  }
  const parts = runs.flatMap((run) => (run.length >= 3 ? [`${dayName(run[0]!)} to ${dayName(run.at(-1)!)}`] : run.map(dayName)));
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** "Monday to Friday 09:00 to 21:00; Saturday 10:00 to 16:00"; "" when no hours are set. */
export function openingHoursInWords(windows: readonly WeeklyWindow[]): string {
  const byDay = new Map<number, string>();
  for (const day of [1, 2, 3, 4, 5, 6, 7]) {
    const times = windows
      .filter((w) => w.day === day)
      .sort((a, b) => a.from.localeCompare(b.from))
      .map((w) => `${w.from} to ${w.to}`);
    if (times.length) byDay.set(day, times.join(' and '));
  }
  const groups = new Map<string, number[]>();
  for (const [day, hours] of byDay) groups.set(hours, [...(groups.get(hours) ?? []), day]);
  return [...groups].map(([hours, days]) => `${daysInWords(days)} ${hours}`).join('; ');
}

/** Why the windows cannot be a venue's hours (a bad window, or two that overlap on one day), or undefined. */
export function openingHoursProblem(windows: readonly WeeklyWindow[]): string | undefined {
  for (const day of [1, 2, 3, 4, 5, 6, 7]) {
    const list = windows.filter((w) => w.day === day).sort((a, b) => a.from.localeCompare(b.from));
    for (let i = 1; i < list.length; i++)
      if (minutesOfDay(list[i]!.from) < minutesOfDay(list[i - 1]!.to)) return `The opening hours on ${dayName(day)} overlap`;
  }
  return undefined;
}

/** A time as typed ("9", "9:30", "09.30", "21:00") as "HH:MM", or the problem in words. */
export function readTime(text: string, label: string): { value?: string; error?: string } {
  const typed = text.trim();
  const m = /^(\d{1,2})(?:[:.](\d{2}))?$/.exec(typed);
  const value = m ? `${m[1]!.padStart(2, '0')}:${m[2] ?? '00'}` : '';
  if (!isTime(value)) return { error: `${label} must be a time on the 24-hour clock, like 09:00 or 17:30` };
  return { value };
}

export const hoursField = (day: number, end: 'from' | 'to') => `hours-${day}-${end}`;

/** The form's opening hours (one pair of fields per day) as windows, and the problems by field. */
export function readOpeningHoursForm(text: (field: string) => string): { windows: WeeklyWindow[]; problems: Record<string, string> } {
  const windows: WeeklyWindow[] = [];
  const problems: Record<string, string> = {};
  for (const { day, label } of WEEKDAYS) {
    const fromText = text(hoursField(day, 'from')).trim();
    const toText = text(hoursField(day, 'to')).trim();
    if (!fromText && !toText) continue;
    if (!fromText) {
      problems[hoursField(day, 'from')] = `Enter the time it opens on ${label}, or leave both times blank if it is closed`;
      continue;
    }
    if (!toText) {
      problems[hoursField(day, 'to')] = `Enter the time it closes on ${label}, or leave both times blank if it is closed`;
      continue;
    }
    const from = readTime(fromText, `The opening time on ${label}`);
    const to = readTime(toText, `The closing time on ${label}`);
    if (from.error) problems[hoursField(day, 'from')] = from.error;
    if (to.error) problems[hoursField(day, 'to')] = to.error;
    if (!from.value || !to.value) continue;
    if (minutesOfDay(from.value) >= minutesOfDay(to.value)) {
      problems[hoursField(day, 'to')] = `The closing time on ${label} must be after the opening time`;
      continue;
    }
    windows.push({ day, from: from.value, to: to.value });
  }
  return { windows, problems };
}

/** The form's fields filled from stored hours; `unfit` lists days with more than one window (set through the API). */
export function openingHoursFormValues(windows: readonly WeeklyWindow[]): { values: Record<string, string>; unfit: string[] } {
  const values: Record<string, string> = {};
  const unfit: string[] = [];
  for (const { day, label } of WEEKDAYS) {
    const list = windows.filter((w) => w.day === day).sort((a, b) => a.from.localeCompare(b.from));
    if (!list.length) continue;
    if (list.length > 1) unfit.push(label);
    values[hoursField(day, 'from')] = list[0]!.from;
    values[hoursField(day, 'to')] = list.at(-1)!.to;
  }
  return { values, unfit };
}

/** Closed dates typed one a line ("2026-12-25" or "25/12/2026"), sorted and without repeats; or the first problem. */
export function readClosedDates(text: string): { dates: string[]; error?: string } {
  const dates = new Set<string>();
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length > 366) return { dates: [], error: 'List at most 366 closed dates' };
  for (const line of lines) {
    const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(line);
    const iso = uk ? `${uk[3]}-${uk[2]!.padStart(2, '0')}-${uk[1]!.padStart(2, '0')}` : line;
    if (!isRealDate(iso)) return { dates: [], error: `“${line.slice(0, 40)}” is not a real date: put one date on each line, like 2026-12-25` };
    dates.add(iso);
  }
  return { dates: [...dates].sort() };
}
