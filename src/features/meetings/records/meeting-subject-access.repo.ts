// A person's own part of the meetings, for a subject access request: the appointments they were invited to (with
// their answer and attendance), what they said in shuttle mediation (never what another party said, nor what was
// passed on to them from another party) and the further meetings they asked for.
import type { PgColumn, PgSelect } from 'drizzle-orm/pg-core';
import type { Db } from '#src/db/client.ts';
import { and, asc, eq, inArray } from '#src/db/orm.ts';
import { meetingParticipants, meetingRequests, meetings, shuttleStatements } from '#src/db/schema/meetings.ts';

/** A select narrowed to the people's rows in the service (its `party` column is one of theirs), oldest first by `at`. */
function ofParties<Q extends PgSelect>(select: Q, columns: { org: PgColumn; party: PgColumn; at: PgColumn }, orgId: string, partyIds: string[]) {
  return select.where(and(eq(columns.org, orgId), inArray(columns.party, partyIds))).orderBy(asc(columns.at));
}

export async function meetingRecordsOfParties(tx: Db, orgId: string, partyIds: string[]) {
  if (!partyIds.length) return { appointments: [], statements: [], requests: [] };
  const appointments = await ofParties(
    tx
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
      .$dynamic(),
    { org: meetingParticipants.orgId, party: meetingParticipants.partyId, at: meetings.startsAt },
    orgId,
    partyIds,
  );
  const statements = await ofParties(
    tx
      .select({
        caseId: shuttleStatements.caseId,
        partyId: shuttleStatements.fromPartyId,
        statement: shuttleStatements.statement,
        permission: shuttleStatements.permission,
        shareableWords: shuttleStatements.shareableWords,
        recordedAt: shuttleStatements.recordedAt,
      })
      .from(shuttleStatements)
      .$dynamic(),
    { org: shuttleStatements.orgId, party: shuttleStatements.fromPartyId, at: shuttleStatements.recordedAt },
    orgId,
    partyIds,
  );
  const requests = await ofParties(
    tx
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
      .$dynamic(),
    { org: meetingRequests.orgId, party: meetingRequests.partyId, at: meetingRequests.createdAt },
    orgId,
    partyIds,
  );
  return { appointments, statements, requests };
}
