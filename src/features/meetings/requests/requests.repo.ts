// The only file that queries meeting_requests, and the one place that asks whether a case came from a referral an
// API key sent (so a referrer's key may ask for a further meeting on it).
import type { Db } from '#src/db/client.ts';
import { prepared } from '#src/db/prepared.ts';
import { type Part, rowsPart } from '#src/db/read-in-one.ts';
import { and, asc, desc, eq, type Placeholder, sql } from '#src/db/orm.ts';
import { cases } from '#src/db/schema/cases.ts';
import { meetingRequests } from '#src/db/schema/meetings.ts';
import { isUuid } from '#src/lib/ids.ts';

export type NewRequest = typeof meetingRequests.$inferInsert;

export async function insertRequest(tx: Db, row: NewRequest) {
  await tx.insert(meetingRequests).values(row);
}

const requestView = {
  id: meetingRequests.id,
  caseId: meetingRequests.caseId,
  caseReference: cases.reference,
  requestedBy: meetingRequests.requestedBy,
  partyId: meetingRequests.partyId,
  requesterName: meetingRequests.requesterName,
  kind: meetingRequests.kind,
  reason: meetingRequests.reason,
  preferredTimes: meetingRequests.preferredTimes,
  status: meetingRequests.status,
  resolution: meetingRequests.resolution,
  meetingId: meetingRequests.meetingId,
  createdAt: meetingRequests.createdAt,
  createdBy: meetingRequests.createdBy,
  resolvedAt: meetingRequests.resolvedAt,
  resolvedBy: meetingRequests.resolvedBy,
};

function selectRequests(tx: Db, orgId: string | Placeholder, select = requestView) {
  return tx
    .select(select)
    .from(meetingRequests)
    .innerJoin(cases, and(eq(cases.id, meetingRequests.caseId), eq(cases.orgId, orgId)));
}
export type RequestView = Awaited<ReturnType<ReturnType<typeof selectRequests>['where']>>[number];

export async function findRequest(tx: Db, orgId: string, requestId: string): Promise<RequestView | undefined> {
  if (!isUuid(requestId)) return undefined;
  const rows = await selectRequests(tx, orgId).where(and(eq(meetingRequests.orgId, orgId), eq(meetingRequests.id, requestId)));
  return rows[0];
}

/** The service's requests of one status, oldest first (the coordinator's queue). */
const ofStatus = (db: Db, status: string | Placeholder, limit: number | Placeholder, select = requestView) => {
  const orgId = sql.placeholder('orgId');
  return selectRequests(db, orgId, select)
    .where(and(eq(meetingRequests.orgId, orgId), eq(meetingRequests.status, status)))
    .orderBy(asc(meetingRequests.createdAt), asc(meetingRequests.id))
    .limit(limit);
};
const requestsOfStatus = prepared('meeting_requests_of_status', (db) => ofStatus(db, sql.placeholder('status'), sql.placeholder('limit')));

/** The oldest `shown` open requests (placeholder orgId), read with other parts in one statement (db/read-in-one.ts). */
export const openRequestsPart = (shown: number): Part<RequestView[]> => rowsPart(requestView, (db, select) => ofStatus(db, 'open', shown, select));

export async function listRequests(tx: Db, orgId: string, status: string, limit = 500) {
  return requestsOfStatus(tx, { orgId, status, limit });
}

/** One case's requests, newest first. */
export async function listRequestsOfCase(tx: Db, orgId: string, caseId: string) {
  return selectRequests(tx, orgId)
    .where(and(eq(meetingRequests.orgId, orgId), eq(meetingRequests.caseId, caseId)))
    .orderBy(desc(meetingRequests.createdAt))
    .limit(200);
}

export async function countOpenRequests(tx: Db, orgId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(meetingRequests)
    .where(and(eq(meetingRequests.orgId, orgId), eq(meetingRequests.status, 'open')));
  return row?.n ?? 0;
}

/** Settles an open request (booked or declined); false if it was no longer open. */
export async function resolveRequest(
  tx: Db,
  orgId: string,
  requestId: string,
  change: { status: 'booked' | 'declined'; resolution: string | null; meetingId: string | null; resolvedAt: Date; resolvedBy: string },
) {
  const rows = await tx
    .update(meetingRequests)
    .set(change)
    .where(and(eq(meetingRequests.orgId, orgId), eq(meetingRequests.id, requestId), eq(meetingRequests.status, 'open')))
    .returning({ id: meetingRequests.id });
  return rows.length > 0;
}
