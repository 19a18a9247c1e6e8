// A small PostgreSQL-backed job queue (FOR UPDATE SKIP LOCKED); works the same on PGlite.
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from '#src/db/orm.ts';
import { sql } from '#src/db/orm.ts';

export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id'),
    name: text('name').notNull(),
    payload: jsonb('payload').notNull(),
    /** NULL: as soon as possible. */
    runAt: timestamp('run_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    doneAt: timestamp('done_at', { withTimezone: true }),
    failedAt: timestamp('failed_at', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** A recurring job's slot (name and slot start): at most one job per slot, however many workers ask. */
    uniqueKey: text('unique_key'),
  },
  (t) => [
    index('jobs_due_idx').on(t.runAt).where(sql`done_at IS NULL AND failed_at IS NULL`),
    uniqueIndex('jobs_unique_key_idx').on(t.uniqueKey),
    // Finished jobs are deleted after a while (see purge-jobs.job.ts); this finds them.
    index('jobs_done_at_idx').on(t.doneAt).where(sql`done_at IS NOT NULL`),
    index('jobs_failed_at_idx').on(t.failedAt).where(sql`failed_at IS NOT NULL`),
  ],
);
