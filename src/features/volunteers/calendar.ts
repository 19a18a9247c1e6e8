// Pure: today and the starts of this month and year by the service's clock, as "YYYY-MM-DD" dates counted in UTC
// (as the rest of Parley counts days), for every volunteer rule that compares dates.
import type { Clock } from '#src/lib/clock.ts';

export const todayOf = (clock: Clock): string => clock.now().toISOString().slice(0, 10);

/** Today and the starts of this month and year: what hours and claims are counted by. */
export function calendarOf(clock: Clock) {
  const today = todayOf(clock);
  return { today, monthStart: `${today.slice(0, 7)}-01`, yearStart: `${today.slice(0, 4)}-01-01` };
}
