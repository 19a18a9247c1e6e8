// Pure: who may assign mediators, override the pairing rules and sign off a supervised case, with the reason
// in words when they may not.
import type { OrgActor } from '#src/features/auth/actor.ts';
import { can } from '#src/features/auth/permissions.ts';

export const canAssignMediators = (actor: OrgActor) => can(actor.role, 'cases.assign');

/** Assigning a pair that breaks a pairing rule, with a recorded justification: admins only. */
export const canOverridePairingRules = (actor: OrgActor) => actor.role === 'admin';

export type SignOffFacts = { supervised: boolean; signedOffAt: Date | null; supervisorUserId: string | null };

/** Why this person may not sign off this assignment as a supervised case, or null when they may. */
export function signOffRefusal(actor: OrgActor, a: SignOffFacts): string | null {
  if (!a.supervised) return 'This assignment is not a supervised case: only a trainee’s co-mediated case can be signed off';
  if (a.signedOffAt) return 'This supervised case has already been signed off';
  const isSupervisor = actor.type === 'user' && a.supervisorUserId !== null && a.supervisorUserId === actor.id;
  if (isSupervisor || actor.role === 'admin' || actor.role === 'coordinator') return null;
  return 'Only the trainee’s supervisor, an admin or a case coordinator can sign off a supervised case';
}
