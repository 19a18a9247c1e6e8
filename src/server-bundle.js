// @ts-check
// The server's own modules in one file. Loading about 600 small modules costs Node more than running them: each is
// resolved, read and linked on its own. So `npm install` (postinstall: scripts/build-server.ts) bundles src/ into one
// module, with the dependencies left outside it, imported from node_modules as usual, and `npm start` (main.js) loads
// it when every file it was built from is unchanged. When one has changed since (someone is working on the code), or
// there is no bundle (an install with --ignore-scripts), or PARLEY_BUNDLE=off, it starts from the source files as
// before. The bundle is the same code: nothing in it is written by hand.
//
// Plain JavaScript, checked by TypeScript (the comment on the first line), like main.js: a server started from its
// bundle then loads no TypeScript file, and Node never starts its type stripper (about 15 MB and 0.1 s).
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { INSTALL_CACHE_DIR, PROJECT_DIR } from './lib/install-cache.js';

export const BUNDLE_DIR = join(INSTALL_CACHE_DIR, 'server');
/** The bundle's file and its manifest's, in the bundle's folder. */
export const BUNDLE_NAME = 'serve.mjs';
export const MANIFEST_NAME = 'inputs.json';

/**
 * What the bundle was built from: each source file (relative to the project) with its size and modification time.
 * @typedef {{ node: string; inputs: [path: string, size: number, mtimeMs: number][] }} BundleManifest
 */

/** @typedef {{ file: string; why?: undefined } | { file?: undefined; why: 'off' | 'none' | 'changed' }} BundleChoice */

/**
 * The bundle to start from, or why the source files are used instead. Costs one `stat` for each source file.
 * @param {NodeJS.ProcessEnv} [env]
 * @param {string} [dir]
 * @returns {BundleChoice}
 */
export function chooseServerBundle(env = process.env, dir = BUNDLE_DIR) {
  if (env.PARLEY_BUNDLE === 'off') return { why: 'off' };
  /** @type {BundleManifest} */
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(dir, MANIFEST_NAME), 'utf8'));
  } catch {
    return { why: 'none' };
  }
  if (manifest.node !== process.version) return { why: 'changed' };
  for (const [path, size, mtimeMs] of manifest.inputs) {
    const now = statSync(join(PROJECT_DIR, path), { throwIfNoEntry: false });
    if (!now || now.size !== size || now.mtimeMs !== mtimeMs) return { why: 'changed' };
  }
  return { file: join(dir, BUNDLE_NAME) };
}
