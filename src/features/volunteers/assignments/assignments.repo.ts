// The only file that queries case_assignments (with the volunteer's name and sign-in beside each row). A pair is
// two active rows (endedAt null); ending an assignment keeps the row, so the case keeps its history.
import type { Db } from '#src/db/client.ts';
import { and, asc, desc, eq, inArray, isNotNull, isNull, sql } from '#src/db/orm.ts';
import { cases } from '#src/db/schema/cases.ts';
import { caseAssignments, volunteers } from '#src/db/schema/volunteers.ts';

export type AssignmentRow = typeof caseAssignments.$inferSelect;
export type NewAssignment = typeof caseAssignments.$inferInsert;

const withVolunteer = {
  id: caseAssignments.id,
  caseId: caseAssignments.caseId,
  volunteerId: caseAssignments.volunteerId,
  role: caseAssignments.role,
  supervised: caseAssignments.supervised,
  signedOffAt: caseAssignments.signedOffAt,
  signedOffBy: caseAssignments.signedOffBy,
  signOffNotes: caseAssignments.signOffNotes,
  overrideJustification: caseAssignments.overrideJustification,
  assignedAt: caseAssignments.assignedAt,
  assignedBy: caseAssignments.assignedBy,
  endedAt: caseAssignments.endedAt,
  endedReason: caseAssignments.endedReason,
  name: volunteers.name,
  userId: volunteers.userId,
  status: volunteers.status,
  supervisorUserId: volunteers.supervisorUserId,
};

const leadFirst = sql`CASE WHEN ${caseAssignments.role} = 'lead' THEN 0 ELSE 1 END`;

/** The volunteers on the case now (lead first), with their names and sign-ins. */
export async function activeAssignmentsForCase(tx: Db, orgId: string, caseId: string) {
  return tx
    .select(withVolunteer)
    .from(caseAssignments)
    .innerJoin(volunteers, eq(volunteers.id, caseAssignments.volunteerId))
    .where(and(eq(caseAssignments.orgId, orgId), eq(caseAssignments.caseId, caseId), isNull(caseAssignments.endedAt)))
    .orderBy(leadFirst, asc(caseAssignments.assignedAt));
}

export type AssignmentWithVolunteer = Awaited<ReturnType<typeof activeAssignmentsForCase>>[number];

/** Every assignment the case has had, newest first, ended ones included. */
export async function assignmentHistoryForCase(tx: Db, orgId: string, caseId: string) {
  return tx
    .select(withVolunteer)
    .from(caseAssignments)
    .innerJoin(volunteers, eq(volunteers.id, caseAssignments.volunteerId))
    .where(and(eq(caseAssignments.orgId, orgId), eq(caseAssignments.caseId, caseId)))
    .orderBy(desc(caseAssignments.assignedAt), leadFirst);
}

export async function findAssignment(tx: Db, orgId: string, assignmentId: string) {
  const rows = await tx
    .select(withVolunteer)
    .from(caseAssignments)
    .innerJoin(volunteers, eq(volunteers.id, caseAssignments.volunteerId))
    .where(and(eq(caseAssignments.orgId, orgId), eq(caseAssignments.id, assignmentId)));
  return rows[0];
}

export async function insertAssignments(tx: Db, rows: NewAssignment[]) {
  if (rows.length) await tx.insert(caseAssignments).values(rows);
}

/** Ends the case's active assignments; returns the ones ended. */
export async function endActiveAssignments(tx: Db, orgId: string, caseId: string, at: Date, reason: string) {
  return tx
    .update(caseAssignments)
    .set({ endedAt: at, endedReason: reason })
    .where(and(eq(caseAssignments.orgId, orgId), eq(caseAssignments.caseId, caseId), isNull(caseAssignments.endedAt)))
    .returning({ id: caseAssignments.id, volunteerId: caseAssignments.volunteerId });
}

/** Records the supervisor's sign-off once: undefined when it was already signed off. */
export async function signOffAssignment(tx: Db, orgId: string, assignmentId: string, values: { at: Date; by: string; notes: string | null }) {
  const rows = await tx
    .update(caseAssignments)
    .set({ signedOffAt: values.at, signedOffBy: values.by, signOffNotes: values.notes })
    .where(and(eq(caseAssignments.orgId, orgId), eq(caseAssignments.id, assignmentId), isNull(caseAssignments.signedOffAt)))
    .returning({ id: caseAssignments.id });
  return rows[0];
}

/** Holds the case row until the transaction ends, so two people assigning at once cannot both succeed. */
export async function lockCaseForAssignment(tx: Db, orgId: string, caseId: string) {
  await tx.execute(sql`SELECT ${cases.id} FROM ${cases} WHERE ${cases.orgId} = ${orgId} AND ${cases.id} = ${caseId} FOR UPDATE`);
}

/** Active cases at intake or ready with nobody on them, oldest first: the batch allocation's backlog. */
export async function unassignedBacklog(tx: Db, orgId: string, limit = 500) {
  return tx
    .select({ id: cases.id, reference: cases.reference, caseType: cases.caseType, status: cases.status, openedAt: cases.openedAt, urgent: cases.urgent })
    .from(cases)
    .where(
      and(
        eq(cases.orgId, orgId),
        inArray(cases.status, ['intake', 'ready']),
        sql`NOT EXISTS (SELECT 1 FROM ${caseAssignments} a WHERE a.case_id = ${cases.id} AND a.org_id = ${orgId} AND a.ended_at IS NULL)`,
      ),
    )
    .orderBy(desc(cases.urgent), asc(cases.openedAt))
    .limit(limit);
}

/** Supervised cases signed off per volunteer: every volunteer's, or only these volunteers'. */
export async function signedOffSupervisedCounts(tx: Db, orgId: string, volunteerIds?: readonly string[]): Promise<Map<string, number>> {
  const conditions = [eq(caseAssignments.orgId, orgId), eq(caseAssignments.supervised, true), isNotNull(caseAssignments.signedOffAt)];
  if (volunteerIds) conditions.push(inArray(caseAssignments.volunteerId, [...volunteerIds]));
  const rows = await tx
    .select({ volunteerId: caseAssignments.volunteerId, n: sql<number>`count(DISTINCT ${caseAssignments.caseId})::int` })
    .from(caseAssignments)
    .where(and(...conditions))
    .groupBy(caseAssignments.volunteerId);
  return new Map(rows.map((r) => [r.volunteerId, Number(r.n)]));
}

/** One trainee's supervised cases signed off by their supervisor. */
export async function countSignedOffSupervisedCases(tx: Db, orgId: string, volunteerId: string): Promise<number> {
  return (await signedOffSupervisedCounts(tx, orgId, [volunteerId])).get(volunteerId) ?? 0;
}

/** Supervised cases not yet signed off whose trainee this staff member supervises, with the case's reference. */
export async function unsignedSupervisedCasesOf(tx: Db, orgId: string, supervisorUserId: string) {
  return tx
    .select({ ...withVolunteer, reference: cases.reference })
    .from(caseAssignments)
    .innerJoin(volunteers, and(eq(volunteers.orgId, caseAssignments.orgId), eq(volunteers.id, caseAssignments.volunteerId)))
    .innerJoin(cases, and(eq(cases.orgId, caseAssignments.orgId), eq(cases.id, caseAssignments.caseId)))
    .where(
      and(
        eq(caseAssignments.orgId, orgId),
        eq(caseAssignments.supervised, true),
        isNull(caseAssignments.signedOffAt),
        eq(volunteers.supervisorUserId, supervisorUserId),
      ),
    )
    .orderBy(asc(caseAssignments.assignedAt))
    .limit(200);
}

/** The mediators on these cases now, with their addresses, for the reminders sent to a case's team (SEND clocks). */
export async function activeMediatorContacts(tx: Db, orgId: string, caseIds: string[]) {
  if (!caseIds.length) return [];
  return tx
    .select({
      caseId: caseAssignments.caseId,
      volunteerId: caseAssignments.volunteerId,
      name: volunteers.name,
      email: volunteers.email,
      language: volunteers.preferredLanguage,
    })
    .from(caseAssignments)
    .innerJoin(volunteers, eq(volunteers.id, caseAssignments.volunteerId))
    .where(and(eq(caseAssignments.orgId, orgId), inArray(caseAssignments.caseId, caseIds), isNull(caseAssignments.endedAt)))
    .orderBy(leadFirst, asc(caseAssignments.assignedAt));
}
