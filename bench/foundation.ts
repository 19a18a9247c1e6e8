// The foundation benchmark (`node bench/run.ts foundation`, part of `npm run bench`): start-up time, memory and request
// figures, printed and written to its section of bench/results.md.
// BENCH_SECONDS sets each load run's length (default 10); BENCH_SOAK_SECONDS the mix of signed-in pages at 100
// connections, with memory sampled through it (default 120); BENCH_IDLE_SECONDS how long the server idles before its idle
// memory is read (default 30). DATABASE_URL adds the same load figures on PostgreSQL.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type LoadFigures, measureLoad } from './load.ts';
import { writeSection } from './results-file.ts';
import {
  ROOT,
  type ServerProcess,
  freePort,
  killAll,
  peakRssMb,
  rssMb,
  startProcess,
  stopProcess,
  waitForPage,
  type Cleanup,
  runCleanups,
} from './server-process.ts';
import { setUpAndSignIn } from './sign-in.ts';
import { closingLines, stepRunner } from './run-steps.ts';
import { chooseServerBundle } from '#src/server-bundle.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
if (!Number.isFinite(SECONDS) || SECONDS < 1 || SECONDS > 600) throw new Error('BENCH_SECONDS must be a number of seconds from 1 to 600');
const CONNECTIONS = 50;
const MIX_CONNECTIONS = 100;
const SOAK_SECONDS = Number(process.env.BENCH_SOAK_SECONDS ?? 120);
if (!Number.isFinite(SOAK_SECONDS) || SOAK_SECONDS < 10 || SOAK_SECONDS > 3600)
  throw new Error('BENCH_SOAK_SECONDS must be a number of seconds from 10 to 3600');
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 30);
const RSS_EVERY_MS = 5000;
/** The signed-in pages of the mix, each GET in turn on every connection: a service admin's everyday pages. */
export const MIX = ['/home', '/cases', '/referrals', '/volunteers', '/calendar', '/people', '/settings', '/email', '/audit'];
const WARM_UP_SECONDS = 1;
const START_TIMEOUT_MS = 60_000;
const SETUP_LINK = /(https?:\/\/\S+)\/setup\?token=(\S+)/;
const APP_ENV = { PARLEY_LOG_LEVEL: 'warn' };

type Row = { figure: string; value: string; target: string; result: string };
const rows: Row[] = [];
const notes: string[] = [];
const errors: string[] = [];
const cleanups: Cleanup[] = [];

const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (n: number) => `${n.toFixed(1)} MB`;
const ms = (n: number) => `${n.toFixed(2)} ms`;
const rps = (n: number) => `${Math.round(n).toLocaleString('en-GB')} req/s`;

function record(figure: string, value: string, target?: { text: string; met: boolean }) {
  const row = { figure, value, target: target?.text ?? '—', result: target ? (target.met ? 'PASS' : 'MISS') : 'no target' };
  rows.push(row);
  console.log(`  ${row.result.padEnd(9)} ${figure}: ${value}${target ? ` (target ${target.text})` : ''}`);
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Spawns the app, times it from spawn to its first 200 on GET /sign-in, and checks it is on the expected database. */
async function startApp(env: Record<string, string>): Promise<{ proc: ServerProcess; startMs: number }> {
  const port = await freePort();
  const since = performance.now();
  const proc = startProcess('src/main.js', { ...APP_ENV, ...env }, port);
  cleanups.push(async () => void (await stopProcess(proc, 5000)));
  const startMs = await waitForPage(proc, '/sign-in', since, START_TIMEOUT_MS);
  const [, on] = await proc.waitForLine(/^Parley is running at \S+ \(on (PostgreSQL|the embedded database)/, 10_000);
  const expected = env.DATABASE_URL ? 'PostgreSQL' : 'the embedded database';
  if (on !== expected) throw new Error(`expected the app on ${expected}, but it says it is on ${on}`);
  return { proc, startMs };
}

async function stopApp(proc: ServerProcess, what: string) {
  const code = await stopProcess(proc);
  if (code !== 0) notes.push(`The ${what} server did not exit cleanly on SIGTERM (exit code ${code}).`);
}

async function setupTokenOf(proc: ServerProcess): Promise<string> {
  const m = await proc.waitForLine(SETUP_LINK, 10_000);
  return m[2] ?? '';
}

/** Warms up, then measures one path of a running server; fails if the server exits or answers with anything but 2xx. */
async function load(
  proc: ServerProcess,
  path: string,
  cookie?: string,
  opts: { connections?: number; seconds?: number; paths?: string[] } = {},
): Promise<LoadFigures> {
  const url = `${proc.baseUrl}${path}`;
  const alive = () => proc.child.exitCode === null && proc.child.signalCode === null;
  const connections = opts.connections ?? CONNECTIONS;
  await measureLoad(url, { connections, seconds: WARM_UP_SECONDS, cookie, paths: opts.paths });
  const figures = alive() ? await measureLoad(url, { connections, seconds: opts.seconds ?? SECONDS, cookie, paths: opts.paths }) : undefined;
  if (!figures || !alive())
    throw new Error(`the server exited (code ${proc.child.exitCode}, signal ${proc.child.signalCode}) under load on GET ${path}:\n${proc.output()}`);
  if (figures.non2xx > 0 || figures.errors > 0) errors.push(`GET ${path}: ${figures.non2xx} non-2xx responses and ${figures.errors} errors under load`);
  return figures;
}

function recordLoad(label: string, f: LoadFigures, baseline?: LoadFigures, p95Target?: { text: string; met: boolean }) {
  record(`${label} requests/s`, rps(f.requestsPerSec));
  record(`${label} p95 latency`, `${ms(f.p95Ms)} (p50 ${ms(f.p50Ms)}, p99 ${ms(f.p99Ms)})`, p95Target);
  if (baseline) {
    record(`${label} requests/s ÷ hello-world`, `${((100 * f.requestsPerSec) / baseline.requestsPerSec).toFixed(1)} %`);
    record(`${label} p95 ÷ hello-world p95`, `${(f.p95Ms / baseline.p95Ms).toFixed(1)} ×`);
  }
}

type Baselines = { at50: LoadFigures; at100: LoadFigures; startMs: number; rssMb: number };

async function helloWorld(): Promise<Baselines> {
  console.log('Bare Fastify hello-world (baseline)');
  const port = await freePort();
  const since = performance.now();
  const proc = startProcess('bench/hello-world.ts', {}, port);
  cleanups.push(async () => void (await stopProcess(proc, 5000)));
  const startMs = await waitForPage(proc, '/', since, START_TIMEOUT_MS);
  const startRss = peakRssMb(proc.pid);
  record('Hello-world start to first page', secs(startMs));
  record('Hello-world peak memory (RSS) during start', mb(startRss));
  const at50 = await load(proc, '/');
  recordLoad('Hello-world GET /', at50);
  const at100 = await load(proc, '/', undefined, { connections: MIX_CONNECTIONS });
  recordLoad(`Hello-world GET /, ${MIX_CONNECTIONS} connections`, at100);
  await stopProcess(proc);
  return { at50, at100, startMs, rssMb: startRss };
}

/** Drives the mix of signed-in pages at 100 connections for SOAK_SECONDS, sampling the server's memory all along. */
async function mixWithMemory(proc: ServerProcess, cookie: string, label: string, baseline?: LoadFigures) {
  const samples: number[] = [];
  const sampler = setInterval(() => {
    try {
      samples.push(rssMb(proc.pid));
    } catch {}
  }, RSS_EVERY_MS);
  let figures: LoadFigures;
  try {
    figures = await load(proc, MIX[0] ?? '/home', cookie, { connections: MIX_CONNECTIONS, seconds: SOAK_SECONDS, paths: MIX });
  } finally {
    clearInterval(sampler);
  }
  record(`${label} mix of signed-in pages, ${MIX_CONNECTIONS} connections, requests/s`, rps(figures.requestsPerSec));
  record(
    `${label} mix of signed-in pages, ${MIX_CONNECTIONS} connections, p95 latency`,
    `${ms(figures.p95Ms)} (p50 ${ms(figures.p50Ms)}, p99 ${ms(figures.p99Ms)})`,
    {
      text: '≤ 300 ms',
      met: figures.p95Ms <= 300,
    },
  );
  if (baseline) record(`${label} mix p95 ÷ hello-world p95 (${MIX_CONNECTIONS} connections)`, `${(figures.p95Ms / baseline.p95Ms).toFixed(1)} ×`);
  if (samples.length < 2) return;
  const half = Math.floor(samples.length / 2);
  const firstHalf = Math.max(...samples.slice(0, half));
  const secondHalf = Math.max(...samples.slice(half));
  const most = Math.max(...samples);
  record(`${label} memory (RSS) under the mix, most of ${samples.length} samples over ${SOAK_SECONDS} s`, mb(most), { text: '≤ 350 MB', met: most <= 350 });
  const growth = (100 * (secondHalf - firstHalf)) / firstHalf;
  record(
    `${label} memory (RSS) under the mix, second half's most against the first half's`,
    `${mb(secondHalf)} against ${mb(firstHalf)} (${growth >= 0 ? '+' : ''}${growth.toFixed(1)} %)`,
    {
      text: 'flat: ≤ +5 %',
      met: growth <= 5,
    },
  );
  notes.push(`${label} memory (RSS) every ${RSS_EVERY_MS / 1000} s under the mix: ${samples.map((n) => n.toFixed(0)).join(', ')} MB.`);
}

async function embedded(baseline: Baselines | undefined) {
  console.log('Parley on the embedded database (PGlite)');
  const dataDir = tempDir();

  const fresh = await startApp({ PARLEY_DATA_DIR: dataDir });
  const freshPeak = peakRssMb(fresh.proc.pid);
  record('Start to first page, fresh data directory', secs(fresh.startMs), { text: '≤ 2 s', met: fresh.startMs <= 2000 });
  record('Peak memory (RSS) during start, fresh data directory', mb(freshPeak), { text: '≤ 300 MB', met: freshPeak <= 300 });
  const token = await setupTokenOf(fresh.proc);
  const cookie = await setUpAndSignIn(fresh.proc.baseUrl, token, 'bench-embedded');
  await stopApp(fresh.proc, 'fresh-start');

  // The same restart from the source files, as when the bundle is out of date (src/server-bundle.js): what the bundle saves.
  const fromSources = await startApp({ PARLEY_DATA_DIR: dataDir, PARLEY_BUNDLE: 'off' });
  const sourcesPeak = peakRssMb(fromSources.proc.pid);
  await stopApp(fromSources.proc, 'source-files restart');
  record('Start to first page, restart from the source files (PARLEY_BUNDLE=off)', secs(fromSources.startMs));
  record('Peak memory (RSS) during start, restart from the source files', mb(sourcesPeak));
  const bundle = chooseServerBundle();
  if (!bundle.file) notes.push(`The server bundle was not used (${bundle.why}): every start here was from the source files. Run \`npm run build\` first.`);

  const again = await startApp({ PARLEY_DATA_DIR: dataDir });
  const peak = peakRssMb(again.proc.pid);
  const rss = rssMb(again.proc.pid);
  record('Start to first page, restart on a set-up data directory', secs(again.startMs), { text: '≤ 1 s', met: again.startMs <= 1000 });
  if (baseline) record('Restart to first page ÷ hello-world start', `${(again.startMs / baseline.startMs).toFixed(1)} ×`);
  record('Peak memory (RSS) during start, restart run', mb(peak), { text: '≤ 300 MB', met: peak <= 300 });
  record('Memory (RSS) just after start, restart run', mb(rss));
  if (again.proc.lines.some((l) => SETUP_LINK.test(l))) notes.push('The restarted server printed a setup link although a service already exists.');
  await new Promise((resolve) => setTimeout(resolve, IDLE_SECONDS * 1000));
  const idle = rssMb(again.proc.pid);
  record(`Memory (RSS) idle, ${IDLE_SECONDS} s after start`, mb(idle), { text: '≤ 200 MB', met: idle <= 200 });

  recordLoad('PGlite GET /healthz', await load(again.proc, '/healthz'), baseline?.at50);
  const home = await load(again.proc, '/home', cookie);
  recordLoad('PGlite GET /home (signed in)', home, baseline?.at50, { text: '≤ 100 ms', met: home.p95Ms <= 100 });
  await mixWithMemory(again.proc, cookie, 'PGlite', baseline?.at100);
  notes.push(
    `Memory (RSS) of the PGlite server after the load runs: ${mb(rssMb(again.proc.pid))}; its peak over the whole run: ${mb(peakRssMb(again.proc.pid))}.`,
  );
  await stopApp(again.proc, 'PGlite');
}

async function postgres(databaseUrl: string, baseline: Baselines | undefined) {
  console.log('Parley on PostgreSQL');
  const name = `parley_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  cleanups.push(async () => {
    const c = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
    await c.connect();
    try {
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } finally {
      await c.end();
    }
  });
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;

  const app = await startApp({ DATABASE_URL: url.toString(), PARLEY_DATA_DIR: tempDir() });
  record('PostgreSQL start to first page, fresh database', secs(app.startMs));
  record('PostgreSQL memory (RSS) after start', `${rssMb(app.proc.pid).toFixed(1)} MB`);
  const cookie = await setUpAndSignIn(app.proc.baseUrl, await setupTokenOf(app.proc), 'bench-postgres');
  recordLoad('PostgreSQL GET /healthz', await load(app.proc, '/healthz'), baseline?.at50);
  const home = await load(app.proc, '/home', cookie);
  recordLoad('PostgreSQL GET /home (signed in)', home, baseline?.at50, { text: '≤ 100 ms', met: home.p95Ms <= 100 });
  if (process.env.BENCH_POSTGRES_MIX !== 'off') await mixWithMemory(app.proc, cookie, 'PostgreSQL', baseline?.at100);
  await stopApp(app.proc, 'PostgreSQL');
}

function command(file: string, args: string[]): string {
  try {
    return execFileSync(file, args, { encoding: 'utf8', timeout: 10_000 }).trim();
  } catch {
    return '';
  }
}

function writeResults(startedAt: Date, loadAtStart: number[]) {
  const node = command(join(ROOT, 'node_modules', '.bin', 'node'), ['--version']) || process.version;
  const cpus = command('nproc', []) || String(availableParallelism());
  const lines = [
    '## Foundation',
    '',
    `Run ${startedAt.toISOString()} by \`npm run bench\` (or \`node bench/run.ts foundation\`) — nproc ${cpus}, Node ${node}, load average ${loadAtStart.map((n) => n.toFixed(2)).join(' ')} at the start (other work on the machine skews every figure).`,
    '',
    `Targets: ${rows.filter((r) => r.result === 'PASS').length} PASS, ${rows.filter((r) => r.result === 'MISS').length} MISS.`,
    '',
    '| Figure | Value | Target | Result |',
    '| --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.figure} | ${r.value} | ${r.target} | ${r.result} |`),
    '',
    '### How these were measured',
    '',
    '- Start to first page: from spawning `node src/main.js` (PARLEY_LOG_LEVEL=warn, a free port on 127.0.0.1) until `GET /sign-in` answers 200, polled every 20 ms. The restart runs reuse the data directory of the fresh run, after the first service has been set up. `npm start` loads the server’s own modules from their bundle when it is up to date (src/server-bundle.js); the source-files restart turns it off with PARLEY_BUNDLE=off.',
    '- Start of the hello-world: the same, from spawning `node bench/hello-world.ts` to its first 200.',
    `- Memory: from \`/proc/<pid>/status\`: the peak during start is VmHWM (the most resident memory the process has had) read as soon as it served its first page; “just after start” and “idle” are VmRSS, idle read ${IDLE_SECONDS} s later with nothing asked of the server (its worker polling the job queue). Under the mix, VmRSS every ${RSS_EVERY_MS / 1000} s; “flat” compares the most of the second half of the samples with the most of the first.`,
    `- The mix: ${MIX_CONNECTIONS} connections, each GETting ${MIX.map((p) => `\`${p}\``).join(', ')} in turn, signed in as the service admin, for ${SOAK_SECONDS} s after a ${WARM_UP_SECONDS} s warm-up (a service with no cases yet: the pages' fixed cost; the issue-3 section measures the case list with 100,000 cases).`,
    `- Load: autocannon, ${CONNECTIONS} connections, ${SECONDS} s per URL after a ${WARM_UP_SECONDS} s warm-up, from a worker thread of the benchmark process (a heap of its own, so the benchmark's own garbage collection does not pause its clock); each server runs in its own child process. The hello-world baseline is a bare Fastify app (\`bench/hello-world.ts\`) measured in the same run with the same settings.`,
    '- requests/s counts 2xx responses over the run. autocannon reports no p95 (only p90, p97.5, p99), so every 2xx response time is recorded from its `response` event and p50/p95/p99 are nearest-rank percentiles of those.',
    '- GET /home is signed in as the first service admin, set up through `/setup` and two-factor enrolment over HTTP.',
    '',
  ];
  lines.push(...closingLines(notes, errors));
  writeSection('foundation', lines);
}

export async function cleanUpFoundation() {
  await runCleanups(cleanups);
}

/** Runs the foundation benchmark and writes its section; resolves with the exit code (1 when anything failed). */
export async function runFoundation(): Promise<number> {
  const startedAt = new Date();
  const loadAtStart = loadavg();
  const overall = setTimeout(() => {
    console.error('the foundation benchmark took more than 15 minutes; stopping');
    killAll();
    void cleanUpFoundation().finally(() => process.exit(2));
  }, 15 * 60_000);

  const step = stepRunner(errors);

  try {
    const baseline = await step('hello-world baseline', helloWorld);
    await step('embedded database', () => embedded(baseline));
    const databaseUrl = process.env.DATABASE_URL;
    if (databaseUrl) await step('PostgreSQL', () => postgres(databaseUrl, baseline));
    else console.log('PostgreSQL skipped: DATABASE_URL is not set');
  } finally {
    await cleanUpFoundation();
    clearTimeout(overall);
  }
  writeResults(startedAt, loadAtStart);
  console.log(`\nWrote the foundation section of bench/results.md${errors.length ? ` with ${errors.length} error(s)` : ''}`);
  return errors.length ? 1 : 0;
}
