// The only file that queries the volunteers table. Every query is scoped by the service (orgId).
import { msg } from '#src/i18n/i18n.ts';
import type { Db } from '#src/db/client.ts';
import { prepared, preparedShapes } from '#src/db/prepared.ts';
import { anyPart } from '#src/db/read-in-one.ts';
import { and, asc, eq, sql } from '#src/db/orm.ts';
import { volunteerApplications } from '#src/db/schema/referrals.ts';
import { caseAssignments, volunteers } from '#src/db/schema/volunteers.ts';
import { AppError } from '#src/lib/app-error.ts';
import { isUuid } from '#src/lib/ids.ts';

export type VolunteerRow = typeof volunteers.$inferSelect;
export type NewVolunteer = typeof volunteers.$inferInsert;

export async function insertVolunteer(tx: Db, row: NewVolunteer) {
  await tx.insert(volunteers).values(row);
}

export async function findVolunteer(tx: Db, orgId: string, volunteerId: string): Promise<VolunteerRow | undefined> {
  const rows = await tx
    .select()
    .from(volunteers)
    .where(and(eq(volunteers.orgId, orgId), eq(volunteers.id, volunteerId)));
  return rows[0];
}

/** The volunteer record, or NOT_FOUND. */
export async function getVolunteer(tx: Db, orgId: string, volunteerId: string): Promise<VolunteerRow> {
  const row = isUuid(volunteerId) ? await findVolunteer(tx, orgId, volunteerId) : undefined;
  if (!row) throw new AppError('NOT_FOUND', msg('Volunteer was not found'));
  return row;
}

/** The volunteer record linked to a user's sign-in in this service, if any. */
export async function findVolunteerByUserId(tx: Db, orgId: string, userId: string): Promise<VolunteerRow | undefined> {
  const rows = await tx
    .select()
    .from(volunteers)
    .where(and(eq(volunteers.orgId, orgId), eq(volunteers.userId, userId)));
  return rows[0];
}

/** Volunteers in this service with this email (case-insensitive) and no sign-in linked yet. */
export async function findUnlinkedVolunteersByEmail(tx: Db, orgId: string, email: string) {
  return tx
    .select({ id: volunteers.id, name: volunteers.name })
    .from(volunteers)
    .where(and(eq(volunteers.orgId, orgId), sql`lower(${volunteers.email}) = ${email.trim().toLowerCase()}`, sql`${volunteers.userId} IS NULL`));
}

export async function updateVolunteer(tx: Db, orgId: string, volunteerId: string, values: Partial<NewVolunteer>) {
  await tx
    .update(volunteers)
    .set(values)
    .where(and(eq(volunteers.orgId, orgId), eq(volunteers.id, volunteerId)));
}

export type VolunteerListFilter = { status?: string; nameContains?: string };

/** The list page's rows, with each volunteer's count of active case assignments. */
/** Whether the service has any volunteer on record (the getting-started checklist). */
const anyVolunteerWith = (db: Db) =>
  db
    .select({ id: volunteers.id })
    .from(volunteers)
    .where(eq(volunteers.orgId, sql.placeholder('orgId')))
    .limit(1);
const anyVolunteer = prepared('volunteers_any', anyVolunteerWith);

/** Whether the service has any volunteer (placeholder orgId), read with other parts in one statement (db/read-in-one.ts). */
export const anyVolunteerPart = anyPart(anyVolunteerWith);

export async function hasVolunteer(tx: Db, orgId: string): Promise<boolean> {
  const rows = await anyVolunteer(tx, { orgId });
  return rows.length > 0;
}

/** The service's volunteers by name, with their status only (the calendar's choice of volunteer). */
export async function listVolunteerNames(tx: Db, orgId: string, limit = 500) {
  return tx
    .select({ id: volunteers.id, name: volunteers.name, status: volunteers.status })
    .from(volunteers)
    .where(eq(volunteers.orgId, orgId))
    .orderBy(asc(volunteers.name))
    .limit(limit);
}

type VolunteerListShape = { status: boolean; name: boolean };

/** Built once for each combination of filters (db/prepared.ts). */
const volunteerList = preparedShapes('volunteer_list', (db, shape: VolunteerListShape) => {
  const orgId = sql.placeholder('orgId');
  const active = db
    .select({ volunteerId: caseAssignments.volunteerId, count: sql<number>`count(*)::int`.as('count') })
    .from(caseAssignments)
    .where(and(eq(caseAssignments.orgId, orgId), sql`${caseAssignments.endedAt} IS NULL`))
    .groupBy(caseAssignments.volunteerId)
    .as('active');
  return db
    .select({
      id: volunteers.id,
      name: volunteers.name,
      email: volunteers.email,
      status: volunteers.status,
      postcode: volunteers.postcode,
      languages: volunteers.languages,
      userId: volunteers.userId,
      maxActiveCases: volunteers.maxActiveCases,
      activeCases: sql<number>`coalesce(${active.count}, 0)`.mapWith(Number),
    })
    .from(volunteers)
    .leftJoin(active, eq(active.volunteerId, volunteers.id))
    .where(
      and(
        eq(volunteers.orgId, orgId),
        shape.status ? eq(volunteers.status, sql.placeholder('status')) : undefined,
        shape.name ? sql`strpos(lower(${volunteers.name}), ${sql.placeholder('name')}) > 0` : undefined,
      ),
    )
    .orderBy(asc(volunteers.name))
    .limit(sql.placeholder('limit'));
});

export async function listVolunteers(tx: Db, orgId: string, filter: VolunteerListFilter = {}, limit = 500) {
  return volunteerList(
    tx,
    { status: Boolean(filter.status), name: Boolean(filter.nameContains) },
    { orgId, status: filter.status, name: filter.nameContains?.toLowerCase(), limit },
  );
}

/** How many cases the volunteer is on now. */
export async function countActiveAssignments(tx: Db, orgId: string, volunteerId: string): Promise<number> {
  const rows = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(caseAssignments)
    .where(and(eq(caseAssignments.orgId, orgId), eq(caseAssignments.volunteerId, volunteerId), sql`${caseAssignments.endedAt} IS NULL`));
  return Number(rows[0]?.count ?? 0);
}

/**
 * Links the sign-in of someone who has just accepted an invitation to the volunteer record with their email,
 * when there is exactly one such record without a sign-in and the person is not linked to another already.
 */
export async function linkVolunteerByEmail(tx: Db, orgId: string, email: string, userId: string): Promise<string | undefined> {
  if (await findVolunteerByUserId(tx, orgId, userId)) return undefined;
  const matches = await findUnlinkedVolunteersByEmail(tx, orgId, email);
  if (matches.length !== 1) return undefined;
  await updateVolunteer(tx, orgId, matches[0]!.id, { userId });
  return matches[0]!.id;
}

// Volunteer applications (from the public form) are read and marked here when one becomes a volunteer record.
export async function findVolunteerApplication(tx: Db, orgId: string, applicationId: string) {
  const rows = await tx
    .select()
    .from(volunteerApplications)
    .where(and(eq(volunteerApplications.orgId, orgId), eq(volunteerApplications.id, applicationId)));
  return rows[0];
}

export async function markVolunteerApplication(tx: Db, orgId: string, applicationId: string, status: string) {
  await tx
    .update(volunteerApplications)
    .set({ status })
    .where(and(eq(volunteerApplications.orgId, orgId), eq(volunteerApplications.id, applicationId)));
}

/** The volunteers a staff member supervises. */
export async function volunteerIdsSupervisedBy(tx: Db, orgId: string, supervisorUserId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: volunteers.id })
    .from(volunteers)
    .where(and(eq(volunteers.orgId, orgId), eq(volunteers.supervisorUserId, supervisorUserId)));
  return rows.map((r) => r.id);
}
