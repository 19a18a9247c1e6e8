// When the last signer signs: the version becomes signed and its final PDF is made once and kept with its hash.
import type { Db } from '#src/db/client.ts';
import { caseTypeNamer } from '#src/domain/case-words.ts';
import { listCaseTypes } from '#src/features/orgs/org-records.ts';
import { translator } from '#src/i18n/i18n.ts';
import { listSigners, listTerms, updateVersion, type VersionRow } from '../agreements.repo.ts';
import { sha256Hex } from '../canonical-form.ts';
import { renderAgreementPdf } from '../pdf/agreement-pdf.ts';

const t = translator('en');

export type FinishContext = { serviceName: string; serviceSlug: string; baseUrl: string; now: Date };

/** Signs off the version if every signer has signed; returns whether it did. */
export async function finishIfSigned(tx: Db, orgId: string, v: VersionRow, ctx: FinishContext): Promise<boolean> {
  const signers = await listSigners(tx, orgId, v.id);
  if (signers.some((s) => s.status !== 'signed')) return false;
  // The case's reference and type as they were when the version was frozen (they are part of the canonical form).
  const frozenCase = (JSON.parse(v.canonical!) as { case: { reference: string; type: string } }).case;
  const pdf = await renderAgreementPdf({
    serviceName: ctx.serviceName,
    caseReference: frozenCase.reference,
    caseTypeLabel: caseTypeNamer(t, await listCaseTypes(tx, orgId))(frozenCase.type),
    reference: v.reference!,
    version: v.number,
    hash: v.hash!,
    frozenAt: v.frozenAt!,
    signedAt: ctx.now,
    statements: v.statements,
    issues: v.issues,
    terms: await listTerms(tx, orgId, v.id),
    signers,
    verifyUrl: `${ctx.baseUrl}/s/${ctx.serviceSlug}/verify`,
  });
  await updateVersion(tx, orgId, v.id, {
    status: 'signed',
    signedAt: ctx.now,
    finalPdf: Buffer.from(pdf).toString('base64'),
    finalPdfHash: sha256Hex(pdf),
    updatedAt: ctx.now,
  });
  return true;
}
