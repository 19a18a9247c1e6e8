// Pure: who may see and change a volunteer record. Staff by their permissions; a mediator only their own
// record (the one linked to their sign-in), and of it only their availability may they change.
import { msg } from '#src/i18n/i18n.ts';
import type { OrgActor } from '#src/access/actor.ts';
import { authorise, can } from '#src/access/permissions.ts';
import { forbidden } from '#src/lib/app-error.ts';
import { isOwnRecord } from '../volunteer-work.policy.ts';

/** Reading the record: volunteers.view, or a mediator reading their own. */
export function assertCanSeeVolunteer(actor: OrgActor, v: { userId: string | null }): void {
  if (can(actor.role, 'volunteers.view')) return;
  if (can(actor.role, 'my.work')) {
    if (isOwnRecord(actor, v)) return;
    throw forbidden(msg('You can see only your own volunteer record, not other volunteers’ records.'), 'NOT_OWN_RECORD');
  }
  authorise(actor, 'volunteers.view');
}

/** Changing availability: volunteers.manage, or the volunteer themself. */
export function assertCanChangeAvailability(actor: OrgActor, v: { userId: string | null }): void {
  if (can(actor.role, 'volunteers.manage')) return;
  if (can(actor.role, 'my.work')) {
    if (isOwnRecord(actor, v)) return;
    throw forbidden(msg('You can change only your own availability, not other volunteers’.'), 'NOT_OWN_RECORD');
  }
  authorise(actor, 'volunteers.manage');
}

/** Whether the actor may change this volunteer's availability (for showing the form or not). */
export function mayChangeAvailability(actor: OrgActor, v: { userId: string | null }): boolean {
  return can(actor.role, 'volunteers.manage') || (can(actor.role, 'my.work') && isOwnRecord(actor, v));
}
