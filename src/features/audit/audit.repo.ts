import { and, asc, desc, eq, gt, gte, ilike, isNull, lte, or, type SQL, sql } from '#src/db/orm.ts';
import type { Db } from '#src/db/client.ts';
import { auditEvents, auditHeads } from '#src/db/schema/audit.ts';
import type { AuditLink } from './audit-chain.ts';

/** Locks the chain's head row until COMMIT (so links are appended one at a time) and reads it; one statement once the chain exists. */
export async function lockChainHead(tx: Db, chain: string): Promise<{ seq: number; hash: string }> {
  const read = () => tx.select().from(auditHeads).where(eq(auditHeads.chain, chain)).for('update');
  let [head] = await read();
  if (!head) {
    await tx
      .insert(auditHeads)
      .values({ chain, seq: 0, hash: '0'.repeat(64) })
      .onConflictDoNothing();
    [head] = await read();
  }
  if (!head) throw new Error(`audit chain head ${chain} could not be read`);
  return { seq: head.seq, hash: head.hash };
}

/** Writes the link and moves the head to it, in one statement. */
export async function appendLink(tx: Db, chain: string, link: AuditLink, prevHash: string, hash: string) {
  const insert = tx.insert(auditEvents).values({ ...link, prevHash, hash });
  const moveHead = tx.update(auditHeads).set({ seq: link.seq, hash }).where(eq(auditHeads.chain, chain));
  await tx.execute(sql`WITH link AS (${insert.getSQL()}) ${moveHead.getSQL()}`);
}

export async function listChains(tx: Db): Promise<{ chain: string; seq: number; hash: string }[]> {
  return tx.select().from(auditHeads).orderBy(asc(auditHeads.chain));
}

export async function readChainBatch(tx: Db, orgId: string | null, afterSeq: number, limit: number) {
  const chainFilter = orgId === null ? isNull(auditEvents.orgId) : eq(auditEvents.orgId, orgId);
  return tx
    .select()
    .from(auditEvents)
    .where(and(chainFilter, gt(auditEvents.seq, afterSeq)))
    .orderBy(asc(auditEvents.seq))
    .limit(limit);
}

export type AuditFilter = { orgId: string; action?: string; actor?: string; entity?: string; from?: Date; to?: Date };

export async function searchEvents(tx: Db, f: AuditFilter, limit: number, offset: number) {
  const where: (SQL | undefined)[] = [eq(auditEvents.orgId, f.orgId)];
  if (f.action) where.push(ilike(auditEvents.action, `${f.action}%`));
  if (f.actor) where.push(or(ilike(auditEvents.actorLabel, `%${f.actor}%`), eq(auditEvents.actorId, f.actor)));
  if (f.entity) where.push(or(eq(auditEvents.entityId, f.entity), ilike(auditEvents.entityType, f.entity)));
  if (f.from) where.push(gte(auditEvents.at, f.from));
  if (f.to) where.push(lte(auditEvents.at, f.to));
  const rows = await tx
    .select()
    .from(auditEvents)
    .where(and(...where))
    .orderBy(desc(auditEvents.seq))
    .limit(limit)
    .offset(offset);
  const [count] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(auditEvents)
    .where(and(...where));
  return { rows, total: count?.n ?? 0 };
}
