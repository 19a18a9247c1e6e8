// The volunteer record behind a request: the signed-in volunteer's own (for /my pages), or one named by id and
// checked against a policy. Also the service's volunteer policy and the checks hours and claims share.
import type { Db } from '#src/db/client.ts';
import { AppError } from '#src/lib/app-error.ts';
import type { OrgActor } from '#src/access/actor.ts';
import { isRealDate } from '#src/http/page-form.ts';
import { findOrgById } from '#src/features/orgs/org-records.ts';
import { readVolunteerPolicy, type VolunteerPolicy } from '#src/features/settings/volunteer-policy.ts';
import { ensure, may, orRefuse, type RecordAction } from '#src/access/access.ts';
import { findVolunteerByUserId, getVolunteer, type VolunteerRow } from './volunteers.repo.ts';
import { casesEverAssigned } from '../assignments/my-cases.repo.ts';

export const NOT_LINKED_MESSAGE =
  'Your sign-in is not linked to a volunteer record yet. The volunteer coordinator links it: ask them to link your record, then come back to this page.';

/** The service's volunteer policy (from its settings). */
export async function volunteerPolicyOf(tx: Db, orgId: string): Promise<VolunteerPolicy> {
  return readVolunteerPolicy((await findOrgById(tx, orgId))?.settings);
}

/** The signed-in person's own volunteer record, or 403 NO_VOLUNTEER_RECORD with what to do. */
export async function requireMyVolunteer(tx: Db, actor: OrgActor): Promise<VolunteerRow> {
  const v = actor.type === 'user' ? await findVolunteerByUserId(tx, actor.orgId, actor.id) : undefined;
  if (!v) throw new AppError('FORBIDDEN', NOT_LINKED_MESSAGE, { reason: 'NO_VOLUNTEER_RECORD' });
  return v;
}

/**
 * The volunteer named by id, once access (src/access) allows this person the action on it: 404 when it is not in
 * this service, 403 with the reason otherwise. Reading the record is first checked by role, before the look-up.
 */
export async function volunteerFor(tx: Db, actor: OrgActor, volunteerId: string, action: RecordAction<'volunteer'>): Promise<VolunteerRow> {
  if (action === 'view') orRefuse(may(actor, 'volunteer', 'look_up'));
  await ensure(tx, actor, 'volunteer', action, volunteerId);
  return getVolunteer(tx, actor.orgId, volunteerId);
}

/** Why the case cannot be named (not one the volunteer is or was assigned to), or undefined when it can. */
export async function ownCaseProblem(tx: Db, orgId: string, volunteerId: string, caseId: string | undefined): Promise<string | undefined> {
  if (!caseId) return undefined;
  const mine = await casesEverAssigned(tx, orgId, volunteerId);
  return mine.some((c) => c.caseId === caseId) ? undefined : 'Choose one of the cases you are or were assigned to';
}

/** Why the date cannot be used (not real, or in the future), or undefined when it can. */
export function pastDateProblem(on: string, today: string): string | undefined {
  if (!isRealDate(on)) return 'Date must be a real date';
  if (on > today) return 'The date must be today or in the past';
  return undefined;
}

/** 422 with the problems by field, when there are any. */
export function throwIfProblems(fields: Record<string, string | undefined>, message = 'There is a problem with what was entered') {
  const found = Object.fromEntries(Object.entries(fields).filter((e): e is [string, string] => Boolean(e[1])));
  if (Object.keys(found).length) throw new AppError('UNPROCESSABLE', message, { reason: 'VALIDATION_FAILED', fields: found });
}
