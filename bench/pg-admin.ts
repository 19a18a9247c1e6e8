// One statement on the PostgreSQL server the benchmarks were given (CREATE or DROP DATABASE), on a connection of its own.
import pg from 'pg';

export async function adminStatement(databaseUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(statement).finally(() => client.end());
}
