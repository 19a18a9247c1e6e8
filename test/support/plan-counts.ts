// PostgreSQL's own count of each prepared statement's runs on its generic and on custom plans (pg_prepared_statements),
// for the tests of how statements are planned and how many a page runs.
import type { Database } from '#src/db/client.ts';

export type Counted = { statement: string; generic_plans: number; custom_plans: number };
const COUNTS = 'SELECT statement, generic_plans::int, custom_plans::int FROM pg_prepared_statements';

/** Every prepared statement's plan counts: PGlite's one session, or each connection of the PostgreSQL pool. */
export async function planCounts(database: Database): Promise<Counted[]> {
  if (database.pglite) return (await database.pglite.query<Counted>(COUNTS)).rows;
  const pool = database.pool!;
  const clients = await Promise.all(Array.from({ length: pool.totalCount }, () => pool.connect()));
  try {
    return (await Promise.all(clients.map((c) => c.query<Counted>(COUNTS)))).flatMap((r) => r.rows);
  } finally {
    for (const c of clients) c.release();
  }
}

/** How many times prepared statements have run so far, on every connection. */
export const statementRuns = async (database: Database) => (await planCounts(database)).reduce((n, c) => n + c.generic_plans + c.custom_plans, 0);
