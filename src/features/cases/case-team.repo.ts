// Who is on a case now, as the case record shows it: the mediators assigned (case_assignments, written by volunteers'
// assignments). Read-only; assigning and ending belong to volunteers. (Who may see the case is src/access's.)
import type { Db } from '#src/db/client.ts';
import { and, asc, eq, isNull, sql } from '#src/db/orm.ts';
import { caseAssignments, volunteers } from '#src/db/schema/volunteers.ts';

/** The mediators on the case now (lead first): names and roles only, for the case record. */
export async function caseTeam(tx: Db, orgId: string, caseId: string) {
  return tx
    .select({ name: volunteers.name, role: caseAssignments.role, supervised: caseAssignments.supervised, assignedAt: caseAssignments.assignedAt })
    .from(caseAssignments)
    .innerJoin(volunteers, eq(volunteers.id, caseAssignments.volunteerId))
    .where(and(eq(caseAssignments.orgId, orgId), eq(caseAssignments.caseId, caseId), isNull(caseAssignments.endedAt)))
    .orderBy(sql`CASE WHEN ${caseAssignments.role} = 'lead' THEN 0 ELSE 1 END`, asc(caseAssignments.assignedAt));
}
