// What the benchmarks that time requests or calls share: a load run after its warm-up against a server, the bare
// Fastify hello-world measured the same way as the baseline, timed runs of an in-process call with their percentiles,
// and how a load run's figures read in the console and in a results table (bench/results-file.ts writes the section).
import { type LoadFigures, type LoadOptions, measureLoad, percentile } from './load.ts';
import { type Cleanup, freePort, type ServerProcess, startProcess, stopProcess, waitForPage } from './server-process.ts';

/** How many connections drive a load run, and for how long after how long a warm-up. */
export type LoadRun = { connections: number; warmUpSeconds: number; seconds: number };

/** What a request of a load run sends besides its URL. */
export type RequestOptions = Omit<LoadOptions, 'connections' | 'seconds'>;

/** Milliseconds to one decimal, or a dash for a figure that was not taken. */
export const ms = (n: number) => (Number.isFinite(n) ? `${n.toFixed(1)} ms` : '—');

/**
 * A warm-up run, then the measured one, against one path of a running server; throws when the server exits meanwhile.
 * `eachRun` gives what must be new for each of the two runs (a fresh block of client addresses).
 */
export async function measureWarmedLoad(
  serverName: string,
  proc: ServerProcess,
  path: string,
  run: LoadRun,
  request: RequestOptions = {},
  eachRun: () => RequestOptions = () => ({}),
): Promise<LoadFigures> {
  const url = proc.baseUrl + path;
  const alive = () => proc.child.exitCode === null && proc.child.signalCode === null;
  await measureLoad(url, { connections: run.connections, seconds: run.warmUpSeconds, ...request, ...eachRun() });
  const figures = alive() ? await measureLoad(url, { connections: run.connections, seconds: run.seconds, ...request, ...eachRun() }) : undefined;
  if (!figures || !alive()) throw new Error(`the ${serverName} server exited under load on ${path}:\n${proc.output()}`);
  return figures;
}

/** The bare Fastify hello-world (bench/hello-world.ts) under the same load run: the baseline a results table compares with. */
export async function measureHelloWorld(run: LoadRun, cleanups: Cleanup[]): Promise<LoadFigures> {
  const port = await freePort();
  const proc = startProcess('bench/hello-world.ts', {}, port);
  cleanups.push(async () => void (await stopProcess(proc, 5000)));
  await waitForPage(proc, '/', performance.now(), 60_000);
  const figures = await measureWarmedLoad('hello-world', proc, '/', run);
  await stopProcess(proc);
  return figures;
}

/** The console line for a load run: `  <label>: p95 …, p50 …, N req/s`. */
export const loadLine = (label: string, f: LoadFigures) => `  ${label}: p95 ${ms(f.p95Ms)}, p50 ${ms(f.p50Ms)}, ${Math.round(f.requestsPerSec)} req/s`;

/** A results table's p95, p50 and p99 cells for a load run, joined as a table row joins them. */
export const latencyCells = (f: LoadFigures) => `${ms(f.p95Ms)} | ${ms(f.p50Ms)} | ${ms(f.p99Ms)}`;

/** How many times the baseline's p95 a load run's p95 is, to one decimal. */
export const p95Ratio = (f: LoadFigures, baseline: LoadFigures) => (f.p95Ms / baseline.p95Ms).toFixed(1);

/** Nearest-rank p50 and p95, in milliseconds, of `runs` timed calls made after `warmUps` untimed ones. */
export async function timeRuns(runs: number, warmUps: number, call: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  const times: number[] = [];
  for (let i = 0; i < runs + warmUps; i++) {
    const start = performance.now();
    await call();
    if (i >= warmUps) times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}
