// Side by side: `npm start` of this checkout against another checkout (BENCH_COMPARE_ROOT) or against Node options of
// its own (BENCH_COMPARE_OPTIONS), measured in turn in the same minutes. The machine's speed moves by a third between
// runs and within them, so a change of a tenth shows only this way: every variant is up at once, each is measured in
// its turn, the order alternates round by round, and the server's own CPU time a request (from /proc) is kept beside
// the rates and latencies, which the machine's other load moves more.
//   BENCH_COMPARE_ROOT=<checkout>         that checkout's code as a variant (installed there: `npm ci`, which builds its bundle)
//   BENCH_COMPARE_OPTIONS='<options>'     this code started with these Node options instead of `npm start`'s
//   BENCH_ROUNDS (default 4), BENCH_SECONDS each load run (default 6), BENCH_IDLE_SECONDS (default 30)
//   BENCH_COMPARE_ON=pglite|postgres      one database only (default: the embedded one, and PostgreSQL when DATABASE_URL is set)
// Per variant, on the embedded database: the restart on a set-up data directory (time to the first page, peak and idle
// memory); then, on each database (PostgreSQL when DATABASE_URL is set), /home at 50 connections and the foundation's
// mix of pages at 100, signed in as a new service's admin.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { MIX } from './foundation.ts';
import { measureLoad } from './load.ts';
import { scratchDatabase } from './pg-admin.ts';
import { writeSection } from './results-file.ts';
import {
  type Cleanup,
  freePort,
  peakRssMb,
  ROOT,
  rssMb,
  runCleanups,
  type ServerProcess,
  START_OPTIONS,
  startProcess,
  stopProcess,
  waitForPage,
} from './server-process.ts';
import { setUpAndSignIn } from './sign-in.ts';

type Variant = { name: string; cwd: string; options: string[] };
type Db = 'PGlite' | 'PostgreSQL';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 30);
const TICK_MS = 10; // Linux reports a process's CPU time in clock ticks of 1/100 s (USER_HZ)
const SETUP_LINK = /\/setup\?token=(\S+)/;
const cleanups: Cleanup[] = [];

function variants(): Variant[] {
  const list: Variant[] = [{ name: 'this code, npm start', cwd: ROOT, options: START_OPTIONS }];
  const root = process.env.BENCH_COMPARE_ROOT;
  if (root) list.push({ name: `${root.split('/').at(-1)}, npm start`, cwd: root, options: START_OPTIONS });
  const options = process.env.BENCH_COMPARE_OPTIONS;
  if (options !== undefined) list.push({ name: `this code, node ${options || '(no options)'}`, cwd: ROOT, options: options.split(/\s+/).filter(Boolean) });
  return list;
}

/** A process's CPU time so far, with its children's (ms), from /proc/<pid>/stat and /proc/<pid>/task/<pid>/children. */
function cpuMs(pid: number): number {
  let total = 0;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    total += (Number(fields[11]) + Number(fields[12])) * TICK_MS;
    for (const child of readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(/\s+/).filter(Boolean)) total += cpuMs(Number(child));
  } catch {
    // the process has gone
  }
  return total;
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'parley-compare-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function start(v: Variant, env: Record<string, string>): Promise<{ proc: ServerProcess; ms: number }> {
  const since = performance.now();
  const proc = startProcess('src/main.js', { PARLEY_LOG_LEVEL: 'warn', ...env }, await freePort(), v.cwd, v.options);
  cleanups.push(async () => void (await stopProcess(proc, 5000)));
  return { proc, ms: await waitForPage(proc, '/sign-in', since, 60_000) };
}

const list = (values: number[], digits = 0) => values.map((n) => n.toFixed(digits)).join(', ');

/** Restarts each variant on a data directory its first start set up, in turn; then reads each one's idle memory. */
async function restarts(all: Variant[], out: string[]) {
  const dirs = await Promise.all(
    all.map(async (v) => {
      const dir = tempDir();
      const { proc } = await start(v, { PARLEY_DATA_DIR: dir });
      await proc.waitForLine(SETUP_LINK, 10_000);
      await stopProcess(proc);
      return dir;
    }),
  );
  const figures = all.map(() => ({ ms: [] as number[], peak: [] as number[], idle: [] as number[] }));
  for (let round = 0; round < ROUNDS; round++) {
    const order = all.map((_, i) => i);
    if (round % 2) order.reverse();
    const up: { i: number; proc: ServerProcess }[] = [];
    for (const i of order) {
      const dir = tempDir();
      cpSync(dirs[i]!, dir, { recursive: true });
      for (const f of readdirSync(dir).filter((name) => name.endsWith('.lock'))) rmSync(join(dir, f), { force: true });
      const { proc, ms } = await start(all[i]!, { PARLEY_DATA_DIR: dir });
      figures[i]!.ms.push(ms);
      figures[i]!.peak.push(peakRssMb(proc.pid));
      up.push({ i, proc });
    }
    await sleep(IDLE_SECONDS * 1000);
    for (const { i, proc } of up) {
      figures[i]!.idle.push(rssMb(proc.pid));
      await stopProcess(proc);
    }
  }
  out.push('', '| Variant | Restart to first page (ms) | Peak memory during start (MB) | Idle memory (MB) |', '| --- | --- | --- | --- |');
  for (const [i, v] of all.entries()) out.push(`| ${v.name} | ${list(figures[i]!.ms)} | ${list(figures[i]!.peak, 1)} | ${list(figures[i]!.idle, 1)} |`);
}

/** /home at 50 connections and the mix at 100, each variant in turn, round by round. */
async function loads(all: Variant[], db: Db, out: string[]) {
  const servers: { proc: ServerProcess; cookie: string }[] = [];
  for (const [n, v] of all.entries()) {
    const env: Record<string, string> =
      db === 'PostgreSQL'
        ? { DATABASE_URL: await scratchDatabase(process.env.DATABASE_URL ?? '', 'parley_compare', cleanups) }
        : { PARLEY_DATA_DIR: tempDir() };
    const { proc } = await start(v, env);
    const token = (await proc.waitForLine(SETUP_LINK, 10_000))[1] ?? '';
    servers.push({ proc, cookie: await setUpAndSignIn(proc.baseUrl, token, `compare-${n}`) });
  }
  const runs = [
    { what: '/home, 50 connections', connections: 50, paths: undefined },
    { what: 'mix, 100 connections', connections: 100, paths: MIX },
  ];
  for (const run of runs) {
    const figures = all.map(() => ({ rps: [] as number[], p95: [] as number[], cpu: [] as number[] }));
    for (const { proc, cookie } of servers) await measureLoad(`${proc.baseUrl}/home`, { connections: run.connections, seconds: 1, cookie, paths: run.paths });
    for (let round = 0; round < ROUNDS; round++) {
      const order = all.map((_, i) => i);
      if (round % 2) order.reverse();
      for (const i of order) {
        const { proc, cookie } = servers[i]!;
        const before = cpuMs(proc.pid);
        const f = await measureLoad(`${proc.baseUrl}/home`, { connections: run.connections, seconds: SECONDS, cookie, paths: run.paths });
        if (f.non2xx || f.errors) throw new Error(`${all[i]!.name} answered ${f.non2xx} non-2xx and ${f.errors} errors on ${run.what}`);
        figures[i]!.rps.push(f.requestsPerSec);
        figures[i]!.p95.push(f.p95Ms);
        figures[i]!.cpu.push((cpuMs(proc.pid) - before) / f.ok);
        console.log(`  ${db} ${run.what}, round ${round + 1}, ${all[i]!.name}: ${f.requestsPerSec.toFixed(0)} req/s, p95 ${f.p95Ms.toFixed(0)} ms`);
      }
    }
    for (const [i, v] of all.entries())
      out.push(`| ${db} | ${run.what} | ${v.name} | ${list(figures[i]!.cpu, 2)} | ${list(figures[i]!.rps)} | ${list(figures[i]!.p95)} |`);
  }
  const peaks = servers.map(({ proc }) => peakRssMb(proc.pid));
  for (const [i, v] of all.entries()) out.push(`| ${db} | most memory the process had, after the loads: ${peaks[i]!.toFixed(1)} MB | ${v.name} | | | |`);
  for (const { proc } of servers) await stopProcess(proc);
}

export async function runCompare(): Promise<number> {
  const all = variants();
  if (all.length < 2) {
    console.error('Nothing to compare with: set BENCH_COMPARE_ROOT to another checkout, or BENCH_COMPARE_OPTIONS to Node options.');
    return 64;
  }
  const [load1] = readFileSync('/proc/loadavg', 'utf8').split(' ');
  const out = [
    '## Side by side (bench/compare.ts)',
    '',
    `Run ${new Date().toISOString()} by \`node bench/run.ts compare\`, ${ROUNDS} rounds, load average ${load1} at the start. Each cell lists the rounds in order; the variants took turns, the order alternating.`,
  ];
  try {
    const on = process.env.BENCH_COMPARE_ON;
    if (on !== 'postgres') await restarts(all, out);
    out.push('', '| Database | Load | Variant | CPU a request (ms) | Requests a second | p95 (ms) |', '| --- | --- | --- | --- | --- | --- |');
    if (on !== 'postgres') await loads(all, 'PGlite', out);
    if (process.env.DATABASE_URL && on !== 'pglite') await loads(all, 'PostgreSQL', out);
  } finally {
    await runCleanups(cleanups.splice(0));
  }
  writeSection('compare', out);
  console.log(out.join('\n'));
  return 0;
}

export const cleanUpCompare = () => runCleanups(cleanups.splice(0));
