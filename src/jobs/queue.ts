// Enqueue inside the caller's transaction, so a job exists exactly when the change that asked for it does.
import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from '#src/db/orm.ts';
import type { z } from 'zod';
import type { Db } from '#src/db/client.ts';
import { jobs } from '#src/db/schema/jobs.ts';
import { newId } from '#src/lib/ids.ts';
import type { JobDefinition } from './job.ts';

export type EnqueueOptions = {
  orgId?: string | null;
  runAt?: Date;
  /** At most one job ever has this key: a second enqueue with it does nothing and returns null. */
  uniqueKey?: string;
};

export async function enqueue<S extends z.ZodType>(tx: Db, job: JobDefinition<S>, payload: z.infer<S>, opts: EnqueueOptions = {}): Promise<string | null> {
  const id = newId();
  const parsed = job.schema.parse(payload);
  const insert = tx.insert(jobs).values({
    id,
    orgId: opts.orgId ?? null,
    name: job.name,
    payload: parsed as object,
    runAt: opts.runAt ?? null,
    maxAttempts: job.maxAttempts ?? 5,
    uniqueKey: opts.uniqueKey ?? null,
  });
  if (!opts.uniqueKey) {
    await insert;
    return id;
  }
  const inserted = await insert.onConflictDoNothing({ target: jobs.uniqueKey }).returning({ id: jobs.id });
  return inserted[0]?.id ?? null;
}

/** A recurring job's key for the slot `at` falls in: slots are fixed intervals from the epoch, the same in every process. */
export function recurringSlotKey(name: string, everyMinutes: number, at: Date): string {
  const every = everyMinutes * 60_000;
  return `${name}@${new Date(Math.floor(at.getTime() / every) * every).toISOString()}`;
}

const LEASE_SECONDS = 300;

/** Claims up to `limit` due jobs; a claimed job is leased, so a crashed worker's job runs again later. */
export async function claimDueJobs(db: Db, now: Date, limit: number) {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: jobs.id })
      .from(jobs)
      .where(
        and(isNull(jobs.doneAt), isNull(jobs.failedAt), or(isNull(jobs.runAt), lte(jobs.runAt, now)), or(isNull(jobs.lockedUntil), lte(jobs.lockedUntil, now))),
      )
      .orderBy(sql`${jobs.runAt} ASC NULLS FIRST`, asc(jobs.createdAt))
      .limit(limit)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    const leaseUntil = new Date(now.getTime() + LEASE_SECONDS * 1000);
    const claimed = [];
    for (const { id } of due) {
      const [row] = await tx
        .update(jobs)
        .set({ lockedUntil: leaseUntil, attempts: sql`${jobs.attempts} + 1` })
        .where(eq(jobs.id, id))
        .returning();
      if (row) claimed.push(row);
    }
    return claimed;
  });
}

/** Extends a claimed job's lease from `now` (a long job calls it as it goes). */
export async function renewJobLease(db: Db, id: string, now: Date) {
  await db
    .update(jobs)
    .set({ lockedUntil: new Date(now.getTime() + LEASE_SECONDS * 1000) })
    .where(eq(jobs.id, id));
}

export async function completeJob(db: Db, id: string, at: Date) {
  await db.update(jobs).set({ doneAt: at, lockedUntil: null, lastError: null }).where(eq(jobs.id, id));
}

export async function failJob(db: Db, id: string, error: string, retryAt: Date | null, at: Date) {
  await db
    .update(jobs)
    .set(retryAt ? { lastError: error, lockedUntil: null, runAt: retryAt } : { lastError: error, lockedUntil: null, failedAt: at })
    .where(eq(jobs.id, id));
}

/** Deletes up to `batch` jobs finished before `doneBefore` or failed before `failedBefore`; returns how many. */
export async function deleteFinishedJobs(db: Db, opts: { doneBefore: Date; failedBefore: Date; batch: number }): Promise<number> {
  const old = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(or(lt(jobs.doneAt, opts.doneBefore), lt(jobs.failedAt, opts.failedBefore)))
    .limit(opts.batch);
  const deleted = await db.delete(jobs).where(inArray(jobs.id, old)).returning({ id: jobs.id });
  return deleted.length;
}

export async function hasPendingJob(db: Db, name: string) {
  const rows = await db
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.name, name), isNull(jobs.doneAt), isNull(jobs.failedAt)))
    .limit(1);
  return rows.length > 0;
}
