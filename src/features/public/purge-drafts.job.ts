import { z } from 'zod';
import { asSystem } from '#src/db/tenant.ts';
import { defineJob } from '#src/jobs/job.ts';
import { deleteAllExpiredDrafts } from './journey-drafts.repo.ts';

/** Half-finished public forms hold personal data: they go 24 hours after they were last touched, even on a quiet service. */
export const purgeDraftsJob = defineJob({
  name: 'journey-drafts.purge',
  schema: z.object({}),
  async run(_payload, { db, clock }) {
    await asSystem(db, (tx) => deleteAllExpiredDrafts(tx, clock.now()));
  },
});
