// The embedded database's fast path: its statement cache's limit, its start-up check, and its fallback; and the
// worker's turns behind requests' on either path.
import type { PGlite } from '@electric-sql/pglite';
import { describe, expect, inject, it, vi } from 'vitest';
import { freshDatabase, testDbKind } from '../../test/support/databases.ts';
import { openDatabase } from './client.ts';
import { fastPathClient, type QueryClient } from './pglite-fast-path.ts';
import { createTurns, QUIET_MS } from './turns.ts';

const plainOf = (pglite: PGlite): QueryClient => ({ query: pglite.query.bind(pglite), transaction: pglite.transaction.bind(pglite) });

// Each test opens its own database, which takes a while on a busy machine. PGlite only: the PostgreSQL run has no fast path.
describe.skipIf(testDbKind() === 'postgres')('the embedded database’s fast path', { timeout: 120_000 }, () => {
  it('passes its start-up check on this PGlite, so the app runs on it', async () => {
    const database = await freshDatabase('pglite', inject('dbTemplate'));
    try {
      expect(database.dataPath).toBe('fast');
      const off = await openDatabase({ pglite: database.pglite!, fastPath: false });
      expect(off.dataPath).toBe('plain');
    } finally {
      await database.close();
    }
  });

  it('keeps at most the given number of statements, closing the least recently used', async () => {
    const database = await freshDatabase('pglite', inject('dbTemplate'));
    const pglite = database.pglite!;
    try {
      const { turns } = createTurns();
      const fast = (await fastPathClient(pglite, plainOf(pglite), turns, 3))!(turns);
      const run = (n: number) => fast.query<{ n: number }>(`SELECT ${n} + $1::int AS n`, [1]);
      for (const n of [1, 2, 3, 1, 4, 5]) expect((await run(n)).rows).toEqual([{ n: n + 1 }]);
      const held = await pglite.query<{ statement: string }>(
        "SELECT statement FROM pg_prepared_statements WHERE statement LIKE 'SELECT _ + $1::int AS n' ORDER BY statement",
      );
      // 1 was used again after 2 and 3, so 2 and 3 went first (and the start-up check's statements before them).
      expect(held.rows.map((r) => r.statement)).toEqual(['SELECT 1 + $1::int AS n', 'SELECT 4 + $1::int AS n', 'SELECT 5 + $1::int AS n']);
    } finally {
      await database.close();
    }
  });

  it('falls back, with a warning that holds no data, when PGlite answers otherwise or lacks what it uses', async () => {
    const database = await freshDatabase('pglite', inject('dbTemplate'));
    const pglite = database.pglite!;
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
    try {
      // A PGlite whose raw protocol exchange answers nothing, as a changed PGlite might; then one without it.
      const raw = pglite as unknown as { execProtocolRawStream?: unknown };
      raw.execProtocolRawStream = async () => {};
      expect(await fastPathClient(pglite, plainOf(pglite), createTurns().turns)).toBeUndefined();
      const fallen = await openDatabase({ pglite });
      raw.execProtocolRawStream = undefined;
      expect(await fastPathClient(pglite, plainOf(pglite), createTurns().turns)).toBeUndefined();
      delete raw.execProtocolRawStream;
      expect(warn).toHaveBeenCalledTimes(3);
      expect(String(warn.mock.calls[0]![0])).toMatch(/fast path is off \(its start-up check (answered differently|failed)\)/);
      expect(String(warn.mock.calls[2]![0])).toMatch(/fast path is off \(this PGlite lacks what it uses\)/);
      expect(fallen.dataPath).toBe('plain');
      expect((await fallen.db.execute('SELECT 1 AS one')) as unknown as { rows: unknown[] }).toMatchObject({ rows: [{ one: 1 }] });
    } finally {
      warn.mockRestore();
      await database.close();
    }
  });

  it('gives the worker a database whose work waits while requests’ work does, on either path', async () => {
    const database = await freshDatabase('pglite', inject('dbTemplate'));
    try {
      for (const fastPath of [true, false]) {
        const { db, backgroundDb, dataPath } = await openDatabase({ pglite: database.pglite!, fastPath });
        expect(dataPath).toBe(fastPath ? 'fast' : 'plain');
        const order: string[] = [];
        let letGo!: () => void;
        const held = new Promise<void>((resolve) => {
          letGo = resolve;
        });
        // A request's transaction holds the database; the worker asks next, then another request.
        const first = db.transaction(async (tx) => {
          await tx.execute('SELECT 1');
          await held;
          order.push('request 1');
        });
        await new Promise((resolve) => setImmediate(resolve));
        const job = backgroundDb.execute('SELECT 2').then(() => order.push('job'));
        const second = db.execute('SELECT 3').then(() => order.push('request 2'));
        letGo();
        await Promise.all([first, job, second]);
        // The worker had not had the database yet, so its first piece goes ahead of a waiting request (turns.test.ts).
        expect(order).toEqual(['request 1', 'job', 'request 2']);
        const again: string[] = [];
        // Requests quiet and the worker's gap after its last piece past, with room for a slow machine: it starts at once.
        await new Promise((resolve) => setTimeout(resolve, 50 + QUIET_MS));
        const job2 = backgroundDb.transaction(async (tx) => {
          await tx.execute('SELECT pg_sleep(0.02)');
          again.push('job 2');
        });
        const job3 = backgroundDb.execute('SELECT 4').then(() => again.push('job 3'));
        const request3 = db.execute('SELECT 5').then(() => again.push('request 3'));
        await Promise.all([job2, job3, request3]);
        // Job 2 took about 20 ms, so requests now go first for four times as long.
        expect(again).toEqual(['job 2', 'request 3', 'job 3']);
      }
    } finally {
      await database.close();
    }
  });
});
