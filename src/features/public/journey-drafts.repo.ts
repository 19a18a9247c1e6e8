// Public journeys in progress (the self-referral), kept server-side so they work without JavaScript.
// The id is the SHA-256 hash of the random token in the visitor's cookie.
import type { Db } from '#src/db/client.ts';
import { and, eq, gt, lte } from '#src/db/orm.ts';
import { journeyDrafts } from '#src/db/schema/referrals.ts';

export async function findDraft(tx: Db, orgId: string, id: string, journey: string, now: Date) {
  const rows = await tx
    .select({ answers: journeyDrafts.answers })
    .from(journeyDrafts)
    .where(and(eq(journeyDrafts.orgId, orgId), eq(journeyDrafts.id, id), eq(journeyDrafts.journey, journey), gt(journeyDrafts.expiresAt, now)));
  return rows[0]?.answers;
}

export async function insertDraft(tx: Db, draft: typeof journeyDrafts.$inferInsert) {
  await tx.insert(journeyDrafts).values(draft);
}

/** Saves the answers of a draft that has not expired; false when there is no such draft. */
export async function updateDraftAnswers(tx: Db, orgId: string, id: string, answers: Record<string, unknown>, now: Date) {
  const rows = await tx
    .update(journeyDrafts)
    .set({ answers })
    .where(and(eq(journeyDrafts.orgId, orgId), eq(journeyDrafts.id, id), gt(journeyDrafts.expiresAt, now)))
    .returning({ id: journeyDrafts.id });
  return rows.length > 0;
}

export async function deleteDraft(tx: Db, orgId: string, id: string) {
  await tx.delete(journeyDrafts).where(and(eq(journeyDrafts.orgId, orgId), eq(journeyDrafts.id, id)));
}

export async function deleteExpiredDrafts(tx: Db, orgId: string, now: Date) {
  await tx.delete(journeyDrafts).where(and(eq(journeyDrafts.orgId, orgId), lte(journeyDrafts.expiresAt, now)));
}

/** Every service's expired drafts (run as the owner, by a recurring job). */
export async function deleteAllExpiredDrafts(tx: Db, now: Date) {
  const rows = await tx.delete(journeyDrafts).where(lte(journeyDrafts.expiresAt, now)).returning({ id: journeyDrafts.id });
  return rows.length;
}
