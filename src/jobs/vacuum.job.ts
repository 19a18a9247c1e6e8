// PostgreSQL's autovacuum keeps statistics and the visibility map up to date. PGlite has no background
// workers (and a server may run with autovacuum off), so where no autovacuum runs the worker does it:
// once a night, table by table. At 100k cases that is about 4 s in all, the longest table 1.4 s.
import { z } from 'zod';
import { sql } from '#src/db/orm.ts';
import { getInstanceSetting, putInstanceSetting } from '#src/db/instance-settings.ts';
import { defineJob } from '#src/jobs/job.ts';
import type { Db } from '#src/db/client.ts';

export const VACUUMED_AT = 'maintenance.vacuumedAt';
const MIN_GAP_MS = 20 * 3_600_000;

const londonHour = (at: Date) => Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: 'numeric', hourCycle: 'h23' }).format(at));

/** Due once a night: between 01:00 and 06:00 in London (few people at work), at least 20 hours after the last. */
export function vacuumDue(now: Date, last: Date | undefined): boolean {
  if (last && now.getTime() - last.getTime() < MIN_GAP_MS) return false;
  const hour = londonHour(now);
  return hour >= 1 && hour < 6;
}

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/** True when PostgreSQL's own autovacuum runs (a server); false on PGlite, where nothing else vacuums. */
async function autovacuumRuns(db: Db): Promise<boolean> {
  const result = await db.execute(sql`SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE backend_type = 'autovacuum launcher') AS running`);
  return Boolean(rowsOf<{ running: boolean }>(result)[0]?.running);
}

/** VACUUM (ANALYZE) each of Parley's tables, letting waiting requests in between tables. Returns the tables done. */
export async function vacuumTables(db: Db): Promise<string[]> {
  const tables = rowsOf<{ name: string }>(await db.execute(sql`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`));
  for (const { name } of tables) {
    await db.execute(sql.raw(`VACUUM (ANALYZE) "${name.replaceAll('"', '""')}"`));
    await new Promise((resolve) => setImmediate(resolve));
  }
  return tables.map((t) => t.name);
}

export const vacuumJob = defineJob({
  name: 'database.vacuum',
  schema: z.object({}),
  maxAttempts: 1,
  async run(_payload, { db, clock }) {
    const now = clock.now();
    const last = await getInstanceSetting(db, VACUUMED_AT);
    if (!vacuumDue(now, last ? new Date(last) : undefined) || (await autovacuumRuns(db))) return;
    await vacuumTables(db);
    await putInstanceSetting(db, VACUUMED_AT, now.toISOString());
  },
});
