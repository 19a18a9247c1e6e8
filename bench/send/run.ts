// The SEND benchmark (`node bench/run.ts send`, part of `npm run bench`): 10,000 generated SEND cases spanning five
// years of bank holidays (bench/send/generate.ts), every clock of the open ones computed for the deadlines queue on
// each request. p95 of the queue page (GET /send/deadlines, signed in as a coordinator) and of its API twin
// (GET /api/v1/send/deadlines) at 20 concurrent users, target ≤ 50 ms, on PGlite and, with DATABASE_URL, PostgreSQL;
// a bare Fastify hello-world is measured in the same run as the baseline.
import { loadavg } from 'node:os';
import { systemActor } from '#src/access/actor.ts';
import { type Database, openDatabase } from '#src/db/client.ts';
import { analyse, onMigratedDatabase } from '../cases/generate.ts';
import type { LoadFigures } from '../load.ts';
import { latencyCells, loadLine, type LoadRun, measureHelloWorld, measureWarmedLoad, ms, p95Ratio } from '../measured-runs.ts';
import { scratchDatabase } from '../pg-admin.ts';
import { writeSection } from '../results-file.ts';
import { type Cleanup, freePort, runCleanups, startProcess, stopProcess, waitForPage } from '../server-process.ts';
import { CookieJar } from '../sign-in.ts';
import { generateSendService, SEND_PASSWORD } from './generate.ts';
import { closingLines, scratchDir, stepsOnEachDatabase } from '../run-steps.ts';

const CASES = Number(process.env.BENCH_SEND_CASES ?? 10_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARM_UP_SECONDS = 3;
const CONNECTIONS = 20;
export const DEADLINES_TARGET_MS = 50;
const RUN: LoadRun = { connections: CONNECTIONS, warmUpSeconds: WARM_UP_SECONDS, seconds: SECONDS };

type Row = { backend: string; what: string; figures: LoadFigures; firstPage: string };
const rows: Row[] = [];
const notes: string[] = [];
const errors: string[] = [];
const cleanups: Cleanup[] = [];
let baseline: LoadFigures | undefined;

async function signIn(baseUrl: string): Promise<string> {
  const jar = new CookieJar();
  const page = await fetch(`${baseUrl}/sign-in`, { redirect: 'manual' });
  jar.take(page);
  const csrf = (await page.text()).match(/name="_csrf" value="([^"]+)"/)?.[1] ?? '';
  const res = await fetch(`${baseUrl}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf, email: 'coordinator@bench-send.example.org', password: SEND_PASSWORD }).toString(),
  });
  jar.take(res);
  if (res.status !== 303) throw new Error(`signing in answered ${res.status}`);
  return jar.header();
}

function prepare(database: Database) {
  return onMigratedDatabase(database, async (deps, db) => {
    const t = performance.now();
    const service = await generateSendService(deps, db, CASES);
    await analyse(db, deps);
    const { key } = await deps.apiKeys.createForOrg(service.orgId, { name: 'bench', role: 'coordinator' }, systemActor('parley bench'));
    console.log(`  generated ${CASES.toLocaleString('en-GB')} SEND cases (${service.openCases} open) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    return { ...service, key };
  });
}

async function measure(backend: string, env: Record<string, string>, key: string) {
  const port = await freePort();
  const proc = startProcess('src/main.js', { PARLEY_LOG_LEVEL: 'warn', ...env }, port);
  cleanups.push(async () => void (await stopProcess(proc, 5000)));
  await waitForPage(proc, '/healthz', performance.now(), 120_000);
  const cookie = await signIn(proc.baseUrl);
  const checks: { what: string; path: string; headers: Record<string, string> }[] = [
    { what: 'GET /send/deadlines (page 1 of the queue)', path: '/send/deadlines', headers: { cookie } },
    { what: 'GET /api/v1/send/deadlines (every running clock)', path: '/api/v1/send/deadlines', headers: { authorization: `Bearer ${key}` } },
  ];
  for (const c of checks) {
    const first = await fetch(proc.baseUrl + c.path, { headers: c.headers });
    const body = await first.text();
    if (first.status !== 200) throw new Error(`${c.path} answered ${first.status}`);
    const firstPage = c.path.startsWith('/api')
      ? `${(JSON.parse(body) as unknown[]).length} clocks`
      : `${(body.match(/<tr class="govuk-table__row">/g) ?? []).length - 1} rows; ${body.match(/Page 1 of ([\d,]+) clocks/)?.[1] ?? '?'} clocks in all`;
    const figures = await measureWarmedLoad(backend, proc, c.path, RUN, { headers: c.headers });
    if (figures.non2xx || figures.errors) errors.push(`${backend} ${c.path}: ${figures.non2xx} non-2xx and ${figures.errors} errors under load`);
    rows.push({ backend, what: c.what, figures, firstPage });
    console.log(loadLine(c.what, figures));
  }
  await stopProcess(proc);
}

async function helloWorld() {
  baseline = await measureHelloWorld(RUN, cleanups);
  console.log(`  hello-world: p95 ${ms(baseline.p95Ms)}, ${Math.round(baseline.requestsPerSec)} req/s`);
}

async function embedded() {
  const dataDir = scratchDir('parley-bench-send-', cleanups);
  const { key } = await prepare(await openDatabase({ dataDir }));
  await measure('PGlite', { PARLEY_DATA_DIR: dataDir }, key);
}

async function postgres(databaseUrl: string) {
  const url = await scratchDatabase(databaseUrl, 'parley_bench_send', cleanups);
  const dataDir = scratchDir('parley-bench-send-pg-', cleanups);
  const { key } = await prepare(await openDatabase({ databaseUrl: url, poolSize: 4 }));
  await measure('PostgreSQL', { DATABASE_URL: url, PARLEY_DATA_DIR: dataDir }, key);
}

function writeResults(startedAt: Date, loadAtStart: number[]) {
  const lines = [
    '## SEND mediation: the deadlines queue',
    '',
    `Run ${startedAt.toISOString()} with \`node bench/run.ts send\` (load average at the start ${loadAtStart.map((n) => n.toFixed(2)).join(', ')}).`,
    `${CASES.toLocaleString('en-GB')} generated SEND cases over five years (bench/send/generate.ts); every clock of the open cases is counted in working days (England and Wales bank holidays), once a day and again whenever a SEND record, a certificate or a SEND case's status changes (one fingerprint query per request).`,
    `${CONNECTIONS} connections, ${SECONDS} s per check after a ${WARM_UP_SECONDS} s warm-up. Target: p95 ≤ ${DEADLINES_TARGET_MS} ms. The page shows 50 clocks a page, overdue first.`,
    '',
    '| Database | Check | p95 | p50 | p99 | req/s | p95 ÷ hello-world p95 | First request | Target | Result |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map((r) => {
      const ratio = baseline ? p95Ratio(r.figures, baseline) : '—';
      const pass = r.figures.p95Ms <= DEADLINES_TARGET_MS ? 'PASS' : 'MISS';
      return `| ${r.backend} | ${r.what} | ${latencyCells(r.figures)} | ${Math.round(r.figures.requestsPerSec)} | ${ratio} | ${r.firstPage} | ≤ ${DEADLINES_TARGET_MS} ms | ${pass} |`;
    }),
    baseline ? `| — | bare Fastify hello-world (baseline) | ${latencyCells(baseline)} | ${Math.round(baseline.requestsPerSec)} | 1.0 | — | — | — |` : '',
    '',
  ];
  lines.push(...closingLines(notes, errors));
  writeSection('send', lines);
}

export async function cleanUpSend() {
  await runCleanups(cleanups);
}

export async function runSend(): Promise<number> {
  const startedAt = new Date();
  const loadAtStart = loadavg();
  try {
    await stepsOnEachDatabase(errors, { baseline: helloWorld, embedded, postgres });
  } finally {
    await cleanUpSend();
  }
  writeResults(startedAt, loadAtStart);
  return errors.length ? 1 : 0;
}
