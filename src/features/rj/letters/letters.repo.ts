// Letters between the parties of an RJ case and the facilitators' reviews of them.
import type { Db } from '#src/db/client.ts';
import { and, asc, eq, gte, inArray, lt, type SQL, sql } from '#src/db/orm.ts';
import { rjLetterReviews, rjLetters } from '#src/db/schema/rj.ts';

export type LetterRow = typeof rjLetters.$inferSelect;
export type ReviewRow = typeof rjLetterReviews.$inferSelect;

export async function insertLetter(tx: Db, row: typeof rjLetters.$inferInsert) {
  await tx.insert(rjLetters).values(row);
}

export async function listLetters(tx: Db, orgId: string, caseId: string): Promise<LetterRow[]> {
  return tx
    .select()
    .from(rjLetters)
    .where(and(eq(rjLetters.orgId, orgId), eq(rjLetters.caseId, caseId)))
    .orderBy(asc(rjLetters.createdAt));
}

export async function findLetter(tx: Db, orgId: string, caseId: string, id: string): Promise<LetterRow | undefined> {
  return (
    await tx
      .select()
      .from(rjLetters)
      .where(and(eq(rjLetters.orgId, orgId), eq(rjLetters.caseId, caseId), eq(rjLetters.id, id)))
      .for('update')
  )[0];
}

export async function updateLetter(tx: Db, orgId: string, id: string, set: Partial<typeof rjLetters.$inferInsert>) {
  await tx
    .update(rjLetters)
    .set(set)
    .where(and(eq(rjLetters.orgId, orgId), eq(rjLetters.id, id)));
}

export async function insertReview(tx: Db, row: typeof rjLetterReviews.$inferInsert) {
  await tx.insert(rjLetterReviews).values(row);
}

export async function listReviews(tx: Db, orgId: string, letterIds: string[]): Promise<ReviewRow[]> {
  if (!letterIds.length) return [];
  return tx
    .select()
    .from(rjLetterReviews)
    .where(and(eq(rjLetterReviews.orgId, orgId), inArray(rjLetterReviews.letterId, letterIds)))
    .orderBy(asc(rjLetterReviews.at));
}

/** Letters passed on in [from, to), for the return's indirect exchanges; `caseIs` narrows their cases (aliased c). */
export async function passedLetterCount(tx: Db, orgId: string, from: Date, to: Date, caseIs?: (c: SQL) => SQL): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(rjLetters)
    .where(
      and(
        eq(rjLetters.orgId, orgId),
        gte(rjLetters.passedAt, from),
        lt(rjLetters.passedAt, to),
        caseIs ? sql`EXISTS (SELECT 1 FROM cases c WHERE c.org_id = ${rjLetters.orgId} AND c.id = ${rjLetters.caseId} ${caseIs(sql`c`)})` : undefined,
      ),
    );
  return row?.n ?? 0;
}
