// Imports the ONS postcode directory (ONSPD or NSPL, about 1 GB) into the postcode → local authority lookup: the one
// loader, for the command line and for a file uploaded on the Instance page (postcode-load.job.ts).
// The file is streamed line by line and written in batches of 5,000 rows, each in its own short transaction, into the
// next lookup, so memory stays small and the database is never locked for long; when the whole file is in, the next
// lookup becomes the lookup in one short transaction (postcodes.repo.ts), so a new import replaces the old one at once
// and the coverage check never sees half of one. Where the file has them (ONSPD's lat and long), each postcode's
// latitude and longitude are kept too.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Db } from '#src/db/client.ts';
import { asSystem } from '#src/db/tenant.ts';
import { clearNextPostcodes, countPostcodes, insertNextPostcodes, swapInNextPostcodes } from './postcodes.repo.ts';

/** The small fictional sample shipped for tests and the demo service. */
export const SAMPLE_POSTCODES_FILE = fileURLToPath(new URL('../../../samples/postcodes-sample.csv', import.meta.url));

export const BATCH_SIZE = 5000;
export const PROGRESS_EVERY = 250_000;

/** What is wrong with a file, so each face (the command line, the page, the API) can say it in its own words. */
export type PostcodeFileProblem = 'zip' | 'not_text' | 'empty' | 'missing_columns';
/** The columns a file lacks: a postcode column, a local authority code column. */
export type MissingColumn = 'postcode' | 'la_code';

export class PostcodeFileError extends Error {
  readonly problem: PostcodeFileProblem;
  readonly missing: MissingColumn[];
  constructor(message: string, problem: PostcodeFileProblem, missing: MissingColumn[] = []) {
    super(message);
    this.problem = problem;
    this.missing = missing;
  }
}

/** One CSV line as fields: commas, quotes and doubled quotes inside quotes (no line breaks inside fields). */
export function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields.map((f) => f.trim());
}

export type Columns = { postcode: number; laCode: number; laName: number | undefined; lat: number | undefined; long: number | undefined };

/**
 * Finds the columns by their header: a postcode (pcds, pcd, postcode), an LA code (oslaua, laua, lad23cd …) and,
 * if present, an LA name and the latitude and longitude (lat and long, or latitude and longitude).
 */
export function findColumns(header: string[]): Columns {
  const names = header.map((h) =>
    h
      .trim()
      .toLowerCase()
      .replace(/^\uFEFF/, ''),
  );
  const first = (...tests: ((h: string) => boolean)[]) => {
    for (const test of tests) {
      const i = names.findIndex(test);
      if (i >= 0) return i;
    }
    return -1;
  };
  const postcode = first(
    (h) => h === 'pcds',
    (h) => h === 'pcd',
    (h) => h === 'postcode',
    (h) => h === 'pcd2' || h === 'pcd7' || h === 'pcd8',
  );
  const laCode = first(
    (h) => h === 'oslaua',
    (h) => h === 'laua',
    (h) => /^lad\d*cd$/.test(h),
    (h) => h === 'la_code' || h === 'lad_code',
  );
  const laName = first(
    (h) => /^(os)?laua_?(nm|name)$/.test(h),
    (h) => /^lad\d*_?(nm|name)$/.test(h),
    (h) => /^la_?(nm|name)$/.test(h) || h === 'local_authority' || h === 'local_authority_name',
  );
  const missing: MissingColumn[] = [...(postcode < 0 ? ['postcode' as const] : []), ...(laCode < 0 ? ['la_code' as const] : [])];
  if (missing.length) {
    const words = { postcode: 'a postcode column (pcds, pcd or postcode)', la_code: 'a local authority code column (oslaua, laua or lad23cd)' };
    throw new PostcodeFileError(
      `The file's first line must name its columns. Missing: ${missing.map((m) => words[m]).join('; ')}.`,
      'missing_columns',
      missing,
    );
  }
  const lat = first((h) => h === 'lat' || h === 'latitude');
  const long = first((h) => h === 'long' || h === 'lng' || h === 'longitude');
  const hasBoth = lat >= 0 && long >= 0;
  return { postcode, laCode, laName: laName >= 0 ? laName : undefined, lat: hasBoth ? lat : undefined, long: hasBoth ? long : undefined };
}

/** How much of a file's start is looked at to tell a CSV file from something else. */
const SNIFF_BYTES = 64 * 1024;

/**
 * Refuses, before anything changes, a file that is not the CSV the loader reads: the ZIP file the ONS ships (its CSV is
 * inside), a binary file, an empty file, or a CSV file without a postcode and a local authority code column.
 */
export async function checkPostcodeFile(file: string): Promise<Columns> {
  const firstLine = await firstLineOf(file);
  if (firstLine === undefined) throw new PostcodeFileError('The file is empty', 'empty');
  return findColumns(splitCsvLine(firstLine));
}

/** Refuses a file that is not text at all (a ZIP file, a binary file): for the names file, whose columns are guessed. */
export async function checkTextFile(file: string): Promise<void> {
  await firstLineOf(file);
}

/** A text file's first line that is not blank (undefined when there is none), or the file's refusal. */
async function firstLineOf(file: string): Promise<string | undefined> {
  const handle = await open(file, 'r');
  let head: Buffer;
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    head = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])))
    throw new PostcodeFileError('This is a ZIP file. Unzip it and load the CSV file in its Data folder (such as ONSPD_FEB_2024_UK.csv).', 'zip');
  if (head.includes(0)) throw new PostcodeFileError('This is not a CSV file. Load the ONS postcode directory as a CSV file.', 'not_text');
  return head
    .toString('utf8')
    .split(/\r?\n/)
    .find((line) => line.trim() !== '');
}

/** The lines of a file, read a chunk at a time (the stream waits while a batch is written). */
async function* linesOf(file: string): AsyncGenerator<string> {
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
  let rest = '';
  for await (const chunk of stream as AsyncIterable<string>) {
    const lines = (rest + chunk).split(/\r?\n/);
    rest = lines.pop() ?? '';
    for (const line of lines) yield line;
  }
  if (rest) yield rest;
}

/** A names file (local authority code, name), small enough to read whole: the first two columns, or those named *cd and *nm. */
export async function readLaNames(file: string): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  let columns: [number, number] | undefined;
  for await (const line of linesOf(file)) {
    if (!line.trim()) continue;
    const fields = splitCsvLine(line);
    if (!columns) {
      const header = fields.map((f) => f.toLowerCase().replace(/^\uFEFF/, ''));
      const code = header.findIndex((h) => /cd$|code$/.test(h));
      const name = header.findIndex((h) => /nm$|name$/.test(h));
      columns = [code >= 0 ? code : 0, name >= 0 ? name : 1];
      continue;
    }
    const [code, name] = [fields[columns[0]], fields[columns[1]]];
    if (code && name) names.set(code.toUpperCase(), name);
  }
  return names;
}

/**
 * A latitude and longitude from the file, or nulls. The ONS marks a postcode without a grid reference with
 * latitude 99.999999 (and longitude 0), so anything outside the world's range is "not known".
 */
export function readLatLong(fields: string[], columns: Columns): { latitude: number | null; longitude: number | null } {
  if (columns.lat === undefined || columns.long === undefined) return { latitude: null, longitude: null };
  const latText = fields[columns.lat] ?? '';
  const longText = fields[columns.long] ?? '';
  const latitude = latText === '' ? Number.NaN : Number(latText);
  const longitude = longText === '' ? Number.NaN : Number(longText);
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude) || Math.abs(latitude) > 90 || Math.abs(longitude) > 180)
    return { latitude: null, longitude: null };
  return { latitude, longitude };
}

export type ImportResult = { imported: number; skipped: number; withoutName: number; total: number };

/**
 * Replaces the lookup with the postcodes in `file`. Rows without a postcode or a local authority code are
 * skipped; a local authority without a name (in the file or the names file) is stored under its code.
 */
export async function importPostcodes(
  db: Db,
  file: string,
  opts: { namesFile?: string; batchSize?: number; progressEvery?: number; onProgress?: (rows: number) => void | Promise<void> } = {},
): Promise<ImportResult> {
  const batchSize = opts.batchSize ?? BATCH_SIZE;
  const progressEvery = opts.progressEvery ?? PROGRESS_EVERY;
  await checkPostcodeFile(file); // before anything is written: a wrong file changes nothing
  const laNames = opts.namesFile ? await readLaNames(opts.namesFile) : new Map<string, string>();
  let columns: Columns | undefined;
  let batch: { postcode: string; laCode: string; laName: string; latitude: number | null; longitude: number | null }[] = [];
  const counts = { rows: 0, imported: 0, skipped: 0, withoutName: 0 };
  const flush = async () => {
    if (!batch.length) return;
    const rows = batch;
    batch = [];
    await asSystem(db, (tx) => insertNextPostcodes(tx, rows));
  };

  for await (const line of linesOf(file)) {
    if (!line.trim()) continue;
    const fields = splitCsvLine(line);
    if (!columns) {
      columns = findColumns(fields);
      await asSystem(db, (tx) => clearNextPostcodes(tx)); // what a load stopped part-way left
      continue;
    }
    counts.rows++;
    const postcode = (fields[columns.postcode] ?? '').replace(/\s+/g, '').toUpperCase();
    const laCode = (fields[columns.laCode] ?? '').toUpperCase();
    if (postcode.length < 5 || postcode.length > 7 || !laCode) counts.skipped++;
    else {
      const laName = (columns.laName !== undefined ? fields[columns.laName] : undefined) || laNames.get(laCode);
      if (!laName) counts.withoutName++;
      batch.push({ postcode, laCode, laName: laName || laCode, ...readLatLong(fields, columns) });
      counts.imported++;
      if (batch.length >= batchSize) await flush();
    }
    if (counts.rows % progressEvery === 0) await opts.onProgress?.(counts.rows);
  }
  if (!columns) throw new PostcodeFileError('The file is empty', 'empty');
  await flush();
  const total = await asSystem(db, async (tx) => {
    await swapInNextPostcodes(tx);
    return countPostcodes(tx);
  });
  return { imported: counts.imported, skipped: counts.skipped, withoutName: counts.withoutName, total };
}
