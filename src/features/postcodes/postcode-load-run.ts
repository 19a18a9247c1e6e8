// Runs the one loader (postcodes-import.ts) over a recorded load: its progress saved as it reads, how it ended saved
// when it ends, and a finished load on the platform audit chain. The command line and the upload job both use it.
import type { Db } from '#src/db/client.ts';
import { asSystem } from '#src/db/tenant.ts';
import type { Clock } from '#src/lib/clock.ts';
import type { Actor } from '#src/access/actor.ts';
import type { Audit } from '#src/features/audit/audit.service.ts';
import { type ImportResult, importPostcodes, PostcodeFileError } from './postcodes-import.ts';
import { type PostcodeLoad, updateLoad } from './postcode-loads.repo.ts';

/** How often, in rows, a load saves how far it has read (and keeps its job's lease). */
export const PROGRESS_EVERY_ROWS = 20_000;

/** Runs the loader over a recorded load, saving its progress and how it ended; a wrong file is recorded and thrown. */
export async function runRecordedLoad(
  db: Db,
  clock: Clock,
  audit: Audit,
  actor: Actor,
  load: Pick<PostcodeLoad, 'id' | 'filename'>,
  files: { file: string; namesFile?: string | undefined },
  opts: { progressEvery?: number; onProgress?: (rows: number) => Promise<void> | void } = {},
): Promise<ImportResult> {
  await asSystem(db, (tx) => updateLoad(tx, load.id, { status: 'running', startedAt: clock.now(), rowsRead: 0 }));
  try {
    const result = await importPostcodes(db, files.file, {
      namesFile: files.namesFile,
      progressEvery: opts.progressEvery ?? PROGRESS_EVERY_ROWS,
      onProgress: async (rows) => {
        await asSystem(db, (tx) => updateLoad(tx, load.id, { rowsRead: rows }));
        await opts.onProgress?.(rows);
      },
    });
    await asSystem(db, async (tx) => {
      await updateLoad(tx, load.id, {
        status: 'loaded',
        rowsRead: result.imported + result.skipped,
        rowsLoaded: result.total,
        rowsRejected: result.skipped,
        withoutName: result.withoutName,
        finishedAt: clock.now(),
      });
      await audit.record(tx, actor, null, {
        action: 'postcodes.loaded',
        entityType: 'postcode_load',
        entityId: load.id,
        detail: { filename: load.filename, postcodes: result.total, rejected: result.skipped },
      });
    });
    return result;
  } catch (err) {
    if (err instanceof PostcodeFileError)
      await asSystem(db, (tx) =>
        updateLoad(tx, load.id, { status: 'failed', problem: err.problem, problemDetail: err.missing.join(',') || null, finishedAt: clock.now() }),
      );
    throw err;
  }
}
