// Retention for admins: each case type's period (their own or the default), what the next run would anonymise, legal
// holds, running it now (a job) and the destruction log. Every view and change is audited.
import type { OrgActor } from '#src/access/actor.ts';
import { authorise } from '#src/access/permissions.ts';
import { inOrg } from '#src/db/tenant.ts';
import { londonParts, londonTime } from '#src/domain/meeting-times.ts';
import { enqueue } from '#src/jobs/queue.ts';
import { msg } from '#src/i18n/i18n.ts';
import { invalid, notFound } from '#src/lib/app-error.ts';
import { listCaseTypes } from '#src/features/orgs/org-records.ts';
import { caseReferences, countClosedBefore, findCaseByReference } from '#src/features/cases/case-erasure.ts';
import type { RetentionDeps } from './anonymiser.ts';
import { retentionJob } from './retention.job.ts';
import { retentionPlan } from './retention-rules.ts';
import * as repo from './retention.repo.ts';
import { type HoldInput, NO_SUCH_TYPE, type Schedules } from './retention.schemas.ts';

export type RetentionService = ReturnType<typeof createRetentionService>;

export function createRetentionService({ db, clock, audit }: RetentionDeps) {
  const today = () => londonParts(clock.now()).date;
  const by = (actor: OrgActor) => actor.label ?? actor.id;

  return {
    /** Each case type's rule today, and how many cases the next run would anonymise under it. */
    async preview(actor: OrgActor) {
      authorise(actor, 'retention.manage');
      return inOrg(db, actor.orgId, async (tx) => {
        const held = await repo.heldCaseIds(tx, actor.orgId);
        const types = await listCaseTypes(tx, actor.orgId);
        const plan = retentionPlan(today(), types, await repo.listSchedules(tx, actor.orgId));
        const rules = [];
        for (const rule of plan)
          rules.push({ ...rule, due: await countClosedBefore(tx, actor.orgId, rule.caseType, londonTime(rule.closedBefore, '00:00'), held) });
        await audit.record(tx, actor, actor.orgId, { action: 'retention.viewed', entityType: 'organisation', entityId: actor.orgId });
        return { rules, held: held.length, types };
      });
    },

    async setSchedules(actor: OrgActor, input: Schedules) {
      authorise(actor, 'retention.manage');
      return inOrg(db, actor.orgId, async (tx) => {
        const codes = new Set((await listCaseTypes(tx, actor.orgId)).map((c) => c.code));
        const unknown = Object.keys(input).filter((c) => !codes.has(c));
        if (unknown.length) throw invalid(Object.fromEntries(unknown.map((c) => [c, NO_SUCH_TYPE])));
        const changed: Record<string, number> = {};
        for (const [caseType, years] of Object.entries(input)) {
          if (years === undefined) continue;
          await repo.saveSchedule(tx, actor.orgId, caseType, years, by(actor), clock.now());
          changed[caseType] = years;
        }
        await audit.record(tx, actor, actor.orgId, {
          action: 'retention.schedules_changed',
          entityType: 'organisation',
          entityId: actor.orgId,
          detail: changed,
        });
      });
    },

    async holds(actor: OrgActor) {
      authorise(actor, 'retention.manage');
      return inOrg(db, actor.orgId, async (tx) => {
        const rows = await repo.listActiveHolds(tx, actor.orgId);
        const refs = await caseReferences(
          tx,
          actor.orgId,
          rows.map((r) => r.caseId),
        );
        return rows.map((r) => ({ ...r, reference: refs.get(r.caseId) ?? '' }));
      });
    },

    /** Keeps a case past its retention period until the hold is lifted; the reason is kept with the hold. */
    async placeHold(actor: OrgActor, input: HoldInput) {
      authorise(actor, 'retention.manage');
      return inOrg(db, actor.orgId, async (tx) => {
        const found = await findCaseByReference(tx, actor.orgId, input.caseReference.toUpperCase());
        if (!found) throw invalid({ caseReference: msg('There is no case with that reference in this service') });
        const id = await repo.insertHold(tx, { orgId: actor.orgId, caseId: found.id, reason: input.reason, placedBy: by(actor), placedAt: clock.now() });
        await audit.record(tx, actor, actor.orgId, { action: 'legal_hold.placed', entityType: 'case', entityId: found.id, detail: { holdId: id } });
        return { id, caseId: found.id };
      });
    },

    async liftHold(actor: OrgActor, holdId: string) {
      authorise(actor, 'retention.manage');
      return inOrg(db, actor.orgId, async (tx) => {
        const hold = await repo.findActiveHold(tx, actor.orgId, holdId);
        if (!hold) throw notFound(msg('That legal hold was not found'));
        await repo.liftHold(tx, actor.orgId, holdId, by(actor), clock.now());
        await audit.record(tx, actor, actor.orgId, { action: 'legal_hold.lifted', entityType: 'case', entityId: hold.caseId, detail: { holdId } });
      });
    },

    /** Asks for a run in this service now (the worker does it; nightly runs continue as before). */
    async runNow(actor: OrgActor) {
      authorise(actor, 'retention.manage');
      return inOrg(db, actor.orgId, async (tx) => {
        const jobId = await enqueue(tx, retentionJob, { orgId: actor.orgId }, { orgId: actor.orgId });
        await audit.record(tx, actor, actor.orgId, { action: 'retention.run_requested', entityType: 'organisation', entityId: actor.orgId });
        return { jobId };
      });
    },

    async destructionLog(actor: OrgActor) {
      authorise(actor, 'retention.manage');
      return inOrg(db, actor.orgId, async (tx) => {
        const rows = await repo.listDestructions(tx, actor.orgId);
        await audit.record(tx, actor, actor.orgId, { action: 'destruction_log.viewed', entityType: 'organisation', entityId: actor.orgId });
        return rows;
      });
    },
  };
}
