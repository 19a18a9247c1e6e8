// A person's own part of the meetings, for a subject access request: the appointments they were invited to (with
// their answer and attendance), what they said in shuttle mediation (never what another party said, nor what was
// passed on to them from another party) and the further meetings they asked for.
import type { Db } from '#src/db/client.ts';
import { and, asc, eq, inArray } from '#src/db/orm.ts';
import { meetingParticipants, meetingRequests, meetings, shuttleStatements } from '#src/db/schema/meetings.ts';

export async function meetingRecordsOfParties(tx: Db, orgId: string, partyIds: string[]) {
  if (!partyIds.length) return { appointments: [], statements: [], requests: [] };
  const appointments = await tx
    .select({
      caseId: meetings.caseId,
      partyId: meetingParticipants.partyId,
      kind: meetings.kind,
      mode: meetings.mode,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      status: meetings.status,
      where: meetings.locationText,
      notes: meetings.notes,
      cancelReason: meetings.cancelReason,
      response: meetingParticipants.response,
      attended: meetingParticipants.attended,
    })
    .from(meetingParticipants)
    .innerJoin(meetings, and(eq(meetings.orgId, meetingParticipants.orgId), eq(meetings.id, meetingParticipants.meetingId)))
    .where(and(eq(meetingParticipants.orgId, orgId), inArray(meetingParticipants.partyId, partyIds)))
    .orderBy(asc(meetings.startsAt));
  const statements = await tx
    .select({
      caseId: shuttleStatements.caseId,
      partyId: shuttleStatements.fromPartyId,
      statement: shuttleStatements.statement,
      permission: shuttleStatements.permission,
      shareableWords: shuttleStatements.shareableWords,
      recordedAt: shuttleStatements.recordedAt,
    })
    .from(shuttleStatements)
    .where(and(eq(shuttleStatements.orgId, orgId), inArray(shuttleStatements.fromPartyId, partyIds)))
    .orderBy(asc(shuttleStatements.recordedAt));
  const requests = await tx
    .select({
      caseId: meetingRequests.caseId,
      partyId: meetingRequests.partyId,
      kind: meetingRequests.kind,
      reason: meetingRequests.reason,
      preferredTimes: meetingRequests.preferredTimes,
      status: meetingRequests.status,
      createdAt: meetingRequests.createdAt,
    })
    .from(meetingRequests)
    .where(and(eq(meetingRequests.orgId, orgId), inArray(meetingRequests.partyId, partyIds)))
    .orderBy(asc(meetingRequests.createdAt));
  return { appointments, statements, requests };
}
