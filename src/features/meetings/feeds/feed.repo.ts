// The only file that queries calendar_feeds. A feed is found by its token's hash alone (the public feed address
// carries no service), so that one lookup runs as the system; everything else is scoped by the service (orgId).
import type { Db } from '#src/db/client.ts';
import { and, desc, eq, isNull, lt, or, sql } from '#src/db/orm.ts';
import { calendarFeeds } from '#src/db/schema/meetings.ts';
import { caseAssignments } from '#src/db/schema/volunteers.ts';

export async function insertFeed(tx: Db, row: typeof calendarFeeds.$inferInsert) {
  await tx.insert(calendarFeeds).values(row);
}

/** The volunteer's link still in use, if any (there is at most one). */
export async function findActiveFeedOf(tx: Db, orgId: string, volunteerId: string) {
  const rows = await tx
    .select({ id: calendarFeeds.id, createdAt: calendarFeeds.createdAt, lastUsedAt: calendarFeeds.lastUsedAt })
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.orgId, orgId), eq(calendarFeeds.volunteerId, volunteerId), isNull(calendarFeeds.revokedAt)))
    .orderBy(desc(calendarFeeds.createdAt))
    .limit(1);
  return rows[0];
}

/** Revokes every link of the volunteer still in use; how many were. */
export async function revokeFeedsOf(tx: Db, orgId: string, volunteerId: string, at: Date): Promise<number> {
  const rows = await tx
    .update(calendarFeeds)
    .set({ revokedAt: at })
    .where(and(eq(calendarFeeds.orgId, orgId), eq(calendarFeeds.volunteerId, volunteerId), isNull(calendarFeeds.revokedAt)))
    .returning({ id: calendarFeeds.id });
  return rows.length;
}

/** A feed by its token's hash, in any service (run as the system): the public feed's only cross-service read. */
export async function findFeedByHash(tx: Db, tokenHash: string) {
  const rows = await tx
    .select({ id: calendarFeeds.id, orgId: calendarFeeds.orgId, volunteerId: calendarFeeds.volunteerId, revokedAt: calendarFeeds.revokedAt })
    .from(calendarFeeds)
    .where(eq(calendarFeeds.tokenHash, tokenHash));
  return rows[0];
}

/** Records that the feed was read, unless it already was within the last minute; true when it wrote. */
export async function markFeedUsed(tx: Db, orgId: string, feedId: string, at: Date): Promise<boolean> {
  const minuteAgo = new Date(at.getTime() - 60_000);
  const rows = await tx
    .update(calendarFeeds)
    .set({ lastUsedAt: at })
    .where(
      and(
        eq(calendarFeeds.orgId, orgId),
        eq(calendarFeeds.id, feedId),
        or(isNull(calendarFeeds.lastUsedAt), lt(calendarFeeds.lastUsedAt, minuteAgo)) ?? sql`true`,
      ),
    )
    .returning({ id: calendarFeeds.id });
  return rows.length > 0;
}

/** The cases a volunteer is on now (an open assignment). */
export async function activeCaseIdsOfVolunteer(tx: Db, orgId: string, volunteerId: string): Promise<Set<string>> {
  const rows = await tx
    .select({ caseId: caseAssignments.caseId })
    .from(caseAssignments)
    .where(and(eq(caseAssignments.orgId, orgId), eq(caseAssignments.volunteerId, volunteerId), isNull(caseAssignments.endedAt)));
  return new Set(rows.map((r) => r.caseId));
}
