// The breach log: every breach recorded with when the service became aware (the ICO's 72 hours run from then),
// the risk, whether and when it was reported to the ICO and the people told. Admins and coordinators; audited.
import type { OrgActor } from '#src/access/actor.ts';
import { authorise } from '#src/access/permissions.ts';
import { inOrg } from '#src/db/tenant.ts';
import { msg } from '#src/i18n/i18n.ts';
import { invalid, notFound } from '#src/lib/app-error.ts';
import type { Db } from '#src/db/client.ts';
import type { Clock } from '#src/lib/clock.ts';
import type { Audit } from '#src/features/audit/audit.service.ts';
import { type BreachRisk, breachStanding } from './breach-rules.ts';
import { type BreachChanges, type BreachRow, findBreach, insertBreach, listBreaches, updateBreach } from './breaches.repo.ts';
import type { BreachUpdate, NewBreach } from './breaches.schemas.ts';

export type BreachService = ReturnType<typeof createBreachService>;

export function createBreachService({ db, clock, audit }: { db: Db; clock: Clock; audit: Audit }) {
  const withStanding = (b: BreachRow) => ({ ...b, standing: breachStanding({ ...b, risk: b.risk as BreachRisk }, clock.now()) });
  const notInFuture = (d: Date | undefined) => d !== undefined && d.getTime() > clock.now().getTime() + 60_000;

  return {
    async list(actor: OrgActor) {
      authorise(actor, 'dataprotection.view');
      return inOrg(db, actor.orgId, async (tx) => {
        const rows = await listBreaches(tx, actor.orgId);
        await audit.record(tx, actor, actor.orgId, { action: 'breaches.viewed', entityType: 'organisation', entityId: actor.orgId });
        return rows.map(withStanding);
      });
    },

    async get(actor: OrgActor, id: string) {
      authorise(actor, 'dataprotection.view');
      return inOrg(db, actor.orgId, async (tx) => {
        const row = await findBreach(tx, actor.orgId, id);
        if (!row) throw notFound(msg('That breach was not found'));
        await audit.record(tx, actor, actor.orgId, { action: 'breach.viewed', entityType: 'breach', entityId: id });
        return withStanding(row);
      });
    },

    async record(actor: OrgActor, input: NewBreach) {
      authorise(actor, 'dataprotection.view');
      if (notInFuture(input.awareAt)) throw invalid({ awareAt: msg('When the service became aware must not be in the future') });
      if (input.occurredAt && input.occurredAt.getTime() > input.awareAt.getTime())
        throw invalid({ occurredAt: msg('When it happened must be before the service became aware of it') });
      return inOrg(db, actor.orgId, async (tx) => {
        const now = clock.now();
        const made = await insertBreach(tx, {
          orgId: actor.orgId,
          summary: input.summary,
          awareAt: input.awareAt,
          occurredAt: input.occurredAt ?? null,
          risk: input.risk,
          peopleAffected: input.peopleAffected ?? null,
          actionsTaken: input.actionsTaken || null,
          recordedBy: actor.label ?? actor.id,
          createdAt: now,
          updatedAt: now,
        });
        await audit.record(tx, actor, actor.orgId, { action: 'breach.recorded', entityType: 'breach', entityId: made.id, detail: { risk: input.risk } });
        return made;
      });
    },

    async update(actor: OrgActor, id: string, input: BreachUpdate) {
      authorise(actor, 'dataprotection.view');
      return inOrg(db, actor.orgId, async (tx) => {
        const row = await findBreach(tx, actor.orgId, id);
        if (!row) throw notFound(msg('That breach was not found'));
        if (notInFuture(input.reportedToIcoAt)) throw invalid({ reportedToIcoAt: msg('The report to the ICO must not be in the future') });
        if (input.reportedToIcoAt && input.reportedToIcoAt.getTime() < row.awareAt.getTime())
          throw invalid({ reportedToIcoAt: msg('The report to the ICO must be after the service became aware of the breach') });
        if (notInFuture(input.peopleToldAt)) throw invalid({ peopleToldAt: msg('When the people were told must not be in the future') });
        const changes: BreachChanges = { updatedAt: clock.now() };
        if (input.risk) changes.risk = input.risk;
        if (input.reportedToIcoAt) changes.reportedToIcoAt = input.reportedToIcoAt;
        if (input.icoReference !== undefined) changes.icoReference = input.icoReference || null;
        if (input.notReportedReason !== undefined) changes.notReportedReason = input.notReportedReason || null;
        if (input.peopleToldAt) changes.peopleToldAt = input.peopleToldAt;
        if (input.actionsTaken !== undefined) changes.actionsTaken = input.actionsTaken || null;
        if (input.closed !== undefined) changes.closedAt = input.closed ? (row.closedAt ?? clock.now()) : null;
        await updateBreach(tx, actor.orgId, id, changes);
        await audit.record(tx, actor, actor.orgId, {
          action: 'breach.updated',
          entityType: 'breach',
          entityId: id,
          detail: { changed: Object.keys(changes).filter((k) => k !== 'updatedAt') },
        });
        return withStanding({ ...row, ...changes } as BreachRow);
      });
    },
  };
}
