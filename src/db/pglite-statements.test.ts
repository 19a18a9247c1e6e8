// The embedded database's statement cache: at most `max` named statements, the least recently used closed first.
import { describe, expect, it } from 'vitest';
import { createPglite } from './client.ts';
import { preparedStatements } from './pglite-statements.ts';

describe('prepared statements on the embedded database', () => {
  it('keeps at most the given number, closing the least recently used', async () => {
    const pglite = await createPglite();
    try {
      const statements = preparedStatements(pglite, 3);
      const run = (n: number) => statements.run<{ n: number }>(`SELECT ${n} + $1::int AS n`, [1], undefined, false);
      for (const n of [1, 2, 3, 1, 4, 5]) expect((await run(n)).rows).toEqual([{ n: n + 1 }]);
      const held = await pglite.query<{ statement: string }>('SELECT statement FROM pg_prepared_statements ORDER BY statement');
      // 1 was used again after 2 and 3, so 2 and 3 went first.
      expect(held.rows.map((r) => r.statement)).toEqual(['SELECT 1 + $1::int AS n', 'SELECT 4 + $1::int AS n', 'SELECT 5 + $1::int AS n']);
      expect(statements.size()).toBe(3);
    } finally {
      await pglite.close();
    }
  });
});
