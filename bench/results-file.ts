// bench/results.md holds one section per benchmark (one per issue); a run rewrites only its own section.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './server-process.ts';

export const RESULTS_FILE = join(ROOT, 'bench', 'results.md');
/** In the order they appear in the file. "mechanisms" and "datapath" are written by hand (no run rewrites them), but kept. */
const SECTIONS = [
  'foundation',
  'pages',
  'compare',
  'mechanisms',
  'cases',
  'datapath',
  'volunteers',
  'pairs',
  'email',
  'slots',
  'durability',
  'agreements',
  'send',
  'retention',
  'reports',
] as const;
export type SectionId = (typeof SECTIONS)[number];

const HEADER = [
  '# Parley benchmarks',
  '',
  'One section per issue. `npm run bench` runs them all; `node bench/run.ts foundation`, `node bench/run.ts cases` `node bench/run.ts volunteers` or `node bench/run.ts pairs` runs one and rewrites only its section.',
  'Every figure is from a shared 2-core machine: the load average at the start of each run is recorded with it.',
  '',
].join('\n');

const start = (id: string) => `<!-- section:${id} -->`;
const end = (id: string) => `<!-- /section:${id} -->`;

function readSections(): Map<string, string> {
  const sections = new Map<string, string>();
  if (!existsSync(RESULTS_FILE)) return sections;
  const text = readFileSync(RESULTS_FILE, 'utf8');
  for (const id of SECTIONS) {
    const from = text.indexOf(start(id));
    const to = text.indexOf(end(id));
    if (from >= 0 && to > from) sections.set(id, text.slice(from + start(id).length, to).trim());
  }
  return sections;
}

/** Replaces one section (its lines, heading included) and keeps the others as they were. */
export function writeSection(id: SectionId, lines: string[]) {
  const sections = readSections();
  sections.set(id, lines.join('\n').trim());
  const body = SECTIONS.filter((s) => sections.has(s)).map((s) => `${start(s)}\n${sections.get(s)}\n${end(s)}\n`);
  writeFileSync(RESULTS_FILE, `${HEADER}\n${body.join('\n')}`);
}
