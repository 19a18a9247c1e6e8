// Pure: the Restorative Justice Council practitioner-code checks (rules.md #28) for a volunteer accredited in
// restorative conferencing — case supervision at least every `rjSupervisionWeeks` weeks, `rjObservedPerYear`
// observed sessions in any 12 months, and `cpdHoursPerYear` CPD hours a calendar year — each with a due date, an
// overdue flag and the words to show. A newly accredited practitioner's first due dates count from accreditation.
import { addCalendarMonths } from '#src/domain/send-deadline.ts';
import { addDays } from '#src/domain/availability.ts';
import { dateInWords } from '#src/domain/dates-in-words.ts';
import type { VolunteerPolicy } from '#src/features/settings/volunteer-policy.ts';

export type PracticeRecord = { kind: string; on: string; minutes: number };
export type PracticeCheckId = 'supervision' | 'observed_practice' | 'cpd';
export type PracticeCheck = { id: PracticeCheckId; label: string; dueOn: string | null; overdue: boolean; message: string };
export type CpdSummary = { year: number; minutes: number; hours: string; target: number; met: boolean };
type Policy = Pick<VolunteerPolicy, 'rjSupervisionWeeks' | 'rjObservedPerYear' | 'cpdHoursPerYear'>;

/** Minutes as hours for people: 90 → "1.5", 360 → "6". */
export const hoursOf = (minutes: number) => String(Math.round((minutes / 60) * 10) / 10);

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/** CPD minutes recorded in one calendar year against the yearly target. */
export function cpdSummary(records: readonly PracticeRecord[], year: number, policy: Pick<VolunteerPolicy, 'cpdHoursPerYear'>): CpdSummary {
  const minutes = records.filter((r) => r.kind === 'cpd' && r.on.startsWith(`${year}-`)).reduce((sum, r) => sum + r.minutes, 0);
  return { year, minutes, hours: hoursOf(minutes), target: policy.cpdHoursPerYear, met: minutes >= policy.cpdHoursPerYear * 60 };
}

function supervisionCheck(records: readonly PracticeRecord[], accreditedOn: string, policy: Policy, today: string): PracticeCheck {
  const last = records
    .filter((r) => r.kind === 'supervision' && r.on <= today)
    .map((r) => r.on)
    .sort()
    .at(-1);
  const dueOn = addDays(last ?? accreditedOn, policy.rjSupervisionWeeks * 7);
  const overdue = dueOn < today;
  const lastWords = last ? `last ${dateInWords(last, today)}` : 'none recorded yet';
  const message = overdue
    ? `Case supervision overdue since ${dateInWords(dueOn, today)} (${lastWords})`
    : `Case supervision due by ${dateInWords(dueOn, today)} (${lastWords})`;
  return { id: 'supervision', label: 'Case supervision', dueOn, overdue, message };
}

function observedCheck(records: readonly PracticeRecord[], accreditedOn: string, policy: Policy, today: string): PracticeCheck {
  const need = policy.rjObservedPerYear;
  const label = 'Observed practice';
  if (need === 0) return { id: 'observed_practice', label, dueOn: null, overdue: false, message: 'Observed practice is not required by the service’s policy' };
  const sessions = records
    .filter((r) => r.kind === 'observed_practice' && r.on <= today)
    .map((r) => r.on)
    .sort()
    .reverse();
  const yearAgo = addCalendarMonths(today, -12);
  const recent = sessions.filter((on) => on >= yearAgo).length;
  // A session counts for 12 months; the need is met until the oldest of the last `need` sessions drops out, and
  // never falls due in the first year after accreditation.
  const firstYearEnds = addCalendarMonths(accreditedOn, 12);
  const metUntil = sessions.length >= need ? addCalendarMonths(sessions[need - 1]!, 12) : null;
  const dueOn = metUntil && metUntil > firstYearEnds ? metUntil : firstYearEnds;
  const overdue = dueOn < today;
  const counted = `${recent} of ${need} observed ${plural(need, 'session', 'sessions')} in the last 12 months`;
  const message = overdue
    ? `Observed practice overdue since ${dateInWords(dueOn, today)}: ${counted}`
    : `${counted}; ${recent >= need ? 'the next is due by' : 'due by'} ${dateInWords(dueOn, today)}`;
  return { id: 'observed_practice', label, dueOn, overdue, message };
}

function cpdCheck(records: readonly PracticeRecord[], accreditedOn: string, policy: Policy, today: string): PracticeCheck {
  const year = Number(today.slice(0, 4));
  const now = cpdSummary(records, year, policy);
  const before = cpdSummary(records, year - 1, policy);
  const label = 'CPD';
  const thisYear = `${now.hours} of ${now.target} CPD hours in ${year}`;
  // Last year counts only when they were accredited before it began: a part year is not held against them.
  const lastYearCounts = accreditedOn < `${year - 1}-01-01`;
  if (lastYearCounts && !before.met) {
    return {
      id: 'cpd',
      label,
      dueOn: `${year - 1}-12-31`,
      overdue: true,
      message: `CPD short in ${year - 1}: ${before.hours} of ${before.target} hours; ${thisYear}`,
    };
  }
  return { id: 'cpd', label, dueOn: `${year}-12-31`, overdue: false, message: now.met ? `${thisYear}: done for the year` : `${thisYear}; due by 31 December` };
}

/** The practitioner-code checks for someone accredited in restorative conferencing on `accreditedOn`. */
export function practiceChecks(records: readonly PracticeRecord[], accreditedOn: string, policy: Policy, today: string): PracticeCheck[] {
  return [
    supervisionCheck(records, accreditedOn, policy, today),
    observedCheck(records, accreditedOn, policy, today),
    cpdCheck(records, accreditedOn, policy, today),
  ];
}
