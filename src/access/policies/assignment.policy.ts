// Pure: who may assign mediators, override the pairing rules and sign off a supervised case, with the reason in
// words when they may not. Signing off is for the trainee's supervisor, once the case has had its joint meeting or
// shuttle sessions (there is nothing to sign off before); the refusals that are about the case's state are conflicts.
import { msg } from '#src/i18n/i18n.ts';
import { roleDecision } from '../permissions.ts';
import { ALLOW, type Decision, refuse } from '../decision.ts';
import { type Subject, userIdOf } from '../subjects.ts';

export type SignOffFacts = { supervised: boolean; signedOffAt: Date | null; supervisorUserId: string | null; sessionsHeld: number };

export const ASSIGNMENT_GENERAL_RULES = {
  assign: (s: Subject): Decision => roleDecision(s.role, 'cases.assign'),
  /** Assigning a pair that breaks a pairing rule, with a recorded justification: admins only. */
  override_pairing: (s: Subject): Decision =>
    s.role === 'admin' ? ALLOW : refuse('OVERRIDE_NOT_ALLOWED', msg('Only an admin can assign a pair that breaks the pairing rules')),
} as const;

export const ASSIGNMENT_RECORD_RULES = {
  sign_off(s: Subject, a: SignOffFacts): Decision {
    if (!a.supervised)
      return {
        ...refuse('NOT_SUPERVISED', msg('This assignment is not a supervised case: only a trainee’s co-mediated case can be signed off')),
        conflict: true,
      };
    if (a.signedOffAt) return { ...refuse('ALREADY_SIGNED_OFF', msg('This supervised case has already been signed off')), conflict: true };
    if (a.supervisorUserId === null)
      return refuse('NOT_SUPERVISOR', msg('The trainee has no supervisor recorded: record their supervisor, who then signs off the case'));
    if (userIdOf(s) !== a.supervisorUserId) return refuse('NOT_SUPERVISOR', msg('Only the trainee’s supervisor can sign off a supervised case'));
    if (a.sessionsHeld === 0)
      return {
        ...refuse('NO_SESSIONS_HELD', msg('A supervised case can be signed off once it has had its joint meeting or shuttle sessions')),
        conflict: true,
        asField: true,
      };
    return ALLOW;
  },
} as const;
