// Pure: which DBS alert a volunteer's standing calls for today, if any. One alert per threshold: the smallest of the
// service's alert days the recheck is now within (60, 30, 7 by default), then "overdue", or "review" when the
// Update Service reported new information. A missing check has no due date to count to, so no alert (the staff
// home lists it). The key makes each alert go once: the same threshold for the same due date is never sent again.
import type { DbsStanding } from '#src/features/volunteers/dbs/dbs-status.ts';
import { longDate } from '#src/domain/dates-in-words.ts';
import { DEFAULT_LOCALE, type Locale, translator } from '#src/i18n/i18n.ts';

export type DbsAlert = { threshold: string; dueOn: string; dueWords: string; dueSentence: string };

/** The alert in `locale` (English by default): only the words change with the language, never the threshold or key. */
export function dbsAlertFor(s: DbsStanding, locale: Locale = DEFAULT_LOCALE): DbsAlert | null {
  if (!s.recheckDueOn) return null;
  const t = translator(locale);
  const dueOn = s.recheckDueOn;
  const date = longDate(dueOn, locale);
  if (s.needsReview)
    return {
      threshold: 'review',
      dueOn,
      dueWords: t('needs review'),
      dueSentence: t('needs review: the DBS Update Service reported new information on {date}. Review it before they are assigned to a case.', { date }),
    };
  if (s.state === 'overdue')
    return { threshold: 'overdue', dueOn, dueWords: t('overdue'), dueSentence: t('was due for its recheck on {date} and is now overdue.', { date }) };
  if (s.state === 'due_soon' && s.alertDays !== null) {
    const left = s.daysLeft ?? 0;
    const inDays = t('{left, plural, =0 {today} =1 {tomorrow} other {in # days}}', { left });
    return {
      threshold: String(s.alertDays),
      dueOn,
      dueWords: t('due {inDays}', { inDays }),
      dueSentence: t('is due for its recheck {inDays}, on {date}.', { inDays, date }),
    };
  }
  return null;
}

export const dbsAlertKey = (volunteerId: string, alert: DbsAlert, recipient: string) => `dbs:${volunteerId}:${alert.dueOn}:${alert.threshold}:${recipient}`;
