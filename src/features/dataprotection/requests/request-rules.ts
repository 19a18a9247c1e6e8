// Pure: when a person's data-protection request must be answered (rules.md #55, #56). One calendar month from
// receipt (or from receiving ID, a fee or clarification): the same date next month, or that month's last day when
// it has none; a weekend or bank holiday moves it to the next working day. A complex request, or several from one
// person, may be extended by two further months, telling the person why within the first month.
import { isWorkingDay } from '#src/features/meetings/working-days.ts';

export const REQUEST_KINDS = ['access', 'erasure', 'rectification'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/** The lawful reasons to refuse erasure (Art 17(3), as rules.md #56 lists them). */
export const ERASURE_REFUSAL_REASONS = ['legal_obligation', 'public_task', 'legal_claims', 'archiving_or_statistics', 'case_still_open'] as const;
export type ErasureRefusalReason = (typeof ERASURE_REFUSAL_REASONS)[number];

/** The same day `months` calendar months on, or the last day of that month when it has no such day. */
export function addCalendarMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

function nextWorkingDayFrom(date: string): string {
  let day = date;
  while (!isWorkingDay(day)) day = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return day;
}

/** The answer's due date: one calendar month from `startsOn`, three when extended, on a working day. */
export function requestDueOn(startsOn: string, extended = false): string {
  return nextWorkingDayFrom(addCalendarMonths(startsOn, extended ? 3 : 1));
}

/** Whole days from `today` to `dueOn` (negative when overdue). */
export function daysLeft(today: string, dueOn: string): number {
  return Math.round((Date.parse(`${dueOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
