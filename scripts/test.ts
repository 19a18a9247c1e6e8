// `npm test`: the whole suite — unit and integration tests on PGlite, the same integration tests on
// PostgreSQL when DATABASE_URL is set, and the browser journeys in Chromium. Ends with one summary line.
import { spawnSync } from 'node:child_process';
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
const report = join(dir, 'vitest.json');
const args = ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)];
const vitest = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', ...args], { stdio: 'inherit' });

let summary = 'parley: no test report was written';
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  summary = `parley: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`;
}
rmSync(dir, { recursive: true, force: true });
const seconds = Math.round((performance.now() - started) / 1000);
console.log(`npm test took ${Math.floor(seconds / 60)} min ${seconds % 60} s`);
console.log(summary);
process.exit(vitest.status ?? 1);
