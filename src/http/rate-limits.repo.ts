// The shared rate-limit counts (see rate-limit-store.ts): one row per route and client, keyed by an HMAC.
import type { Db } from '#src/db/client.ts';
import { and, eq, gt, inArray, lte, sql } from '#src/db/orm.ts';
import { rateLimits } from '#src/db/schema/rate-limits.ts';

export type Count = { hits: number; windowEndsAt: Date };

/** Counts one hit in one atomic statement; a hit after the window has ended starts a new window at 1. */
export async function countHit(db: Db, key: string, now: Date, windowMs: number): Promise<Count> {
  const ended = sql`${rateLimits.windowEndsAt} <= ${now.toISOString()}`;
  const [row] = await db
    .insert(rateLimits)
    .values({ key, hits: 1, windowEndsAt: new Date(now.getTime() + windowMs) })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        hits: sql`CASE WHEN ${ended} THEN 1 ELSE ${rateLimits.hits} + 1 END`,
        windowEndsAt: sql`CASE WHEN ${ended} THEN excluded.window_ends_at ELSE ${rateLimits.windowEndsAt} END`,
      },
    })
    .returning({ hits: rateLimits.hits, windowEndsAt: rateLimits.windowEndsAt });
  if (!row) throw new Error('the rate-limit count was not returned');
  return row;
}

/** The count in a window still open, if any. */
export async function readCount(db: Db, key: string, now: Date): Promise<Count | undefined> {
  const [row] = await db
    .select({ hits: rateLimits.hits, windowEndsAt: rateLimits.windowEndsAt })
    .from(rateLimits)
    .where(and(eq(rateLimits.key, key), gt(rateLimits.windowEndsAt, now)));
  return row;
}

/** Deletes up to `batch` rows whose window has ended. */
export async function deleteEndedWindows(db: Db, now: Date, batch = 1000) {
  const ended = db.select({ key: rateLimits.key }).from(rateLimits).where(lte(rateLimits.windowEndsAt, now)).limit(batch);
  await db.delete(rateLimits).where(inArray(rateLimits.key, ended));
}
