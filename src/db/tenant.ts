// Tenant transactions: every service-scoped query runs inside one. The role switch makes
// PostgreSQL row-level security apply, so a query that forgets its org filter still sees nothing else.
import { sql } from '#src/db/orm.ts';
import type { Db } from './client.ts';
import { transactionScope } from './prepared.ts';

export async function inOrg<T>(db: Db, orgId: string, work: (tx: Db) => Promise<T>): Promise<T> {
  return transactionScope((enter) =>
    db.transaction(async (tx) =>
      enter(tx, async () => {
        await tx.execute(tenantSettings(orgId));
        return work(tx as unknown as Db);
      }),
    ),
  );
}

/** The role switch and the service's id, for this transaction only: the transaction's first statement. */
export const tenantSettings = (orgId: string) => sql`SELECT set_config('role', 'parley_app', true), set_config('parley.org_id', ${orgId}, true)`;

/** Owner-role transaction for work that spans services: sign-in, setup, the worker, the CLI. */
export async function asSystem<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  return transactionScope((enter) => db.transaction(async (tx) => enter(tx, () => work(tx as unknown as Db))));
}
