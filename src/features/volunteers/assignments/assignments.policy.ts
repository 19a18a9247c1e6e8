// Pure: who may assign mediators, override the pairing rules and sign off a supervised case, with the reason
// in words when they may not.
import type { OrgActor } from '#src/access/actor.ts';
import { can } from '#src/access/permissions.ts';

export const canAssignMediators = (actor: OrgActor) => can(actor.role, 'cases.assign');

/** Assigning a pair that breaks a pairing rule, with a recorded justification: admins only. */
export const canOverridePairingRules = (actor: OrgActor) => actor.role === 'admin';

export type SignOffFacts = { supervised: boolean; signedOffAt: Date | null; supervisorUserId: string | null };
/** What the case has had: joint meetings, RJ conferences and shuttle sessions held. */
export type SignOffCase = { sessionsHeld: number };

/**
 * Why this person may not sign off this assignment as a supervised case, or null when they may: only the trainee's
 * supervisor, and only once the case has had its joint meeting or shuttle sessions (there is nothing to sign off before).
 */
export function signOffRefusal(actor: OrgActor, a: SignOffFacts, c: SignOffCase): string | null {
  if (!a.supervised) return 'This assignment is not a supervised case: only a trainee’s co-mediated case can be signed off';
  if (a.signedOffAt) return 'This supervised case has already been signed off';
  if (a.supervisorUserId === null) return 'The trainee has no supervisor recorded: record their supervisor, who then signs off the case';
  const isSupervisor = actor.type === 'user' && a.supervisorUserId === actor.id;
  if (!isSupervisor) return 'Only the trainee’s supervisor can sign off a supervised case';
  if (c.sessionsHeld === 0) return 'A supervised case can be signed off once it has had its joint meeting or shuttle sessions';
  return null;
}
