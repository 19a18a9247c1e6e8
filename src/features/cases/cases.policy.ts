// Pure: who may do what with a case. Mediators see only cases they work on: the team is the sign-ins of the
// volunteers assigned to the case now (an ended assignment loses access). Safeguarding records are for
// safeguarding leads and admins.
import type { OrgActor, Role } from '#src/access/actor.ts';

export type CaseAccess = { coordinatorId: string | null; teamUserIds: string[] };

// A viewer reads every case (not its safeguarding records) and changes nothing: they are not among the writers.
const CASE_READERS: readonly Role[] = ['admin', 'coordinator', 'supervisor', 'safeguarding_lead', 'viewer'];
const CASE_WRITERS: readonly Role[] = ['admin', 'coordinator'];

export function canViewCase(actor: OrgActor, c: CaseAccess): boolean {
  if (CASE_READERS.includes(actor.role)) return true;
  return actor.type === 'user' && (c.coordinatorId === actor.id || c.teamUserIds.includes(actor.id));
}

/** Recording contacts, notes, intake and consents: the case team and coordinators. */
export function canWorkOnCase(actor: OrgActor, c: CaseAccess): boolean {
  if (CASE_WRITERS.includes(actor.role)) return true;
  return actor.role === 'mediator' && actor.type === 'user' && c.teamUserIds.includes(actor.id);
}

/** Moving a case through its lifecycle, accepting referrals, assigning: coordinators and admins. */
export const canManageCase = (actor: OrgActor) => CASE_WRITERS.includes(actor.role);
export const canSeeAllCases = (actor: OrgActor) => CASE_READERS.includes(actor.role);
export const canReadSafeguarding = (actor: OrgActor) => actor.role === 'safeguarding_lead' || actor.role === 'admin';
