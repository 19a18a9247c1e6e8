import { and, asc, desc, eq, gt, gte, ilike, isNull, lte, or, type SQL, sql } from '#src/db/orm.ts';
import type { Db } from '#src/db/client.ts';
import { pageWindow, prepared } from '#src/db/prepared.ts';
import { auditEvents, auditHeads } from '#src/db/schema/audit.ts';
import { type AuditLink, GENESIS_HASH } from './audit-chain.ts';

/** Creates the chain's head the first time the chain is written. */
export async function createChainHead(tx: Db, chain: string) {
  await tx.insert(auditHeads).values({ chain, seq: 0, hash: GENESIS_HASH }).onConflictDoNothing();
}

/**
 * Appends a link in one statement: locks the chain's head until COMMIT (so links go on one at a time), numbers the
 * link after it, hashes it onto the head's hash (sha256 of `prevHash \n body`, as linkHash does) and moves the
 * head. One statement, so the lock is held for this statement and the COMMIT only. False when the chain has no
 * head yet. Under READ COMMITTED a waiting append locks, and so reads, the head as the one before it left it.
 */
export async function appendAtHead(tx: Db, chain: string, link: Omit<AuditLink, 'seq'>, body: { before: string; after: string }): Promise<boolean> {
  const result = await tx.execute(sql`
    WITH head AS (SELECT seq + 1 AS seq, hash AS prev FROM ${auditHeads} WHERE chain = ${chain} FOR UPDATE),
    hashed AS (
      SELECT seq, prev, encode(sha256(convert_to(prev || ${'\n'} || ${body.before} || seq::text || ${body.after}, 'UTF8')), 'hex') AS hash FROM head
    ),
    link AS (
      INSERT INTO ${auditEvents} (org_id, seq, at, actor_type, actor_id, actor_label, action, entity_type, entity_id, ip, request_id, detail, prev_hash, hash)
      SELECT ${link.orgId}::uuid, seq, ${link.at.toISOString()}::timestamptz, ${link.actorType}, ${link.actorId}, ${link.actorLabel}, ${link.action},
        ${link.entityType}, ${link.entityId}, ${link.ip}, ${link.requestId}, ${link.detail === null ? null : JSON.stringify(link.detail)}::jsonb, prev, hash
      FROM hashed
      RETURNING seq, hash)
    UPDATE ${auditHeads} SET seq = link.seq, hash = link.hash FROM link WHERE ${auditHeads.chain} = ${chain}
    RETURNING ${auditHeads.seq}`);
  return (result as unknown as { rows: unknown[] }).rows.length > 0;
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

/** How many entries a service's trail has: its chain's head numbers them 1, 2, 3… with no gap (audit-chain.ts). */
const chainLength = prepared('audit_chain_length', (db) =>
  db
    .select({ seq: auditHeads.seq })
    .from(auditHeads)
    .where(eq(auditHeads.chain, sql.placeholder('chain'))),
);
/** The entries numbered above `bottom` and up to `top`, newest first: a range of the (org_id, seq) index. */
const trailRange = prepared('audit_trail_range', (db) =>
  db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.orgId, sql.placeholder('orgId')), lte(auditEvents.seq, sql.placeholder('top')), gt(auditEvents.seq, sql.placeholder('bottom'))))
    .orderBy(desc(auditEvents.seq)),
);

/**
 * A page of a service's audit trail, newest first, with how many entries match. Unfiltered (the page as it opens),
 * the page is a range of the chain's numbers and the count is the chain's head, so it costs the same however long
 * the trail grows (every view of a case adds to it); filtered, the entries are searched and counted.
 */
export async function searchEvents(tx: Db, f: AuditFilter, limit: number, offset: number) {
  if (!(f.action || f.actor || f.entity || f.from || f.to)) {
    const total = Number((await chainLength(tx, { chain: f.orgId }))[0]?.seq ?? 0);
    const top = total - offset;
    return { rows: top > 0 ? await trailRange(tx, { orgId: f.orgId, top, bottom: top - limit }) : [], total };
  }
  const where: (SQL | undefined)[] = [eq(auditEvents.orgId, f.orgId)];
  if (f.action) where.push(ilike(auditEvents.action, `${f.action}%`));
  if (f.actor) where.push(or(ilike(auditEvents.actorLabel, `%${f.actor}%`), eq(auditEvents.actorId, f.actor)));
  if (f.entity) where.push(or(eq(auditEvents.entityId, f.entity), ilike(auditEvents.entityType, f.entity)));
  if (f.from) where.push(gte(auditEvents.at, f.from));
  if (f.to) where.push(lte(auditEvents.at, f.to));
  const rows = await pageWindow(
    tx
      .select()
      .from(auditEvents)
      .where(and(...where))
      .orderBy(desc(auditEvents.seq))
      .$dynamic(),
    offset > 0,
    { limit, offset },
  );
  const [count] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(auditEvents)
    .where(and(...where));
  return { rows, total: count?.n ?? 0 };
}
