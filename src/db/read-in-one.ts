// Several small reads in one statement. A page that shows many short lists (the staff home's queues) paid a round
// trip for each: on PostgreSQL a network exchange, on the embedded database a call into it, and on both the driver's
// and Drizzle's work for a statement of its own, which cost more than running the read. Here each read is a part:
// its select, with its rows folded into one JSON value by PostgreSQL, and read back here into what Drizzle would
// have given (each column through its own documented mapFromDriverValue). One statement reads every part a page
// asks for, built once for each set of parts (prepared.ts), with the values of all of them.
import type { Column as DrizzleColumn, SQLWrapper } from 'drizzle-orm';
import type { Db } from './client.ts';
import { preparedShapes } from './prepared.ts';
import { Column, getTableColumns, is, isTable, type SQL, SqlExpression, sql } from './orm.ts';

/** What a part selects: columns, SQL expressions (read as PostgreSQL's JSON gives them), a table's columns, nested. */
export type Fields = { [key: string]: DrizzleColumn | SQL | SQL.Aliased | Fields | object };

/** One read: its SQL (a JSON value) and how to read that value back. */
export type Part<R> = { sql(db: Db): SQL; read(value: unknown): R };

type Leaf = { path: string[]; field: DrizzleColumn | SQL | SQL.Aliased };

function leavesOf(fields: Fields, path: string[] = []): Leaf[] {
  return Object.entries(fields).flatMap(([key, field]) => {
    const at = [...path, key];
    if (is(field, Column) || is(field, SqlExpression) || is(field, SqlExpression.Aliased)) return [{ path: at, field: field as Leaf['field'] }];
    return leavesOf((isTable(field) ? getTableColumns(field) : field) as Fields, at);
  });
}

function put(row: Record<string, unknown>, path: string[], value: unknown) {
  let at = row;
  for (const key of path.slice(0, -1)) {
    at[key] ??= {};
    at = at[key] as Record<string, unknown>;
  }
  at[path.at(-1)!] = value;
}

/**
 * A select's rows as a part: `build(db, select)` makes the select with `select` as its fields (each of `fields` under a
 * name of its own, so no two columns clash), with `sql.placeholder()` for its values. The rows read back as Drizzle
 * reads them, nested as `fields` are; a table among the fields gives all its columns.
 */
export function rowsPart<F extends Fields, R>(fields: F, build: (db: Db, select: F) => SQLWrapper): Part<R[]> {
  const leaves = leavesOf(fields);
  // PostgreSQL passes a function at most 100 arguments.
  if (!leaves.length || leaves.length > 100) throw new Error(`A part reads 1 to 100 columns, not ${leaves.length}`);
  const names = leaves.map((_, i) => `c${i}`);
  const select = Object.fromEntries(leaves.map((leaf, i) => [names[i]!, sql`${leaf.field}`.as(names[i]!)]));
  const columns = sql.raw(names.map((n) => `r.${n}`).join(', '));
  return {
    // The select is made with the aliases in place of the fields it was written for: the same query, other names.
    sql: (db) => sql`(SELECT coalesce(json_agg(json_build_array(${columns})), '[]'::json) FROM (${build(db, select as unknown as F)}) r)`,
    read(value) {
      return (value as unknown[][]).map((cells) => {
        const row: Record<string, unknown> = {};
        leaves.forEach(({ path, field }, i) => {
          const v = cells[i] ?? null;
          put(row, path, v !== null && is(field, Column) ? (field as DrizzleColumn).mapFromDriverValue(v) : v);
        });
        return row as R;
      });
    },
  };
}

/** Whether a select finds any row, as a part. */
export function anyPart(build: (db: Db) => SQLWrapper): Part<boolean> {
  return { sql: (db) => sql`EXISTS (${build(db)})`, read: (value) => value === true };
}

/** What a part reads: `PartValue<typeof somePart>`. */
export type PartValue<P> = P extends Part<infer R> ? R : never;
type Read<P> = { [K in keyof P]?: PartValue<P[K]> };

/**
 * Reads the parts asked for (`which`) in one statement, with the values of all their placeholders; a part not asked
 * for is absent from the answer. Each set of parts is its own statement, built once, under `name`.
 */
export function partsReader<P extends Record<string, Part<unknown>>>(name: string, parts: P) {
  if (Object.keys(parts).length > 30) throw new Error('A reader reads at most 30 parts');
  const keys = Object.keys(parts) as (keyof P & string)[];
  // Which parts a statement reads is its shape: one bit a part, so the statement's name stays short.
  const asked = (mask: number) => keys.filter((_, i) => mask & (1 << i));
  const statement = preparedShapes(name, (db, { parts: mask }: { parts: number }) =>
    db
      .select(Object.fromEntries(asked(mask).map((k) => [k, parts[k]!.sql(db)])))
      .from(sql`(VALUES (1)) AS one (x)`)
      .$dynamic(),
  );
  return async (tx: Db, which: readonly (keyof P)[], values: Record<string, unknown>): Promise<Read<P>> => {
    if (!which.length) return {};
    const mask = keys.reduce((m, k, i) => (which.includes(k) ? m | (1 << i) : m), 0);
    const [row] = (await statement(tx, { parts: mask }, values)) as Record<string, unknown>[];
    return Object.fromEntries(which.map((k) => [k, parts[k]!.read(row![k as string])])) as Read<P>;
  };
}

/** A part whose answer is changed by `change` when read (a list of names made from its rows). */
export const mapPart = <A, B>(part: Part<A>, change: (read: A) => B): Part<B> => ({ sql: part.sql, read: (value) => change(part.read(value)) });

/** A part whose rows are each changed by `change` when read (a field opened, a shape made). */
export const mapRows = <A, B>(part: Part<A[]>, change: (row: A) => B): Part<B[]> => mapPart(part, (rows) => rows.map(change));
