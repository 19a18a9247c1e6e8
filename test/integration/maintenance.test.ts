// The nightly vacuum: the worker's job on the embedded database; PostgreSQL's autovacuum does it on a server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '#src/db/orm.ts';
import { VACUUMED_AT, vacuumJob } from '#src/jobs/vacuum.job.ts';
import { getInstanceSetting } from '#src/db/instance-settings.ts';
import { type Harness, startHarness } from '../support/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const lastVacuum = async (table: string) => {
  const result = await h.deps.db.execute(sql`SELECT last_vacuum, last_analyze FROM pg_stat_user_tables WHERE relname = ${table}`);
  return (result as unknown as { rows: { last_vacuum: string | null; last_analyze: string | null }[] }).rows[0];
};

describe('database maintenance', () => {
  it('vacuums and analyses every table once a night where no autovacuum runs (always on PGlite), and leaves a server to its own', async () => {
    const ctx = { db: h.deps.db, clock: h.clock, orgId: null };
    h.clock.current = new Date('2026-12-05T14:00:00Z');
    await vacuumJob.run({}, ctx);
    expect(await getInstanceSetting(h.deps.db, VACUUMED_AT)).toBeUndefined();

    h.clock.current = new Date('2026-12-06T02:00:00Z');
    await vacuumJob.run({}, ctx);
    // PGlite has no autovacuum; a PostgreSQL server normally has (CI's runs with it off, so the job vacuums there too).
    const launcher = await h.deps.db.execute(sql`SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE backend_type = 'autovacuum launcher') AS running`);
    if ((launcher as unknown as { rows: { running: boolean }[] }).rows[0]?.running) {
      expect(h.deps.database.kind).toBe('postgres');
      expect(await getInstanceSetting(h.deps.db, VACUUMED_AT)).toBeUndefined();
      return;
    }
    expect(await getInstanceSetting(h.deps.db, VACUUMED_AT)).toBe('2026-12-06T02:00:00.000Z');
    const cases = await lastVacuum('cases');
    expect(cases?.last_vacuum).toBeTruthy();
    expect(cases?.last_analyze).toBeTruthy();

    h.clock.current = new Date('2026-12-06T03:00:00Z');
    await vacuumJob.run({}, ctx);
    expect(await getInstanceSetting(h.deps.db, VACUUMED_AT)).toBe('2026-12-06T02:00:00.000Z');
  });
});
