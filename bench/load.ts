// Drives one URL with autocannon and reports requests per second and latency percentiles, including a true p95.
import { Worker } from 'node:worker_threads';

export type LoadOptions = {
  connections: number;
  seconds: number;
  cookie?: string;
  /** Extra request headers (an API key's Authorization, a JSON content type). */
  headers?: Record<string, string>;
  method?: string;
  body?: string;
  /** Each request from its own client address (X-Forwarded-For 10.x.y.z), counting up from this number. */
  addressesFrom?: number;
  /** GET these paths of the URL's server in turn, on every connection, instead of the URL's own path (a mix of pages). */
  paths?: string[];
};

export type LoadFigures = {
  url: string;
  requestsPerSec: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  ok: number;
  non2xx: number;
  errors: number;
};

/**
 * Runs the load (load-worker.ts) in a worker thread, with a heap of its own: the benchmark process may just have
 * generated a large service, and its garbage collection must not pause the clock of the requests being timed.
 */
export function measureLoad(url: string, opts: LoadOptions): Promise<LoadFigures> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./load-worker.ts', import.meta.url), { workerData: { url, opts } });
    worker.once('message', (figures: LoadFigures) => resolve(figures));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the load generator for ${url} exited with code ${code}`));
    });
  });
}

/** A client address (X-Forwarded-For) from a counter: 10.x.y.z. */
export const clientAddress = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}
