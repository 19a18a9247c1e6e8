// The follow-up points of a case and the check-ins answered at them.
import type { Db } from '#src/db/client.ts';
import { and, asc, eq, inArray, isNull, lte } from '#src/db/orm.ts';
import { checkInAnswers, checkIns, followUpPoints } from '#src/db/schema/closing.ts';

export type PointRow = typeof followUpPoints.$inferSelect;
export type CheckInRow = typeof checkIns.$inferSelect;
export type AnswerRow = typeof checkInAnswers.$inferSelect;

export async function insertPoints(tx: Db, rows: (typeof followUpPoints.$inferInsert)[]) {
  if (rows.length) await tx.insert(followUpPoints).values(rows);
}

export async function listPoints(tx: Db, orgId: string, caseId: string): Promise<PointRow[]> {
  return tx
    .select()
    .from(followUpPoints)
    .where(and(eq(followUpPoints.orgId, orgId), eq(followUpPoints.caseId, caseId)))
    .orderBy(asc(followUpPoints.seq));
}

export async function findPoint(tx: Db, orgId: string, pointId: string): Promise<PointRow | undefined> {
  const rows = await tx
    .select()
    .from(followUpPoints)
    .where(and(eq(followUpPoints.orgId, orgId), eq(followUpPoints.id, pointId)));
  return rows[0];
}

/** Points due on or before the day whose links have not gone out. */
export async function listDuePointsUnsent(tx: Db, orgId: string, caseId: string, today: string): Promise<PointRow[]> {
  return tx
    .select()
    .from(followUpPoints)
    .where(and(eq(followUpPoints.orgId, orgId), eq(followUpPoints.caseId, caseId), lte(followUpPoints.dueOn, today), isNull(followUpPoints.linksSentAt)));
}

export async function markLinksSent(tx: Db, orgId: string, pointId: string, at: Date) {
  await tx
    .update(followUpPoints)
    .set({ linksSentAt: at })
    .where(and(eq(followUpPoints.orgId, orgId), eq(followUpPoints.id, pointId)));
}

export async function insertCheckIn(tx: Db, row: typeof checkIns.$inferInsert, answers: Omit<typeof checkInAnswers.$inferInsert, 'checkInId' | 'orgId'>[]) {
  await tx.insert(checkIns).values(row);
  if (answers.length) await tx.insert(checkInAnswers).values(answers.map((a) => ({ ...a, orgId: row.orgId, checkInId: row.id })));
}

export async function setCheckInRequest(tx: Db, orgId: string, checkInId: string, requestId: string) {
  await tx
    .update(checkIns)
    .set({ requestId })
    .where(and(eq(checkIns.orgId, orgId), eq(checkIns.id, checkInId)));
}

export async function findCheckIn(tx: Db, orgId: string, checkInId: string): Promise<CheckInRow | undefined> {
  const rows = await tx
    .select()
    .from(checkIns)
    .where(and(eq(checkIns.orgId, orgId), eq(checkIns.id, checkInId)));
  return rows[0];
}

export async function listCheckIns(tx: Db, orgId: string, caseId: string): Promise<(CheckInRow & { answers: AnswerRow[] })[]> {
  const rows = await tx
    .select()
    .from(checkIns)
    .where(and(eq(checkIns.orgId, orgId), eq(checkIns.caseId, caseId)))
    .orderBy(asc(checkIns.answeredAt));
  if (!rows.length) return [];
  const answers = await tx
    .select()
    .from(checkInAnswers)
    .where(
      and(
        eq(checkInAnswers.orgId, orgId),
        inArray(
          checkInAnswers.checkInId,
          rows.map((r) => r.id),
        ),
      ),
    );
  return rows.map((r) => ({ ...r, answers: answers.filter((a) => a.checkInId === r.id) }));
}
