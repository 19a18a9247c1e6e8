// The load generator itself, run in a worker thread by measureLoad (load.ts): autocannon, recording every 2xx
// response time from its `response` event so p95 can be the nearest-rank percentile (autocannon offers p90, p97.5, p99).
import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';
import { clientAddress, type LoadFigures, type LoadOptions, percentile } from './load.ts';

async function run(url: string, opts: LoadOptions): Promise<LoadFigures> {
  const latencies: number[] = [];
  let next = opts.addressesFrom ?? 0;
  const instance = autocannon({
    url,
    connections: opts.connections,
    duration: opts.seconds,
    timeout: 10,
    bailout: 1000, // stop early when the server has gone away
    headers: { ...(opts.cookie ? { cookie: opts.cookie } : {}), ...opts.headers },
    ...(opts.method ? { method: opts.method } : {}),
    ...(opts.body !== undefined ? { body: opts.body } : {}),
    ...(opts.addressesFrom !== undefined
      ? { requests: [{ setupRequest: (req) => ({ ...req, headers: { ...req.headers, 'x-forwarded-for': clientAddress(next++) } }) }] }
      : {}),
    ...(opts.paths ? { requests: opts.paths.map((path) => ({ method: 'GET', path })) } : {}),
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

const { url, opts } = workerData as { url: string; opts: LoadOptions };
parentPort!.postMessage(await run(url, opts));
