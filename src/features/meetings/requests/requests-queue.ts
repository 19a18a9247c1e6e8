// The coordinators' home-page queue of open further-meeting requests: the oldest few, and how many there are.
import type { Db } from '#src/db/client.ts';
import type { Queue } from '#src/http/home-queue.ts';
import { kindInWords } from '../meeting-text.ts';
import { countOpenRequests, listRequests, openRequestsPart, type RequestView } from './requests.repo.ts';
import type { Translate } from '#src/i18n/i18n.ts';

const SHOWN = 5;

/** The queue's requests (placeholder orgId), for reading with other parts in one statement; given to the queue as `read`. */
export const meetingRequestsPart = openRequestsPart(SHOWN);

export async function meetingRequestsQueue(tx: Db, orgId: string, now: Date, t: Translate, read?: RequestView[]): Promise<Queue> {
  const open = read ?? (await listRequests(tx, orgId, 'open', SHOWN));
  // Fewer than a full queue are all there are; only a full one needs counting.
  const count = open.length < SHOWN ? open.length : await countOpenRequests(tx, orgId);
  return {
    id: 'meeting-requests',
    title: t('Requests for a further meeting'),
    empty: t('Requests for a further meeting from a party, a referrer or a mediator appear here until they are booked or declined.'),
    items: open.map((r) => {
      const days = Math.floor((now.getTime() - r.createdAt.getTime()) / 86_400_000);
      return {
        text: t('{reference}: {kind} asked for by {requester}', {
          reference: r.caseReference,
          // i18n-dynamic: kindInWords looks the kind up in MEETING_KIND_LABELS, a map of msg() values
          kind: t(kindInWords(r.kind)).toLowerCase(),
          requester: r.requesterName,
        }),
        href: `/cases/${r.caseId}/meetings`,
        hint: days <= 0 ? t('Received today') : t('{days, plural, one {Received # day ago} other {Received # days ago}}', { days }),
      };
    }),
    count,
    more: { href: '/meetings/requests', text: t('All requests for a further meeting') },
  };
}
