// Failed sign-in counts (see throttle.ts for the rule), shared by every process through the database.
import { and, eq, gt, inArray, lt, sql } from '#src/db/orm.ts';
import type { Db } from '#src/db/client.ts';
import { signInThrottles } from '#src/db/schema/people.ts';

/** The latest wait still running for any of these keys, or undefined. */
export async function findWait(tx: Db, keys: string[], now: Date): Promise<Date | undefined> {
  const rows = await tx
    .select({ waitUntil: signInThrottles.waitUntil })
    .from(signInThrottles)
    .where(and(inArray(signInThrottles.key, keys), gt(signInThrottles.waitUntil, now)));
  return rows.map((r) => r.waitUntil!).sort((a, b) => b.getTime() - a.getTime())[0];
}

/** Counts one more failure for the key (starting again after a quiet spell); returns the new count. */
export async function countFailure(tx: Db, key: string, now: Date, forgetBefore: Date): Promise<number> {
  const rows = await tx
    .insert(signInThrottles)
    .values({ key, failures: 1, lastFailureAt: now })
    .onConflictDoUpdate({
      target: signInThrottles.key,
      set: {
        failures: sql`CASE WHEN ${signInThrottles.lastFailureAt} < ${forgetBefore.toISOString()}::timestamptz THEN 1 ELSE ${signInThrottles.failures} + 1 END`,
        lastFailureAt: now,
      },
    })
    .returning({ failures: signInThrottles.failures });
  return rows[0]?.failures ?? 1;
}

export async function setWait(tx: Db, key: string, waitUntil: Date) {
  await tx.update(signInThrottles).set({ waitUntil }).where(eq(signInThrottles.key, key));
}

export async function clearThrottle(tx: Db, key: string) {
  await tx.delete(signInThrottles).where(eq(signInThrottles.key, key));
}

export async function purgeThrottles(tx: Db, before: Date) {
  await tx.delete(signInThrottles).where(lt(signInThrottles.lastFailureAt, before));
}
