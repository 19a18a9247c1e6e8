// The durability benchmark (`node bench/run.ts durability`): 20 writers make real, acknowledged writes through the
// HTTP API (POST /api/v1/referrals with an API key) to the real server (`node src/main.js`); the server is killed
// with SIGKILL mid-load, restarted on the same data, and every write it had acknowledged (201 with a reference) is
// looked for through the restarted server's API. Lost = acknowledged but missing: the target is 0. A few rounds on the
// embedded database (a temporary data directory) and, with DATABASE_URL, on a fresh PostgreSQL database.
import { execFile } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { adminStatement } from './pg-admin.ts';
import { writeSection } from './results-file.ts';
import { type Cleanup, freePort, NODE, ROOT, runCleanups, type ServerProcess, startProcess, stopProcess, waitForPage } from './server-process.ts';

const WRITERS = 20;
const ROUNDS = 3;
/** The kill comes at a random moment this long after the writers start. */
const KILL_AFTER_MS: readonly [number, number] = [6000, 12000];
/** No new round starts once a database has had this long: the benchmark stays bounded on a busy machine. */
const BUDGET_MS = 6 * 60_000;
const START_TIMEOUT_MS = 180_000;
const say = (line: string) => console.log(line);
const run = promisify(execFile);

type Figures = {
  backend: string;
  rounds: number;
  acknowledged: number;
  refused: number;
  failedAtKill: number;
  lost: number;
  restartMs: number[];
};

const cleanups: Cleanup[] = [];

function cleanEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'DATABASE_URL' && !k.startsWith('PARLEY_')) env[k] = v;
  return { ...env, PARLEY_LOG_LEVEL: 'warn', ...extra };
}

/** A service and an API key that may make referrals, made with the CLI as an operator would. */
async function setUp(env: Record<string, string>): Promise<string> {
  const parley = (args: string[]) => run(NODE, ['bin/parley.js', ...args], { cwd: ROOT, env: cleanEnv(env), timeout: START_TIMEOUT_MS });
  await parley(['org', 'create', '--slug', 'durable', '--name', 'Durability Bench Mediation (fictional)']);
  const { stdout } = await parley(['apikey', 'create', '--org', 'durable', '--name', 'Durability bench', '--role', 'coordinator']);
  return stdout.trim().split('\n').at(-1)!;
}

const referral = (writer: number, n: number) => ({
  caseType: 'community',
  description: `Durability bench referral ${writer}-${n}: noise from a shared garden (fictional)`,
  consentToContact: true,
  personAgreed: true,
  parties: [{ name: `Bench Party ${writer}-${n}`, role: 'party' }],
  referrer: { organisation: 'Bench Housing (fictional)', role: 'Housing officer', name: 'Bea Bench', email: 'bea.bench@bench.example' },
});

async function startServer(env: Record<string, string>): Promise<{ proc: ServerProcess; ms: number }> {
  const since = performance.now();
  const proc = startProcess('src/main.js', cleanEnv(env), await freePort());
  cleanups.push(async () => void (await stopProcess(proc, 5000)));
  const ms = await waitForPage(proc, '/readyz', since, START_TIMEOUT_MS);
  return { proc, ms };
}

/** 20 writers until the server is killed; returns the references it acknowledged. */
async function loadAndKill(proc: ServerProcess, key: string, killAfterMs: readonly [number, number]) {
  const acknowledged: string[] = [];
  let refused = 0;
  let failedAtKill = 0;
  let killed = false;
  const writer = async (w: number) => {
    for (let n = 0; ; n++) {
      try {
        const res = await fetch(`${proc.baseUrl}/api/v1/referrals`, {
          method: 'POST',
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          body: JSON.stringify(referral(w, n)),
          signal: AbortSignal.timeout(30_000),
        });
        const body = (await res.json()) as { reference?: string };
        if (res.status === 201 && body.reference) acknowledged.push(body.reference);
        else refused++;
      } catch {
        if (killed) {
          failedAtKill++;
          return;
        }
        refused++;
        await sleep(50);
      }
    }
  };
  const writers = Array.from({ length: WRITERS }, (_, w) => writer(w));
  await sleep(randomInt(...killAfterMs));
  killed = true;
  proc.child.kill('SIGKILL');
  await Promise.all(writers);
  return { acknowledged, refused, failedAtKill };
}

/** Every referral reference the server holds, through its API, 50 to a page. */
async function referencesHeld(proc: ServerProcess, key: string): Promise<Set<string>> {
  const held = new Set<string>();
  for (let page = 1; ; page++) {
    const res = await fetch(`${proc.baseUrl}/api/v1/referrals?page=${page}`, { headers: { authorization: `Bearer ${key}` } });
    if (res.status !== 200) throw new Error(`GET /api/v1/referrals answered ${res.status}`);
    const { referrals, total } = (await res.json()) as { referrals: { reference: string }[]; total: number };
    for (const r of referrals) held.add(r.reference);
    if (referrals.length === 0 || held.size >= total) return held;
  }
}

/** Rounds of load, `kill -9` and restart on one database; also run by test/integration/durability.test.ts (one short round). */
export async function rounds(backend: string, env: Record<string, string>, opts = { rounds: ROUNDS, killAfterMs: KILL_AFTER_MS }): Promise<Figures> {
  const key = await setUp(env);
  const figures: Figures = { backend, rounds: 0, acknowledged: 0, refused: 0, failedAtKill: 0, lost: 0, restartMs: [] };
  const all: string[] = [];
  const began = performance.now();
  let { proc } = await startServer(env);
  while (figures.rounds < opts.rounds && (figures.rounds === 0 || performance.now() - began < BUDGET_MS)) {
    const round = await loadAndKill(proc, key, opts.killAfterMs);
    all.push(...round.acknowledged);
    figures.rounds++;
    figures.acknowledged += round.acknowledged.length;
    figures.refused += round.refused;
    figures.failedAtKill += round.failedAtKill;
    const restarted = await startServer(env);
    proc = restarted.proc;
    figures.restartMs.push(restarted.ms);
    const held = await referencesHeld(proc, key);
    figures.lost = all.filter((r) => !held.has(r)).length;
    say(
      `  ${backend} round ${figures.rounds}: ${round.acknowledged.length} acknowledged, ${round.failedAtKill} cut off by the kill; lost so far ${figures.lost}`,
    );
  }
  await stopProcess(proc);
  return figures;
}

export async function cleanUpDurability() {
  await runCleanups(cleanups);
}

export async function runDurability(): Promise<number> {
  const startedAt = new Date();
  const loadAtStart = loadavg();
  const results: Figures[] = [];
  try {
    const dataDir = mkdtempSync(join(tmpdir(), 'parley-bench-durability-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    results.push(await rounds('PGlite', { PARLEY_DATA_DIR: dataDir }));

    const databaseUrl = process.env.DATABASE_URL;
    if (databaseUrl) {
      const admin = (statement: string) => adminStatement(databaseUrl, statement);
      const name = `parley_bench_durability_${process.pid}`;
      await admin(`CREATE DATABASE ${name}`);
      cleanups.push(() => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      const url = new URL(databaseUrl);
      url.pathname = `/${name}`;
      const secretDir = mkdtempSync(join(tmpdir(), 'parley-bench-durability-pg-'));
      cleanups.push(() => rmSync(secretDir, { recursive: true, force: true }));
      results.push(
        await rounds('PostgreSQL', { DATABASE_URL: url.toString(), PARLEY_DATA_DIR: secretDir, PARLEY_SECRET: randomBytes(32).toString('base64url') }),
      );
    }
  } finally {
    await runCleanups(cleanups);
  }

  const load = (l: number[]) => l.map((n) => n.toFixed(2)).join(' ');
  const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const ok = results.every((r) => r.lost === 0 && r.acknowledged > 0);
  const total = results.reduce((sum, r) => sum + r.acknowledged, 0);
  writeSection('durability', [
    '## Durability: `kill -9` under load',
    '',
    `Run ${startedAt.toISOString()} by \`npm run bench\` (or \`node bench/run.ts durability\`) — nproc ${availableParallelism()}, Node ${process.version}, load average ${load(loadAtStart)} at the start and ${load(loadavg())} at the end (other work on the machine skews every figure).`,
    '',
    `${WRITERS} writers make referrals through \`POST /api/v1/referrals\` (an API key, as a referral partner's system would) against the real server (\`node src/main.js\`); ${(KILL_AFTER_MS[0] / 1000).toFixed(1)}–${(KILL_AFTER_MS[1] / 1000).toFixed(1)} s into the load the server is killed with SIGKILL, restarted on the same data, and every reference it had acknowledged (201) is looked for through the restarted server's API. Up to ${ROUNDS} rounds per database, each on the data the last one left. Target: 0 acknowledged writes lost. ${total.toLocaleString('en-GB')} acknowledged writes in all. **${ok ? 'PASS' : 'MISS'}.**`,
    '',
    '| Database | Rounds | Acknowledged writes | Cut off by the kill (never acknowledged) | Refused or failed before the kill | Lost (acknowledged, then missing) | Restart after `kill -9` to ready (each round) | Result |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...results.map(
      (r) =>
        `| ${r.backend} | ${r.rounds} | ${r.acknowledged.toLocaleString('en-GB')} | ${r.failedAtKill} | ${r.refused} | ${r.lost} | ${r.restartMs.map(secs).join(', ')} | ${r.lost === 0 && r.acknowledged > 0 ? 'PASS' : '**MISS**'} |`,
    ),
    '',
    '- A write is acknowledged when the server has answered 201 with the referral’s reference; requests in flight when the server died got no answer and are not counted (the person would try again). The restart includes recovery (PGlite replays its write-ahead log; the data directory’s lock left by the dead process is taken over).',
    `- PGlite runs in a temporary data directory; PostgreSQL in a fresh database on the local server, dropped afterwards.${results.length < 2 ? ' PostgreSQL was not measured in this run: set DATABASE_URL.' : ''}`,
    '',
  ]);
  say(ok ? 'durability: PASS' : 'durability: MISS');
  return ok ? 0 : 1;
}
