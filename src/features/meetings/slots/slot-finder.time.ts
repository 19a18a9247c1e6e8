// Pure: Europe/London local time for the slot finder. The clock changes of each year are found once through Intl
// (the time-zone database, not a hand-kept rule) and kept, so turning a local date and time into a UTC instant
// costs a couple of comparisons. Dates are "YYYY-MM-DD"; minutes are minutes after local midnight.
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** London's offset from UTC in minutes at an instant, asked of Intl (slow; used only to find the changes). */
function intlOffset(ms: number): number {
  const p = Object.fromEntries(parts.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  const local = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
  return Math.round((local - Math.floor(ms / MINUTE_MS) * MINUTE_MS) / MINUTE_MS);
}

type Change = { at: number; offset: number };
const changesByYear = new Map<number, { start: number; first: number; changes: Change[] }>();

/** The first instant in [lo, hi] whose offset differs from lo's (offsets change at most once in the span). */
function findChange(lo: number, hi: number): Change | null {
  const before = intlOffset(lo);
  if (intlOffset(hi) === before) return null;
  let a = lo;
  let b = hi;
  while (b - a > MINUTE_MS) {
    const mid = a + Math.floor((b - a) / 2 / MINUTE_MS) * MINUTE_MS;
    if (intlOffset(mid) === before) a = mid;
    else b = mid;
  }
  return { at: b, offset: intlOffset(b) };
}

function yearChanges(year: number) {
  let entry = changesByYear.get(year);
  if (!entry) {
    const start = Date.UTC(year, 0, 1);
    const mid = Date.UTC(year, 6, 1);
    const end = Date.UTC(year + 1, 0, 1);
    const changes = [findChange(start, mid), findChange(mid, end)].filter((c): c is Change => c !== null);
    entry = { start, first: intlOffset(start), changes };
    changesByYear.set(year, entry);
  }
  return entry;
}

/** London's offset from UTC in minutes (0 in winter, 60 in summer) at an instant. */
export function londonOffsetMinutes(ms: number): number {
  const { first, changes } = yearChanges(new Date(ms).getUTCFullYear());
  let offset = first;
  for (const c of changes) if (ms >= c.at) offset = c.offset;
  return offset;
}

export const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
export const dateOfDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
export const addDays = (date: string, days: number) => dateOfDay(dayNumber(date) + days);

/** ISO weekday (1 = Monday … 7 = Sunday) of a date. */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The UTC instant (ms) of a local time on a local date. Times skipped in spring move an hour on. */
export function londonToUtc(date: string, minutes: number): number {
  const naive = Date.parse(`${date}T00:00:00Z`) + minutes * MINUTE_MS;
  const guess = naive - londonOffsetMinutes(naive) * MINUTE_MS;
  return naive - londonOffsetMinutes(guess) * MINUTE_MS;
}

/** The local date and minutes after local midnight of an instant. */
export function utcToLondon(ms: number): { date: string; minutes: number } {
  const local = ms + londonOffsetMinutes(ms) * MINUTE_MS;
  const day = Math.floor(local / DAY_MS);
  return { date: dateOfDay(day), minutes: Math.round((local - day * DAY_MS) / MINUTE_MS) };
}

export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
}

/** "09:30" from minutes after midnight. */
export function clockTime(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** "14:30" local time of an instant. */
export const londonClock = (ms: number) => clockTime(utcToLondon(ms).minutes);
