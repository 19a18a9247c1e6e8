// The retention job's work on a case's agreements: the terms' words, the signers' names, signatures and addresses,
// the frozen text and the final PDF go; the version numbers, statuses, dates and how each signer signed stay.
import type { Db } from '#src/db/client.ts';
import { and, eq, inArray, sql } from '#src/db/orm.ts';
import { agreementSigners, agreementTerms, agreementVersions, signingLinkEvents, signingLinks } from '#src/db/schema/agreements.ts';

const A = 'Anonymised';

export async function anonymiseAgreementsOfCases(tx: Db, orgId: string, caseIds: string[]) {
  if (!caseIds.length) return;
  const versionIds = (
    await tx
      .select({ id: agreementVersions.id })
      .from(agreementVersions)
      .where(and(eq(agreementVersions.orgId, orgId), inArray(agreementVersions.caseId, caseIds)))
  ).map((r) => r.id);
  if (!versionIds.length) return;
  // A given signature is evidence and its trigger refuses changes, except in the owner's erasing transaction (0031).
  await tx.execute(sql`SELECT set_config('parley.erasing', 'on', true)`);
  await tx
    .update(agreementVersions)
    .set({ issues: [], canonical: null, finalPdf: null })
    .where(and(eq(agreementVersions.orgId, orgId), inArray(agreementVersions.id, versionIds)));
  await tx
    .update(agreementTerms)
    .set({ who: [], what: A, checkHow: A })
    .where(and(eq(agreementTerms.orgId, orgId), inArray(agreementTerms.versionId, versionIds)));
  await tx
    .update(agreementSigners)
    .set({ name: A, typedName: null, drawing: null, declineReason: null, witnessName: null, addressHash: null, browser: null })
    .where(and(eq(agreementSigners.orgId, orgId), inArray(agreementSigners.versionId, versionIds)));
  const linkIds = (
    await tx
      .select({ id: signingLinks.id })
      .from(signingLinks)
      .where(and(eq(signingLinks.orgId, orgId), inArray(signingLinks.versionId, versionIds)))
  ).map((r) => r.id);
  if (!linkIds.length) return;
  await tx
    .update(signingLinks)
    .set({ sentTo: A })
    .where(and(eq(signingLinks.orgId, orgId), inArray(signingLinks.id, linkIds)));
  await tx
    .update(signingLinkEvents)
    .set({ addressHash: null, browser: null })
    .where(and(eq(signingLinkEvents.orgId, orgId), inArray(signingLinkEvents.linkId, linkIds)));
}
