// A ready-made embedded database: PostgreSQL's initdb takes over two seconds inside PGlite, so `npm install`
// prepares an initialised, migrated cluster once (scripts/prepare-pglite.ts) and a new data directory starts
// from a copy of it in half a second. The file is named for the PGlite version that made it; without it (an
// install with --ignore-scripts, or a PGlite upgrade) Parley runs initdb as before. Migrations added later are
// applied on boot either way.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function pgliteVersion(): string {
  const require = createRequire(import.meta.url);
  const pkg = require(join(dirname(require.resolve('@electric-sql/pglite')), '..', 'package.json')) as { version: string };
  return pkg.version;
}

export const templateFile = (): string => join(ROOT, 'node_modules', '.cache', 'parley', `pglite-${pgliteVersion()}.tar.gz`);

/** The prepared cluster for a new data directory, if this install has one. */
export function readTemplate(): Blob | undefined {
  try {
    return new Blob([readFileSync(templateFile())]);
  } catch {
    return undefined;
  }
}

/** Writes the prepared cluster (a gzipped dump of the data directory), atomically. */
export function writeTemplate(dump: Uint8Array): string {
  const file = templateFile();
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, dump);
  renameSync(partial, file);
  return file;
}
