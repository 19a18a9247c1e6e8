// A person's agreements, for a subject access request: each version they were asked to sign, how they signed or
// why they declined, and its terms (the caller redacts the other people's details from the terms' words). The final
// PDF is not given: it names every party and cannot be redacted here; the terms carry what it says.
import type { Db } from '#src/db/client.ts';
import { and, asc, eq, inArray } from '#src/db/orm.ts';
import { agreementSigners, agreementTerms, agreementVersions } from '#src/db/schema/agreements.ts';

export async function agreementRecordsOfParties(tx: Db, orgId: string, partyIds: string[]) {
  if (!partyIds.length) return [];
  const signed = await tx
    .select({
      caseId: agreementSigners.caseId,
      partyId: agreementSigners.partyId,
      versionId: agreementSigners.versionId,
      version: agreementVersions.number,
      versionStatus: agreementVersions.status,
      reference: agreementVersions.reference,
      signerStatus: agreementSigners.status,
      method: agreementSigners.method,
      channel: agreementSigners.channel,
      typedName: agreementSigners.typedName,
      declineReason: agreementSigners.declineReason,
      at: agreementSigners.at,
    })
    .from(agreementSigners)
    .innerJoin(agreementVersions, and(eq(agreementVersions.orgId, agreementSigners.orgId), eq(agreementVersions.id, agreementSigners.versionId)))
    .where(and(eq(agreementSigners.orgId, orgId), eq(agreementSigners.kind, 'party'), inArray(agreementSigners.partyId, partyIds)))
    .orderBy(asc(agreementVersions.createdAt));
  const out = [];
  for (const { versionId, ...s } of signed) {
    const terms = await tx
      .select({ what: agreementTerms.what, dueKind: agreementTerms.dueKind, dueOn: agreementTerms.dueOn, checkHow: agreementTerms.checkHow })
      .from(agreementTerms)
      .where(and(eq(agreementTerms.orgId, orgId), eq(agreementTerms.versionId, versionId)))
      .orderBy(asc(agreementTerms.position));
    out.push({ ...s, terms });
  }
  return out;
}
