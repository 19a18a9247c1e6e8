// Pure: the ONS release a postcode file's name gives (ONSPD_FEB_2024_UK.csv, NSPL21_MAY_2023_UK.csv), as YYYY-MM.
const MONTHS = ['JANUARY', 'FEBRUARY', 'MARCH', 'APRIL', 'MAY', 'JUNE', 'JULY', 'AUGUST', 'SEPTEMBER', 'OCTOBER', 'NOVEMBER', 'DECEMBER'];
/** A month as a word of its own: its name, its first three letters, or SEPT. */
const MONTH_WORD = [...MONTHS, ...MONTHS.map((m) => m.slice(0, 3)), 'SEPT'].sort((a, b) => b.length - a.length).join('|');
const RELEASE = new RegExp(`(?:^|[^A-Z])(${MONTH_WORD})[ _-]?((?:19|20)\\d{2})(?!\\d)`, 'i');

export function releaseOf(filename: string): string | null {
  const m = RELEASE.exec(filename);
  if (!m) return null;
  const month = MONTHS.findIndex((name) => name.startsWith(m[1]!.toUpperCase().slice(0, 3))) + 1;
  return `${m[2]}-${String(month).padStart(2, '0')}`;
}

/** "February 2024" (in the reader's language) for 2024-02. */
export function releaseInWords(release: string, locale: string): string {
  const [year, month] = release.split('-').map(Number);
  return new Intl.DateTimeFormat(locale === 'cy' ? 'cy-GB' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year!, month! - 1, 1)),
  );
}
