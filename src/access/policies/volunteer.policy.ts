// Pure: who may see and change a volunteer's record, their training, their hours and their expense claims. Staff
// by their role's permissions (a supervisor changes training only for the volunteers they supervise); a volunteer
// (signed in with the mediator role) only their own record, and of it only their availability, hours and claims.
import { msg } from '#src/i18n/i18n.ts';
import { can, type Permission, roleDecision } from '../permissions.ts';
import { ALLOW, type Decision, refuse } from '../decision.ts';
import { owns, type Subject, userIdOf } from '../subjects.ts';

export type VolunteerFacts = { name: string; userId: string | null; supervisorUserId: string | null };

export const VOLUNTEER_MISSING = msg('Volunteer was not found');

const may = (s: Subject, p: Permission) => can(s.role, p);

/** Staff with `staffMay`, or the volunteer themself; otherwise the refusal in words. */
function staffOrSelf(s: Subject, f: VolunteerFacts, staffMay: Permission[], notOwn: string): Decision {
  if (staffMay.some((p) => may(s, p)) || owns(s, f.userId)) return ALLOW;
  return refuse('NOT_OWN_RECORD', notOwn);
}

/** A volunteer's own record for the mediator role; anyone else by the permission (the role's refusal in words). */
function ownForMediators(s: Subject, f: VolunteerFacts, staffMay: Permission, notOwn: string): Decision {
  if (may(s, staffMay)) return ALLOW;
  if (may(s, 'my.work')) return owns(s, f.userId) ? ALLOW : refuse('NOT_OWN_RECORD', notOwn);
  return roleDecision(s.role, staffMay);
}

/** The supervisor named on the record. */
const supervises = (s: Subject, f: VolunteerFacts) => {
  const me = userIdOf(s);
  return me !== null && f.supervisorUserId !== null && f.supervisorUserId === me;
};

export const VOLUNTEER_RECORD_RULES = {
  /** The record, its training and DBS checks. */
  view: (s: Subject, f: VolunteerFacts) =>
    ownForMediators(s, f, 'volunteers.view', msg('You can see only your own volunteer record, not other volunteers’ records.')),
  change_availability: (s: Subject, f: VolunteerFacts) =>
    ownForMediators(s, f, 'volunteers.manage', msg('You can change only your own availability, not other volunteers’.')),
  read_hours: (s: Subject, f: VolunteerFacts) => staffOrSelf(s, f, ['volunteers.view'], msg('You can see only your own hours, not other volunteers’.')),
  log_hours: (s: Subject, f: VolunteerFacts) => staffOrSelf(s, f, ['volunteers.manage'], msg('You can log only your own hours, not other volunteers’.')),
  claim_expenses: (s: Subject, f: VolunteerFacts) => staffOrSelf(s, f, ['volunteers.manage'], msg('You can claim expenses only for yourself.')),
  read_claims: (s: Subject, f: VolunteerFacts) => staffOrSelf(s, f, ['volunteers.view', 'expenses.approve'], msg('You can see only your own expense claims.')),
  /** Coordinators and admins, and the trainee's own supervisor. */
  accredit: (s: Subject, f: VolunteerFacts): Decision =>
    may(s, 'volunteers.manage') || supervises(s, f)
      ? ALLOW
      : refuse('NOT_SUPERVISOR', msg('Only {name}’s supervisor, coordinators and admins can accredit them'), { name: f.name }),
  /** Recording or deleting training and accreditations: as accrediting, for people who record training. */
  change_training: (s: Subject, f: VolunteerFacts): Decision =>
    may(s, 'training.record') && (may(s, 'volunteers.manage') || supervises(s, f))
      ? ALLOW
      : refuse('NOT_SUPERVISOR', msg('Only {name}’s supervisor, coordinators and admins can change their training and accreditations'), { name: f.name }),
} as const;

export const VOLUNTEER_GENERAL_RULES = {
  /** Before looking a volunteer up by id: staff who see volunteers, or a volunteer (who may then see only their own). */
  look_up: (s: Subject): Decision => (may(s, 'volunteers.view') || may(s, 'my.work') ? ALLOW : roleDecision(s.role, 'volunteers.view')),
} as const;
