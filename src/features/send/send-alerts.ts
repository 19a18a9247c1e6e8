// The staff home's "SEND deadlines" queue for coordinators: the clocks overdue or due within 5 working days, soonest
// first, each linking to its case's SEND tab. Shown only to those who see the deadlines, and only when the service has
// SEND cases open. Published for features/home, which only gathers queues.
import type { Db } from '#src/db/client.ts';
import type { OrgActor } from '#src/access/actor.ts';
import { can } from '#src/access/permissions.ts';
import type { Queue } from '#src/http/home-queue.ts';
import type { Translate } from '#src/i18n/i18n.ts';
import { type CertificateFact, caseClocks } from './case-clocks.ts';
import { clockRow } from './send.present.ts';
import { openSendCases, openSendCasesPart } from './send.repo.ts';
import type { PartValue } from '#src/db/read-in-one.ts';

const SHOWN = 10;
/** A clock this close (working or calendar days) is shown before it falls due. */
const SOON_DAYS = 5;

/** The queue's read (placeholder orgId), for the home to read with its other parts when `actor` sees it; given back as `read`. */
export const sendDeadlinePart = openSendCasesPart;
export const seesSendDeadlines = (actor: OrgActor) => can(actor.role, 'send.deadlines');

export async function sendDeadlineQueue(tx: Db, actor: OrgActor, today: string, t: Translate, read?: PartValue<typeof openSendCasesPart>): Promise<Queue[]> {
  if (!seesSendDeadlines(actor)) return [];
  const { rows, certs } = await openSendCases(tx, actor.orgId, read);
  if (!rows.length) return [];
  const byCase = new Map<string, CertificateFact[]>();
  for (const x of certs) byCase.set(x.caseId, [...(byCase.get(x.caseId) ?? []), x]);
  const due = rows
    .flatMap((r) =>
      caseClocks(r.send, byCase.get(r.send.caseId) ?? [], today)
        .filter((k) => k.running && k.daysLeft <= SOON_DAYS)
        .map((k) => ({ k, r })),
    )
    .sort((a, b) => a.k.due.localeCompare(b.k.due));
  return [
    {
      id: 'send-deadlines',
      title: t('SEND deadlines'),
      empty: t('Statutory SEND clocks that are overdue or due within 5 days appear here.'),
      items: due.slice(0, SHOWN).map(({ k, r }) => {
        const row = clockRow(t, k);
        return {
          text: `${r.reference}: ${row.what}`,
          hint: t('Due {date}', { date: k.due }),
          href: `/cases/${r.send.caseId}/send`,
          tag: { text: row.left, classes: k.overdue ? 'govuk-tag--red' : 'govuk-tag--orange' },
        };
      }),
      count: due.length,
      more: { href: '/send/deadlines', text: t('All SEND deadlines') },
    },
  ];
}
