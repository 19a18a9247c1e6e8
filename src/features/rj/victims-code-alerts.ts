// The staff home's "Victims' Code" queue for coordinators, admins and supervisors: the RJ cases where the service is
// the first contact and the information on restorative justice is overdue or due within 5 working days, soonest
// first, each linking to the case's RJ tab. Published for features/home, which only gathers queues.
import type { Db } from '#src/db/client.ts';
import type { OrgActor } from '#src/access/actor.ts';
import { can } from '#src/access/permissions.ts';
import type { Queue } from '#src/http/home-queue.ts';
import type { Translate } from '#src/i18n/i18n.ts';
import { runningVictimsCodeCases, type VictimsCodeRunning, victimsCodeRunningPart } from './rj.repo.ts';
import { victimsCodeClock } from './rules/victims-code.ts';
import { victimsClockWords } from './victims-code.present.ts';

const SHOWN = 10;

// Those who run the cases (coordinators, admins) and those who sign RJ work off (supervisors).
export const seesVictimsCodeQueue = (actor: OrgActor) => can(actor.role, 'cases.assign') || can(actor.role, 'rj.decide');

/** The queue's read (placeholder orgId), for the home to read with its other parts when `actor` sees it; given back as `read`. */
export const victimsCodePart = victimsCodeRunningPart;

export async function victimsCodeQueue(tx: Db, actor: OrgActor, today: string, t: Translate, read?: VictimsCodeRunning[]): Promise<Queue[]> {
  if (!seesVictimsCodeQueue(actor)) return [];
  const rows = read ?? (await runningVictimsCodeCases(tx, actor.orgId));
  if (!rows.length) return [];
  const due = rows
    .map((r) => ({ r, k: victimsCodeClock(r, today)! }))
    .filter(({ k }) => k.running && k.daysLeft <= 5)
    .sort((a, b) => a.k.due.localeCompare(b.k.due));
  return [
    {
      id: 'victims-code',
      title: t('Victims’ Code: information on restorative justice'),
      empty: t('RJ cases where this service is the first contact appear here until the information is given.'),
      items: due.slice(0, SHOWN).map(({ r, k }) => {
        const words = victimsClockWords(t, k);
        return {
          text: `${r.reference}: ${r.enhancedRights ? t('enhanced rights, 1 working day') : t('5 working days')}`,
          hint: t('Due {date}', { date: k.due }),
          href: `/cases/${r.caseId}/rj#victims-code`,
          tag: { text: words.left, classes: k.overdue ? 'govuk-tag--red' : 'govuk-tag--orange' },
        };
      }),
      count: due.length,
    },
  ];
}
