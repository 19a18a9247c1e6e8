// Deletes finished jobs after a while, in batches so no one statement holds many rows. Failed jobs are kept longer,
// for looking into. The Email page reads the outbox and its delivery log, never this table, so nothing it shows goes.
import { z } from 'zod';
import { defineJob } from './job.ts';
import { deleteFinishedJobs } from './queue.ts';

const DAY_MS = 86_400_000;

export const purgeJobsJob = defineJob({
  name: 'jobs.purge',
  schema: z.object({
    doneDays: z.number().int().positive().default(7),
    failedDays: z.number().int().positive().default(30),
    batch: z.number().int().positive().default(500),
  }),
  async run(payload, { db, clock }) {
    const now = clock.now().getTime();
    const opts = { doneBefore: new Date(now - payload.doneDays * DAY_MS), failedBefore: new Date(now - payload.failedDays * DAY_MS), batch: payload.batch };
    let deleted: number;
    do deleted = await deleteFinishedJobs(db, opts);
    while (deleted === payload.batch);
  },
});
