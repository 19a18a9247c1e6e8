// Read-only: the cases one volunteer works on or has worked on (case_assignments joined to cases), with the
// co-mediator(s) who were on the case at the same time. Hours and expenses may only name these cases.
import type { Db } from '#src/db/client.ts';
import { and, asc, desc, eq, inArray, isNull, not, sql } from '#src/db/orm.ts';
import { cases } from '#src/db/schema/cases.ts';
import { caseAssignments } from '#src/db/schema/volunteers.ts';
import { ENDED_STATUSES } from '#src/domain/case-words.ts';

/** Every assignment of the volunteer, active first then newest, with the case and the co-mediators' names. */
export async function assignmentsOfVolunteer(tx: Db, orgId: string, volunteerId: string) {
  // Another volunteer on the same case whose time on it overlapped this assignment's.
  const coMediators = sql<string[]>`coalesce((
      SELECT array_agg(DISTINCT v.name ORDER BY v.name)
      FROM case_assignments other JOIN volunteers v ON v.id = other.volunteer_id AND v.org_id = other.org_id
      WHERE other.org_id = ${orgId} AND other.case_id = ${caseAssignments.caseId} AND other.volunteer_id <> ${caseAssignments.volunteerId}
        AND other.assigned_at < coalesce(${caseAssignments.endedAt}, 'infinity'::timestamptz)
        AND coalesce(other.ended_at, 'infinity'::timestamptz) > ${caseAssignments.assignedAt}
    ), ARRAY[]::text[])`;
  return tx
    .select({
      assignmentId: caseAssignments.id,
      caseId: cases.id,
      reference: cases.reference,
      caseType: cases.caseType,
      caseStatus: cases.status,
      caseClosedAt: cases.closedAt,
      role: caseAssignments.role,
      supervised: caseAssignments.supervised,
      signedOffAt: caseAssignments.signedOffAt,
      assignedAt: caseAssignments.assignedAt,
      endedAt: caseAssignments.endedAt,
      coMediators,
    })
    .from(caseAssignments)
    .innerJoin(cases, and(eq(cases.id, caseAssignments.caseId), eq(cases.orgId, orgId)))
    .where(and(eq(caseAssignments.orgId, orgId), eq(caseAssignments.volunteerId, volunteerId)))
    .orderBy(sql`${caseAssignments.endedAt} IS NOT NULL`, desc(caseAssignments.assignedAt));
}
export type MyAssignmentRow = Awaited<ReturnType<typeof assignmentsOfVolunteer>>[number];

/** The cases the volunteer is or was assigned to: the ones their hours and expenses may name. */
export async function casesEverAssigned(tx: Db, orgId: string, volunteerId: string) {
  return tx
    .selectDistinct({ caseId: cases.id, reference: cases.reference, caseType: cases.caseType })
    .from(caseAssignments)
    .innerJoin(cases, and(eq(cases.id, caseAssignments.caseId), eq(cases.orgId, orgId)))
    .where(and(eq(caseAssignments.orgId, orgId), eq(caseAssignments.volunteerId, volunteerId)))
    .orderBy(asc(cases.reference));
}

/** How many cases the volunteer is on now, not counting cases that have ended (closed, withdrawn, unsuitable). */
export async function countActiveCases(tx: Db, orgId: string, volunteerId: string): Promise<number> {
  const rows = await tx
    .select({ n: sql<number>`count(DISTINCT ${caseAssignments.caseId})::int`.mapWith(Number) })
    .from(caseAssignments)
    .innerJoin(cases, and(eq(cases.id, caseAssignments.caseId), eq(cases.orgId, orgId)))
    .where(
      and(
        eq(caseAssignments.orgId, orgId),
        eq(caseAssignments.volunteerId, volunteerId),
        isNull(caseAssignments.endedAt),
        not(inArray(cases.status, [...ENDED_STATUSES])),
      ),
    );
  return rows[0]?.n ?? 0;
}
