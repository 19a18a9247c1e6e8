// Parley's statements run as named prepared statements on both databases (src/db/pglite-fast-path.ts,
// src/db/pg-named-statements.ts): parsed once, with the same answers, errors and transactions as before. With
// PARLEY_DB_FAST_PATH=off (.ci/run) the embedded database runs them through PGlite's query(): same answers, nothing kept.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Database, type Db, openDatabase } from '#src/db/client.ts';
import { sql } from '#src/db/orm.ts';
import { GENERIC_PLAN } from '#src/db/statements.ts';
import { freshDatabase, testDbKind } from '../support/databases.ts';

let database: Database & { url?: string };
let db: Db;
beforeAll(async () => {
  database = await freshDatabase(testDbKind(), inject('dbTemplate'));
  db = database.db;
  await db.execute(sql`CREATE TABLE prep_probe (id int PRIMARY KEY, label text NOT NULL, at timestamptz, data jsonb, flags boolean[], seen boolean)`);
});
afterAll(() => database?.close());

type Rows<T> = { rows: T[] };
/** Whether this database keeps named statements: PostgreSQL, and the embedded database on its fast path. */
const kept = () => database.kind === 'postgres' || database.dataPath === 'fast';
const rowsOf = <T>(result: unknown) => (result as Rows<T>).rows;
const PROBE = (id: number) => sql`SELECT id, label, at, data, flags, seen FROM prep_probe WHERE id = ${id}`;

/** The prepared statements this connection holds whose text contains `marker`. */
async function preparedLike(tx: Db, marker: string) {
  return rowsOf<{ statement: string; generic_plans: number; custom_plans: number }>(
    await tx.execute(
      sql`SELECT statement, generic_plans::int, custom_plans::int FROM pg_prepared_statements WHERE statement LIKE ${`%${marker}%`} AND statement NOT LIKE '%pg_prepared_statements%'`,
    ),
  );
}

describe('prepared statements', () => {
  it('parses a statement once per connection and answers as before: dates as text, JSON, arrays, nulls', async () => {
    await db.execute(
      sql`INSERT INTO prep_probe VALUES (1, 'one', '2026-12-05T10:00:00Z', ${JSON.stringify({ a: [1, 'two'] })}::jsonb, '{t,f}', true), (2, 'two', NULL, NULL, NULL, NULL)`,
    );
    await db.transaction(async (tx) => {
      const first = rowsOf<Record<string, unknown>>(await tx.execute(PROBE(1)))[0]!;
      expect(first.id).toBe(1);
      expect(first.label).toBe('one');
      expect(new Date(first.at as string).toISOString()).toBe('2026-12-05T10:00:00.000Z');
      expect(first.data).toEqual({ a: [1, 'two'] });
      expect(first.flags).toEqual([true, false]);
      expect(first.seen).toBe(true);
      expect(rowsOf(await tx.execute(PROBE(2)))).toEqual([{ id: 2, label: 'two', at: null, data: null, flags: null, seen: null }]);
      expect(rowsOf(await tx.execute(PROBE(3)))).toEqual([]);
      const held = await preparedLike(tx, 'FROM prep_probe WHERE id =');
      if (!kept()) return expect(held).toEqual([]);
      expect(held).toHaveLength(1);
      expect(held[0]!.generic_plans + held[0]!.custom_plans).toBe(3);
    });
  });

  it('counts the rows a change touched, and keeps text that is not ASCII intact', async () => {
    await db.execute(sql`INSERT INTO prep_probe (id, label) VALUES (20, ${'Zoë Ødegård – “quoted” 🙂'}), (21, 'plain')`);
    const updated = (await db.execute(sql`UPDATE prep_probe SET seen = true WHERE id >= ${20}`)) as unknown as { rowCount: number; affectedRows?: number };
    expect(updated.rowCount).toBe(2);
    const [row] = rowsOf<{ label: string }>(await db.execute(PROBE(20)));
    expect(row?.label).toBe('Zoë Ødegård – “quoted” 🙂');
  });

  it('keeps a statement run outside a transaction too', async () => {
    // One connection (PostgreSQL), so the statement and the check run on the same one.
    const single = database.kind === 'postgres' ? await openDatabase({ databaseUrl: database.url!, poolSize: 1 }) : database;
    try {
      const outside = () => single.db.execute(sql`SELECT label FROM prep_probe WHERE id = ${1} AND seen IS NOT DISTINCT FROM ${true}`);
      await outside();
      expect(rowsOf(await outside())).toEqual([{ label: 'one' }]);
      const held = await single.db.transaction((tx) => preparedLike(tx, 'seen IS NOT DISTINCT FROM'));
      expect(held).toHaveLength(kept() ? 1 : 0);
    } finally {
      if (single !== database) await single.close();
    }
  });

  it('reports a failed statement with its code, and the next one still works; in a transaction nothing is kept', async () => {
    const insert = (id: number) => db.execute(sql`INSERT INTO prep_probe (id, label) VALUES (${id}, 'again')`);
    await insert(10);
    await expect(insert(10)).rejects.toMatchObject({ cause: { code: '23505' } });
    await expect(
      db.transaction(async (tx) => {
        await tx.execute(sql`INSERT INTO prep_probe (id, label) VALUES (${11}, 'again')`);
        await tx.execute(sql`INSERT INTO prep_probe (id, label) VALUES (${10}, 'again')`);
      }),
    ).rejects.toMatchObject({ cause: { code: '23505' } });
    expect(rowsOf(await db.execute(PROBE(11)))).toEqual([]);
    await insert(12);
    expect(rowsOf<{ label: string }>(await db.execute(PROBE(12)))[0]?.label).toBe('again');
  });

  it('prepares a statement again after its table changes under it', async () => {
    await db.execute(sql`CREATE TABLE prep_changing (id int, n int)`);
    await db.execute(sql`INSERT INTO prep_changing VALUES (1, 7)`);
    const read = () => db.execute(sql`SELECT * FROM prep_changing WHERE id = ${1}`);
    expect(rowsOf(await read())).toEqual([{ id: 1, n: 7 }]);
    await db.execute(sql`ALTER TABLE prep_changing ALTER COLUMN n TYPE text`);
    // The first run after the change may be refused (the statement would now return other columns); not the next.
    await read().catch((err: { cause?: { code?: string } }) => expect(err.cause?.code).toBe('0A000'));
    expect(rowsOf(await read())).toEqual([{ id: 1, n: '7' }]);
  });

  it('runs a GENERIC_PLAN statement correctly on its generic plan, answering as before', async () => {
    await db.transaction(async (tx) => {
      for (const id of [1, 2, 1, 2, 1, 2, 1]) {
        const rows = rowsOf<{ id: number }>(await tx.execute(sql`${GENERIC_PLAN}SELECT id FROM prep_probe WHERE id = ${id} AND label <> ${'x'}`));
        expect(rows).toEqual([{ id }]);
      }
      const held = await preparedLike(tx, 'AND label <> $2');
      // Planned once, on its generic plan, from the first run (the plain path keeps no statement).
      expect(held).toEqual(kept() ? [expect.objectContaining({ generic_plans: 7, custom_plans: 0 })] : []);
      // The plan mode is back to the default for the statements after it.
      expect(rowsOf(await tx.execute(sql`SELECT current_setting('plan_cache_mode') AS mode`))).toEqual([{ mode: 'auto' }]);
      // Values that need quoting, nulls, dates and arrays reach it as they would as parameters.
      const odd = sql`${GENERIC_PLAN}SELECT ${"it's \\ 'quoted'"}::text AS t, ${null}::int AS n, ${new Date('2026-12-05T10:00:00Z')}::timestamptz AS at, ${'{1,2}'}::int[] AS a, ${2}::int + 1 AS sum`;
      for (let i = 0; i < 2; i++) {
        const [row] = rowsOf<{ t: string; n: null; at: string; a: number[]; sum: number }>(await tx.execute(odd));
        expect(row?.t).toBe("it's \\ 'quoted'");
        expect(row?.n).toBeNull();
        expect(new Date(row!.at).toISOString()).toBe('2026-12-05T10:00:00.000Z');
        expect(row?.a).toEqual([1, 2]);
        expect(row?.sum).toBe(3);
      }
    });
  });

  it('reports an error from a GENERIC_PLAN statement with its code, on either run', async () => {
    const divide = (n: number) => db.execute(sql`${GENERIC_PLAN}SELECT 10 / ${n}::int AS x`);
    expect(rowsOf(await divide(5))).toEqual([{ x: 2 }]);
    for (let i = 0; i < 2; i++) await expect(divide(0)).rejects.toMatchObject({ cause: { code: '22012' } });
    expect(rowsOf(await divide(2))).toEqual([{ x: 5 }]);
  });
});
