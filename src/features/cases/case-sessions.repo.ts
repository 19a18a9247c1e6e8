// What a case has had, for the lifecycle gates and the supervised-case sign-off: the joint meetings, RJ conferences
// and shuttle sessions held, the issues their records list, and the meetings still to come. Read-only over meetings'
// tables (meetings books and records them); cases reads them here so the case lifecycle needs nothing above it.
import type { Db } from '#src/db/client.ts';
import { and, eq, gt, inArray, sql } from '#src/db/orm.ts';
import { isUuid } from '#src/lib/ids.ts';
import { meetingParticipants, meetings, shuttleStatements } from '#src/db/schema/meetings.ts';

/** Meetings that bring the parties' sides together (or to one place in separate rooms), as opposed to one-party visits. */
export const SESSION_KINDS = ['joint', 'shuttle', 'rj_conference'] as const;
/** A conflict coaching case's sessions: one-to-one, with the one party taking part. */
export const COACHING_SESSION_KINDS = ['coaching'] as const;

export async function caseSessions(
  tx: Db,
  orgId: string,
  caseId: string,
  kinds: readonly string[] = SESSION_KINDS,
): Promise<{ sessionsHeld: number; issueTexts: string[] }> {
  const rows = await tx
    .select({ record: meetings.record, startsAt: meetings.startsAt })
    .from(meetings)
    .where(and(eq(meetings.orgId, orgId), eq(meetings.caseId, caseId), eq(meetings.status, 'held'), inArray(meetings.kind, [...kinds])));
  const ordered = rows.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  return { sessionsHeld: rows.length, issueTexts: ordered.map((r) => r.record?.issues ?? '') };
}

/** Whether a party is invited to a meeting or has spoken in a shuttle session: such a party withdraws, not removed. */
export async function partyInMeetings(tx: Db, orgId: string, partyId: string): Promise<boolean> {
  const invited = await tx
    .select({ id: meetingParticipants.id })
    .from(meetingParticipants)
    .where(and(eq(meetingParticipants.orgId, orgId), eq(meetingParticipants.partyId, partyId)))
    .limit(1);
  if (invited.length) return true;
  const spoke = await tx
    .select({ id: shuttleStatements.id })
    .from(shuttleStatements)
    .where(and(eq(shuttleStatements.orgId, orgId), eq(shuttleStatements.fromPartyId, partyId)))
    .limit(1);
  return spoke.length > 0;
}

/** How many of a case's meetings are booked and still to come. */
export async function countUpcomingOfCase(tx: Db, orgId: string, caseId: string, now: Date): Promise<number> {
  if (!isUuid(caseId)) return 0;
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(meetings)
    .where(and(eq(meetings.orgId, orgId), eq(meetings.caseId, caseId), eq(meetings.status, 'booked'), gt(meetings.endsAt, now)));
  return row?.n ?? 0;
}
