// Statements on the PostgreSQL server the benchmarks were given (CREATE or DROP DATABASE), each on a connection of its own.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Cleanup } from './server-process.ts';

export async function adminStatement(databaseUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  await client.query(statement).finally(() => client.end());
}

/** A new empty database `<prefix>_<random>` on that server for one run, dropped at clean-up; resolves with its URL. */
export async function scratchDatabase(databaseUrl: string, prefix: string, cleanups: Cleanup[]): Promise<string> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  await adminStatement(databaseUrl, `CREATE DATABASE ${name}`);
  cleanups.push(() => adminStatement(databaseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
