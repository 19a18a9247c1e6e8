// Fresh, migrated databases for tests: PGlite copied from a migrated template, or a PostgreSQL database
// created from a migrated template database. Never a mock.
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { dbFastPathFrom } from '#src/config.ts';
import { createPglite, type Database, openDatabase } from '#src/db/client.ts';
import { runMigrations } from '#src/db/migrate.ts';
import { copyTemplate } from '#src/db/pglite-template.ts';

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

/**
 * Made once per test run (vitest global setup): a migrated template. On PGlite, a cluster directory shut down cleanly,
 * in `dir`; each test file then opens a copy of it (a file copy takes about half the time of loading a dump).
 */
export async function prepareTemplate(kind: DbKind, runId: string, dir: string): Promise<string> {
  if (kind === 'pglite') {
    // From a copy of the cluster npm install prepared (src/db/pglite-template.ts), when there is one; else initdb.
    const cluster = join(dir, 'cluster');
    copyTemplate(cluster);
    const client = await createPglite(cluster);
    const database = await openDatabase({ pglite: client });
    await runMigrations(database);
    await client.close();
    return cluster;
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
    const dir = mkdtempSync(join(tmpdir(), 'parley-test-db-'));
    const removeDir = () => rmSync(dir, { recursive: true, force: true });
    process.once('exit', removeDir); // also when a test closes the PGlite instance itself, or not at all
    cpSync(template, join(dir, 'pglite'), { recursive: true });
    const client = await createPglite(join(dir, 'pglite'));
    // PARLEY_DB_FAST_PATH=off runs a test file on the plain path (.ci/run does, for a few broad ones).
    const database = await openDatabase({ pglite: client, fastPath: dbFastPathFrom() });
    return {
      ...database,
      async close() {
        await database.close();
        removeDir();
      },
    };
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
