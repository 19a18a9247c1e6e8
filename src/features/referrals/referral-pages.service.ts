// What the staff referral pages show, in one call and one transaction a page: the referral (its view audited by the
// referral service) with the coordinators a new case can be given to, and the list with the case types' names. Names
// only.
import type { Db } from '#src/db/client.ts';
import { inOrg, readTogether } from '#src/db/tenant.ts';
import type { OrgActor } from '#src/access/actor.ts';
import { can } from '#src/access/permissions.ts';
import { listActiveMembersWithRoles } from '#src/features/cases/case-reads.ts';
import type { ReferralService } from './referrals.service.ts';
import { listCaseTypes } from '#src/features/orgs/org-records.ts';

export function createReferralPagesService(deps: { db: Db; referrals: ReferralService }) {
  /** The service's case types, for their names. */
  const caseTypes = (actor: OrgActor) =>
    inOrg(deps.db, actor.orgId, async (tx) => (await listCaseTypes(tx, actor.orgId)).map((c) => ({ code: c.code, name: c.name, kind: c.kind })));
  return {
    /** A page of the referrals list with the case types, for their names. */
    listPage(actor: OrgActor, query: Parameters<ReferralService['list']>[1]) {
      return readTogether(deps.db, actor.orgId, async () => ({ ...(await deps.referrals.list(actor, query)), types: await caseTypes(actor) }));
    },

    referralPage(actor: OrgActor, id: string) {
      return readTogether(deps.db, actor.orgId, async () => {
        const view = await deps.referrals.get(actor, id);
        const coordinators = can(actor.role, 'referrals.triage')
          ? await inOrg(deps.db, actor.orgId, (tx) => listActiveMembersWithRoles(tx, actor.orgId, ['admin', 'coordinator']))
          : [];
        return { ...view, coordinators, canTriage: can(actor.role, 'referrals.triage'), types: await caseTypes(actor) };
      });
    },
  };
}
export type ReferralPagesService = ReturnType<typeof createReferralPagesService>;
