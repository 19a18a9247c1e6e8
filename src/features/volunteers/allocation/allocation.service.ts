// Batch allocation: the backlog of cases nobody is on, pairs proposed for all of them at once (allocateBatch,
// under the same rules and capacities as one case), and confirming the chosen proposals. Nothing is kept between
// proposing and confirming: the proposal travels in the request, and each pair is checked again when confirmed.
import type { Db } from '#src/db/client.ts';
import { inOrg } from '#src/db/tenant.ts';
import type { Clock } from '#src/lib/clock.ts';
import type { Audit } from '#src/features/audit/audit.service.ts';
import type { OrgActor } from '#src/access/actor.ts';
import { authorise } from '#src/access/permissions.ts';
import { ACTIVE_STATUSES, type CaseStatus } from '#src/domain/case-words.ts';
import { listCaseTypes } from '#src/features/orgs/org-records.ts';
import { findCase } from '#src/features/cases/case-reads.ts';
import { activeAssignmentsForCase, lockCaseForAssignment, unassignedBacklog } from '../assignments/assignments.repo.ts';
import type { ConfirmAllocations } from '../assignments/assignments.schemas.ts';
import { pairingInputs } from '../assignments/assignments.service.ts';
import { allocateBatch } from './batch-allocation.ts';
import { loadPairingCase, loadPairingCases } from '../pairing/pairing-inputs.repo.ts';
import { checkPair } from '../pairing/pairing.ts';
import type { AssignmentOut } from '../assignments/assignments.schemas.ts';
import { recordPair } from '../assignments/record-pair.ts';

export function createAllocationService(deps: { db: Db; clock: Clock; audit: Audit }) {
  const { db, audit } = deps;

  return {
    /** Active cases at intake or ready with nobody on them, urgent and oldest first, and the service's case types (for their names). */
    async backlog(actor: OrgActor) {
      authorise(actor, 'cases.assign');
      return inOrg(db, actor.orgId, async (tx) => ({ cases: await unassignedBacklog(tx, actor.orgId), types: await listCaseTypes(tx, actor.orgId) }));
    },

    /** Pairs for the whole backlog, maximising the total fit; the cases no pair could be found for, with why. Audited. */
    async propose(actor: OrgActor) {
      authorise(actor, 'cases.assign');
      return inOrg(db, actor.orgId, async (tx) => {
        const backlog = await unassignedBacklog(tx, actor.orgId);
        const { ctx, volunteers } = await pairingInputs(tx, deps, actor.orgId);
        const cases = await loadPairingCases(
          tx,
          actor.orgId,
          backlog.map((c) => c.id),
          ctx.policy,
        );
        const result = allocateBatch(cases, volunteers, ctx);
        const nameOf = new Map(volunteers.map((v) => [v.id, v.name]));
        const referenceOf = new Map(backlog.map((c) => [c.id, c.reference]));
        await audit.record(tx, actor, actor.orgId, {
          action: 'allocation.proposed',
          entityType: 'case',
          detail: { cases: backlog.length, proposals: result.proposals.length, totalScore: result.totalScore },
        });
        return {
          proposals: result.proposals.map((p) => ({
            caseId: p.caseId,
            reference: referenceOf.get(p.caseId) ?? '',
            mediatorIds: p.mediatorIds,
            names: p.mediatorIds.map((id) => nameOf.get(id) ?? id) as [string, string],
            score: p.score,
            reasons: p.reasons,
            supervised: p.supervised,
          })),
          unassigned: result.unassigned.map((u) => ({ caseId: u.caseId, reference: referenceOf.get(u.caseId) ?? '', reasons: u.reasons })),
        };
      });
    },

    /**
     * Assigns each chosen proposal that still passes the rules, in order, counting the capacity each one uses; a case
     * that has gone, ended, or been given mediators since, and a pair that no longer passes, is refused with why.
     */
    async confirm(actor: OrgActor, input: ConfirmAllocations) {
      authorise(actor, 'cases.assign');
      return inOrg(db, actor.orgId, async (tx) => {
        const { ctx, volunteers } = await pairingInputs(tx, deps, actor.orgId);
        const assigned: { caseId: string; reference: string; assignments: AssignmentOut[] }[] = [];
        const refused: { caseId: string; reference: string | null; reasons: string[] }[] = [];
        const seen = new Set<string>();
        for (const { caseId, mediatorIds } of input.assignments) {
          await lockCaseForAssignment(tx, actor.orgId, caseId);
          const row = await findCase(tx, actor.orgId, caseId);
          const refuse = (reasons: string[]) => refused.push({ caseId, reference: row?.reference ?? null, reasons });
          if (!row) {
            refuse(['no such case in this service']);
            continue;
          }
          if (seen.has(caseId)) {
            refuse(['this case is in the list twice: only its first pair was used']);
            continue;
          }
          seen.add(caseId);
          if (!ACTIVE_STATUSES.includes(row.status as CaseStatus)) {
            refuse([`the case is ${row.status.replace('_', ' ')}: only active cases are given mediators`]);
            continue;
          }
          if ((await activeAssignmentsForCase(tx, actor.orgId, caseId)).length) {
            refuse(['the case has been given mediators since the proposal was made']);
            continue;
          }
          const c = await loadPairingCase(tx, actor.orgId, caseId, ctx.policy);
          const chosen = mediatorIds.map((id) => volunteers.find((v) => v.id === id));
          const check = c ? checkPair(c, mediatorIds, volunteers, ctx) : { allowed: false, reasons: ['no such case'], supervised: false };
          if (!c || !check.allowed || !chosen[0] || !chosen[1]) {
            refuse(check.reasons.length ? check.reasons : ['choose two volunteers of this service who have not left']);
            continue;
          }
          const assignments = await recordPair(tx, deps, actor, { caseId, c, chosen: [chosen[0], chosen[1]], check, via: 'batch' });
          for (const v of chosen) v!.activeCases += 1;
          assigned.push({ caseId, reference: row.reference, assignments });
        }
        await audit.record(tx, actor, actor.orgId, {
          action: 'allocation.confirmed',
          entityType: 'case',
          detail: { assigned: assigned.map((a) => a.caseId), refused: refused.map((r) => r.caseId) },
        });
        return { assigned, refused };
      });
    },
  };
}
export type AllocationService = ReturnType<typeof createAllocationService>;
