// Safeguarding records: disclosures of risk of serious harm on cases, their decisions, encrypted at rest.
import type { Db } from '#src/db/client.ts';
import { prepared } from '#src/db/prepared.ts';
import { mapRows, type Part, rowsPart } from '#src/db/read-in-one.ts';
import { and, desc, eq, type SQL, sql } from '#src/db/orm.ts';
import { cases, safeguardingRecords } from '#src/db/schema/cases.ts';
import { openText, sealText } from '#src/lib/field-keys.ts';

type SafeguardingInsert = typeof safeguardingRecords.$inferInsert;
type SafeguardingRow = typeof safeguardingRecords.$inferSelect;

/** What was disclosed, the decision and who it went to are encrypted at rest (lib/field-keys.ts). */
const sealSafeguarding = <T extends Partial<SafeguardingInsert>>(r: T): T => ({
  ...r,
  ...(r.disclosed !== undefined ? { disclosed: sealText('safeguarding_records.disclosed', r.disclosed) } : {}),
  ...(r.decision !== undefined ? { decision: sealText('safeguarding_records.decision', r.decision) } : {}),
  ...(r.referredTo !== undefined ? { referredTo: sealText('safeguarding_records.referred_to', r.referredTo) } : {}),
});
const openSafeguarding = (r: SafeguardingRow): SafeguardingRow => ({
  ...r,
  disclosed: openText('safeguarding_records.disclosed', r.disclosed),
  decision: openText('safeguarding_records.decision', r.decision),
  referredTo: openText('safeguarding_records.referred_to', r.referredTo),
});

export async function insertSafeguarding(tx: Db, r: SafeguardingInsert) {
  await tx.insert(safeguardingRecords).values(sealSafeguarding(r));
}

const safeguardingView = { record: safeguardingRecords, reference: cases.reference };
const safeguardingList = (db: Db, where: SQL | undefined, select = safeguardingView) =>
  db
    .select(select)
    .from(safeguardingRecords)
    .innerJoin(cases, eq(cases.id, safeguardingRecords.caseId))
    .where(where)
    .orderBy(desc(safeguardingRecords.createdAt))
    .limit(100);

/** The service's records of one status (the home's queue and the safeguarding page), built once. */
const safeguardingOfStatus = prepared('safeguarding_of_status', (db) =>
  safeguardingList(db, and(eq(safeguardingRecords.orgId, sql.placeholder('orgId')), eq(safeguardingRecords.status, sql.placeholder('status')))),
);

type SafeguardingListed = Awaited<ReturnType<typeof safeguardingOfStatus>>[number];
const openedRecord = (r: SafeguardingListed) => ({ ...r, record: openSafeguarding(r.record) });

/** The open records (placeholder orgId), read with other parts in one statement (db/read-in-one.ts). */
export const openSafeguardingPart: Part<ReturnType<typeof openedRecord>[]> = mapRows(
  rowsPart<typeof safeguardingView, SafeguardingListed>(safeguardingView, (db, select) =>
    safeguardingList(db, and(eq(safeguardingRecords.orgId, sql.placeholder('orgId')), eq(safeguardingRecords.status, 'open')), select),
  ),
  openedRecord,
);

export async function listSafeguarding(tx: Db, orgId: string, filter: { caseId?: string; status?: string }) {
  const rows =
    filter.status && !filter.caseId
      ? await safeguardingOfStatus(tx, { orgId, status: filter.status })
      : await safeguardingList(
          tx,
          and(
            eq(safeguardingRecords.orgId, orgId),
            filter.caseId ? eq(safeguardingRecords.caseId, filter.caseId) : undefined,
            filter.status ? eq(safeguardingRecords.status, filter.status) : undefined,
          ),
        );
  return rows.map(openedRecord);
}

export async function countOpenSafeguarding(tx: Db, orgId: string, caseId: string) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(safeguardingRecords)
    .where(and(eq(safeguardingRecords.orgId, orgId), eq(safeguardingRecords.caseId, caseId), eq(safeguardingRecords.status, 'open')));
  return row?.n ?? 0;
}

export async function decideSafeguarding(tx: Db, orgId: string, id: string, values: Partial<SafeguardingInsert>) {
  const rows = await tx
    .update(safeguardingRecords)
    .set(sealSafeguarding(values))
    .where(and(eq(safeguardingRecords.orgId, orgId), eq(safeguardingRecords.id, id)))
    .returning({ caseId: safeguardingRecords.caseId });
  return rows[0];
}

/** Whether any safeguarding record names this party. */
export async function partyHasSafeguarding(tx: Db, orgId: string, partyId: string) {
  const rows = await tx
    .select({ id: safeguardingRecords.id })
    .from(safeguardingRecords)
    .where(and(eq(safeguardingRecords.orgId, orgId), eq(safeguardingRecords.partyId, partyId)))
    .limit(1);
  return rows.length > 0;
}
