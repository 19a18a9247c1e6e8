// A workbook written to a temporary file rather than kept in memory while it is made: the export job streams the rows
// into it (reports-xlsx.ts) and reads it back once, whole, only to keep it for its asker. The file and its folder
// are removed however the work ends.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeXlsx, type XlsxRow } from './reports-xlsx.ts';

/** Writes the rows to a temporary XLSX file (in a folder of its own under `parent`), hands it to `use`, then removes it. */
export async function withXlsxFile<T>(
  sheetName: string,
  rows: Iterable<XlsxRow> | AsyncIterable<XlsxRow>,
  onRow: ((n: number) => Promise<void> | void) | undefined,
  use: (file: { path: string; read: () => Promise<Buffer> }) => Promise<T>,
  parent = tmpdir(),
): Promise<T> {
  const dir = await mkdtemp(join(parent, 'parley-xlsx-'));
  try {
    const path = join(dir, 'export.xlsx');
    const out = createWriteStream(path);
    const closed = once(out, 'close');
    try {
      await writeXlsx(out, sheetName, rows, onRow);
    } catch (err) {
      out.destroy();
      throw err;
    }
    await closed;
    return await use({ path, read: () => readFile(path) });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
