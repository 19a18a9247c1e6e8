// What the data-protection queue shows, in one transaction: the breach log and the open rights requests, each read
// (and its view audited) by its own service, from one snapshot of the service's data.
import type { Db } from '#src/db/client.ts';
import { readTogether } from '#src/db/tenant.ts';
import type { OrgActor } from '#src/access/actor.ts';
import type { BreachService } from './breaches/breaches.service.ts';
import type { RequestService } from './requests/requests.service.ts';

export function createDataProtectionPagesService(deps: { db: Db; breaches: BreachService; dataRequests: RequestService }) {
  return {
    queuePage(actor: OrgActor) {
      return readTogether(deps.db, actor.orgId, async () => ({
        breaches: await deps.breaches.list(actor),
        openRequests: (await deps.dataRequests.list(actor)).filter((r) => r.status === 'open'),
      }));
    },
  };
}
