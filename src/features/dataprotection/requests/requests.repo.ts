// The register of people's data-protection requests.
import { randomUUID } from 'node:crypto';
import type { Db } from '#src/db/client.ts';
import { and, asc, eq, sql } from '#src/db/orm.ts';
import { dataRequests } from '#src/db/schema/dataprotection.ts';

export type RequestRow = typeof dataRequests.$inferSelect;
export type RequestChanges = Partial<Omit<typeof dataRequests.$inferInsert, 'id' | 'orgId' | 'reference' | 'createdAt'>>;

/** Open ones first, soonest due first. */
export async function listRequests(tx: Db, orgId: string): Promise<RequestRow[]> {
  return tx
    .select()
    .from(dataRequests)
    .where(eq(dataRequests.orgId, orgId))
    .orderBy(sql`${dataRequests.status} <> 'open'`, asc(dataRequests.dueOn), asc(dataRequests.id));
}

export async function findRequest(tx: Db, orgId: string, id: string): Promise<RequestRow | undefined> {
  const rows = await tx
    .select()
    .from(dataRequests)
    .where(and(eq(dataRequests.orgId, orgId), eq(dataRequests.id, id)));
  return rows[0];
}

export async function insertRequest(tx: Db, row: Omit<typeof dataRequests.$inferInsert, 'id' | 'reference'>) {
  const id = randomUUID();
  const [{ n } = { n: 0 }] = await tx.select({ n: sql<number>`count(*)::int` }).from(dataRequests).where(eq(dataRequests.orgId, row.orgId));
  const reference = `DR-${String(n + 1).padStart(3, '0')}`;
  await tx.insert(dataRequests).values({ id, reference, ...row });
  return { id, reference };
}

export async function updateRequest(tx: Db, orgId: string, id: string, changes: RequestChanges) {
  await tx
    .update(dataRequests)
    .set(changes)
    .where(and(eq(dataRequests.orgId, orgId), eq(dataRequests.id, id)));
}
