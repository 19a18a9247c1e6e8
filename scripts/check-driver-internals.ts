// CI (.ci/run): no file under src/ reaches into a database driver's internals, except the embedded database's fast
// path (src/db/pglite-fast-path.ts and its test), which checks itself at start-up and falls back to the plain path.
// Exits 1, listing each line, when one does.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// The fast path, its test, and this check's own test (which writes examples of what it finds).
const ALLOWED = new Set(['src/db/pglite-fast-path.ts', 'src/db/pglite-fast-path.int.test.ts', 'src/db/driver-internals.test.ts']);

/** What reaches into PGlite, node-postgres or Drizzle beyond their documented APIs. */
export const INTERNALS: { pattern: RegExp; what: string }[] = [
  { pattern: /\._[a-zA-Z]|_runExclusive|_checkReady/, what: 'an underscore (private) member' },
  { pattern: /execProtocolRaw/, what: "PGlite's raw protocol exchange" },
  { pattern: /\bprotocol\s*\.\s*(serialize|Parser)\b|loadPglite\(\)\s*\.\s*protocol|pglite\/protocol/, what: "PGlite's wire-protocol reader and writer" },
  { pattern: /parsedStatements/, what: "node-postgres's private record of a connection's statements" },
  { pattern: /\.connection\s*\.|\butils\s*\.\s*prepareValue\b/, what: "node-postgres's connection or value internals" },
  { pattern: /\.query\s*=(?!=)/, what: "a driver's query() replaced" },
];

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (/\.(ts|js|mjs|cjs)$/.test(entry.name)) yield path;
  }
}

export function findInternals(root = ROOT): string[] {
  const found: string[] = [];
  for (const path of files(join(root, 'src'))) {
    const file = relative(root, path).split('\\').join('/');
    if (ALLOWED.has(file)) continue;
    readFileSync(path, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        for (const { pattern, what } of INTERNALS) if (pattern.test(line)) found.push(`${file}:${i + 1}: ${what}: ${line.trim()}`);
      });
  }
  return found;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const found = findInternals();
  if (found.length) {
    console.error('Driver internals outside src/db/pglite-fast-path.ts (use the drivers’ documented APIs):');
    for (const line of found) console.error(`  ${line}`);
    process.exit(1);
  }
  console.log('No driver internals outside src/db/pglite-fast-path.ts.');
}
