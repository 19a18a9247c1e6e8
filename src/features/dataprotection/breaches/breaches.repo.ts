// The breach log's table.
import { randomUUID } from 'node:crypto';
import type { Db } from '#src/db/client.ts';
import { and, desc, eq, sql } from '#src/db/orm.ts';
import { breaches } from '#src/db/schema/dataprotection.ts';

export type BreachRow = typeof breaches.$inferSelect;
export type BreachChanges = Partial<Omit<typeof breaches.$inferInsert, 'id' | 'orgId' | 'reference' | 'createdAt'>>;

export async function listBreaches(tx: Db, orgId: string): Promise<BreachRow[]> {
  return tx.select().from(breaches).where(eq(breaches.orgId, orgId)).orderBy(desc(breaches.awareAt), desc(breaches.id));
}

export async function findBreach(tx: Db, orgId: string, id: string): Promise<BreachRow | undefined> {
  const rows = await tx
    .select()
    .from(breaches)
    .where(and(eq(breaches.orgId, orgId), eq(breaches.id, id)));
  return rows[0];
}

/** The next reference in the service (BR-001, BR-002, …), in the inserting transaction. */
export async function insertBreach(tx: Db, row: Omit<typeof breaches.$inferInsert, 'id' | 'reference'>) {
  const id = randomUUID();
  const [{ n } = { n: 0 }] = await tx.select({ n: sql<number>`count(*)::int` }).from(breaches).where(eq(breaches.orgId, row.orgId));
  const reference = `BR-${String(n + 1).padStart(3, '0')}`;
  await tx.insert(breaches).values({ id, reference, ...row });
  return { id, reference };
}

export async function updateBreach(tx: Db, orgId: string, id: string, changes: BreachChanges) {
  await tx
    .update(breaches)
    .set(changes)
    .where(and(eq(breaches.orgId, orgId), eq(breaches.id, id)));
}
