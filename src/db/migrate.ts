// Applies the generated migrations on boot, on either driver.
import { fileURLToPath } from 'node:url';
import { loadNodePgMigrator, loadPgliteMigrator } from './orm.ts';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { Database } from './client.ts';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations', import.meta.url));

export async function runMigrations(database: Database): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_DIR };
  if (database.kind === 'pglite') {
    await loadPgliteMigrator().migrate(database.db as unknown as PgliteDatabase, config);
    return;
  }
  // Several app processes may boot at once: one migrates, the others wait on the lock.
  const lock = await database.pool!.connect();
  try {
    await lock.query('SELECT pg_advisory_lock(7270539)');
    await loadNodePgMigrator().migrate(database.db as unknown as NodePgDatabase, config);
  } finally {
    await lock.query('SELECT pg_advisory_unlock(7270539)').catch(() => {});
    lock.release();
  }
}
