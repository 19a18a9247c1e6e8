// Pure: who may accredit a trainee, and whether the trainee is ready — with the reasons in words. (Who may read a
// volunteer's training and DBS record is volunteer-access.ts's assertCanSeeVolunteer, as for the rest of the record.)
import type { OrgActor } from '#src/access/actor.ts';
import { can } from '#src/access/permissions.ts';
import { VOLUNTEER_STATUS_LABELS, type VolunteerStatus } from '../volunteer-words.ts';

type VolunteerAccess = { supervisorUserId: string | null };

/** Coordinators and admins, and the trainee's own supervisor. */
export function canAccredit(actor: OrgActor, v: VolunteerAccess): boolean {
  if (can(actor.role, 'volunteers.manage')) return true;
  return actor.type === 'user' && v.supervisorUserId !== null && v.supervisorUserId === actor.id;
}

/**
 * Who may record or delete training and add or revoke accreditations: coordinators and admins for anyone; a
 * supervisor only for the volunteers they supervise (the volunteer record's supervisor), as with accrediting.
 */
export function canChangeTraining(actor: OrgActor, v: VolunteerAccess): boolean {
  return can(actor.role, 'training.record') && canAccredit(actor, v);
}

export type AccreditDecision = { allowed: boolean; reasons: string[]; progress: string };

/** A trainee may be accredited once the required supervised cases are signed off by their supervisor. */
export function accreditGate(v: { name: string; status: string }, signedOff: number, required: number): AccreditDecision {
  const progress = `${signedOff} of ${required} supervised ${required === 1 ? 'case' : 'cases'} signed off`;
  const reasons: string[] = [];
  if (v.status === 'accredited') reasons.push(`${v.name} is already accredited`);
  else if (v.status !== 'trainee') {
    const label = VOLUNTEER_STATUS_LABELS[v.status as VolunteerStatus] ?? v.status;
    reasons.push(`Only trainees can be accredited this way: ${v.name} is ${label.toLowerCase()}`);
  }
  if (signedOff < required) reasons.push(progress);
  return { allowed: reasons.length === 0, reasons, progress };
}
