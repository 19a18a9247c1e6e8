// Starts a Node script as a child process on a loopback port, times it to its first page, reads its memory, stops it.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'node_modules', '.bin');
export const NODE = existsSync(join(BIN, 'node')) ? join(BIN, 'node') : process.execPath;
/** Node's options from `npm start` (package.json), so the app is measured as a new user runs it. */
export const START_OPTIONS: string[] = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start
  .split(/\s+/)
  .filter((word) => word.startsWith('--'));

export type ServerProcess = {
  child: ChildProcess;
  pid: number;
  port: number;
  baseUrl: string;
  /** Every stdout line so far. */
  lines: string[];
  /** Resolves with the first stdout line that matches, or rejects after timeoutMs or when the process exits. */
  waitForLine(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
  output(): string;
};

const running = new Set<ChildProcess>();

/** A port the OS says is free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => (port ? ok(port) : fail(new Error('no free port'))));
    });
  });
}

/** The benchmark's environment without Parley's own settings, so only what a run passes in reaches the app. */
function baseEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined || k === 'DATABASE_URL' || k.startsWith('PARLEY_')) continue;
    env[k] = v;
  }
  return env;
}

/**
 * cwd: another checkout of Parley to run the script from (a comparison: bench/cases/run.ts, BENCH_COMPARE_ROOT).
 * nodeOptions: Node's options for src/main.js instead of `npm start`'s (a comparison of options: bench/compare.ts).
 */
export function startProcess(script: string, env: Record<string, string>, port: number, cwd = ROOT, nodeOptions = START_OPTIONS): ServerProcess {
  const child = spawn(NODE, [...(script === 'src/main.js' ? nodeOptions : []), script], {
    cwd,
    env: { ...baseEnv(), PATH: `${BIN}${delimiter}${process.env.PATH ?? ''}`, HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (!child.pid) throw new Error(`could not start ${script}`);
  running.add(child);
  child.once('exit', () => running.delete(child));

  const lines: string[] = [];
  const errLines: string[] = [];
  const waiters = new Set<() => void>();
  const collect = (into: string[]) => {
    let rest = '';
    return (chunk: Buffer) => {
      const parts = (rest + chunk.toString('utf8')).split('\n');
      rest = parts.pop() ?? '';
      into.push(...parts);
      if (into.length > 5000) into.splice(0, into.length - 5000);
      for (const w of waiters) w();
    };
  };
  child.stdout?.on('data', collect(lines));
  child.stderr?.on('data', collect(errLines));
  child.once('exit', () => {
    for (const w of waiters) w();
  });
  const output = () => [...lines.slice(-20), ...errLines.slice(-20)].join('\n');

  return {
    child,
    pid: child.pid,
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    lines,
    output,
    waitForLine(pattern, timeoutMs) {
      return new Promise((ok, fail) => {
        const check = () => {
          for (const line of lines) {
            const m = line.match(pattern);
            if (m) return done(() => ok(m));
          }
          if (child.exitCode !== null || child.signalCode !== null) done(() => fail(new Error(`process exited before printing ${pattern}:\n${output()}`)));
        };
        const timer = setTimeout(() => done(() => fail(new Error(`no line matching ${pattern} within ${timeoutMs} ms:\n${output()}`))), timeoutMs);
        const done = (settle: () => void) => {
          clearTimeout(timer);
          waiters.delete(check);
          settle();
        };
        waiters.add(check);
        check();
      });
    },
  };
}

/** Milliseconds from `since` until GET path answers 200, polling every 20 ms. */
export async function waitForPage(proc: ServerProcess, path: string, since: number, timeoutMs: number): Promise<number> {
  const deadline = since + timeoutMs;
  while (performance.now() < deadline) {
    if (proc.child.exitCode !== null || proc.child.signalCode !== null) throw new Error(`server exited before serving ${path}:\n${proc.output()}`);
    try {
      const res = await fetch(proc.baseUrl + path, { redirect: 'manual', signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.status === 200) return performance.now() - since;
    } catch {
      // not listening yet
    }
    await sleep(20);
  }
  throw new Error(`GET ${path} did not answer 200 within ${timeoutMs} ms:\n${proc.output()}`);
}

/** Resident memory of a process in MB, from /proc/<pid>/status. */
export function rssMb(pid: number): number {
  return statusMb(pid, 'VmRSS');
}

/** The most resident memory a process has had so far (its high-water mark), in MB. */
export function peakRssMb(pid: number): number {
  return statusMb(pid, 'VmHWM');
}

function statusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm'));
  if (!m?.[1]) throw new Error(`no ${field} for pid ${pid}`);
  return Number(m[1]) / 1024;
}

/** SIGTERM, then SIGKILL if it has not exited within graceMs. Resolves with the exit code (null when killed). */
export async function stopProcess(proc: ServerProcess, graceMs = 10_000): Promise<number | null> {
  const { child } = proc;
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  const code = await exited;
  clearTimeout(timer);
  return code;
}

/** Last resort on failure or interrupt: kill whatever is still running. */
export function killAll() {
  for (const child of running) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

export type Cleanup = () => Promise<void> | void;

/** Runs a benchmark's clean-ups newest first (each failure reported, none stopping the rest), then kills any child left. */
export async function runCleanups(cleanups: Cleanup[]) {
  for (const fn of cleanups.reverse()) {
    try {
      await fn();
    } catch (err) {
      console.error('clean-up failed:', err instanceof Error ? err.message : err);
    }
  }
  cleanups.length = 0;
  killAll();
}
