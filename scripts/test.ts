// `npm test`: the whole suite — unit and integration tests on PGlite, the same integration tests on
// PostgreSQL when DATABASE_URL is set, and the browser journeys in Chromium. Ends with one summary line.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const inCi = Boolean(process.env.CI);
const problems: string[] = [];
if (inCi && !process.env.DATABASE_URL) problems.push('DATABASE_URL must be set in CI: the suite runs on PostgreSQL too.');
if (inCi && !existsSync('/usr/bin/chromium')) problems.push('Chromium is required in CI: apt-get install -y chromium');
if (problems.length) {
  for (const p of problems) console.error(`npm test: ${p}`);
  process.exit(1);
}
if (!process.env.DATABASE_URL) console.warn('npm test: DATABASE_URL is not set, so the PostgreSQL run is skipped (PGlite only).');
if (!existsSync('/usr/bin/chromium')) console.warn('npm test: Chromium is not installed, so the browser journeys are skipped (apt-get install -y chromium).');

const started = performance.now();
const dir = mkdtempSync(join(tmpdir(), 'parley-test-report-'));
const extra = process.argv.slice(2);
const withBrowser = existsSync('/usr/bin/chromium');
// The browser journeys run one file at a time (each drives Chromium against its own server), and Vitest runs a project
// with fewer workers in a group of its own, after the others. So the whole suite is two Vitest runs side by side: the
// journeys, one after another, beside the unit and integration files, two at a time. Given files or options, one run.
const runs: { name: string; args: string[] }[] =
  extra.length === 0 && withBrowser
    ? [
        { name: 'journeys', args: ['--project', 'browser'] },
        { name: 'the rest', args: ['--project', 'unit', '--project', 'pglite', ...(process.env.DATABASE_URL ? ['--project', 'postgres'] : [])] },
      ]
    : [{ name: 'tests', args: extra }];

function vitest(args: string[], report: string): Promise<number> {
  const all = ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...args];
  const child = spawn(process.execPath, all, { stdio: 'inherit' });
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
}

type Report = { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
const codes = await Promise.all(runs.map((run, i) => vitest(run.args, join(dir, `vitest-${i}.json`))));
const reports = runs.map((_, i) => join(dir, `vitest-${i}.json`)).filter((f) => existsSync(f));
let summary = 'parley: no test report was written';
if (reports.length === runs.length) {
  const rs = reports.map((f) => JSON.parse(readFileSync(f, 'utf8')) as Report);
  const sum = (pick: (r: Report) => number) => rs.reduce((n, r) => n + pick(r), 0);
  summary = `parley: ${sum((r) => r.numPassedTests)} passed, ${sum((r) => r.numFailedTests)} failed, ${sum((r) => r.numPendingTests + r.numTodoTests)} skipped`;
}
rmSync(dir, { recursive: true, force: true });
const seconds = Math.round((performance.now() - started) / 1000);
console.log(`npm test took ${Math.floor(seconds / 60)} min ${seconds % 60} s`);
for (const [i, run] of runs.entries()) if (codes[i] !== 0) console.log(`npm test: ${run.name} failed (exit code ${codes[i]})`);
console.log(summary);
process.exit(codes.find((c) => c !== 0) ?? 0);
