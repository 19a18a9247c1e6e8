// Every message used under src/: TypeScript (tests excepted) and Nunjucks templates.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { extractFromNjk } from './extract-njk.ts';
import { type DynamicCall, extractFromTs, type Found } from './extract-ts.ts';

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

// The run-time lookups known when the check came in, by file name and argument as written (a list to shrink, never grow).
const KNOWN_DYNAMIC: Record<string, string[]> = JSON.parse(readFileSync(new URL('./known-dynamic.json', import.meta.url), 'utf8'));
const known = (call: DynamicCall) => Boolean(KNOWN_DYNAMIC[basename(call.file)]?.includes(call.code));

const isSource = (name: string) => name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts');

export function collectMessages(root: string, dir = 'src', allowKnown = true): { used: Found[]; dynamic: DynamicCall[] } {
  const used: Found[] = [];
  const lookups: ReturnType<typeof extractFromTs>['lookups'] = [];
  const maps = new Set<string>();
  for (const path of files(join(root, dir))) {
    const file = relative(root, path).split('\\').join('/');
    if (isSource(path)) {
      const found = extractFromTs(file, readFileSync(path, 'utf8'));
      used.push(...found.messages);
      lookups.push(...found.lookups);
      for (const name of found.maps) maps.add(name);
    } else if (path.endsWith('.njk')) used.push(...extractFromNjk(file, readFileSync(path, 'utf8')));
  }
  // A lookup in a map of msg('…') values is allowed wherever the map is (its messages are extracted where written).
  const dynamic = lookups.map(({ call, root }) => ({
    ...call,
    allowed: call.allowed || (root !== undefined && maps.has(root)) || (allowKnown && known(call)),
  }));
  return { used, dynamic };
}
