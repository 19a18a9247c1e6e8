// Pure: where a volunteer's DBS check stands today (rules.md #53–54). DBS certificates have no official expiry; the
// service rechecks every `dbsRecheckYears` years, counted from the later of the certificate's issue date and the
// latest Update Service status check that found no change. Warnings start at the largest of `dbsAlertDays`.
//
// A status check that found new information means the certificate is no longer current (DBS's own words), so the
// check needs review before the volunteer is assigned: the state is 'overdue' with `needsReview` set, and
// `recheckDueOn` is the day the new information was reported. A later "no change" result cannot clear it — only a
// new certificate can.
import { addCalendarMonths } from '#src/domain/send-deadline.ts';
import { dateInWords, longDate } from '#src/domain/dates-in-words.ts';
import type { VolunteerPolicy } from '#src/features/settings/volunteer-policy.ts';

export type DbsStatusResult = 'no_change' | 'new_information';
export type DbsCheckFacts = { issuedOn: string; statusChecks: { on: string; result: DbsStatusResult }[] };
export type DbsState = 'missing' | 'valid' | 'due_soon' | 'overdue';
export type DbsStanding = {
  state: DbsState;
  recheckDueOn: string | null;
  daysLeft: number | null;
  alertDays: number | null;
  /** The Update Service reported new information: review before assigning (state is 'overdue'). */
  needsReview: boolean;
  message: string;
};

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The check in force: the one with the latest issue date (the most recently recorded wins a tie). */
export function latestCheck<T extends { issuedOn: string; createdAt?: Date | string }>(checks: readonly T[]): T | null {
  let best: T | null = null;
  for (const c of checks) {
    if (!best || c.issuedOn > best.issuedOn) best = c;
    else if (c.issuedOn === best.issuedOn && c.createdAt !== undefined && best.createdAt !== undefined && new Date(c.createdAt) > new Date(best.createdAt))
      best = c;
  }
  return best;
}

/** The date the recheck counts from: the issue date or a later clear Update Service status check. */
export function recheckBase(check: DbsCheckFacts): string {
  let base = check.issuedOn;
  for (const s of check.statusChecks) if (s.result === 'no_change' && s.on > base) base = s.on;
  return base;
}

export function dbsStanding(check: DbsCheckFacts | null, policy: Pick<VolunteerPolicy, 'dbsRecheckYears' | 'dbsAlertDays'>, today: string): DbsStanding {
  if (!check) return { state: 'missing', recheckDueOn: null, daysLeft: null, alertDays: null, needsReview: false, message: 'No DBS check recorded' };

  const reported = check.statusChecks
    .filter((s) => s.result === 'new_information')
    .map((s) => s.on)
    .sort()[0];
  if (reported) {
    return {
      state: 'overdue',
      recheckDueOn: reported,
      daysLeft: daysBetween(today, reported),
      alertDays: null,
      needsReview: true,
      message: `DBS Update Service reported new information on ${dateInWords(reported, today)}: review before assigning`,
    };
  }

  const recheckDueOn = addCalendarMonths(recheckBase(check), policy.dbsRecheckYears * 12);
  const daysLeft = daysBetween(today, recheckDueOn);
  const when = dateInWords(recheckDueOn, today);
  if (daysLeft < 0) {
    return { state: 'overdue', recheckDueOn, daysLeft, alertDays: null, needsReview: false, message: `DBS recheck overdue since ${when}` };
  }
  const within = policy.dbsAlertDays.filter((d) => daysLeft <= d);
  const alertDays = within.length ? Math.min(...within) : null;
  if (alertDays === null) {
    return {
      state: 'valid',
      recheckDueOn,
      daysLeft,
      alertDays,
      needsReview: false,
      message: `DBS check current; recheck due by ${longDate(recheckDueOn)}`,
    };
  }
  const message =
    daysLeft === 0
      ? `DBS recheck due today (${when})`
      : daysLeft === 1
        ? `DBS recheck due tomorrow (${when})`
        : `DBS recheck due in ${daysLeft} days (${when})`;
  return { state: 'due_soon', recheckDueOn, daysLeft, alertDays, needsReview: false, message };
}

/** Whether the volunteer may be put on a case that needs a DBS check. */
export const isDbsCurrent = (s: DbsStanding) => s.state === 'valid' || s.state === 'due_soon';
