// Parties' personal links: stored by the hash of their token.
import type { Db } from '#src/db/client.ts';
import { and, eq, isNull } from '#src/db/orm.ts';
import { partyLinks } from '#src/db/schema/closing.ts';

export type PartyLinkRow = typeof partyLinks.$inferSelect;

export async function insertLink(tx: Db, row: typeof partyLinks.$inferInsert) {
  await tx.insert(partyLinks).values(row);
}

/** The link with this token hash, in any service: the token is the credential, read as the owner before the service is known. */
export async function findLinkByHash(tx: Db, tokenHash: string): Promise<PartyLinkRow | undefined> {
  const rows = await tx.select().from(partyLinks).where(eq(partyLinks.tokenHash, tokenHash));
  return rows[0];
}

/** Marks the link used, once: false when it was used already (two answers racing). */
export async function useLink(tx: Db, orgId: string, id: string, at: Date): Promise<boolean> {
  const rows = await tx
    .update(partyLinks)
    .set({ usedAt: at })
    .where(and(eq(partyLinks.orgId, orgId), eq(partyLinks.id, id), isNull(partyLinks.usedAt)))
    .returning({ id: partyLinks.id });
  return rows.length > 0;
}

/** Withdraws the party's open links of this purpose (a new one replaces them). */
export async function revokeOpenLinks(tx: Db, orgId: string, caseId: string, partyId: string, purpose: string, at: Date) {
  await tx
    .update(partyLinks)
    .set({ revokedAt: at })
    .where(
      and(
        eq(partyLinks.orgId, orgId),
        eq(partyLinks.caseId, caseId),
        eq(partyLinks.partyId, partyId),
        eq(partyLinks.purpose, purpose),
        isNull(partyLinks.usedAt),
        isNull(partyLinks.revokedAt),
      ),
    );
}
