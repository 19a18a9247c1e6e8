// Statements built once: Drizzle's prepared statements (`.prepare()` with `sql.placeholder`), run in whichever
// transaction asks for them.
//
// Drizzle builds a statement's text from its query builder every time it runs, and for the short statements a page
// makes that costs about as much as running them: on the signed-in home page a quarter of the request's CPU went on
// building its twenty statements. A prepared statement is built once, but Drizzle binds it to the connection it was
// built on, and every transaction here has its own. So it is built on a Drizzle instance whose client sends each
// statement to the connection of the transaction the caller is in, found through an AsyncLocalStorage: tenant.ts
// opens a scope for each transaction, and the driver client that begins it (client.ts on the embedded database,
// pg-named-statements.ts on PostgreSQL) puts its connection in the scope. Only documented APIs are used: Drizzle's
// prepare() and placeholders, the drivers' query(), Node's AsyncLocalStorage.
//
// A statement outside a transaction, on the app's own Drizzle instance (client.ts registers each with
// `directConnection`), runs in a scope of its own on that instance's client.
//
// A prepared statement is only taken when the caller passes the transaction whose scope it is in, or a registered
// instance. Anywhere else (a nested transaction, a test that passes its own Drizzle) the same builder runs as an
// ordinary Drizzle query with the same values, so a caller never gets another transaction's connection.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import type { Placeholder } from 'drizzle-orm';
import type { PgSelect } from 'drizzle-orm/pg-core';
import type { Db, LogQuery } from './client.ts';
import { loadNodePgDriver, loadPgliteDriver, sql } from './orm.ts';

type Connection = { query(...args: never[]): unknown };
type Kind = 'pglite' | 'postgres';

/** One transaction's scope: the Drizzle transaction, and the driver connection it runs on. */
type Scope = { tx?: unknown; connection?: Connection; kind?: Kind; logQuery?: LogQuery };

const scopes = new AsyncLocalStorage<Scope>();

/** Runs `begin(scope)` in a new transaction scope; `begin` opens the transaction and calls `enter` inside it. */
export function transactionScope<T>(begin: (enter: <R>(tx: unknown, work: () => R) => R) => Promise<T>): Promise<T> {
  const scope: Scope = {};
  return scopes.run(scope, () =>
    begin((tx, work) => {
      scope.tx = tx;
      return scopes.run(scope, work);
    }),
  );
}

/** The scope a driver client is beginning a transaction in, taken where the caller asked for it. */
export const currentScope = (): Scope | undefined => scopes.getStore();

/** A driver client puts the connection it begins a transaction on in the caller's scope (once: not for a savepoint). */
export function claimScope(scope: Scope | undefined, connection: Connection, kind: Kind, logQuery?: LogQuery) {
  if (!scope || scope.connection) return;
  scope.connection = connection;
  scope.kind = kind;
  scope.logQuery = logQuery;
}

const direct = new WeakMap<object, Scope>();

/** The app's Drizzle instance `db` sends statements outside a transaction to `connection`. */
export function directConnection(db: Db, connection: Connection, kind: Kind, logQuery?: LogQuery) {
  direct.set(db, { tx: db, connection, kind, logQuery });
}

function scopeConnection(): Connection {
  const connection = scopes.getStore()?.connection;
  if (!connection) throw new Error('A prepared statement ran outside its transaction');
  return connection;
}

/** The client Drizzle builds prepared statements on: each query goes to the current transaction's connection. */
const routed = {
  query: (...args: never[]) => scopeConnection().query(...args),
};
const logger = { logQuery: (query: string, params: unknown[]) => scopes.getStore()?.logQuery?.(query, params) };

const builders = new Map<Kind, Db>();
function builderFor(kind: Kind): Db {
  let db = builders.get(kind);
  if (!db) {
    db =
      kind === 'pglite'
        ? (loadPgliteDriver().drizzle({ client: routed as unknown as PGlite, logger }) as unknown as Db)
        : (loadNodePgDriver().drizzle({ client: routed as unknown as pg.Client, logger }) as unknown as Db);
    builders.set(kind, db);
  }
  return db;
}

type Runnable<V, R> = { execute(values?: V): Promise<R>; prepare(name: string): { execute(values?: V): Promise<R> } };
const names = new Set<string>();

/**
 * A statement built once per database kind. `build` makes it with Drizzle's builders on the given instance, with
 * `sql.placeholder('…')` for each value; the returned function runs it in `tx` with `values`. `name` is unique: on
 * PostgreSQL it names the prepared statement on each connection.
 */
export function prepared<V extends Record<string, unknown>, R>(name: string, build: (db: Db) => Runnable<V, R>): (tx: Db, values: V) => Promise<R> {
  if (names.has(name)) throw new Error(`Two prepared statements are named ${name}`);
  // PostgreSQL keeps a statement's name to 63 bytes: a longer one could share its first 63 with another's.
  if (!/^[a-z0-9_]{1,50}$/.test(name)) throw new Error(`A prepared statement's name is 1 to 50 lower-case letters, digits and _: ${name}`);
  names.add(name);
  const built = new Map<Kind, { execute(values?: V): Promise<R> }>();
  const statementFor = (kind: Kind) => {
    let statement = built.get(kind);
    if (!statement) {
      statement = build(builderFor(kind)).prepare(`parley_p_${name}`);
      built.set(kind, statement);
    }
    return statement;
  };
  return (tx, values) => {
    const scope = scopes.getStore();
    if (scope?.connection && scope.kind && scope.tx === tx) return statementFor(scope.kind).execute(values);
    const outside = direct.get(tx);
    if (outside?.kind) return scopes.run(outside, () => statementFor(outside.kind!).execute(values));
    return build(tx).execute(values);
  };
}

/**
 * Statements of one family, built once for each shape a caller asks for (which filters a list has, how many values
 * one of them holds). A shape is an object of flags, counts and short words; its values, in order, name it. `build`
 * makes that shape's statement; the shapes a running app asks for are few, and each is a prepared statement of its own.
 */
export function preparedShapes<S extends Record<string, boolean | number | string>, V extends Record<string, unknown>, R>(
  name: string,
  build: (db: Db, shape: S) => Runnable<V, R>,
): (tx: Db, shape: S, values: V) => Promise<R> {
  const family = new Map<string, (tx: Db, values: V) => Promise<R>>();
  return (tx, shape, values) => {
    const key = Object.values(shape)
      .map((v) => (typeof v === 'boolean' ? Number(v) : v))
      .join('_');
    let run = family.get(key);
    if (!run) {
      run = prepared(`${name}_${key}`, (db) => build(db, shape));
      family.set(key, run);
    }
    return run(tx, values);
  };
}

/**
 * A list's page: its LIMIT and, after the first page, its OFFSET; by default the placeholders `limit` and `offset`
 * (a statement built once), or the values given (a statement built for each request). The first page has no OFFSET.
 * PostgreSQL estimates an OFFSET it is given as a parameter at a tenth of the rows, so a statement with one always
 * looks dearer on its generic plan and is planned again on every run (on the embedded database the home's case queue
 * cost four times as much planned each time). `later` (the offset is not 0) is part of a built-once statement's shape.
 */
export function pageWindow<Q extends PgSelect>(query: Q, later: boolean, at: PageAt = PLACEHOLDERS): Q {
  const limited = query.limit(at.limit) as Q;
  return later ? (limited.offset(at.offset) as Q) : limited;
}
type PageAt = { limit: number | Placeholder; offset: number | Placeholder };
const PLACEHOLDERS: PageAt = { limit: sql.placeholder('limit'), offset: sql.placeholder('offset') };

/** `count` placeholders named `${prefix}0`, `${prefix}1`…: a list whose length is part of a statement's shape. */
export const placeholderList = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => sql.placeholder(`${prefix}${i}`));

/** The values for `placeholderList(prefix, list.length)`. */
export const listValues = (prefix: string, list: readonly unknown[]): Record<string, unknown> =>
  Object.fromEntries(list.map((value, i) => [`${prefix}${i}`, value]));
