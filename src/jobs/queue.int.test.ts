// The job queue on a real database: enqueued with the caller's transaction, run once, retried on failure, one job per
// recurring slot however many workers ask, and finished jobs deleted after a while.
import { eq, sql } from '#src/db/orm.ts';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobs } from '#src/db/schema/jobs.ts';
import { asSystem } from '#src/db/tenant.ts';
import { type Harness, startHarness } from '../../test/support/harness.ts';
import { secondConnection } from '../../test/support/second-instance.ts';
import { defineJob } from './job.ts';
import { purgeJobsJob } from './purge-jobs.job.ts';
import { enqueue } from './queue.ts';
import { createWorker } from './worker.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

describe('job queue', () => {
  it('drops a job whose transaction rolled back, and runs a committed one exactly once', async () => {
    const seen: string[] = [];
    const job = defineJob({ name: 'test.note', schema: z.object({ text: z.string() }), run: async (p) => void seen.push(p.text) });
    await expect(
      asSystem(h.deps.db, async (tx) => {
        await enqueue(tx, job, { text: 'rolled back' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await asSystem(h.deps.db, (tx) => enqueue(tx, job, { text: 'committed' }));
    const worker = createWorker({ db: h.deps.db, clock: h.clock, log: h.deps.log, jobs: [job] });
    await worker.runOnce();
    await worker.runOnce();
    expect(seen).toEqual(['committed']);
  });

  it('retries a failing job with back-off and gives up after its attempts', async () => {
    let calls = 0;
    const flaky = defineJob({
      name: 'test.flaky',
      schema: z.object({}),
      maxAttempts: 2,
      run: async () => {
        calls++;
        throw new Error('smtp down');
      },
    });
    const id = await asSystem(h.deps.db, (tx) => enqueue(tx, flaky, {}));
    const worker = createWorker({ db: h.deps.db, clock: h.clock, log: h.deps.log, jobs: [flaky] });
    await worker.runOnce();
    await worker.runOnce(); // not due yet: backing off
    expect(calls).toBe(1);
    h.clock.advance(30_000); // the first retry waits 45 to 60 seconds (backoff.ts)
    await worker.runOnce();
    expect(calls).toBe(1);
    h.clock.advance(30_000);
    await worker.runOnce();
    expect(calls).toBe(2);
    const [row] = await h.deps.db.select().from(jobs).where(eq(jobs.id, id!));
    expect(row!.failedAt).not.toBeNull();
    expect(row!.lastError).toBe('Error'); // the error's kind and codes only, never its message (safe-error.ts)
  });

  it('refuses a payload that does not match the job’s schema', async () => {
    const job = defineJob({ name: 'test.strict', schema: z.object({ n: z.number() }), run: async () => {} });
    await expect(asSystem(h.deps.db, (tx) => enqueue(tx, job, { n: 'one' } as never))).rejects.toThrow();
  });

  it('enqueues a recurring job once per slot when two workers on separate connections ask at the same moment', async () => {
    const other = await secondConnection(h);
    try {
      let runs = 0;
      const tick = defineJob({ name: 'test.tick', schema: z.object({}), run: async () => void runs++ });
      const recurring = [{ job: tick, everyMinutes: 5 }];
      const a = createWorker({ db: h.deps.db, clock: h.clock, log: h.deps.log, jobs: [tick], recurring });
      const b = createWorker({ db: other.db, clock: h.clock, log: h.deps.log, jobs: [tick], recurring });
      h.clock.current = new Date('2026-12-07T09:00:00Z');
      for (let slot = 0; slot < 12; slot++) {
        await Promise.all([a.runOnce(), b.runOnce(), a.runOnce(), b.runOnce()]);
        h.clock.advance(5 * 60_000);
      }
      const rows = await h.deps.db.select({ key: jobs.uniqueKey, doneAt: jobs.doneAt }).from(jobs).where(eq(jobs.name, 'test.tick'));
      expect(rows).toHaveLength(12);
      expect(new Set(rows.map((r) => r.key)).size).toBe(12);
      expect(rows[0]!.key).toMatch(/^test\.tick@2026-12-07T09:\d\d:00\.000Z$/);
      expect(rows.every((r) => r.doneAt)).toBe(true);
      expect(runs).toBe(12);
    } finally {
      await other.close();
    }
  });

  it('creates one job for a unique key enqueued many times at once from two connections', async () => {
    const other = await secondConnection(h);
    try {
      const job = defineJob({ name: 'test.once', schema: z.object({}), run: async () => {} });
      const ids = await Promise.all(
        Array.from({ length: 10 }, (_, i) => asSystem(i % 2 ? other.db : h.deps.db, (tx) => enqueue(tx, job, {}, { uniqueKey: 'test.once@slot' }))),
      );
      expect(ids.filter(Boolean)).toHaveLength(1);
      const rows = await h.deps.db.select().from(jobs).where(eq(jobs.uniqueKey, 'test.once@slot'));
      expect(rows.map((r) => r.id)).toEqual(ids.filter(Boolean));
    } finally {
      await other.close();
    }
  });

  it('deletes finished jobs after 7 days and failed ones after 30, in batches, keeping the rest', async () => {
    const job = defineJob({ name: 'test.old', schema: z.object({ label: z.string() }), run: async () => {} });
    h.clock.current = new Date('2026-12-20T12:00:00Z');
    const day = 86_400_000;
    const ago = (days: number) => new Date(h.clock.current.getTime() - days * day);
    const make = async (label: string, set: Partial<typeof jobs.$inferInsert>) => {
      const id = (await asSystem(h.deps.db, (tx) => enqueue(tx, job, { label })))!;
      await h.deps.db.update(jobs).set(set).where(eq(jobs.id, id));
    };
    for (let i = 0; i < 5; i++) await make('done long ago', { doneAt: ago(8 + i) });
    await make('done this week', { doneAt: ago(6) });
    await make('failed last month', { failedAt: ago(31), lastError: 'smtp down' });
    await make('failed this month', { failedAt: ago(20), lastError: 'smtp down' });
    await make('waiting', { runAt: ago(10) });
    await purgeJobsJob.run(purgeJobsJob.schema.parse({ batch: 2 }), { db: h.deps.db, clock: h.clock, orgId: null });
    const left = await h.deps.db.execute(sql`SELECT payload->>'label' AS label FROM jobs WHERE name = 'test.old' ORDER BY 1`);
    expect((left as unknown as { rows: { label: string }[] }).rows.map((r) => r.label)).toEqual(['done this week', 'failed this month', 'waiting']);
  });
});
