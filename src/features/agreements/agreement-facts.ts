// Published for the case lifecycle's Outcome gate (wired in deps.ts): the state of the case's latest agreement version
// and who has not signed it yet. The newest agreement of the case counts.
import type { Db } from '#src/db/client.ts';
import type { AgreementFacts } from '#src/features/cases/lifecycle.ts';
import { latestVersionOf, listAgreementsOfCase, listSigners } from './agreements.repo.ts';

export async function agreementFactsOf(tx: Db, orgId: string, caseId: string): Promise<AgreementFacts> {
  const a = (await listAgreementsOfCase(tx, orgId, caseId)).at(-1);
  const v = a ? await latestVersionOf(tx, orgId, a.id) : undefined;
  if (!v) return { state: 'none', waitingFor: [] };
  if (v.status === 'signed') return { state: 'signed', waitingFor: [] };
  if (v.status === 'ready') return { state: 'ready', waitingFor: (await listSigners(tx, orgId, v.id)).filter((s) => s.status !== 'signed').map((s) => s.name) };
  return { state: 'draft', waitingFor: [] };
}
