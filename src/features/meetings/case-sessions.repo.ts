// What a case has had, for the lifecycle gates and the supervised-case sign-off: the joint meetings, RJ conferences
// and shuttle sessions held, and the issues their records list.
import type { Db } from '#src/db/client.ts';
import { and, eq, inArray } from '#src/db/orm.ts';
import { meetings } from '#src/db/schema/meetings.ts';

/** Meetings that bring the parties' sides together (or to one place in separate rooms), as opposed to one-party visits. */
export const SESSION_KINDS = ['joint', 'shuttle', 'rj_conference'] as const;

export async function caseSessions(tx: Db, orgId: string, caseId: string): Promise<{ sessionsHeld: number; issueTexts: string[] }> {
  const rows = await tx
    .select({ record: meetings.record, startsAt: meetings.startsAt })
    .from(meetings)
    .where(and(eq(meetings.orgId, orgId), eq(meetings.caseId, caseId), eq(meetings.status, 'held'), inArray(meetings.kind, [...SESSION_KINDS])));
  const ordered = rows.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  return { sessionsHeld: rows.length, issueTexts: ordered.map((r) => r.record?.issues ?? '') };
}
