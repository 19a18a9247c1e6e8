// The parties' consent to share the outcome with the referrer: one row per party per case.
import type { Db } from '#src/db/client.ts';
import { and, eq } from '#src/db/orm.ts';
import { outcomeShareConsents } from '#src/db/schema/agreements.ts';

export type ShareConsentRow = typeof outcomeShareConsents.$inferSelect;

export async function listShareConsents(tx: Db, orgId: string, caseId: string): Promise<ShareConsentRow[]> {
  return tx
    .select()
    .from(outcomeShareConsents)
    .where(and(eq(outcomeShareConsents.orgId, orgId), eq(outcomeShareConsents.caseId, caseId)));
}

/** Records a party's answer, replacing an earlier one. */
export async function saveShareConsent(tx: Db, row: typeof outcomeShareConsents.$inferInsert) {
  await tx
    .insert(outcomeShareConsents)
    .values(row)
    .onConflictDoUpdate({
      target: [outcomeShareConsents.orgId, outcomeShareConsents.caseId, outcomeShareConsents.partyId],
      set: { consents: row.consents, decidedOn: row.decidedOn, recordedBy: row.recordedBy, recordedAt: row.recordedAt },
    });
}
