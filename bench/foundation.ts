// The foundation benchmark (`node bench/run.ts foundation`, part of `npm run bench`): start-up time, memory and request
// figures, printed and written to its section of bench/results.md.
// BENCH_SECONDS sets each load run's length (default 10). DATABASE_URL adds the same load figures on PostgreSQL.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type LoadFigures, measureLoad } from './load.ts';
import { writeSection } from './results-file.ts';
import { ROOT, type ServerProcess, freePort, killAll, rssMb, startProcess, stopProcess, waitForPage, type Cleanup, runCleanups } from './server-process.ts';
import { setUpAndSignIn } from './sign-in.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
if (!Number.isFinite(SECONDS) || SECONDS < 1 || SECONDS > 600) throw new Error('BENCH_SECONDS must be a number of seconds from 1 to 600');
const CONNECTIONS = 50;
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
  const proc = startProcess('src/main.ts', { ...APP_ENV, ...env }, port);
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
async function load(proc: ServerProcess, path: string, cookie?: string): Promise<LoadFigures> {
  const url = `${proc.baseUrl}${path}`;
  const alive = () => proc.child.exitCode === null && proc.child.signalCode === null;
  await measureLoad(url, { connections: CONNECTIONS, seconds: WARM_UP_SECONDS, cookie });
  const figures = alive() ? await measureLoad(url, { connections: CONNECTIONS, seconds: SECONDS, cookie }) : undefined;
  if (!figures || !alive())
    throw new Error(`the server exited (code ${proc.child.exitCode}, signal ${proc.child.signalCode}) under load on GET ${path}:\n${proc.output()}`);
  if (figures.non2xx > 0 || figures.errors > 0) errors.push(`GET ${path}: ${figures.non2xx} non-2xx responses and ${figures.errors} errors under load`);
  return figures;
}

function recordLoad(label: string, f: LoadFigures, baseline?: LoadFigures) {
  record(`${label} requests/s`, rps(f.requestsPerSec));
  record(`${label} p95 latency`, `${ms(f.p95Ms)} (p50 ${ms(f.p50Ms)}, p99 ${ms(f.p99Ms)})`);
  if (baseline) {
    record(`${label} requests/s ÷ hello-world`, `${((100 * f.requestsPerSec) / baseline.requestsPerSec).toFixed(1)} %`);
    record(`${label} p95 ÷ hello-world p95`, `${(f.p95Ms / baseline.p95Ms).toFixed(1)} ×`);
  }
}

async function helloWorld(): Promise<LoadFigures> {
  console.log('Bare Fastify hello-world (baseline)');
  const port = await freePort();
  const proc = startProcess('bench/hello-world.ts', {}, port);
  cleanups.push(async () => void (await stopProcess(proc, 5000)));
  await waitForPage(proc, '/', performance.now(), START_TIMEOUT_MS);
  const f = await load(proc, '/');
  await stopProcess(proc);
  recordLoad('Hello-world GET /', f);
  return f;
}

async function embedded(baseline: LoadFigures | undefined) {
  console.log('Parley on the embedded database (PGlite)');
  const dataDir = tempDir();

  const fresh = await startApp({ PARLEY_DATA_DIR: dataDir });
  record('Start to first page, fresh data directory', secs(fresh.startMs), { text: '≤ 3 s', met: fresh.startMs <= 3000 });
  const token = await setupTokenOf(fresh.proc);
  const cookie = await setUpAndSignIn(fresh.proc.baseUrl, token, 'bench-embedded');
  await stopApp(fresh.proc, 'fresh-start');

  const again = await startApp({ PARLEY_DATA_DIR: dataDir });
  const rss = rssMb(again.proc.pid);
  record('Start to first page, restart on a set-up data directory', secs(again.startMs), { text: '≤ 1.5 s', met: again.startMs <= 1500 });
  record('Memory (RSS) after start, restart run', `${rss.toFixed(1)} MB`, { text: '≤ 250 MB', met: rss <= 250 });
  if (again.proc.lines.some((l) => SETUP_LINK.test(l))) notes.push('The restarted server printed a setup link although a service already exists.');

  recordLoad('PGlite GET /healthz', await load(again.proc, '/healthz'), baseline);
  recordLoad('PGlite GET /home (signed in)', await load(again.proc, '/home', cookie), baseline);
  notes.push(`Memory (RSS) of the PGlite server after the load runs: ${rssMb(again.proc.pid).toFixed(1)} MB.`);
  await stopApp(again.proc, 'PGlite');
}

async function postgres(databaseUrl: string, baseline: LoadFigures | undefined) {
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
  recordLoad('PostgreSQL GET /healthz', await load(app.proc, '/healthz'), baseline);
  recordLoad('PostgreSQL GET /home (signed in)', await load(app.proc, '/home', cookie), baseline);
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
    '- Start to first page: from spawning `node src/main.ts` (PARLEY_LOG_LEVEL=warn, a free port on 127.0.0.1) until `GET /sign-in` answers 200, polled every 20 ms. The restart run reuses the data directory of the fresh run, after the first service has been set up.',
    '- Memory: VmRSS from `/proc/<pid>/status`, read just after the restart run served its first page.',
    `- Load: autocannon, ${CONNECTIONS} connections, ${SECONDS} s per URL after a ${WARM_UP_SECONDS} s warm-up, from a worker thread of the benchmark process (a heap of its own, so the benchmark's own garbage collection does not pause its clock); each server runs in its own child process. The hello-world baseline is a bare Fastify app (\`bench/hello-world.ts\`) measured in the same run with the same settings.`,
    '- requests/s counts 2xx responses over the run. autocannon reports no p95 (only p90, p97.5, p99), so every 2xx response time is recorded from its `response` event and p50/p95/p99 are nearest-rank percentiles of those.',
    '- GET /home is signed in as the first service admin, set up through `/setup` and two-factor enrolment over HTTP.',
    '',
  ];
  if (!process.env.DATABASE_URL) lines.push('PostgreSQL figures skipped: DATABASE_URL is not set.', '');
  if (notes.length) lines.push('### Notes', '', ...notes.map((n) => `- ${n}`), '');
  if (errors.length) lines.push('### Errors', '', ...errors.map((e) => `- ${e.replaceAll('\n', ' ')}`), '');
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

  const step = async <T>(what: string, fn: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await fn();
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      errors.push(`${what}: ${message}`);
      console.error(`${what} failed: ${message}`);
      return undefined;
    }
  };

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
