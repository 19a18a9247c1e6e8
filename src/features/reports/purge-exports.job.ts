// Nightly: a report's spreadsheet is kept for its asker for a week (EXPORT_KEEP_DAYS), then its file is deleted and
// the export is marked expired, so its page says so and offers to make it again with the same filter. A month later
// the row itself goes: the report's name, the filter and who asked, nothing more, are kept that long.
import { z } from 'zod';
import { asSystem } from '#src/db/tenant.ts';
import { defineJob } from '#src/jobs/job.ts';
import { deleteExports, expireExports } from './exports.repo.ts';
import { EXPORT_FORGET_DAYS, EXPORT_KEEP_DAYS } from './export-retention.ts';

const DAY_MS = 86_400_000;

export const purgeExportsJob = defineJob({
  name: 'reports.purge-exports',
  schema: z.object({
    keepDays: z.number().int().positive().default(EXPORT_KEEP_DAYS),
    forgetDays: z.number().int().positive().default(EXPORT_FORGET_DAYS),
  }),
  async run(payload, { db, clock }) {
    const now = clock.now().getTime();
    await asSystem(db, async (tx) => {
      await expireExports(tx, new Date(now - payload.keepDays * DAY_MS));
      await deleteExports(tx, new Date(now - Math.max(payload.forgetDays, payload.keepDays) * DAY_MS));
    });
  },
});
