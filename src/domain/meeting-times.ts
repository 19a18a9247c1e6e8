// Pure: meeting times. Meetings are stored as UTC instants; people type and read them in London local time, which
// is GMT in winter and BST (UTC+1) in summer. These turn one into the other and put a meeting's time into words.
import { DEFAULT_LOCALE, type Locale, translator } from '#src/i18n/i18n.ts';

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

/** The formats for a language other than English (Welsh: "Dydd Mawrth 15 Rhagfyr 2026"), made once each. */
const otherFormats = new Map<string, { weekday: Intl.DateTimeFormat; day: Intl.DateTimeFormat; dayNoYear: Intl.DateTimeFormat }>();
function formatsIn(locale: Locale) {
  const tag = locale === 'cy' ? 'cy-GB' : 'en-GB';
  let f = otherFormats.get(tag);
  if (!f) {
    f = {
      weekday: new Intl.DateTimeFormat(tag, { timeZone: LONDON, weekday: 'long' }),
      day: new Intl.DateTimeFormat(tag, { timeZone: LONDON, day: 'numeric', month: 'long', year: 'numeric' }),
      dayNoYear: new Intl.DateTimeFormat(tag, { timeZone: LONDON, day: 'numeric', month: 'long' }),
    };
    otherFormats.set(tag, f);
  }
  return f;
}

export type InWords = { year?: boolean; locale?: Locale };

/** "Tuesday 15 December 2026" (or "Tuesday 15 December" without the year), in `locale` (English by default). */
export function dayInWords(at: Date, opts: InWords = {}): string {
  const locale = opts.locale ?? DEFAULT_LOCALE;
  if (locale === DEFAULT_LOCALE) return `${londonParts(at).weekday} ${(opts.year === false ? dayNoYearFormat : dayFormat).format(at)}`;
  const f = formatsIn(locale);
  if (opts.year !== false) return `${f.weekday.format(at)} ${f.day.format(at)}`;
  // ICU's Welsh day-and-month pattern puts the month first ("Rhagfyr 15"): the day first, as with the year.
  const parts = Object.fromEntries(f.dayNoYear.formatToParts(at).map((p) => [p.type, p.value]));
  return `${f.weekday.format(at)} ${parts.day} ${parts.month}`;
}

/** "10:00" in London time. */
export const clockTime = (at: Date): string => londonParts(at).time;

/** "Tuesday 15 December 2026, 10:00 to 11:30", in `locale` (English by default). */
export function whenInWords(start: Date, end: Date, opts: InWords = {}): string {
  const t = translator(opts.locale ?? DEFAULT_LOCALE);
  const sameDay = londonParts(start).date === londonParts(end).date;
  return sameDay
    ? t('{day}, {start} to {end}', { day: dayInWords(start, opts), start: clockTime(start), end: clockTime(end) })
    : t('{day}, {start} to {endDay}, {end}', { day: dayInWords(start, opts), start: clockTime(start), endDay: dayInWords(end, opts), end: clockTime(end) });
}

/** "Tuesday 15 December 2026 at 10:00", in `locale` (English by default). */
export function momentInWords(at: Date, opts: InWords = {}): string {
  const t = translator(opts.locale ?? DEFAULT_LOCALE);
  return t('{day} at {time}', { day: dayInWords(at, opts), time: clockTime(at) });
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
