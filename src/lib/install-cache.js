// @ts-check
// Where `npm install` keeps what it prepares for a quicker start: the embedded database template
// (db/pglite-template.ts) and the server bundle (server-bundle.js). Inside node_modules, so a fresh install starts clean.
// Plain JavaScript, as server-bundle.js reads it before the server is loaded (server-bundle.js says why).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's own folder (the one with package.json). */
export const PROJECT_DIR = fileURLToPath(new URL('../..', import.meta.url));
export const INSTALL_CACHE_DIR = join(PROJECT_DIR, 'node_modules', '.cache', 'parley');
