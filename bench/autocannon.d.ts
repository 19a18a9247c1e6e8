// The small part of autocannon's API the benchmark uses (the package ships no types).
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  type Options = {
    url: string;
    connections?: number;
    duration?: number;
    timeout?: number;
    bailout?: number;
    headers?: Record<string, string>;
  };
  type Histogram = { average: number; min: number; max: number; p50: number; p90: number; p97_5: number; p99: number; total: number };
  type Result = {
    requests: Histogram & { sent: number };
    latency: Histogram;
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    '2xx': number;
    statusCodeStats: Record<string, { count: number }>;
  };
  type Instance = EventEmitter & Promise<Result> & { stop(): void };

  function autocannon(opts: Options): Instance;
  export default autocannon;
  export type { Options, Result, Instance };
}
