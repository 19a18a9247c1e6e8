// The "Referrals and the case" benchmark (`node bench/run.ts cases`, part of `npm run bench`).
// A generated service of 100k cases, 300k parties and 1M timeline events (plus a small second service), on PGlite and
// on PostgreSQL: the case list's first page with filters and search by name, reference and postcode at 20 concurrent
// users (target p95 ≤ 50 ms), and public referral submission (target p95 ≤ 100 ms), with the ratio to a bare Fastify
// hello-world measured in the same run. On PostgreSQL the list queries are also explained into bench/plans/.
// BENCH_SECONDS sets each load run's length (default 10); BENCH_CASES the size of the service (default 100000);
// BENCH_DB_FAST_PATH=off serves the embedded database without its fast path (PARLEY_DB_FAST_PATH=off), to measure it.
// BENCH_COMPARE_ROOT=<another checkout> measures it against this one on the same generated data, in BENCH_ROUNDS
// interleaved rounds (default 1): that checkout's app, this one's, and (PGlite) this one's without the fast path.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { type Database, openDatabase } from '#src/db/client.ts';
import { systemActor } from '#src/access/actor.ts';
import type { LoadFigures } from '../load.ts';
import { latencyCells, loadLine, type LoadRun, measureHelloWorld, measureWarmedLoad, ms, p95Ratio, type RequestOptions } from '../measured-runs.ts';
import { scratchDatabase } from '../pg-admin.ts';
import { writeSection } from '../results-file.ts';
import { ROOT, type ServerProcess, freePort, killAll, rssMb, startProcess, stopProcess, waitForPage, type Cleanup, runCleanups } from '../server-process.ts';
import { diagnoses } from './diagnoses.ts';
import { explainOnPglite, explainOnPostgres, type Plan, planFile } from './explain.ts';
import { howMeasured } from './method.ts';
import {
  addressBlock,
  aloneChecks,
  type Check,
  LIST_TARGET_MS,
  listChecks,
  nextAddress,
  REFERRAL,
  REFERRAL_ALONE,
  REFERRAL_BODY,
  REFERRAL_TARGET_MS,
} from './checks.ts';
import { analyse, type GeneratedService, generateService, onMigratedDatabase, pickSearchTerms, type SearchTerms } from './generate.ts';
import { closingLines, scratchDir, stepsOnEachDatabase } from '../run-steps.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const OTHER_CASES = Math.max(100, Math.round(CASES / 50));
const CONNECTIONS = 20;
const WARM_UP_SECONDS = 2;
const START_TIMEOUT_MS = 180_000;
const RUN: LoadRun = { connections: CONNECTIONS, warmUpSeconds: WARM_UP_SECONDS, seconds: SECONDS };
const PLANS_DIR = join(ROOT, 'bench', 'plans');

type Backend = 'PGlite' | 'PostgreSQL';
type Measured = { backend: Backend; check: Check; figures: LoadFigures; firstPage?: string };
type Prepared = {
  main: GeneratedService;
  other: GeneratedService;
  analyseSeconds: number;
  totalSeconds: number;
  terms: SearchTerms;
  key: string;
  plans?: Plan[];
};

const measured: Measured[] = [];
const generation: { backend: Backend; prepared: Prepared }[] = [];
const servers: { backend: Backend; startMs: number; rssAfterMb: number }[] = [];
const allPlans: { backend: Backend; plans: Plan[] }[] = [];
const notes: string[] = [];
const errors: string[] = [];
const cleanups: Cleanup[] = [];
let baseline: LoadFigures | undefined;

const secs = (s: number) => `${s.toFixed(1)} s`;
const count = (n: number) => n.toLocaleString('en-GB');
const log = (line: string) => console.log(line);

const tempDir = () => scratchDir('parley-bench-cases-', cleanups);

/** Generates both services on an open database, analyses, picks search words and makes the API key; closes it. */
async function prepare(backend: Backend, database: Database): Promise<Prepared> {
  const t = performance.now();
  return onMigratedDatabase(database, async (deps, db) => {
    log(`  generating ${count(CASES)} cases on ${backend}…`);
    const main = await generateService(
      deps,
      db,
      { slug: 'bench', name: 'Benchmark Mediation (fictional)', prefix: 'BEN', cases: CASES, years: 5, coordinators: 4 },
      log,
    );
    const other = await generateService(
      deps,
      db,
      { slug: 'bench-other', name: 'Other Mediation (fictional)', prefix: 'OTH', cases: OTHER_CASES, years: 3, coordinators: 2 },
      log,
    );
    const ta = performance.now();
    await analyse(db, deps);
    const analyseSeconds = (performance.now() - ta) / 1000;
    const totalSeconds = (performance.now() - t) / 1000;
    log(`  generated in ${secs(totalSeconds)} (analyse ${secs(analyseSeconds)})`);
    const terms = await pickSearchTerms(db, main.orgId);
    const { key } = await deps.apiKeys.createForOrg(main.orgId, { name: 'bench', role: 'coordinator' }, systemActor('parley bench'));
    // PGlite's plans are taken now: once the server runs, it holds the data directory.
    const plans = database.pglite ? await explainOnPglite(database.pglite, main.orgId, listChecks(terms)) : undefined;
    return { main, other, analyseSeconds, totalSeconds, terms, key, plans };
  });
}

type Variant = { label: string; cwd?: string; env: Record<string, string> };
const COMPARE_ROOT = process.env.BENCH_COMPARE_ROOT;
const ROUNDS = COMPARE_ROOT ? Number(process.env.BENCH_ROUNDS ?? 1) : 1;
/** The apps to serve the generated data with: this checkout's, or (BENCH_COMPARE_ROOT) several, for a comparison. */
function variants(backend: Backend): Variant[] {
  if (!COMPARE_ROOT) return [{ label: '', env: {} }];
  const plain = backend === 'PGlite' ? [{ label: ' (this, plain path)', env: { PARLEY_DB_FAST_PATH: 'off' } }] : [];
  return [{ label: ' (compared)', cwd: COMPARE_ROOT, env: {} }, { label: ' (this)', env: {} }, ...plain];
}

/** Serves the generated data with each variant in turn, ROUNDS times, and records the first server's start. */
async function serveAll(backend: Backend, env: Record<string, string>, prepared: Prepared) {
  for (let round = 0; round < ROUNDS; round++) {
    for (const v of variants(backend)) {
      const { proc, startMs } = await startServer(backend, { ...env, ...v.env }, v.cwd);
      if (v.label) log(`  ${backend}${v.label}, round ${round + 1}`);
      await loadAll(`${backend}${v.label}${ROUNDS > 1 ? ` r${round + 1}` : ''}` as Backend, proc, prepared);
      if (!servers.some((s) => s.backend === backend)) servers.push({ backend, startMs, rssAfterMb: rssMb(proc.pid) });
      const code = await stopProcess(proc);
      if (code !== 0) notes.push(`The ${backend} server did not exit cleanly on SIGTERM (exit code ${code}).`);
    }
  }
}

async function startServer(backend: Backend, env: Record<string, string>, cwd?: string): Promise<{ proc: ServerProcess; startMs: number }> {
  const port = await freePort();
  const since = performance.now();
  // PARLEY_TRUST_PROXY=on so each referral's X-Forwarded-For counts as its own address (see the notes).
  const fastPath: Record<string, string> = process.env.BENCH_DB_FAST_PATH === 'off' ? { PARLEY_DB_FAST_PATH: 'off' } : {};
  const proc = startProcess('src/main.js', { PARLEY_LOG_LEVEL: 'warn', PARLEY_TRUST_PROXY: 'on', ...fastPath, ...env }, port, cwd);
  cleanups.push(async () => void (await stopProcess(proc, 5000)));
  const startMs = await waitForPage(proc, '/healthz', since, START_TIMEOUT_MS);
  const [, on] = await proc.waitForLine(/^Parley is running at \S+ \(on (PostgreSQL|the embedded database)/, 10_000);
  if (on !== (backend === 'PostgreSQL' ? 'PostgreSQL' : 'the embedded database')) throw new Error(`expected the app on ${backend}, but it says it is on ${on}`);
  return { proc, startMs };
}

/** One request before the load: it must answer 2xx, and a list must find something. Returns what the first page held. */
async function probe(proc: ServerProcess, check: Check, key: string): Promise<string> {
  const res = await fetch(proc.baseUrl + check.path, {
    method: check.method ?? 'GET',
    signal: AbortSignal.timeout(30_000),
    headers: check.method ? { 'content-type': 'application/json', 'x-forwarded-for': nextAddress() } : { authorization: `Bearer ${key}` },
    body: check.method ? REFERRAL_BODY : undefined,
  });
  const text = await res.text();
  if (res.status < 200 || res.status >= 300) throw new Error(`${check.method ?? 'GET'} ${check.path} answered ${res.status}: ${text.slice(0, 300)}`);
  if (check.method) return `reference ${JSON.parse(text).reference}`;
  const body = JSON.parse(text) as { cases: { reference: string; parties: string[] }[]; hasMore: boolean };
  if (!body.cases.length) throw new Error(`GET ${check.path} found no cases, so it would not measure a search that finds something`);
  const withNames = body.cases.filter((c) => c.parties.length > 0).length;
  return `${body.cases.length}${body.hasMore ? '+' : ''} ${body.cases.length === 1 && !body.hasMore ? 'case' : 'cases'}, ${withNames} with party names`;
}

async function load(backend: Backend, proc: ServerProcess, check: Check, key: string) {
  const firstPage = await probe(proc, check, key);
  const request: RequestOptions = check.method
    ? { method: check.method, body: REFERRAL_BODY, headers: { 'content-type': 'application/json' } }
    : { headers: { authorization: `Bearer ${key}` } };
  const addresses = () => (check.method ? { addressesFrom: addressBlock() } : {});
  const figures = await measureWarmedLoad(backend, proc, check.path, { ...RUN, connections: check.connections ?? CONNECTIONS }, request, addresses);
  if (figures.non2xx > 0 || figures.errors > 0)
    errors.push(`${backend} ${check.method ?? 'GET'} ${check.path}: ${figures.non2xx} non-2xx responses and ${figures.errors} errors under load`);
  measured.push({ backend, check, figures, firstPage });
  const target = check.targetMs ? ` (target ≤ ${check.targetMs} ms: ${figures.p95Ms <= check.targetMs ? 'PASS' : 'MISS'})` : '';
  log(`${loadLine(check.label, figures)}${target}`);
}

async function loadAll(backend: Backend, proc: ServerProcess, prepared: Prepared) {
  // A failing check is recorded and the others still run (and the plans are still taken).
  for (const check of [...listChecks(prepared.terms), ...aloneChecks(prepared.terms), REFERRAL, REFERRAL_ALONE]) {
    try {
      await load(backend, proc, check, prepared.key);
    } catch (err) {
      if (proc.child.exitCode !== null || proc.child.signalCode !== null) throw err;
      const message = err instanceof Error ? err.message : String(err);
      errors.push(`${backend} ${check.label}: ${message}`);
      console.error(`  ${check.label} failed: ${message}`);
    }
  }
}

async function helloWorld() {
  console.log('Bare Fastify hello-world (baseline, 20 connections)');
  baseline = await measureHelloWorld(RUN, cleanups);
  log(`  p95 ${ms(baseline.p95Ms)}, ${Math.round(baseline.requestsPerSec)} req/s`);
}

async function embedded() {
  console.log('PGlite (embedded)');
  const dataDir = tempDir();
  const prepared = await prepare('PGlite', await openDatabase({ dataDir }));
  generation.push({ backend: 'PGlite', prepared });
  if (prepared.plans) allPlans.push({ backend: 'PGlite', plans: prepared.plans });
  await serveAll('PGlite', { PARLEY_DATA_DIR: dataDir }, prepared);
}

async function postgres(databaseUrl: string) {
  console.log('PostgreSQL');
  const url = await scratchDatabase(databaseUrl, 'parley_bench_cases', cleanups);
  const prepared = await prepare('PostgreSQL', await openDatabase({ databaseUrl: url, poolSize: 4 }));
  generation.push({ backend: 'PostgreSQL', prepared });
  await serveAll('PostgreSQL', { DATABASE_URL: url, PARLEY_DATA_DIR: tempDir() }, prepared);
  console.log('  EXPLAIN (ANALYZE, BUFFERS) of the list queries');
  allPlans.push({ backend: 'PostgreSQL', plans: await explainOnPostgres(url, prepared.main.orgId, listChecks(prepared.terms)) });
}

/** Plan files, and what each plan reads: full scans and the index used, for the results. */
function writePlans(): string[] {
  mkdirSync(PLANS_DIR, { recursive: true });
  const lines: string[] = [];
  for (const { backend, plans } of allPlans) {
    const prepared = generation.find((g) => g.backend === backend)?.prepared;
    const rows = prepared ? `${count(prepared.main.cases)} cases, ${count(prepared.main.parties)} parties, ${count(prepared.main.events)} events` : '';
    for (const p of plans) {
      const file = `${backend === 'PostgreSQL' ? 'postgres' : 'pglite'}-${p.id}.txt`;
      writeFileSync(join(PLANS_DIR, file), planFile(p, backend, rows));
      const scans = [...p.text.matchAll(/(Seq Scan on \w+|Index(?: Only)? Scan(?: Backward)? using \w+|Bitmap Index Scan on \w+)/g)].map((m) => m[1]);
      const removed = [...p.text.matchAll(/Rows Removed by Filter: (\d+)/g)].reduce((s, m) => s + Number(m[1]), 0);
      lines.push(
        `| ${backend} | ${p.label} | ${ms(p.executionMs.at(-1) ?? Number.NaN)} | ${[...new Set(scans)].join('; ')} | ${count(removed)} | [${file}](plans/${file}) |`,
      );
    }
  }
  return lines;
}

function command(file: string, args: string[]): string {
  try {
    return execFileSync(file, args, { encoding: 'utf8', timeout: 10_000 }).trim();
  } catch {
    return '';
  }
}

function writeResults(startedAt: Date, loadAtStart: number[], loadAtEnd: number[]) {
  const node = command(join(ROOT, 'node_modules', '.bin', 'node'), ['--version']) || process.version;
  const cpus = command('nproc', []) || String(availableParallelism());
  const targeted = measured.filter((m) => m.check.targetMs);
  const passed = targeted.filter((m) => m.figures.p95Ms <= (m.check.targetMs ?? 0)).length;
  const planRows = writePlans();
  const ratio = (m: LoadFigures) => (baseline ? `${p95Ratio(m, baseline)} × | ${((100 * m.requestsPerSec) / baseline.requestsPerSec).toFixed(1)} %` : '— | —');
  const lines = [
    '## Referrals and the case',
    '',
    `Run ${startedAt.toISOString()} by \`npm run bench\` (or \`node bench/run.ts cases\`) — nproc ${cpus}, Node ${node}, load average ${loadAtStart
      .map((n) => n.toFixed(2))
      .join(' ')} at the start and ${loadAtEnd.map((n) => n.toFixed(2)).join(' ')} at the end (other work on the machine skews every figure).`,
    '',
    `Targets: with a generated service of 100k cases, 300k parties and 1M timeline events, the case list's first page with filters and search by name, reference and postcode at ${CONNECTIONS} concurrent users p95 ≤ ${LIST_TARGET_MS} ms on PostgreSQL and on PGlite; public referral submission p95 ≤ ${REFERRAL_TARGET_MS} ms. **${passed} PASS, ${targeted.length - passed} MISS.**`,
    ...(CASES !== 100_000
      ? ['', `**This run generated ${count(CASES)} cases (BENCH_CASES), not 100k: the figures are not comparable with the targets.**`]
      : []),
    '',
    '### Requests',
    '',
    `${CONNECTIONS} connections (1 where the check says so), ${SECONDS} s per check after a ${WARM_UP_SECONDS} s warm-up; p95 ÷ hello-world compares with the bare Fastify hello-world below, measured in the same run with ${CONNECTIONS} connections. Checks marked (extra) have no target.`,
    '',
    '| Database | Check | p95 | p50 | p99 | req/s | p95 ÷ hello-world p95 | req/s ÷ hello-world | First page | Target | Result |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...(baseline
      ? [`| — | Hello-world GET / (baseline) | ${latencyCells(baseline)} | ${count(Math.round(baseline.requestsPerSec))} | 1 × | 100 % | — | — | no target |`]
      : []),
    ...measured.map(
      ({ backend, check, figures: f, firstPage }) =>
        `| ${backend} | ${check.label} | ${latencyCells(f)} | ${count(Math.round(f.requestsPerSec))} | ${ratio(f)} | ${firstPage ?? '—'} | ${
          check.targetMs ? `≤ ${check.targetMs} ms` : '—'
        } | ${check.targetMs ? (f.p95Ms <= check.targetMs ? 'PASS' : '**MISS**') : 'no target'} |`,
    ),
    '',
    '### Generated data',
    '',
    '| Database | Service | Cases | Parties | Timeline events | Tasks | Referrals | Time (cases / parties / events / tasks / referrals) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...generation.flatMap(({ backend, prepared }) =>
      [prepared.main, prepared.other].map(
        (g) =>
          `| ${backend} | ${g.slug} | ${count(g.cases)} | ${count(g.parties)} | ${count(g.events)} | ${count(g.tasks)} | ${count(g.referrals)} | ${secs(g.seconds.total ?? 0)} (${[
            'cases',
            'parties',
            'case_events',
            'tasks',
            'referrals',
          ]
            .map((k) => (g.seconds[k] ?? 0).toFixed(1))
            .join(' / ')}) |`,
      ),
    ),
    '',
    ...generation.map(
      ({ backend, prepared }) =>
        `- ${backend}: everything (migrations, both services, the worker's jobs and VACUUM ANALYZE ${secs(prepared.analyseSeconds)}) in ${secs(prepared.totalSeconds)}.`,
    ),
    ...servers.map(
      (s) =>
        `- ${s.backend} server: first answer ${secs(s.startMs / 1000)} after spawning on the generated data; RSS after the load ${s.rssAfterMb.toFixed(0)} MB.`,
    ),
    '',
    '### Query plans',
    '',
    'EXPLAIN (ANALYZE, BUFFERS) of the SQL `searchCases` sends (captured from the app through a recording Drizzle driver), run under ' +
      "`SET ROLE parley_app; SELECT set_config('parley.org_id', …)` so row-level security applies as in the app; three runs, the last kept.",
    '',
    '| Database | Query | Execution | Scans | Rows removed by filters | Plan |',
    '| --- | --- | --- | --- | --- | --- |',
    ...planRows,
    '',
    ...diagnoses(allPlans, measured),
    '',
    ...howMeasured(count(OTHER_CASES)),
  ];
  lines.push(...closingLines(notes, errors));
  writeSection('cases', lines);
}

export async function cleanUpCases() {
  await runCleanups(cleanups);
}

/** Runs the cases benchmark and writes its section and plans; resolves with the exit code (1 when anything failed). */
export async function runCases(): Promise<number> {
  if (!Number.isFinite(SECONDS) || SECONDS < 1 || SECONDS > 600) throw new Error('BENCH_SECONDS must be a number of seconds from 1 to 600');
  if (!Number.isInteger(CASES) || CASES < 1000 || CASES > 1_000_000) throw new Error('BENCH_CASES must be a whole number from 1000 to 1000000');
  const startedAt = new Date();
  const loadAtStart = loadavg();
  const overall = setTimeout(() => {
    console.error('the cases benchmark took more than 45 minutes; stopping');
    killAll();
    void cleanUpCases().finally(() => process.exit(2));
  }, 45 * 60_000);
  try {
    await stepsOnEachDatabase(errors, { baseline: helloWorld, embedded, postgres });
  } finally {
    await cleanUpCases();
    clearTimeout(overall);
  }
  writeResults(startedAt, loadAtStart, loadavg());
  console.log(`\nWrote the cases section of bench/results.md and bench/plans/${errors.length ? ` with ${errors.length} error(s)` : ''}`);
  return errors.length ? 1 : 0;
}
