// Retention's own tables: the service's schedules, legal holds and the destruction log.
import { randomUUID } from 'node:crypto';
import type { Db } from '#src/db/client.ts';
import { and, desc, eq, isNull } from '#src/db/orm.ts';
import { destructionLog, legalHolds, retentionSchedules } from '#src/db/schema/dataprotection.ts';

export type HoldRow = typeof legalHolds.$inferSelect;
export type DestructionRow = typeof destructionLog.$inferSelect;

export async function listSchedules(tx: Db, orgId: string) {
  return tx
    .select({ caseType: retentionSchedules.caseType, years: retentionSchedules.years })
    .from(retentionSchedules)
    .where(eq(retentionSchedules.orgId, orgId));
}

export async function saveSchedule(tx: Db, orgId: string, caseType: string, years: number, by: string | null, at: Date) {
  await tx
    .insert(retentionSchedules)
    .values({ orgId, caseType, years, updatedBy: by, updatedAt: at })
    .onConflictDoUpdate({ target: [retentionSchedules.orgId, retentionSchedules.caseType], set: { years, updatedBy: by, updatedAt: at } });
}

/** Holds in force, newest first. */
export async function listActiveHolds(tx: Db, orgId: string) {
  return tx
    .select()
    .from(legalHolds)
    .where(and(eq(legalHolds.orgId, orgId), isNull(legalHolds.liftedAt)))
    .orderBy(desc(legalHolds.placedAt));
}

export async function heldCaseIds(tx: Db, orgId: string): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ caseId: legalHolds.caseId })
    .from(legalHolds)
    .where(and(eq(legalHolds.orgId, orgId), isNull(legalHolds.liftedAt)));
  return rows.map((r) => r.caseId);
}

export async function findActiveHold(tx: Db, orgId: string, id: string) {
  const rows = await tx
    .select()
    .from(legalHolds)
    .where(and(eq(legalHolds.orgId, orgId), eq(legalHolds.id, id), isNull(legalHolds.liftedAt)));
  return rows[0];
}

export async function insertHold(tx: Db, row: Omit<typeof legalHolds.$inferInsert, 'id'>) {
  const id = randomUUID();
  await tx.insert(legalHolds).values({ id, ...row });
  return id;
}

export async function liftHold(tx: Db, orgId: string, id: string, by: string | null, at: Date) {
  await tx
    .update(legalHolds)
    .set({ liftedBy: by, liftedAt: at })
    .where(and(eq(legalHolds.orgId, orgId), eq(legalHolds.id, id)));
}

export async function insertDestruction(tx: Db, row: Omit<typeof destructionLog.$inferInsert, 'id'>) {
  const id = randomUUID();
  await tx.insert(destructionLog).values({ id, ...row });
  return id;
}

export async function listDestructions(tx: Db, orgId: string, limit = 200) {
  return tx.select().from(destructionLog).where(eq(destructionLog.orgId, orgId)).orderBy(desc(destructionLog.runAt), desc(destructionLog.id)).limit(limit);
}
