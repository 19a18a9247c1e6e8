// Tenant transactions: every service-scoped query runs inside one. The role switch makes
// PostgreSQL row-level security apply, so a query that forgets its org filter still sees nothing else.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db } from './client.ts';
import { transactionScope } from './prepared.ts';
import { tenantSettings } from './statements.ts';

/**
 * The transaction a page's reads share (readTogether). `open` until it ends: work that outlives it (a timer set
 * inside) opens its own transactions again.
 */
const shared = new AsyncLocalStorage<{ db: Db; orgId: string; tx: Db; open: boolean }>();

export async function inOrg<T>(db: Db, orgId: string, work: (tx: Db) => Promise<T>): Promise<T> {
  const page = shared.getStore();
  if (page?.open) {
    if (page.db === db && page.orgId === orgId) return work(page.tx);
    throw new Error('A transaction for another service or database was asked for inside a page’s shared transaction');
  }
  return transactionScope((enter) =>
    db.transaction(async (tx) =>
      enter(tx, async () => {
        await tx.execute(tenantSettings(orgId));
        return work(tx as unknown as Db);
      }),
    ),
  );
}

/**
 * One page's reads in one transaction: every inOrg for the same service and database that `reads` makes, one after
 * another, runs in it instead of opening its own. A page that asked two services for its parts paid a transaction's
 * BEGIN, role switch and COMMIT for each and, under load, waited its turn for each (turns.ts; a pooled connection on
 * PostgreSQL); it now waits once, and its parts come from one snapshot. A service called here keeps its own checks
 * and audit; what it writes commits with the page's reads. Anything else that opens a transaction in here is refused:
 * on the embedded database it would wait for this one to end.
 */
export function readTogether<T>(db: Db, orgId: string, reads: () => Promise<T>): Promise<T> {
  if (shared.getStore()?.open) return reads();
  return inOrg(db, orgId, async (tx) => {
    const page = { db, orgId, tx, open: true };
    try {
      return await shared.run(page, reads);
    } finally {
      page.open = false;
    }
  });
}

/** Owner-role transaction for work that spans services: sign-in, setup, the worker, the CLI. */
export async function asSystem<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  if (shared.getStore()?.open) throw new Error('An owner-role transaction was asked for inside a page’s shared transaction');
  return transactionScope((enter) => db.transaction(async (tx) => enter(tx, () => work(tx as unknown as Db))));
}
