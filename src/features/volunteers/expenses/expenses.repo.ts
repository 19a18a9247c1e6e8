// The only file that queries expense_claims and expense_receipts. Every query is scoped by the service (orgId).
// Lists never load a receipt's content; only findReceipt does.
import type { Db } from '#src/db/client.ts';
import { and, asc, desc, eq, sql } from '#src/db/orm.ts';
import { cases } from '#src/db/schema/cases.ts';
import { expenseClaims, expenseReceipts, volunteers } from '#src/db/schema/volunteers.ts';
import { isUuid } from '#src/lib/ids.ts';

export type NewClaim = typeof expenseClaims.$inferInsert;
export type NewReceipt = typeof expenseReceipts.$inferInsert;

export async function insertClaim(tx: Db, row: NewClaim) {
  await tx.insert(expenseClaims).values(row);
}

export async function insertReceipt(tx: Db, row: NewReceipt) {
  await tx.insert(expenseReceipts).values(row);
}

const hasReceipt = sql<boolean>`EXISTS (SELECT 1 FROM expense_receipts r WHERE r.org_id = ${expenseClaims.orgId} AND r.claim_id = ${expenseClaims.id})`;

const claimView = {
  id: expenseClaims.id,
  volunteerId: expenseClaims.volunteerId,
  volunteerName: volunteers.name,
  volunteerUserId: volunteers.userId,
  caseId: expenseClaims.caseId,
  caseReference: cases.reference,
  kind: expenseClaims.kind,
  on: expenseClaims.on,
  description: expenseClaims.description,
  miles: expenseClaims.miles,
  amountPence: expenseClaims.amountPence,
  status: expenseClaims.status,
  decidedBy: expenseClaims.decidedBy,
  decidedAt: expenseClaims.decidedAt,
  decisionNote: expenseClaims.decisionNote,
  createdAt: expenseClaims.createdAt,
  hasReceipt,
};

function selectClaims(tx: Db, orgId: string) {
  return tx
    .select(claimView)
    .from(expenseClaims)
    .innerJoin(volunteers, and(eq(volunteers.id, expenseClaims.volunteerId), eq(volunteers.orgId, orgId)))
    .leftJoin(cases, and(eq(cases.id, expenseClaims.caseId), eq(cases.orgId, orgId)));
}

export async function findClaim(tx: Db, orgId: string, claimId: string) {
  if (!isUuid(claimId)) return undefined;
  const rows = await selectClaims(tx, orgId).where(and(eq(expenseClaims.orgId, orgId), eq(expenseClaims.id, claimId)));
  return rows[0];
}
export type ClaimView = NonNullable<Awaited<ReturnType<typeof findClaim>>>;

/** One volunteer's claims, newest first. */
export async function listClaimsOfVolunteer(tx: Db, orgId: string, volunteerId: string, limit = 500) {
  return selectClaims(tx, orgId)
    .where(and(eq(expenseClaims.orgId, orgId), eq(expenseClaims.volunteerId, volunteerId)))
    .orderBy(desc(expenseClaims.on), desc(expenseClaims.createdAt))
    .limit(limit);
}

/** The service's claims, oldest first (the queue), optionally of one status. */
export async function listClaims(tx: Db, orgId: string, status?: string, limit = 500) {
  const conditions = [eq(expenseClaims.orgId, orgId)];
  if (status) conditions.push(eq(expenseClaims.status, status));
  return selectClaims(tx, orgId)
    .where(and(...conditions))
    .orderBy(asc(expenseClaims.createdAt))
    .limit(limit);
}

/** Records a decision only if the claim is still in the status the decision was made from; undefined otherwise. */
export async function updateClaimStatus(
  tx: Db,
  orgId: string,
  claimId: string,
  fromStatus: string,
  values: { status: string; decidedBy: string; decidedAt: Date; decisionNote: string | null },
) {
  const rows = await tx
    .update(expenseClaims)
    .set(values)
    .where(and(eq(expenseClaims.orgId, orgId), eq(expenseClaims.id, claimId), eq(expenseClaims.status, fromStatus)))
    .returning({ id: expenseClaims.id, status: expenseClaims.status });
  return rows[0];
}

export async function findReceipt(tx: Db, orgId: string, claimId: string) {
  const rows = await tx
    .select({ id: expenseReceipts.id, filename: expenseReceipts.filename, contentType: expenseReceipts.contentType, content: expenseReceipts.content })
    .from(expenseReceipts)
    .where(and(eq(expenseReceipts.orgId, orgId), eq(expenseReceipts.claimId, claimId)))
    .orderBy(desc(expenseReceipts.createdAt))
    .limit(1);
  return rows[0];
}

/** Claims and pence per month of the expense (YYYY-MM) and status, newest month first. */
export async function totalsByMonth(tx: Db, orgId: string, limit = 24) {
  const month = sql<string>`to_char(${expenseClaims.on}, 'YYYY-MM')`;
  return tx
    .select({
      month,
      status: expenseClaims.status,
      claims: sql<number>`count(*)::int`.mapWith(Number),
      pence: sql<number>`coalesce(sum(${expenseClaims.amountPence}), 0)::int`.mapWith(Number),
    })
    .from(expenseClaims)
    .where(eq(expenseClaims.orgId, orgId))
    .groupBy(month, expenseClaims.status)
    .orderBy(desc(month))
    .limit(limit * 4);
}

/** The volunteer's claims still waiting for a decision. */
export async function countWaiting(tx: Db, orgId: string, volunteerId: string): Promise<{ claims: number; pence: number }> {
  const rows = await tx
    .select({
      claims: sql<number>`count(*)::int`.mapWith(Number),
      pence: sql<number>`coalesce(sum(${expenseClaims.amountPence}), 0)::int`.mapWith(Number),
    })
    .from(expenseClaims)
    .where(and(eq(expenseClaims.orgId, orgId), eq(expenseClaims.volunteerId, volunteerId), eq(expenseClaims.status, 'submitted')));
  return rows[0] ?? { claims: 0, pence: 0 };
}
