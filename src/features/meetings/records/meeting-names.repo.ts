// What the audit trail shows for a meeting: its kind, when it starts and its case's reference.
import type { Db } from '#src/db/client.ts';
import { and, eq, inArray } from '#src/db/orm.ts';
import { cases } from '#src/db/schema/cases.ts';
import { meetings } from '#src/db/schema/meetings.ts';

export async function meetingNames(tx: Db, orgId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return tx
    .select({ id: meetings.id, kind: meetings.kind, startsAt: meetings.startsAt, caseReference: cases.reference })
    .from(meetings)
    .innerJoin(cases, and(eq(cases.orgId, meetings.orgId), eq(cases.id, meetings.caseId)))
    .where(and(eq(meetings.orgId, orgId), inArray(meetings.id, ids)));
}
