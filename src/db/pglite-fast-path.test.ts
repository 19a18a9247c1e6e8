// The embedded database's fast path: its statement cache's limit, its start-up check, and its fallback.
import type { PGlite } from '@electric-sql/pglite';
import { describe, expect, it, vi } from 'vitest';
import { createPglite, openDatabase } from './client.ts';
import { fastPathClient, type QueryClient } from './pglite-fast-path.ts';
import { createTurns } from './turns.ts';

const plainOf = (pglite: PGlite): QueryClient => ({ query: pglite.query.bind(pglite), transaction: pglite.transaction.bind(pglite) });

describe('the embedded database’s fast path', () => {
  it('passes its start-up check on this PGlite, so the app runs on it', async () => {
    const database = await openDatabase({ pglite: await createPglite() });
    try {
      expect(database.dataPath).toBe('fast');
      const off = await openDatabase({ pglite: database.pglite!, fastPath: false });
      expect(off.dataPath).toBe('plain');
    } finally {
      await database.close();
    }
  });

  it('keeps at most the given number of statements, closing the least recently used', async () => {
    const pglite = await createPglite();
    try {
      const fast = (await fastPathClient(pglite, plainOf(pglite), createTurns(), 3))!;
      const run = (n: number) => fast.query<{ n: number }>(`SELECT ${n} + $1::int AS n`, [1]);
      for (const n of [1, 2, 3, 1, 4, 5]) expect((await run(n)).rows).toEqual([{ n: n + 1 }]);
      const held = await pglite.query<{ statement: string }>('SELECT statement FROM pg_prepared_statements ORDER BY statement');
      // 1 was used again after 2 and 3, so 2 and 3 went first (and the start-up check's statements before them).
      expect(held.rows.map((r) => r.statement)).toEqual(['SELECT 1 + $1::int AS n', 'SELECT 4 + $1::int AS n', 'SELECT 5 + $1::int AS n']);
    } finally {
      await pglite.close();
    }
  });

  it('falls back, with a warning that holds no data, when PGlite answers otherwise or lacks what it uses', async () => {
    const pglite = await createPglite();
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
    try {
      // A PGlite whose raw protocol exchange answers nothing, as a changed PGlite might.
      const silent = Object.create(pglite, { execProtocolRawStream: { value: async () => {} } }) as PGlite;
      expect(await fastPathClient(silent, plainOf(pglite), createTurns())).toBeUndefined();
      const lacking = Object.create(pglite, { execProtocolRawStream: { value: undefined } }) as PGlite;
      expect(await fastPathClient(lacking, plainOf(pglite), createTurns())).toBeUndefined();
      expect(warn).toHaveBeenCalledTimes(2);
      expect(String(warn.mock.calls[0]![0])).toMatch(/fast path is off \(its start-up check (answered differently|failed)\)/);
      expect(String(warn.mock.calls[1]![0])).toMatch(/fast path is off \(this PGlite lacks what it uses\)/);
      const database = await openDatabase({ pglite: silent });
      expect(database.dataPath).toBe('plain');
      expect((await database.db.execute('SELECT 1 AS one')) as unknown as { rows: unknown[] }).toMatchObject({ rows: [{ one: 1 }] });
    } finally {
      warn.mockRestore();
      await pglite.close();
    }
  });
});
