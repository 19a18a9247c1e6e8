// Rate-limit counts kept in PostgreSQL, so every web process on one database counts the same requests (with the
// in-memory store each process would count alone). One row per route and client, counted by one atomic
// INSERT … ON CONFLICT DO UPDATE … RETURNING: a hit after the window has ended starts a new one. The row's key is an
// HMAC of the route and the client's address under the instance secret, so the table never holds an address.
// Ended windows are deleted lazily, at most once a minute per process. Used only on PostgreSQL (app.ts): on PGlite one
// process serves everything and the in-memory store is exact.
import { createHmac } from 'node:crypto';
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Db } from '#src/db/client.ts';
import { sql } from '#src/db/orm.ts';
import type { Clock } from '#src/lib/clock.ts';

type Result = { current: number; ttl: number };
type Callback = (error: Error | null, result?: Result) => void;
type ChildOptions = { routeInfo?: { method?: string | string[]; url?: string } };

const CLEAN_EVERY_MS = 60_000;
const CLEAN_BATCH = 1000;

export function postgresRateLimitStore(opts: { db: Db; clock: Clock; secret: string }): FastifyRateLimitStoreCtor {
  const { db, clock } = opts;
  let lastCleaned = 0;

  const rowKey = (route: string, key: string) => createHmac('sha256', opts.secret).update(`rate-limit\n${route}\n${key}`).digest('base64url');
  const rowsOf = (result: unknown) => (result as { rows: { hits: number; window_ends_at: string | Date }[] }).rows;
  const ttlOf = (endsAt: string | Date, now: Date) => Math.max(0, new Date(endsAt).getTime() - now.getTime());

  async function hit(key: string, windowMs: number): Promise<Result> {
    const now = clock.now();
    const endsAt = new Date(now.getTime() + windowMs);
    const result = await db.execute(sql`
      INSERT INTO rate_limits (key, hits, window_ends_at) VALUES (${key}, 1, ${endsAt.toISOString()})
      ON CONFLICT (key) DO UPDATE SET
        hits = CASE WHEN rate_limits.window_ends_at <= ${now.toISOString()} THEN 1 ELSE rate_limits.hits + 1 END,
        window_ends_at = CASE WHEN rate_limits.window_ends_at <= ${now.toISOString()} THEN excluded.window_ends_at ELSE rate_limits.window_ends_at END
      RETURNING hits, window_ends_at`);
    const [row] = rowsOf(result);
    if (!row) throw new Error('the rate-limit count was not returned');
    if (now.getTime() - lastCleaned >= CLEAN_EVERY_MS) {
      lastCleaned = now.getTime();
      await deleteEndedWindows(db, now);
    }
    return { current: Number(row.hits), ttl: ttlOf(row.window_ends_at, now) };
  }

  async function peek(key: string): Promise<Result> {
    const now = clock.now();
    const result = await db.execute(sql`SELECT hits, window_ends_at FROM rate_limits WHERE key = ${key} AND window_ends_at > ${now.toISOString()}`);
    const [row] = rowsOf(result);
    return row ? { current: Number(row.hits), ttl: ttlOf(row.window_ends_at, now) } : { current: 0, ttl: 0 };
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

/** Deletes up to a batch of rows whose window has ended. */
export async function deleteEndedWindows(db: Db, now: Date) {
  await db.execute(sql`DELETE FROM rate_limits WHERE key IN (SELECT key FROM rate_limits WHERE window_ends_at <= ${now.toISOString()} LIMIT ${CLEAN_BATCH})`);
}
