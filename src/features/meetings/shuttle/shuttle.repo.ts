// The only file that queries shuttle_statements and shuttle_conveyances. Scoped by service and case; what may be
// shown to whom is decided by shuttle-rules.ts, never here.
import type { Db } from '#src/db/client.ts';
import { and, asc, eq } from '#src/db/orm.ts';
import { shuttleConveyances, shuttleStatements } from '#src/db/schema/meetings.ts';
import { isUuid } from '#src/lib/ids.ts';

export type NewStatement = typeof shuttleStatements.$inferInsert;
export type NewConveyance = typeof shuttleConveyances.$inferInsert;
export type StatementRow = typeof shuttleStatements.$inferSelect;
export type ConveyanceRow = typeof shuttleConveyances.$inferSelect;

export async function insertStatement(tx: Db, row: NewStatement) {
  await tx.insert(shuttleStatements).values(row);
}

export async function insertConveyance(tx: Db, row: NewConveyance) {
  await tx.insert(shuttleConveyances).values(row);
}

/** One meeting's statements, in the order they were made. */
export async function listStatements(tx: Db, orgId: string, caseId: string, meetingId: string): Promise<StatementRow[]> {
  return tx
    .select()
    .from(shuttleStatements)
    .where(and(eq(shuttleStatements.orgId, orgId), eq(shuttleStatements.caseId, caseId), eq(shuttleStatements.meetingId, meetingId)))
    .orderBy(asc(shuttleStatements.recordedAt), asc(shuttleStatements.id));
}

export async function findStatement(tx: Db, orgId: string, caseId: string, meetingId: string, statementId: string) {
  if (!isUuid(statementId)) return undefined;
  const rows = await tx
    .select()
    .from(shuttleStatements)
    .where(
      and(
        eq(shuttleStatements.orgId, orgId),
        eq(shuttleStatements.caseId, caseId),
        eq(shuttleStatements.meetingId, meetingId),
        eq(shuttleStatements.id, statementId),
      ),
    );
  return rows[0];
}

/** What was passed on from one meeting's statements, in the order it was passed on. */
export async function listConveyances(tx: Db, orgId: string, caseId: string, meetingId: string): Promise<ConveyanceRow[]> {
  return tx
    .select({
      id: shuttleConveyances.id,
      orgId: shuttleConveyances.orgId,
      caseId: shuttleConveyances.caseId,
      statementId: shuttleConveyances.statementId,
      toPartyId: shuttleConveyances.toPartyId,
      conveyed: shuttleConveyances.conveyed,
      conveyedAt: shuttleConveyances.conveyedAt,
      conveyedBy: shuttleConveyances.conveyedBy,
    })
    .from(shuttleConveyances)
    .innerJoin(shuttleStatements, and(eq(shuttleStatements.id, shuttleConveyances.statementId), eq(shuttleStatements.orgId, orgId)))
    .where(and(eq(shuttleConveyances.orgId, orgId), eq(shuttleConveyances.caseId, caseId), eq(shuttleStatements.meetingId, meetingId)))
    .orderBy(asc(shuttleConveyances.conveyedAt), asc(shuttleConveyances.id));
}
