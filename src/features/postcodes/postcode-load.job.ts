// Loads an uploaded postcode file (postcode-loads.service.ts `start`) with the one loader, saving the rows read so far
// as it goes and keeping its claim on the job (a whole UK file takes longer than a job's lease). A wrong file is
// recorded as failed and not tried again; the upload is deleted once the load has ended either way.
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { z } from 'zod';
import { asSystem } from '#src/db/tenant.ts';
import { defineJob } from '#src/jobs/job.ts';
import { systemActor } from '#src/access/actor.ts';
import { createAudit } from '#src/features/audit/audit.service.ts';
import { findLoad, updateLoad } from './postcode-loads.repo.ts';
import { PostcodeFileError } from './postcodes-import.ts';
import { runRecordedLoad } from './postcode-load-run.ts';

export const postcodeLoadJob = defineJob({
  name: 'postcodes.load',
  schema: z.object({ loadId: z.string().uuid() }),
  maxAttempts: 3,
  async run({ loadId }, ctx) {
    const load = await asSystem(ctx.db, (tx) => findLoad(tx, loadId));
    if (!load || load.status === 'loaded' || load.status === 'failed') return;
    const files = [load.storedPath, load.namesStoredPath].filter((f): f is string => Boolean(f));
    const finish = async (values: Parameters<typeof updateLoad>[2]) => {
      await asSystem(ctx.db, (tx) => updateLoad(tx, loadId, { ...values, storedPath: null, namesStoredPath: null }));
      await Promise.all(files.map((f) => rm(f, { force: true })));
    };
    // Another machine's worker cannot see this machine's data directory: say so rather than try again.
    if (!load.storedPath || files.some((f) => !existsSync(f))) return finish({ status: 'failed', problem: 'file_missing', finishedAt: ctx.clock.now() });
    const actor = { ...systemActor('postcode load'), id: load.requestedBy ?? undefined, label: load.requestedByName ?? 'postcode load' };
    try {
      await runRecordedLoad(
        ctx.db,
        ctx.clock,
        createAudit({ clock: ctx.clock }),
        actor,
        load,
        { file: load.storedPath, namesFile: load.namesStoredPath ?? undefined },
        { onProgress: () => ctx.renewLease?.() },
      );
      await finish({});
    } catch (err) {
      if (err instanceof PostcodeFileError) return finish({}); // recorded as failed, with what is wrong
      if ((ctx.attempt ?? 1) >= (ctx.maxAttempts ?? 1)) await finish({ status: 'failed', problem: 'failed', finishedAt: ctx.clock.now() });
      else await asSystem(ctx.db, (tx) => updateLoad(tx, loadId, { status: 'queued' }));
      throw err;
    }
  },
});
