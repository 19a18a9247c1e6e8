// What the audit trail shows for a case or a party: the case's reference, the party's name and their case's reference.
import type { Db } from '#src/db/client.ts';
import { and, eq, inArray } from '#src/db/orm.ts';
import { cases, parties } from '#src/db/schema/cases.ts';

export type NamedRow = { id: string; name: string };

export async function caseNames(tx: Db, orgId: string, ids: string[]): Promise<NamedRow[]> {
  if (ids.length === 0) return [];
  return tx
    .select({ id: cases.id, name: cases.reference })
    .from(cases)
    .where(and(eq(cases.orgId, orgId), inArray(cases.id, ids)));
}

export async function partyNames(tx: Db, orgId: string, ids: string[]): Promise<(NamedRow & { caseReference: string })[]> {
  if (ids.length === 0) return [];
  return tx
    .select({ id: parties.id, name: parties.name, caseReference: cases.reference })
    .from(parties)
    .innerJoin(cases, and(eq(cases.orgId, parties.orgId), eq(cases.id, parties.caseId)))
    .where(and(eq(parties.orgId, orgId), inArray(parties.id, ids)));
}
