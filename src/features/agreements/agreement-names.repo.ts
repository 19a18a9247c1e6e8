// What the audit trail shows for an agreement: its case's reference.
import type { Db } from '#src/db/client.ts';
import { and, eq, inArray } from '#src/db/orm.ts';
import { agreements } from '#src/db/schema/agreements.ts';
import { cases } from '#src/db/schema/cases.ts';

export async function agreementNames(tx: Db, orgId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return tx
    .select({ id: agreements.id, name: cases.reference })
    .from(agreements)
    .innerJoin(cases, and(eq(cases.orgId, agreements.orgId), eq(cases.id, agreements.caseId)))
    .where(and(eq(agreements.orgId, orgId), inArray(agreements.id, ids)));
}
