// Who is on a case now, as the case record and its access rule read it: the mediators assigned (case_assignments,
// written by volunteers' assignments) with their sign-ins. Read-only; assigning and ending belong to volunteers.
import type { Db } from '#src/db/client.ts';
import { and, asc, eq, isNotNull, isNull, sql } from '#src/db/orm.ts';
import { caseAssignments, volunteers } from '#src/db/schema/volunteers.ts';

/** The cases where the volunteer linked to this sign-in is on the team now. */
export async function caseIdsForVolunteerUser(tx: Db, orgId: string, userId: string): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ caseId: caseAssignments.caseId })
    .from(caseAssignments)
    .innerJoin(volunteers, eq(volunteers.id, caseAssignments.volunteerId))
    .where(and(eq(caseAssignments.orgId, orgId), isNull(caseAssignments.endedAt), eq(volunteers.orgId, orgId), eq(volunteers.userId, userId)));
  return rows.map((r) => r.caseId);
}

/** The sign-ins of the volunteers on the case now: the team cases.policy.ts checks against. */
export async function teamUserIdsForCase(tx: Db, orgId: string, caseId: string): Promise<string[]> {
  const rows = await tx
    .select({ userId: volunteers.userId })
    .from(caseAssignments)
    .innerJoin(volunteers, eq(volunteers.id, caseAssignments.volunteerId))
    .where(and(eq(caseAssignments.orgId, orgId), eq(caseAssignments.caseId, caseId), isNull(caseAssignments.endedAt), isNotNull(volunteers.userId)));
  return rows.map((r) => r.userId!);
}

/** The mediators on the case now (lead first): names and roles only, for the case record. */
export async function caseTeam(tx: Db, orgId: string, caseId: string) {
  return tx
    .select({ name: volunteers.name, role: caseAssignments.role, supervised: caseAssignments.supervised, assignedAt: caseAssignments.assignedAt })
    .from(caseAssignments)
    .innerJoin(volunteers, eq(volunteers.id, caseAssignments.volunteerId))
    .where(and(eq(caseAssignments.orgId, orgId), eq(caseAssignments.caseId, caseId), isNull(caseAssignments.endedAt)))
    .orderBy(sql`CASE WHEN ${caseAssignments.role} = 'lead' THEN 0 ELSE 1 END`, asc(caseAssignments.assignedAt));
}
