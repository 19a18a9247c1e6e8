// The retention job's work on a case's meetings: notes, places in words, the record, the shuttle log, further-meeting
// requests and the names of parties and others invited go; the kind, mode, times, status and attendance stay.
import type { AnyColumn } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { and, eq, inArray, ne } from '#src/db/orm.ts';
import { meetingParticipants, meetingRequests, meetings, shuttleConveyances, shuttleStatements } from '#src/db/schema/meetings.ts';

const A = 'Anonymised';

export async function anonymiseMeetingsOfCases(tx: Db, orgId: string, caseIds: string[]) {
  if (!caseIds.length) return;
  const of = (t: { orgId: AnyColumn; caseId: AnyColumn }) => and(eq(t.orgId, orgId), inArray(t.caseId, caseIds));
  await tx.update(meetings).set({ notes: null, locationText: null, videoLink: null, cancelReason: null, changes: [], record: null }).where(of(meetings));
  // Mediators and staff are the service's own people, not the subjects of the case: their names stay.
  await tx
    .update(meetingParticipants)
    .set({ name: A, email: null })
    .where(and(of(meetingParticipants), ne(meetingParticipants.kind, 'volunteer'), ne(meetingParticipants.kind, 'staff')));
  await tx.update(shuttleStatements).set({ statement: A, shareableWords: null }).where(of(shuttleStatements));
  await tx.update(shuttleConveyances).set({ conveyed: A }).where(of(shuttleConveyances));
  await tx.update(meetingRequests).set({ requesterName: A, reason: A, preferredTimes: null, resolution: null }).where(of(meetingRequests));
}
