// The coordinators' home-page queue of open further-meeting requests: the oldest few, and how many there are.
import type { Db } from '#src/db/client.ts';
import type { Queue } from '#src/http/home-queue.ts';
import { kindInWords } from '../meeting-text.ts';
import { countOpenRequests, listRequests } from './requests.repo.ts';

const SHOWN = 5;

export async function meetingRequestsQueue(tx: Db, orgId: string, now: Date): Promise<Queue> {
  const [open, count] = [await listRequests(tx, orgId, 'open', SHOWN), await countOpenRequests(tx, orgId)];
  return {
    id: 'meeting-requests',
    title: 'Requests for a further meeting',
    empty: 'Requests for a further meeting from a party, a referrer or a mediator appear here until they are booked or declined.',
    items: open.map((r) => {
      const days = Math.floor((now.getTime() - r.createdAt.getTime()) / 86_400_000);
      return {
        text: `${r.caseReference}: ${kindInWords(r.kind).toLowerCase()} asked for by ${r.requesterName}`,
        href: `/cases/${r.caseId}/meetings`,
        hint: days <= 0 ? 'Received today' : days === 1 ? 'Received 1 day ago' : `Received ${days} days ago`,
      };
    }),
    count,
    more: { href: '/meetings/requests', text: 'All requests for a further meeting' },
  };
}
