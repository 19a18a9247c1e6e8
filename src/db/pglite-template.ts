// A ready-made embedded database: PostgreSQL's initdb takes over two seconds inside PGlite, so `npm install`
// prepares an initialised, migrated cluster once (scripts/prepare-pglite.ts), shut down cleanly, as a directory. A new
// data directory starts as a plain copy of it: about 0.05 s for its 40 MB, where unpacking a dump through PGlite took
// 1.4 s. The directory is named for the PGlite version that made it; without it (an install with --ignore-scripts, or
// a PGlite upgrade) Parley runs initdb as before. Migrations added later are applied on boot either way.
import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { INSTALL_CACHE_DIR } from '#src/lib/install-cache.js';

function pgliteVersion(): string {
  const require = createRequire(import.meta.url);
  const pkg = require(join(dirname(require.resolve('@electric-sql/pglite')), '..', 'package.json')) as { version: string };
  return pkg.version;
}

export const templateDir = (): string => join(INSTALL_CACHE_DIR, `pglite-${pgliteVersion()}`);

/** True when this install has a prepared cluster. */
export const hasTemplate = (): boolean => existsSync(join(templateDir(), 'PG_VERSION'));

/**
 * Copies the prepared cluster to `to` (which must not exist yet), if this install has one. The copy is made beside
 * `to` and renamed into place, so a start stopped half-way leaves no half-made cluster. False without a template.
 */
export function copyTemplate(to: string): boolean {
  if (!hasTemplate()) return false;
  const partial = `${to}.${process.pid}.partial`;
  rmSync(partial, { recursive: true, force: true });
  cpSync(templateDir(), partial, { recursive: true });
  renameSync(partial, to);
  return true;
}

/** Puts a cluster prepared in `from` (shut down cleanly) in place as the template, replacing any earlier one. */
export function keepAsTemplate(from: string): string {
  const dir = templateDir();
  mkdirSync(dirname(dir), { recursive: true });
  rmSync(dir, { recursive: true, force: true });
  renameSync(from, dir);
  return dir;
}

/** Where prepare-pglite builds the next template before it is put in place (its parent made, the directory not yet). */
export function templateWorkDir(): string {
  mkdirSync(dirname(templateDir()), { recursive: true });
  return `${templateDir()}.${process.pid}.partial`;
}
