// A service's case types: the four every service starts with, seeded with the service, and those it adds.
import { and, asc, eq, getTableColumns, sql } from '#src/db/orm.ts';
import type { Db } from '#src/db/client.ts';
import { prepared } from '#src/db/prepared.ts';
import { type Part, rowsPart } from '#src/db/read-in-one.ts';
import { caseTypes } from '#src/db/schema/case-types.ts';
import { CASE_KINDS } from '#src/domain/case-words.ts';

export type CaseTypeRow = typeof caseTypes.$inferSelect;

export async function seedCaseTypes(tx: Db, orgId: string) {
  await tx.insert(caseTypes).values(CASE_KINDS.map((kind) => ({ orgId, code: kind, name: null, kind })));
}

/** The built-in four first, in their usual order, then the service's own by when they were added. */
const caseTypeColumns = getTableColumns(caseTypes);
const caseTypesWith = (db: Db, select = caseTypeColumns) =>
  db
    .select(select)
    .from(caseTypes)
    .where(eq(caseTypes.orgId, sql.placeholder('orgId')))
    .orderBy(sql`${caseTypes.name} IS NOT NULL`, asc(caseTypes.createdAt), asc(caseTypes.code));
const caseTypesOf = prepared('case_types_of_service', (db) => caseTypesWith(db));

/** The service's case types (placeholder orgId), read with other parts in one statement (db/read-in-one.ts). */
export const caseTypesPart: Part<CaseTypeRow[]> = rowsPart(caseTypeColumns, caseTypesWith);

export async function listCaseTypes(tx: Db, orgId: string): Promise<CaseTypeRow[]> {
  return caseTypesOf(tx, { orgId });
}

export async function insertCaseType(tx: Db, row: typeof caseTypes.$inferInsert) {
  const inserted = await tx.insert(caseTypes).values(row).onConflictDoNothing().returning({ code: caseTypes.code });
  return inserted.length > 0;
}

export async function updateCaseType(tx: Db, orgId: string, code: string, change: { name?: string; referencePrefix?: string | null }) {
  const rows = await tx
    .update(caseTypes)
    .set(change)
    .where(and(eq(caseTypes.orgId, orgId), eq(caseTypes.code, code)))
    .returning({ code: caseTypes.code });
  return rows.length > 0;
}
