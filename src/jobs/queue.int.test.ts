// The job queue on a real database: enqueued with the caller's transaction, run once, retried on failure.
import { eq } from '#src/db/orm.ts';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobs } from '#src/db/schema/jobs.ts';
import { asSystem } from '#src/db/tenant.ts';
import { type Harness, startHarness } from '../../test/support/harness.ts';
import { defineJob } from './job.ts';
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
    h.clock.advance(5_000);
    await worker.runOnce();
    expect(calls).toBe(2);
    const [row] = await h.deps.db.select().from(jobs).where(eq(jobs.id, id));
    expect(row!.failedAt).not.toBeNull();
    expect(row!.lastError).toBe('smtp down');
  });

  it('refuses a payload that does not match the job’s schema', async () => {
    const job = defineJob({ name: 'test.strict', schema: z.object({ n: z.number() }), run: async () => {} });
    await expect(asSystem(h.deps.db, (tx) => enqueue(tx, job, { n: 'one' } as never))).rejects.toThrow();
  });
});
