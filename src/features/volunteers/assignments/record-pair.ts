// Putting a pair on a case, inside the caller's transaction: the current pair's assignments end (with the reason),
// the lead and co-mediator rows are written, and the change goes on the case timeline and the audit trail. Shared
// by assigning one case and confirming a batch, so both record the same way.
import type { Db } from '#src/db/client.ts';
import type { Clock } from '#src/lib/clock.ts';
import { newId } from '#src/lib/ids.ts';
import type { Audit } from '#src/features/audit/audit.service.ts';
import type { OrgActor } from '#src/access/actor.ts';
import { insertEvent } from '#src/features/cases/case-timeline.ts';
import { activeAssignmentsForCase, type AssignmentWithVolunteer, endActiveAssignments, insertAssignments } from './assignments.repo.ts';
import type { AssignmentOut } from './assignments.schemas.ts';
import type { PairingCase, PairingVolunteer } from '../pairing/pairing.types.ts';

export type PairCheck = { allowed: boolean; reasons: string[]; supervised: boolean };

const isLeadQualified = (c: PairingCase, v: PairingVolunteer) => v.status === 'accredited' && v.accreditedAreas.includes(c.area);

/** The lead is the one accredited for the case's area (the accredited one of a trainee pair); otherwise the first chosen. */
export function leadAndCo(c: PairingCase, [first, second]: [PairingVolunteer, PairingVolunteer]): [PairingVolunteer, PairingVolunteer] {
  return !isLeadQualified(c, first) && isLeadQualified(c, second) ? [second, first] : [first, second];
}

/** A trainee beside an accredited mediator: the case may count toward the trainee's supervised cases. */
const isSupervisedFor = (v: PairingVolunteer, partner: PairingVolunteer) => v.status === 'trainee' && partner.status === 'accredited';

const names = (rows: { name: string }[]) => rows.map((r) => r.name).join(' and ');

export function presentAssignment(a: AssignmentWithVolunteer): AssignmentOut {
  return {
    id: a.id,
    caseId: a.caseId,
    volunteerId: a.volunteerId,
    name: a.name,
    role: a.role === 'lead' ? 'lead' : 'co',
    supervised: a.supervised,
    assignedAt: a.assignedAt.toISOString(),
    assignedBy: a.assignedBy,
    overrideJustification: a.overrideJustification,
    signedOffAt: a.signedOffAt?.toISOString() ?? null,
    signedOffBy: a.signedOffBy,
    endedAt: a.endedAt?.toISOString() ?? null,
    endedReason: a.endedReason,
    active: a.endedAt === null,
  };
}

export type RecordPair = {
  caseId: string;
  c: PairingCase;
  chosen: [PairingVolunteer, PairingVolunteer];
  check: PairCheck;
  /** Set when an admin assigns a pair that breaks a rule. */
  overrideJustification?: string;
  /** Where the assignment came from, for the timeline ("from batch allocation"). */
  via?: 'batch';
};

export async function recordPair(tx: Db, deps: { clock: Clock; audit: Audit }, actor: OrgActor, r: RecordPair) {
  const now = deps.clock.now();
  const [lead, co] = leadAndCo(r.c, r.chosen);
  const before = await activeAssignmentsForCase(tx, actor.orgId, r.caseId);
  const replacing = before.length ? `Replaced by ${lead.name} and ${co.name}` : null;
  const ended = replacing ? await endActiveAssignments(tx, actor.orgId, r.caseId, now, replacing) : [];
  const override = !r.check.allowed;
  const by = actor.label ?? actor.id;
  await insertAssignments(
    tx,
    [
      [lead, co, 'lead'],
      [co, lead, 'co'],
    ].map(([v, partner, role]) => ({
      id: newId(),
      orgId: actor.orgId,
      caseId: r.caseId,
      volunteerId: (v as PairingVolunteer).id,
      role: role as string,
      supervised: isSupervisedFor(v as PairingVolunteer, partner as PairingVolunteer),
      overrideJustification: override ? (r.overrideJustification ?? null) : null,
      assignedAt: now,
      assignedBy: by,
    })),
  );
  const after = await activeAssignmentsForCase(tx, actor.orgId, r.caseId);
  const describe = (a: AssignmentWithVolunteer) => `${a.name} (${a.role === 'lead' ? 'lead' : 'co-mediator'}${a.supervised ? ', supervised case' : ''})`;
  const summary = `${before.length ? `Mediators changed from ${names(before)} to` : 'Mediators assigned:'} ${after.map(describe).join(' and ')}${r.via === 'batch' ? ' (batch allocation)' : ''}`;
  await insertEvent(tx, {
    orgId: actor.orgId,
    caseId: r.caseId,
    kind: 'assignment',
    at: now,
    actorId: actor.id,
    actorLabel: actor.label ?? null,
    summary,
    body: override
      ? `Assigned by an admin although the pair breaks the pairing rules: ${r.check.reasons.join('; ')}. Justification: ${r.overrideJustification}`
      : null,
    data: {
      volunteerIds: after.map((a) => a.volunteerId),
      endedAssignmentIds: ended.map((e) => e.id),
      override,
      brokenRules: override ? r.check.reasons : [],
      via: r.via ?? 'case',
    },
  });
  await deps.audit.record(tx, actor, actor.orgId, {
    action: override ? 'case.mediators_assigned_override' : 'case.mediators_assigned',
    entityType: 'case',
    entityId: r.caseId,
    detail: {
      volunteerIds: after.map((a) => a.volunteerId),
      ended: ended.map((e) => e.id),
      brokenRules: override ? r.check.reasons : [],
      via: r.via ?? 'case',
    },
  });
  return after.map(presentAssignment);
}
