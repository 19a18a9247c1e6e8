// Drives one URL with autocannon and reports requests per second and latency percentiles, including a true p95.
import autocannon, { type RawRequest } from 'autocannon';

export type LoadOptions = {
  connections: number;
  seconds: number;
  cookie?: string;
  /** Extra request headers (an API key's Authorization, a JSON content type). */
  headers?: Record<string, string>;
  method?: string;
  body?: string;
  /** Changes each request before it is sent (e.g. a different X-Forwarded-For every time). */
  setupRequest?: (req: RawRequest) => RawRequest;
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
 * autocannon's own latency histogram has no p95 (it offers p90, p97.5, p99), so every 2xx response time
 * from its `response` event is recorded here and p95 is the nearest-rank percentile of those.
 */
export async function measureLoad(url: string, opts: LoadOptions): Promise<LoadFigures> {
  const latencies: number[] = [];
  const instance = autocannon({
    url,
    connections: opts.connections,
    duration: opts.seconds,
    timeout: 10,
    bailout: 1000, // stop early when the server has gone away
    headers: { ...(opts.cookie ? { cookie: opts.cookie } : {}), ...opts.headers },
    ...(opts.method ? { method: opts.method } : {}),
    ...(opts.body !== undefined ? { body: opts.body } : {}),
    ...(opts.setupRequest ? { requests: [{ setupRequest: opts.setupRequest }] } : {}),
  });
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
  });
  const hardStop = setTimeout(() => instance.stop(), (opts.seconds + 30) * 1000);
  const result = await instance;
  clearTimeout(hardStop);

  latencies.sort((a, b) => a - b);
  return {
    url,
    requestsPerSec: latencies.length / result.duration,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    p99Ms: percentile(latencies, 99),
    ok: latencies.length,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}
