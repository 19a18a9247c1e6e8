// Pure: who may see and record a volunteer's hours and expenses. A volunteer (signed in with the mediator role)
// works only with their own record; staff read with volunteers.view, record for someone with volunteers.manage,
// and decide claims with expenses.approve. A receipt is for the claimant and the people who decide claims.
import type { OrgActor } from '#src/access/actor.ts';
import { can } from '#src/access/permissions.ts';
import { DELETE_WINDOW_DAYS } from './hours/hours.schemas.ts';

export type WorkOwner = { userId: string | null };

/** The record is linked to this person's own sign-in. */
export const isOwnRecord = (actor: OrgActor, v: WorkOwner): boolean => actor.type === 'user' && v.userId !== null && v.userId === actor.id;

export const canReadWork = (actor: OrgActor, v: WorkOwner): boolean => isOwnRecord(actor, v) || can(actor.role, 'volunteers.view');

export const canRecordWorkFor = (actor: OrgActor, v: WorkOwner): boolean => isOwnRecord(actor, v) || can(actor.role, 'volunteers.manage');

export const canReadClaimsOf = (actor: OrgActor, v: WorkOwner): boolean => canReadWork(actor, v) || can(actor.role, 'expenses.approve');

export const canReadReceipt = (actor: OrgActor, claimant: WorkOwner): boolean => isOwnRecord(actor, claimant) || can(actor.role, 'expenses.approve');

const DAY_MS = 24 * 60 * 60 * 1000;

/** Volunteers delete their own entries within 30 days of logging them; coordinators and admins at any time. */
export function canDeleteHours(actor: OrgActor, v: WorkOwner, entry: { createdAt: Date }, now: Date): { allowed: boolean; reason?: string } {
  if (can(actor.role, 'volunteers.manage')) return { allowed: true };
  if (!isOwnRecord(actor, v)) return { allowed: false, reason: 'You can only delete your own hours' };
  if (now.getTime() - entry.createdAt.getTime() > DELETE_WINDOW_DAYS * DAY_MS)
    return { allowed: false, reason: `Entries can only be deleted within ${DELETE_WINDOW_DAYS} days of logging them; ask your coordinator` };
  return { allowed: true };
}
