// Rate limits on PostgreSQL are counted in the database, so two web processes on one database share one count; the
// rows are keyed by an HMAC, never the client's address. On PGlite (one process) the counts stay in memory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '#src/db/orm.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { startSecondInstance } from '../support/second-instance.ts';

let h: Harness;
let second: Awaited<ReturnType<typeof startSecondInstance>>;
beforeAll(async () => {
  h = await startHarness();
  second = await startSecondInstance(h);
});
afterAll(async () => {
  await second?.close();
  await h?.close();
});

// 20 a minute from one address (public.api.ts); the service need not exist, the limit comes first.
const enquiry = (app: Harness['app'], remoteAddress = '198.51.100.7') =>
  app.inject({ method: 'POST', url: '/api/v1/public/no-such-service/enquiries', payload: {}, remoteAddress }).then((r) => r.statusCode);
const rows = async () =>
  (
    (await h.deps.db.execute(sql`SELECT key, hits, window_ends_at FROM rate_limits ORDER BY hits DESC`)) as unknown as {
      rows: { key: string; hits: number }[];
    }
  ).rows;

describe.runIf(process.env.PARLEY_TEST_DB === 'postgres')('rate limits shared by web processes on PostgreSQL', () => {
  it('counts requests to either process against one limit, per client address, for one window', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push(await enquiry(h.app), await enquiry(second.app));
    expect(statuses.filter((s) => s === 429)).toEqual([]);
    expect(await enquiry(h.app)).toBe(429);
    expect(await enquiry(second.app)).toBe(429);
    // Another client has a count of its own.
    expect(await enquiry(second.app, '203.0.113.50')).not.toBe(429);

    const [top] = await rows();
    expect(top!.hits).toBe(22);
    const stored = JSON.stringify(await rows());
    expect(stored).not.toContain('198.51.100.7');
    expect(stored).not.toContain('enquiries');

    h.clock.advance(61_000);
    expect(await enquiry(second.app)).not.toBe(429);
    expect(await enquiry(h.app)).not.toBe(429);
  });

  it('counts requests arriving at both processes at the same moment exactly once each', async () => {
    const statuses = await Promise.all(Array.from({ length: 30 }, (_, i) => enquiry(i % 2 ? second.app : h.app, '192.0.2.33')));
    expect(statuses.filter((s) => s !== 429)).toHaveLength(20);
  });

  it('deletes rows whose window has ended', async () => {
    await h.deps.db.execute(
      sql`INSERT INTO rate_limits (key, hits, window_ends_at) VALUES ('ended', 3, ${new Date(h.clock.now().getTime() - 1000).toISOString()})`,
    );
    h.clock.advance(61_000);
    await enquiry(h.app);
    expect((await rows()).map((r) => r.key)).not.toContain('ended');
    expect(await rows()).toHaveLength(1);
  });
});

describe.runIf(process.env.PARLEY_TEST_DB !== 'postgres')('rate limits on PGlite', () => {
  it('counts in memory, one process', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push(await enquiry(h.app));
    expect(statuses.at(-2)).not.toBe(429);
    expect(statuses.at(-1)).toBe(429);
    expect(await rows()).toEqual([]);
  });
});
