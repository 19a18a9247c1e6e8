// Works the queue: polls, runs each job with its schema-checked payload, retries with back-off (backoff.ts), stops gracefully.
import type { Db } from '#src/db/client.ts';
import type { Clock } from '#src/lib/clock.ts';
import type { Logger } from '#src/lib/logger.ts';
import { safeErrorReason } from '#src/lib/safe-error.ts';
import type { Mailer } from '#src/lib/mail-transport.ts';
import { asSystem } from '#src/db/tenant.ts';
import type { JobDefinition } from './job.ts';
import { retryDelayMs } from './backoff.ts';
import { claimDueJobs, completeJob, enqueue, failJob, hasPendingJob, recurringSlotKey, renewJobLease } from './queue.ts';

export type WorkerOptions = {
  db: Db;
  clock: Clock;
  log: Logger;
  jobs: JobDefinition[];
  recurring?: { job: JobDefinition; everyMinutes: number }[];
  pollMs?: number;
  batch?: number;
  /** Passed to every job; the email jobs hold mail in the outbox without one. */
  mailer?: Mailer | null;
};

export function createWorker(opts: WorkerOptions) {
  const byName = new Map(opts.jobs.map((j) => [j.name, j]));
  const pollMs = opts.pollMs ?? 1000;
  let running = false;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<number> | undefined;
  const lastSlot = new Map<string, string>();

  /** One job per recurring slot, however many workers ask: the slot's unique key decides (queue.ts). */
  async function scheduleRecurring() {
    const now = opts.clock.now();
    for (const { job, everyMinutes } of opts.recurring ?? []) {
      const slot = recurringSlotKey(job.name, everyMinutes, now);
      if (lastSlot.get(job.name) === slot) continue;
      lastSlot.set(job.name, slot);
      // A run still waiting (a slow or backed-off one) is not doubled by the next slot's.
      if (await hasPendingJob(opts.db, job.name)) continue;
      await asSystem(opts.db, (tx) => enqueue(tx, job, job.schema.parse({}), { uniqueKey: slot }));
    }
  }

  async function runOnce(): Promise<number> {
    await scheduleRecurring();
    const claimed = await claimDueJobs(opts.db, opts.clock.now(), opts.batch ?? 10);
    for (const row of claimed) {
      const job = byName.get(row.name);
      try {
        if (!job) throw Object.assign(new Error(`no job is registered as ${row.name}`), { code: 'UNKNOWN_JOB' });
        await job.run(job.schema.parse(row.payload), {
          db: opts.db,
          clock: opts.clock,
          orgId: row.orgId,
          mailer: opts.mailer ?? null,
          attempt: row.attempts,
          maxAttempts: row.maxAttempts,
          renewLease: () => renewJobLease(opts.db, row.id, opts.clock.now()),
        });
        await completeJob(opts.db, row.id, opts.clock.now());
      } catch (err) {
        // Stored and shown to staff: the error's codes only, never its message (which can quote typed values).
        const reason = safeErrorReason(err);
        const retry = row.attempts < row.maxAttempts ? new Date(opts.clock.now().getTime() + retryDelayMs(row.attempts)) : null;
        await failJob(opts.db, row.id, reason, retry, opts.clock.now());
        opts.log.warn({ job: row.name, jobId: row.id, attempts: row.attempts, willRetry: Boolean(retry), err }, 'job failed');
      }
    }
    return claimed.length;
  }

  function loop() {
    if (!running) return;
    inFlight = runOnce().catch((err) => {
      opts.log.error({ err }, 'worker poll failed');
      return 0;
    });
    void inFlight.then((n) => {
      if (running) timer = setTimeout(loop, n > 0 ? 0 : pollMs);
    });
  }

  return {
    runOnce,
    start() {
      if (running) return;
      running = true;
      loop();
    },
    /** Stops polling and waits for the jobs in hand to finish. */
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      await inFlight;
    },
  };
}
export type Worker = ReturnType<typeof createWorker>;
