// Pure: which DBS alert a volunteer's standing calls for today, if any. One alert per threshold: the smallest of the
// service's alert days the recheck is now within (60, 30, 7 by default), then "overdue", or "review" when the
// Update Service reported new information. A missing check has no due date to count to, so no alert (the staff
// home lists it). The key makes each alert go once: the same threshold for the same due date is never sent again.
import type { DbsStanding } from '#src/features/volunteers/dbs/dbs-status.ts';
import { longDate } from '#src/domain/dates-in-words.ts';

export type DbsAlert = { threshold: string; dueOn: string; dueWords: string; dueSentence: string };

export function dbsAlertFor(s: DbsStanding): DbsAlert | null {
  if (!s.recheckDueOn) return null;
  const dueOn = s.recheckDueOn;
  const date = longDate(dueOn);
  if (s.needsReview)
    return {
      threshold: 'review',
      dueOn,
      dueWords: 'needs review',
      dueSentence: `needs review: the DBS Update Service reported new information on ${date}. Review it before they are assigned to a case.`,
    };
  if (s.state === 'overdue') return { threshold: 'overdue', dueOn, dueWords: 'overdue', dueSentence: `was due for its recheck on ${date} and is now overdue.` };
  if (s.state === 'due_soon' && s.alertDays !== null) {
    const left = s.daysLeft ?? 0;
    const inDays = left === 0 ? 'today' : left === 1 ? 'tomorrow' : `in ${left} days`;
    return { threshold: String(s.alertDays), dueOn, dueWords: `due ${inDays}`, dueSentence: `is due for its recheck ${inDays}, on ${date}.` };
  }
  return null;
}

export const dbsAlertKey = (volunteerId: string, alert: DbsAlert, recipient: string) => `dbs:${volunteerId}:${alert.dueOn}:${alert.threshold}:${recipient}`;
