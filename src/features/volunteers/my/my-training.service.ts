// A volunteer's own view of their training, accreditations, DBS standing (number masked), supervision and what is
// due — for the signed-in mediator whose sign-in is linked to a volunteer record.
import type { Db } from '#src/db/client.ts';
import { inOrg } from '#src/db/tenant.ts';
import type { Clock } from '#src/lib/clock.ts';
import type { Audit } from '#src/features/audit/audit.service.ts';
import type { OrgActor } from '#src/access/actor.ts';
import { authorise } from '#src/access/permissions.ts';
import { dbsSummary } from '../dbs/dbs.service.ts';
import { todayOf } from '../calendar.ts';
import { volunteerPolicyOf } from '../records/my-volunteer.ts';
import { trainingSummary } from '../training/training.service.ts';
import { whatIsDue } from '../volunteer-alerts.ts';
import { findVolunteerByUserId } from '../records/volunteers.repo.ts';

export function createMyTrainingService({ db, clock, audit }: { db: Db; clock: Clock; audit: Audit }) {
  return {
    /** Null when the person's sign-in is not linked to a volunteer record. Audited as a read of their own record. */
    async get(actor: OrgActor) {
      authorise(actor, 'my.work');
      return inOrg(db, actor.orgId, async (tx) => {
        const v = actor.type === 'user' ? await findVolunteerByUserId(tx, actor.orgId, actor.id) : undefined;
        if (!v) return null;
        const today = todayOf(clock);
        const training = await trainingSummary(tx, actor, v, await volunteerPolicyOf(tx, actor.orgId), today);
        const dbs = await dbsSummary(tx, actor.orgId, v.id, today);
        await audit.record(tx, actor, actor.orgId, { action: 'volunteer.own_training_viewed', entityType: 'volunteer', entityId: v.id });
        return { training, dbs, due: whatIsDue(training, dbs.standing) };
      });
    },
  };
}
export type MyTrainingService = ReturnType<typeof createMyTrainingService>;
