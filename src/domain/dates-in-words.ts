// Pure: a "YYYY-MM-DD" date as people say it. dateInWords — "3 October", with the year only when it is not this
// year's ("3 October 2027"), for reasons shown verbatim (pairing, DBS, practice checks); longDate — always with the
// year ("3 October 2026"), for dates on the pages. Dates are counted in UTC, as the rest of Parley counts days.
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function dateInWords(isoDate: string, today: string): string {
  const [year, month, day] = isoDate.slice(0, 10).split('-');
  const name = MONTHS[Number(month) - 1];
  if (!year || !name || !day) return isoDate;
  const dayMonth = `${Number(day)} ${name}`;
  return year === today.slice(0, 4) ? dayMonth : `${dayMonth} ${year}`;
}

/** "2 January 2026": a date on a page, always with its year. */
export const longDate = (isoDate: string) => dateInWords(isoDate, '');
