// The statements an agreement starts with: the service's own wording for the case type, or the built-in wording for
// the kind of rules the case type follows.
import type { Db } from '#src/db/client.ts';
import type { AgreementStatements } from '#src/db/schema/agreements.ts';
import { builtInStatements } from '../agreement-words.ts';
import { findWording } from '../agreements.repo.ts';

export async function statementsFor(tx: Db, orgId: string, caseType: string, caseKind: string): Promise<AgreementStatements> {
  return (await findWording(tx, orgId, caseType))?.statements ?? builtInStatements(caseKind);
}
