// Opens the database: embedded PGlite in the data directory, or PostgreSQL when DATABASE_URL is set.
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { PGlite, QueryOptions } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import { acquireDataDirLock } from './data-dir-lock.ts';
import { copyTemplate } from './pglite-template.ts';
import { loadNodePgDriver, loadPglite, loadPgliteDriver } from './orm.ts';
import { namedStatementsClient } from './pg-named-statements.ts';
import { fastPathClient, type QueryClient } from './pglite-fast-path.ts';
import { createTurns, type Turns } from './turns.ts';
import { claimScope, currentScope, directConnection } from './prepared.ts';

/**
 * PostgreSQL's defaults suit a dedicated server; embedded in the app process, smaller buffers keep memory
 * down without slowing a single service's workload. The buffer pool is resident from the start, whatever is read: at
 * 8 MB rather than 16 MB an idle server held 199 MB instead of 208 to 220 (three starts of each, in turn), and the
 * list and searches of 100,000 cases answered as quickly (bench/results.md, issue 13).
 */
export const PGLITE_OPTIONS = {
  postgresqlconf: ['shared_buffers = 8MB', 'wal_buffers = 1MB', 'temp_buffers = 4MB', 'work_mem = 4MB', 'maintenance_work_mem = 32MB'],
};

/** Opens an embedded database: in a directory, or in memory (benchmarks). */
export function createPglite(dataDir?: string): Promise<PGlite> {
  const { PGlite } = loadPglite();
  return PGlite.create(dataDir, PGLITE_OPTIONS);
}

/**
 * Drizzle's query builders, without its relational queries (`db.query.…`): given the schema, Drizzle builds a relational
 * query builder for every table in every transaction it opens, and Parley asks every query through the builders.
 */
export type Db = PgDatabase<PgQueryResultHKT>;

export type Database = {
  db: Db;
  /**
   * The same database for the worker's jobs: on the embedded database their work waits while requests' work does
   * (turns.ts); on PostgreSQL it is db.
   */
  backgroundDb: Db;
  kind: 'pglite' | 'postgres';
  /** The raw PGlite instance (embedded only), for dumps and tests. */
  pglite?: PGlite;
  pool?: pg.Pool;
  /** 'fast' when the embedded database runs on its fast path (pglite-fast-path.ts); PostgreSQL is always 'plain'. */
  dataPath: 'fast' | 'plain';
  close(): Promise<void>;
};

/**
 * fastPath: the embedded database's fast path, checked at start-up (default on; PARLEY_DB_FAST_PATH in config.ts).
 * logQuery: told of every statement Drizzle runs (its documented logger), for the benchmark that counts a page's
 * statements (bench/pages.ts); the app never sets it, as a statement's parameters are what people typed.
 */
export type LogQuery = (query: string, params: unknown[]) => void;
export type OpenOptions = { databaseUrl?: string; dataDir?: string; pglite?: PGlite; poolSize?: number; fastPath?: boolean; logQuery?: LogQuery };

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.poolSize ?? 10);
  if (opts.pglite) return wrapPglite(opts.pglite, opts.fastPath ?? true, async () => {}, opts.logQuery);
  if (!opts.dataDir) throw new Error('openDatabase needs a databaseUrl, a dataDir or a PGlite instance');
  mkdirSync(opts.dataDir, { recursive: true });
  const release = acquireDataDirLock(opts.dataDir);
  try {
    const dir = join(opts.dataDir, 'pglite');
    // A new data directory starts as a copy of the template `npm install` prepared, when there is one.
    if (!existsSync(join(dir, 'PG_VERSION')) && (!existsSync(dir) || readdirSync(dir).length === 0)) {
      rmSync(dir, { recursive: true, force: true });
      copyTemplate(dir);
    }
    const client = await createPglite(dir);
    return await wrapPglite(client, opts.fastPath ?? true, async () => release());
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
const withoutParsers = (options?: QueryOptions) => (options?.parsers ? { ...options, parsers: undefined } : options);

/**
 * The plain path: Drizzle on PGlite's documented query() and transaction(), without Drizzle's per-query parsers.
 * Work outside a transaction, and each transaction, takes its turn (turns.ts), so requests are served in the order
 * they came.
 */
function plainClient(pglite: PGlite, turns: Turns): QueryClient {
  const query = ((text: string, params?: unknown[], options?: QueryOptions) =>
    turns(() => pglite.query(text, params, withoutParsers(options)))) as PGlite['query'];
  const transaction = ((work: (tx: Pick<PGlite, 'query'>) => Promise<unknown>) =>
    turns(() =>
      pglite.transaction((tx) =>
        work({ query: ((text: string, params?: unknown[], options?: QueryOptions) => tx.query(text, params, withoutParsers(options))) as PGlite['query'] }),
      ),
    )) as unknown as PGlite['transaction'];
  return { query, transaction };
}

/**
 * The client with each transaction's connection put in the caller's transaction scope, for the statements built once
 * (prepared.ts).
 */
function claimingScope(client: QueryClient, logQuery?: LogQuery): QueryClient {
  const transaction = ((work: (tx: Pick<PGlite, 'query'>) => Promise<unknown>) => {
    const scope = currentScope();
    return client.transaction((tx) => {
      claimScope(scope, tx, 'pglite', logQuery);
      return work(tx);
    });
  }) as unknown as PGlite['transaction'];
  return { query: client.query, transaction };
}

async function wrapPglite(pglite: PGlite, fastPath: boolean, onClose: () => Promise<void>, logQuery?: LogQuery): Promise<Database> {
  for (const oid of DRIZZLE_TEXT_TYPES) pglite.parsers[oid] = (value: string) => value;
  const { turns, background } = createTurns();
  const plain = plainClient(pglite, turns);
  const fast = fastPath ? await fastPathClient(pglite, plain, turns) : undefined;
  const drizzleOn = (taking: Turns) => {
    const client = claimingScope(fast ? fast(taking) : plainClient(pglite, taking), logQuery);
    const db = loadPgliteDriver().drizzle({ client: client as PGlite, ...(logQuery ? { logger: { logQuery } } : {}) }) as unknown as Db;
    directConnection(db, client, 'pglite', logQuery);
    return db;
  };
  return {
    db: drizzleOn(turns),
    backgroundDb: drizzleOn(background),
    kind: 'pglite',
    pglite,
    dataPath: fast ? 'fast' : 'plain',
    async close() {
      if (!pglite.closed) await pglite.close();
      await onClose();
    },
  };
}

function openPostgres(url: string, max: number): Database {
  const { pg: driver, Client } = namedStatementsClient();
  const pool = new driver.Pool({ connectionString: url, max, Client });
  pool.on('error', () => {}); // an idle client dropped by the server; the pool replaces it
  const db = loadNodePgDriver().drizzle(pool) as unknown as Db;
  directConnection(db, pool, 'postgres');
  return { db, backgroundDb: db, kind: 'postgres', pool, dataPath: 'plain', close: () => pool.end() };
}
