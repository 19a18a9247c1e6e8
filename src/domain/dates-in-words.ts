// Pure: a "YYYY-MM-DD" date as people say it. dateInWords — "3 October", with the year only when it is not this
// year's ("3 October 2027"), for reasons shown verbatim (pairing, DBS, practice checks); longDate — always with the
// year ("3 October 2026"), for dates on the pages. Dates are counted in UTC, as the rest of Parley counts days.
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

import { DEFAULT_LOCALE, type Locale } from '#src/i18n/i18n.ts';

const otherFormats = new Map<string, { day: Intl.DateTimeFormat; dayNoYear: Intl.DateTimeFormat }>();
/** The date in words in a language other than English (Welsh: "3 Hydref 2027"), by Intl. */
function inOther(locale: Locale, isoDate: string, withYear: boolean): string {
  const tag = locale === 'cy' ? 'cy-GB' : 'en-GB';
  let f = otherFormats.get(tag);
  if (!f) {
    f = {
      day: new Intl.DateTimeFormat(tag, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }),
      dayNoYear: new Intl.DateTimeFormat(tag, { timeZone: 'UTC', day: 'numeric', month: 'long' }),
    };
    otherFormats.set(tag, f);
  }
  const at = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(at.getTime())) return isoDate;
  if (withYear) return f.day.format(at);
  // ICU's Welsh day-and-month pattern puts the month first ("Hydref 3"): the day first, as with the year.
  const parts = Object.fromEntries(f.dayNoYear.formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.day} ${parts.month}`;
}

export function dateInWords(isoDate: string, today: string, locale: Locale = DEFAULT_LOCALE): string {
  if (locale !== DEFAULT_LOCALE) return inOther(locale, isoDate, isoDate.slice(0, 4) !== today.slice(0, 4));
  const [year, month, day] = isoDate.slice(0, 10).split('-');
  const name = MONTHS[Number(month) - 1];
  if (!year || !name || !day) return isoDate;
  const dayMonth = `${Number(day)} ${name}`;
  return year === today.slice(0, 4) ? dayMonth : `${dayMonth} ${year}`;
}

/** "2 January 2026": a date on a page, always with its year. */
export const longDate = (isoDate: string, locale: Locale = DEFAULT_LOCALE) => dateInWords(isoDate, '', locale);

const LONDON_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });
/** The calendar date in London of an instant, as "YYYY-MM-DD". */
export const londonDate = (at: Date): string => LONDON_DAY.format(at);

/** "4 December 2026": a date (a "YYYY-MM-DD" or an instant, taken in London) on a page, the one way Parley writes it. */
export const dayInWords = (date: Date | string): string => longDate(typeof date === 'string' ? date.slice(0, 10) : londonDate(date));

const MOMENT = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' });
/** "4 Dec 2026, 14:30": an instant in London, the one way Parley writes a date with its time in tables and lists. */
export const momentInWords = (at: Date): string => MOMENT.format(at);
