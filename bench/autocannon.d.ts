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
    method?: string;
    body?: string;
    /** Each connection loops over these; setupRequest may change a request before it is sent. */
    requests?: Array<{ method?: string; path?: string; setupRequest?: (req: RawRequest, context: Record<string, unknown>) => RawRequest }>;
  };
  type RawRequest = { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer };
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
  export type { Options, RawRequest, Result, Instance };
}
