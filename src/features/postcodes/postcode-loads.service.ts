// Loads of the ONS postcode file, recorded so the Instance page can show what is loaded, what is loading (rows read
// so far) and how the last load ended. The command line and an upload go through the same loader (postcodes-import.ts)
// and the same record; an upload waits in the data directory and is loaded by a job (postcode-load.job.ts).
import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { listIn, msg, type Worded } from '#src/i18n/i18n.ts';
import type { Db } from '#src/db/client.ts';
import { asSystem } from '#src/db/tenant.ts';
import { AppError, inEnglish } from '#src/lib/app-error.ts';
import type { Clock } from '#src/lib/clock.ts';
import { newId } from '#src/lib/ids.ts';
import { enqueue } from '#src/jobs/queue.ts';
import type { Actor } from '#src/access/actor.ts';
import { authoriseOperator, type InstanceActor } from '#src/access/instance.ts';
import type { Audit } from '#src/features/audit/audit.service.ts';
import { checkPostcodeFile, checkTextFile, PostcodeFileError } from './postcodes-import.ts';
import { runRecordedLoad } from './postcode-load-run.ts';
import { activeLoad, findLoad, insertLoad, lastLoaded, latestLoad, type PostcodeLoad, updateLoad } from './postcode-loads.repo.ts';
import { postcodeLoadJob } from './postcode-load.job.ts';
import { countPostcodes } from './postcodes.repo.ts';
import { releaseOf } from './postcode-release.ts';

/** A file the browser sent, as stored in the data directory. */
export type StoredUpload = { filename: string; path: string };

/** What the page and the API show. */
export type PostcodeStatus = { postcodes: number; lastLoaded: PostcodeLoad | undefined; latest: PostcodeLoad | undefined };

export function createPostcodeLoadService({ db, clock, audit, dataDir }: { db: Db; clock: Clock; audit: Audit; dataDir: string }) {
  const uploadsDir = join(dataDir, 'uploads');
  return {
    /** What is loaded, and the newest load (perhaps still under way). */
    async status(actor: InstanceActor): Promise<PostcodeStatus> {
      authoriseOperator(actor);
      return asSystem(db, async (tx) => ({ postcodes: await countPostcodes(tx), lastLoaded: await lastLoaded(tx), latest: await latestLoad(tx) }));
    },

    /** A new file's place in the data directory, for an upload to be written to. */
    async uploadPath(): Promise<string> {
      await mkdir(uploadsDir, { recursive: true });
      return join(uploadsDir, `postcodes-${randomUUID()}.upload`);
    },

    /**
     * Queues the load of an uploaded file (and names file), after checking it is a CSV file with the columns the
     * loader needs: a wrong file is refused at once, saying what is wrong, and changes nothing.
     */
    async start(actor: InstanceActor, file: StoredUpload, names?: StoredUpload): Promise<PostcodeLoad> {
      authoriseOperator(actor);
      try {
        await checkPostcodeFile(file.path);
      } catch (err) {
        if (err instanceof PostcodeFileError) throw fileRefusal('file', err);
        throw err;
      }
      if (names)
        try {
          await checkTextFile(names.path);
        } catch (err) {
          if (err instanceof PostcodeFileError) throw fileRefusal('names', err);
          throw err;
        }
      return asSystem(db, async (tx) => {
        if (await activeLoad(tx))
          throw new AppError('CONFLICT', msg('A postcode file is being loaded already. Wait until it has finished, then upload the next.'), {
            reason: 'LOAD_UNDER_WAY',
            fields: { file: msg('A postcode file is being loaded already. Wait until it has finished, then upload the next.') },
          });
        const load: PostcodeLoad = {
          id: newId(),
          status: 'queued',
          source: 'upload',
          filename: file.filename,
          namesFilename: names?.filename ?? null,
          release: releaseOf(file.filename),
          storedPath: file.path,
          namesStoredPath: names?.path ?? null,
          rowsRead: 0,
          rowsLoaded: null,
          rowsRejected: null,
          withoutName: null,
          problem: null,
          problemDetail: null,
          requestedBy: actor.id,
          requestedByName: actor.label ?? null,
          createdAt: clock.now(),
          startedAt: null,
          finishedAt: null,
        };
        await insertLoad(tx, load);
        await enqueue(tx, postcodeLoadJob, { loadId: load.id });
        await audit.record(tx, actor, null, {
          action: 'postcodes.load_requested',
          entityType: 'postcode_load',
          entityId: load.id,
          detail: { filename: file.filename, namesFilename: names?.filename ?? null },
        });
        return load;
      });
    },

    /** `parley postcodes import`: the same loader, recorded the same way, run here and now. */
    async loadFromCommandLine(actor: Actor, file: string, opts: { namesFile?: string | undefined; onProgress?: (rows: number) => void } = {}) {
      const filename = file.split(/[\\/]/).pop() ?? file;
      const load = await asSystem(db, async (tx) => {
        if (await activeLoad(tx))
          throw new AppError('CONFLICT', msg('A postcode file is being loaded already. Wait until it has finished, then load the next.'));
        const row = {
          id: newId(),
          status: 'queued',
          source: 'cli',
          filename,
          namesFilename: opts.namesFile?.split(/[\\/]/).pop() ?? null,
          release: releaseOf(filename),
          createdAt: clock.now(),
        };
        await insertLoad(tx, row);
        return row;
      });
      try {
        return await runRecordedLoad(
          db,
          clock,
          audit,
          actor,
          load,
          { file, namesFile: opts.namesFile },
          { progressEvery: 250_000, onProgress: opts.onProgress },
        );
      } catch (err) {
        if (!(err instanceof PostcodeFileError))
          await asSystem(db, (tx) => updateLoad(tx, load.id, { status: 'failed', problem: 'failed', finishedAt: clock.now() }));
        throw err;
      }
    },

    /** Deletes an upload no load took (a refused form, a failed check). */
    discard: (path: string) => rm(path, { force: true }),

    find: (id: string) => asSystem(db, (tx) => findLoad(tx, id)),
  };
}
export type PostcodeLoadService = ReturnType<typeof createPostcodeLoadService>;

/** What each problem with a file is called, for the person who chose it. */
export const FILE_PROBLEMS: Record<string, string> = {
  zip: msg('The file is a ZIP file. Unzip it and upload the CSV file in its Data folder (such as ONSPD_FEB_2024_UK.csv).'),
  not_text: msg('The file is not a CSV file. Upload the ONS postcode directory as a CSV file.'),
  empty: msg('The file is empty'),
  missing_columns: msg('The file’s first line must name its columns: it has no {missing} column. Upload the ONSPD or NSPL CSV file.'),
  file_missing: msg('The uploaded file was not found when the load began. Upload it again, or load it with npx parley postcodes import.'),
  failed: msg('The file could not be loaded. The lookup in use has not changed. Try again, or load it with npx parley postcodes import.'),
};

/** The missing columns in words: "postcode", "local authority code", or both. */
export const MISSING_COLUMNS: Record<string, string> = {
  postcode: msg('postcode (pcds, pcd or postcode)'),
  la_code: msg('local authority code (oslaua, laua or lad23cd)'),
};

function fileRefusal(field: 'file' | 'names', err: PostcodeFileError): AppError {
  const problem = field === 'names' && err.problem === 'missing_columns' ? 'not_text' : err.problem;
  const message = FILE_PROBLEMS[problem]!;
  const params = err.missing.length ? { missing: missingInWords(err.missing) } : undefined;
  return new AppError('UNPROCESSABLE', message, {
    reason: 'BAD_POSTCODE_FILE',
    fields: { [field]: inEnglish({ text: message, params }) },
    ...(params ? { params, fieldParams: { [field]: { text: message, params } } } : {}),
  });
}

/** The columns a file lacks, in the reader's words. */
export function missingInWords(missing: readonly string[]): Worded {
  // i18n-dynamic: the column words are msg() values in MISSING_COLUMNS
  return (t, locale) =>
    listIn(
      locale,
      missing.map((m) => t(MISSING_COLUMNS[m] ?? m)),
      'conjunction',
      ' and ',
    );
}
