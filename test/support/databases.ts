// Fresh, migrated databases for tests: PGlite copied from a migrated template, or a PostgreSQL database
// created from a migrated template database. Never a mock.
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import pg from 'pg';
import { dbFastPathFrom } from '#src/config.ts';
import { createPglite, type Database, openDatabase } from '#src/db/client.ts';
import { runMigrations } from '#src/db/migrate.ts';

export type DbKind = 'pglite' | 'postgres';

export const testDbKind = (): DbKind => (process.env.PARLEY_TEST_DB === 'postgres' ? 'postgres' : 'pglite');

function adminUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('PARLEY_TEST_DB=postgres needs DATABASE_URL');
  return url;
}

export function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Made once per test run (vitest global setup): a migrated template. */
export async function prepareTemplate(kind: DbKind, runId: string, pgliteDumpFile: string): Promise<string> {
  if (kind === 'pglite') {
    const client = await createPglite();
    const database = await openDatabase({ pglite: client });
    await runMigrations(database);
    const dump = await client.dumpDataDir('none');
    await writeFile(pgliteDumpFile, Buffer.from(await dump.arrayBuffer()));
    await client.close();
    return pgliteDumpFile;
  }
  const name = `parley_tpl_${runId}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const database = await openDatabase({ databaseUrl: withDatabaseName(adminUrl(), name), poolSize: 2 });
  await runMigrations(database);
  await database.close();
  return name;
}

export async function dropTemplate(kind: DbKind, template: string) {
  if (kind === 'postgres') await adminQuery(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
}

/** A fresh database for one test file, already migrated. */
export async function freshDatabase(kind: DbKind, template: string): Promise<Database & { url?: string }> {
  if (kind === 'pglite') {
    const dump = await readFile(template);
    const client = await createPglite(undefined, new Blob([dump]));
    // PARLEY_DB_FAST_PATH=off runs a test file on the plain path (.ci/run does, for a few broad ones).
    return openDatabase({ pglite: client, fastPath: dbFastPathFrom() });
  }
  const name = `parley_t_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  const url = withDatabaseName(adminUrl(), name);
  const database = await openDatabase({ databaseUrl: url, poolSize: 5 });
  return {
    ...database,
    url,
    async close() {
      await database.close();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
