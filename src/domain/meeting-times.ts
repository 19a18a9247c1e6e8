// Pure: meeting times. Meetings are stored as UTC instants; people type and read them in London local time, which
// is GMT in winter and BST (UTC+1) in summer. These turn one into the other and put a meeting's time into words.

const LONDON = 'Europe/London';

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  weekday: 'long',
});

export type LondonParts = { date: string; time: string; weekday: string };

/** The London date ("YYYY-MM-DD"), time ("HH:MM") and weekday name of an instant. */
export function londonParts(at: Date): LondonParts {
  const p = Object.fromEntries(partsFormat.formatToParts(at).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}`, weekday: p.weekday ?? '' };
}

/**
 * The instant a London wall-clock time names. London is UTC or UTC+1, so it is one of two instants. In the hour that
 * does not exist (clocks going forward) it gives the time an hour later; in the hour that happens twice (clocks going
 * back) the first of the two.
 */
export function londonTime(date: string, time: string): Date {
  const naive = Date.parse(`${date}T${time}:00Z`);
  const candidates = [new Date(naive - 3_600_000), new Date(naive)];
  const matching = candidates.find((at) => {
    const p = londonParts(at);
    return p.date === date && p.time === time;
  });
  return matching ?? (candidates[1] as Date);
}

const dayFormat = new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, day: 'numeric', month: 'long', year: 'numeric' });
const dayNoYearFormat = new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, day: 'numeric', month: 'long' });

/** "Tuesday 15 December 2026" (or "Tuesday 15 December" without the year). */
export function dayInWords(at: Date, opts: { year?: boolean } = {}): string {
  return `${londonParts(at).weekday} ${(opts.year === false ? dayNoYearFormat : dayFormat).format(at)}`;
}

/** "10:00" in London time. */
export const clockTime = (at: Date): string => londonParts(at).time;

/** "Tuesday 15 December 2026, 10:00 to 11:30". */
export function whenInWords(start: Date, end: Date, opts: { year?: boolean } = {}): string {
  const sameDay = londonParts(start).date === londonParts(end).date;
  return sameDay
    ? `${dayInWords(start, opts)}, ${clockTime(start)} to ${clockTime(end)}`
    : `${dayInWords(start, opts)}, ${clockTime(start)} to ${dayInWords(end, opts)}, ${clockTime(end)}`;
}

/** Whole minutes from start to end. */
export const minutesBetween = (start: Date, end: Date): number => Math.round((end.getTime() - start.getTime()) / 60_000);

/** "1 hour 30 minutes", "45 minutes", "2 hours". */
export function durationInWords(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const hours = h === 0 ? '' : h === 1 ? '1 hour' : `${h} hours`;
  const mins = m === 0 ? '' : m === 1 ? '1 minute' : `${m} minutes`;
  return [hours, mins].filter(Boolean).join(' ') || '0 minutes';
}
