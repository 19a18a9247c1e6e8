// A second web process on the same database as a harness: its own connection pool on PostgreSQL, so the two share
// nothing but the database (on PGlite, one process holds the database, so it shares the harness's).
import { buildApp, type ParleyApp } from '#src/app.ts';
import type { Config } from '#src/config.ts';
import { type Database, openDatabase } from '#src/db/client.ts';
import { createServices, type Deps } from '#src/deps.ts';
import { createLogger } from '#src/lib/logger.ts';
import { type Harness, testConfig } from './harness.ts';

/** Another connection to the harness's database: a pool of its own on PostgreSQL, the same database on PGlite. */
export async function secondConnection(h: Harness): Promise<Database> {
  const url = (h.deps.database as Database & { url?: string }).url;
  if (h.deps.database.kind !== 'postgres' || !url) return { ...h.deps.database, close: async () => {} };
  return openDatabase({ databaseUrl: url, poolSize: 5 });
}

export async function startSecondInstance(h: Harness, overrides: Partial<Config> = {}): Promise<{ app: ParleyApp; deps: Deps; close(): Promise<void> }> {
  const database = await secondConnection(h);
  const deps = createServices(testConfig(overrides), database, h.clock, createLogger(process.env.PARLEY_TEST_LOG ?? 'silent'));
  const app = await buildApp(deps);
  return {
    app,
    deps,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
