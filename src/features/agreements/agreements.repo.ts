// The only code that queries the agreement tables. Every query is scoped by the service (org_id).
import type { Db } from '#src/db/client.ts';
import { and, asc, desc, eq, inArray, isNull } from '#src/db/orm.ts';
import {
  agreementSigners,
  agreementTerms,
  agreementVersions,
  agreementWording,
  agreements,
  signingLinkEvents,
  signingLinks,
} from '#src/db/schema/agreements.ts';

export type AgreementRow = typeof agreements.$inferSelect;
export type VersionRow = typeof agreementVersions.$inferSelect;
export type TermRow = typeof agreementTerms.$inferSelect;
export type SignerRow = typeof agreementSigners.$inferSelect;
export type LinkRow = typeof signingLinks.$inferSelect;

export async function insertAgreement(tx: Db, row: typeof agreements.$inferInsert) {
  await tx.insert(agreements).values(row);
}

export async function listAgreementsOfCase(tx: Db, orgId: string, caseId: string): Promise<AgreementRow[]> {
  return tx
    .select()
    .from(agreements)
    .where(and(eq(agreements.orgId, orgId), eq(agreements.caseId, caseId)))
    .orderBy(asc(agreements.createdAt));
}

export async function findAgreement(tx: Db, orgId: string, id: string): Promise<AgreementRow | undefined> {
  const [row] = await tx
    .select()
    .from(agreements)
    .where(and(eq(agreements.orgId, orgId), eq(agreements.id, id)));
  return row;
}

export async function touchAgreement(tx: Db, orgId: string, id: string, at: Date) {
  await tx
    .update(agreements)
    .set({ updatedAt: at })
    .where(and(eq(agreements.orgId, orgId), eq(agreements.id, id)));
}

export async function insertVersion(tx: Db, row: typeof agreementVersions.$inferInsert) {
  await tx.insert(agreementVersions).values(row);
}

export async function findVersion(tx: Db, orgId: string, id: string): Promise<VersionRow | undefined> {
  const [row] = await tx
    .select()
    .from(agreementVersions)
    .where(and(eq(agreementVersions.orgId, orgId), eq(agreementVersions.id, id)));
  return row;
}

/** The versions of an agreement, newest first (without the PDF). */
export async function listVersions(tx: Db, orgId: string, agreementId: string) {
  return tx
    .select({
      id: agreementVersions.id,
      number: agreementVersions.number,
      status: agreementVersions.status,
      hash: agreementVersions.hash,
      reference: agreementVersions.reference,
      frozenAt: agreementVersions.frozenAt,
      signedAt: agreementVersions.signedAt,
      createdAt: agreementVersions.createdAt,
    })
    .from(agreementVersions)
    .where(and(eq(agreementVersions.orgId, orgId), eq(agreementVersions.agreementId, agreementId)))
    .orderBy(desc(agreementVersions.number));
}

export async function latestVersionOf(tx: Db, orgId: string, agreementId: string): Promise<VersionRow | undefined> {
  const [row] = await tx
    .select()
    .from(agreementVersions)
    .where(and(eq(agreementVersions.orgId, orgId), eq(agreementVersions.agreementId, agreementId)))
    .orderBy(desc(agreementVersions.number))
    .limit(1);
  return row;
}

export async function updateVersion(tx: Db, orgId: string, id: string, set: Partial<typeof agreementVersions.$inferInsert>) {
  await tx
    .update(agreementVersions)
    .set(set)
    .where(and(eq(agreementVersions.orgId, orgId), eq(agreementVersions.id, id)));
}

export async function findVersionByReference(tx: Db, orgId: string, reference: string) {
  const [row] = await tx
    .select({ id: agreementVersions.id, status: agreementVersions.status, hash: agreementVersions.hash, finalPdfHash: agreementVersions.finalPdfHash })
    .from(agreementVersions)
    .where(and(eq(agreementVersions.orgId, orgId), eq(agreementVersions.reference, reference)));
  return row;
}

export async function findVersionByPdfHash(tx: Db, orgId: string, pdfHash: string) {
  const [row] = await tx
    .select({ id: agreementVersions.id, reference: agreementVersions.reference, status: agreementVersions.status })
    .from(agreementVersions)
    .where(and(eq(agreementVersions.orgId, orgId), eq(agreementVersions.finalPdfHash, pdfHash)));
  return row;
}

export async function listTerms(tx: Db, orgId: string, versionId: string): Promise<TermRow[]> {
  return tx
    .select()
    .from(agreementTerms)
    .where(and(eq(agreementTerms.orgId, orgId), eq(agreementTerms.versionId, versionId)))
    .orderBy(asc(agreementTerms.position));
}

export async function insertTerms(tx: Db, rows: (typeof agreementTerms.$inferInsert)[]) {
  if (rows.length) await tx.insert(agreementTerms).values(rows);
}

export async function updateTerm(tx: Db, orgId: string, id: string, set: Partial<typeof agreementTerms.$inferInsert>) {
  await tx
    .update(agreementTerms)
    .set(set)
    .where(and(eq(agreementTerms.orgId, orgId), eq(agreementTerms.id, id)));
}

export async function deleteTerm(tx: Db, orgId: string, id: string) {
  await tx.delete(agreementTerms).where(and(eq(agreementTerms.orgId, orgId), eq(agreementTerms.id, id)));
}

export async function insertSigners(tx: Db, rows: (typeof agreementSigners.$inferInsert)[]) {
  if (rows.length) await tx.insert(agreementSigners).values(rows);
}

export async function listSigners(tx: Db, orgId: string, versionId: string): Promise<SignerRow[]> {
  return tx
    .select()
    .from(agreementSigners)
    .where(and(eq(agreementSigners.orgId, orgId), eq(agreementSigners.versionId, versionId)))
    .orderBy(asc(agreementSigners.position));
}

export async function listSignersOfVersions(tx: Db, orgId: string, versionIds: string[]): Promise<SignerRow[]> {
  if (!versionIds.length) return [];
  return tx
    .select()
    .from(agreementSigners)
    .where(and(eq(agreementSigners.orgId, orgId), inArray(agreementSigners.versionId, versionIds)))
    .orderBy(asc(agreementSigners.position));
}

/** Records a signature or a refusal on a signer still pending; false when someone else got there first. */
export async function recordSignature(tx: Db, orgId: string, id: string, set: Partial<typeof agreementSigners.$inferInsert>): Promise<boolean> {
  const rows = await tx
    .update(agreementSigners)
    .set(set)
    .where(and(eq(agreementSigners.orgId, orgId), eq(agreementSigners.id, id), eq(agreementSigners.status, 'pending')))
    .returning({ id: agreementSigners.id });
  return rows.length === 1;
}

export async function findWording(tx: Db, orgId: string, caseType: string) {
  const [row] = await tx
    .select()
    .from(agreementWording)
    .where(and(eq(agreementWording.orgId, orgId), eq(agreementWording.caseType, caseType)));
  return row;
}

export async function listWording(tx: Db, orgId: string) {
  return tx.select().from(agreementWording).where(eq(agreementWording.orgId, orgId));
}

export async function upsertWording(tx: Db, row: typeof agreementWording.$inferInsert) {
  await tx
    .insert(agreementWording)
    .values(row)
    .onConflictDoUpdate({
      target: [agreementWording.orgId, agreementWording.caseType],
      set: { statements: row.statements, updatedBy: row.updatedBy, updatedAt: row.updatedAt },
    });
}

export async function insertLink(tx: Db, row: typeof signingLinks.$inferInsert) {
  await tx.insert(signingLinks).values(row);
}

export async function findLinkByToken(tx: Db, orgId: string, tokenHash: string): Promise<LinkRow | undefined> {
  const [row] = await tx
    .select()
    .from(signingLinks)
    .where(and(eq(signingLinks.orgId, orgId), eq(signingLinks.tokenHash, tokenHash)));
  return row;
}

export async function findLink(tx: Db, orgId: string, id: string): Promise<LinkRow | undefined> {
  const [row] = await tx
    .select()
    .from(signingLinks)
    .where(and(eq(signingLinks.orgId, orgId), eq(signingLinks.id, id)));
  return row;
}

export async function listLinksOfVersion(tx: Db, orgId: string, versionId: string): Promise<LinkRow[]> {
  return tx
    .select()
    .from(signingLinks)
    .where(and(eq(signingLinks.orgId, orgId), eq(signingLinks.versionId, versionId)))
    .orderBy(asc(signingLinks.createdAt));
}

export async function updateLink(tx: Db, orgId: string, id: string, set: Partial<typeof signingLinks.$inferInsert>) {
  await tx
    .update(signingLinks)
    .set(set)
    .where(and(eq(signingLinks.orgId, orgId), eq(signingLinks.id, id)));
}

/** Withdraws every link of a signer that is still usable (a new link replaces them). */
export async function revokeOpenLinks(tx: Db, orgId: string, signerId: string, at: Date) {
  await tx
    .update(signingLinks)
    .set({ revokedAt: at })
    .where(and(eq(signingLinks.orgId, orgId), eq(signingLinks.signerId, signerId), isNull(signingLinks.revokedAt), isNull(signingLinks.usedAt)));
}

export async function insertLinkEvent(tx: Db, row: typeof signingLinkEvents.$inferInsert) {
  await tx.insert(signingLinkEvents).values(row);
}

export async function listLinkEvents(tx: Db, orgId: string, linkIds: string[]) {
  if (!linkIds.length) return [];
  return tx
    .select()
    .from(signingLinkEvents)
    .where(and(eq(signingLinkEvents.orgId, orgId), inArray(signingLinkEvents.linkId, linkIds)))
    .orderBy(asc(signingLinkEvents.at));
}
