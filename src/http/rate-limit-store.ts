// Rate-limit counts kept in PostgreSQL, so every web process on one database counts the same requests (with the
// in-memory store each process would count alone). One row per route and client, counted by one atomic
// INSERT … ON CONFLICT DO UPDATE … RETURNING: a hit after the window has ended starts a new one. The row's key is an
// HMAC of the route and the client's address under the instance secret, so the table never holds an address.
// Ended windows are deleted lazily, at most once a minute per process. Used only on PostgreSQL (app.ts): on PGlite one
// process serves everything and the in-memory store is exact.
import { createHmac } from 'node:crypto';
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Db } from '#src/db/client.ts';
import type { Clock } from '#src/lib/clock.ts';
import { type Count, countHit, deleteEndedWindows, readCount } from './rate-limits.repo.ts';

type Result = { current: number; ttl: number };
type Callback = (error: Error | null, result?: Result) => void;
type ChildOptions = { routeInfo?: { method?: string | string[]; url?: string } };

const CLEAN_EVERY_MS = 60_000;

export function postgresRateLimitStore(opts: { db: Db; clock: Clock; secret: string }): FastifyRateLimitStoreCtor {
  const { db, clock } = opts;
  let lastCleaned = 0;

  const rowKey = (route: string, key: string) => createHmac('sha256', opts.secret).update(`rate-limit\n${route}\n${key}`).digest('base64url');
  const resultOf = (count: Count | undefined, now: Date): Result =>
    count ? { current: count.hits, ttl: Math.max(0, count.windowEndsAt.getTime() - now.getTime()) } : { current: 0, ttl: 0 };

  async function hit(key: string, windowMs: number): Promise<Result> {
    const now = clock.now();
    const count = await countHit(db, key, now, windowMs);
    if (now.getTime() - lastCleaned >= CLEAN_EVERY_MS) {
      lastCleaned = now.getTime();
      await deleteEndedWindows(db, now);
    }
    return resultOf(count, now);
  }

  async function peek(key: string): Promise<Result> {
    const now = clock.now();
    return resultOf(await readCount(db, key, now), now);
  }

  class PostgresRateLimitStore implements FastifyRateLimitStore {
    private readonly route: string;
    constructor(_options: unknown, route = '') {
      this.route = route;
    }

    incr(key: string, callback: Callback, timeWindow: number) {
      hit(rowKey(this.route, key), timeWindow).then((r) => callback(null, r), callback);
    }

    read(key: string, callback: Callback) {
      peek(rowKey(this.route, key)).then((r) => callback(null, r), callback);
    }

    child(routeOptions: unknown) {
      const info = (routeOptions as ChildOptions).routeInfo;
      return new PostgresRateLimitStore(routeOptions, `${[info?.method ?? ''].flat().join(',')} ${info?.url ?? ''}`);
    }
  }
  return PostgresRateLimitStore;
}
