// Opens the database: embedded PGlite in the data directory, or PostgreSQL when DATABASE_URL is set.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema/index.ts';
import { acquireDataDirLock } from './data-dir-lock.ts';
import { readTemplate } from './pglite-template.ts';
import { loadNodePgDriver, loadPglite, loadPgliteDriver } from './orm.ts';
import { type PreparedStatements, preparedOnPglite, preparedStatements } from './pglite-statements.ts';
import { nameStatements } from './pg-statements.ts';
import { createTurns, type Turns } from './turns.ts';

/**
 * PostgreSQL's defaults suit a dedicated server; embedded in the app process, smaller buffers keep memory
 * down without slowing a single service's workload.
 */
export const PGLITE_OPTIONS = {
  postgresqlconf: ['shared_buffers = 16MB', 'wal_buffers = 1MB', 'temp_buffers = 4MB', 'work_mem = 4MB', 'maintenance_work_mem = 32MB'],
};

/** Opens an embedded database: in a directory, or in memory from a dump (tests). */
export function createPglite(dataDir?: string, loadDataDir?: Blob): Promise<PGlite> {
  const { PGlite } = loadPglite();
  return PGlite.create(dataDir, { ...PGLITE_OPTIONS, ...(loadDataDir ? { loadDataDir } : {}) });
}

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type Database = {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** The raw PGlite instance (embedded only), for dumps and tests. */
  pglite?: PGlite;
  pool?: pg.Pool;
  close(): Promise<void>;
};

export type OpenOptions = { databaseUrl?: string; dataDir?: string; pglite?: PGlite; poolSize?: number };

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.poolSize ?? 10);
  if (opts.pglite) return wrapPglite(opts.pglite, async () => {});
  if (!opts.dataDir) throw new Error('openDatabase needs a databaseUrl, a dataDir or a PGlite instance');
  mkdirSync(opts.dataDir, { recursive: true });
  const release = acquireDataDirLock(opts.dataDir);
  try {
    const dir = join(opts.dataDir, 'pglite');
    // A new data directory starts from the template `npm install` prepared, when there is one.
    const client = await createPglite(dir, existsSync(join(dir, 'PG_VERSION')) ? undefined : readTemplate());
    return wrapPglite(client, async () => release());
  } catch (err) {
    release();
    throw err;
  }
}

/**
 * Drizzle asks PGlite for dates, times, intervals and numeric arrays as text, passing its own parsers with every
 * query; PGlite then copies its whole table of several hundred type parsers for that one query (about 0.1 ms, a
 * large share of a small query). So the same text parsers are set once on the instance, and Drizzle's per-query
 * copy is left out. Raw queries on the instance see these types as text too, as Drizzle's do.
 */
const DRIZZLE_TEXT_TYPES = [1114, 1184, 1186, 1082, 1231, 1115, 1185, 1187, 1182];
type QueryClient = Pick<PGlite, 'query'> & { transaction?: PGlite['transaction']; closed?: boolean };

/**
 * The client Drizzle is given: PGlite (or one of its transactions) whose query() runs SELECT, INSERT, UPDATE,
 * DELETE and WITH statements as named prepared statements (pglite-statements.ts), taking PGlite's locks as its own
 * query() does, and leaves Drizzle's per-query parsers out. Transactions and statements outside one take turns
 * (turns.ts), so requests are served in the order they came; inside a transaction, `turns` is undefined.
 */
function drizzleClient<T extends QueryClient>(client: T, root: PGlite, statements: PreparedStatements, turns: Turns | undefined): T {
  const query: PGlite['query'] = async (text, params, options) => {
    const opts = options?.parsers ? { ...options, parsers: undefined } : options;
    if (!preparedOnPglite(text, opts)) return client.query(text, params, opts);
    if (!turns) {
      if (client.closed) throw new Error('Transaction is closed');
      return root._runExclusiveQuery(() => statements.run(text, params, opts, true));
    }
    return turns(async () => {
      await root._checkReady();
      return root._runExclusiveTransaction(() => root._runExclusiveQuery(() => statements.run(text, params, opts, false)));
    });
  };
  return new Proxy(client, {
    get(target, prop) {
      if (prop === 'query') return query;
      if (prop === 'transaction' && target.transaction && turns) {
        const begin = target.transaction.bind(target);
        return ((work: Parameters<PGlite['transaction']>[0]) =>
          turns(() => begin((tx) => work(drizzleClient(tx, root, statements, undefined))))) as PGlite['transaction'];
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function wrapPglite(client: PGlite, onClose: () => Promise<void>): Database {
  for (const oid of DRIZZLE_TEXT_TYPES) client.parsers[oid] = (value: string) => value;
  const db = loadPgliteDriver().drizzle({ client: drizzleClient(client, client, preparedStatements(client), createTurns()), schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    pglite: client,
    async close() {
      if (!client.closed) await client.close();
      await onClose();
    },
  };
}

function openPostgres(url: string, max: number): Database {
  // The pool waits for the promise onConnect returns before handing the connection out (its types say void).
  const pool = new pg.Pool({ connectionString: url, max, onConnect: nameStatements as (client: pg.ClientBase) => void });
  pool.on('error', () => {}); // an idle client dropped by the server; the pool replaces it
  const db = loadNodePgDriver().drizzle(pool, { schema }) as unknown as Db;
  return { db, kind: 'postgres', pool, close: () => pool.end() };
}
