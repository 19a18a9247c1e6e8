// Published for the case lifecycle's Outcome gate (wired in deps.ts): the state of the case's latest agreement version
// and who has not signed it yet. The newest agreement of the case counts.
import type { Db } from '#src/db/client.ts';
import type { AgreementFacts } from '#src/features/cases/lifecycle.ts';
import { latestVersionOf, listAgreementsOfCase, listSigners, listTerms } from './agreements.repo.ts';

export async function agreementFactsOf(tx: Db, orgId: string, caseId: string): Promise<AgreementFacts> {
  const a = (await listAgreementsOfCase(tx, orgId, caseId)).at(-1);
  const v = a ? await latestVersionOf(tx, orgId, a.id) : undefined;
  if (!v) return { state: 'none', waitingFor: [] };
  if (v.status === 'signed') return { state: 'signed', waitingFor: [] };
  if (v.status === 'ready') return { state: 'ready', waitingFor: (await listSigners(tx, orgId, v.id)).filter((s) => s.status !== 'signed').map((s) => s.name) };
  return { state: 'draft', waitingFor: [] };
}

/**
 * Published for follow-up (features/closing) and SEND (features/send): the case's newest agreement once every signer has
 * signed — when it was signed and its terms, so the follow-up points count from the signing, the check-ins can ask
 * about each term, and the SEND tab shows the local authority's reg 42 duties with their dates.
 */
export type SignedTerm = { id: string; text: string; dueOn: string | null; appealable: boolean | null; forLocalAuthority: boolean };
export async function signedAgreementOf(tx: Db, orgId: string, caseId: string): Promise<{ signedAt: Date; terms: SignedTerm[] } | undefined> {
  const a = (await listAgreementsOfCase(tx, orgId, caseId)).at(-1);
  const v = a ? await latestVersionOf(tx, orgId, a.id) : undefined;
  if (v?.status !== 'signed' || !v.signedAt) return undefined;
  return {
    signedAt: v.signedAt,
    terms: (await listTerms(tx, orgId, v.id)).map((t) => ({
      id: t.id,
      text: t.what,
      dueOn: t.dueKind === 'date' ? t.dueOn : null,
      appealable: t.appealable,
      forLocalAuthority: t.who.some((w) => w.kind === 'local_authority'),
    })),
  };
}
