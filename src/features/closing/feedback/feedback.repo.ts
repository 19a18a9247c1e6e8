// Feedback responses and the counts made from them.
import type { Db } from '#src/db/client.ts';
import { and, count, eq, gte, lt, type SQL, sql } from '#src/db/orm.ts';
import { feedbackResponses } from '#src/db/schema/closing.ts';
import type { CaseKind } from '#src/domain/case-words.ts';

export async function insertFeedback(tx: Db, row: typeof feedbackResponses.$inferInsert) {
  await tx.insert(feedbackResponses).values(row);
}

export type FeedbackFilter = {
  orgId: string;
  /** Only feedback on cases of this case type (its code). */
  caseType?: string;
  /** Only feedback on cases whose type follows this kind, whatever its code (the type's kind, from case_types). */
  caseKind?: CaseKind;
  from?: Date;
  to?: Date;
  /** More conditions on the response's case (aliased c), as `AND …`: a return's place filter. */
  caseIs?: (c: SQL) => SQL;
};

/** Counts per case type: never a row, a case or a person. */
export async function aggregateFeedback(tx: Db, f: FeedbackFilter) {
  const conditions = [eq(feedbackResponses.orgId, f.orgId)];
  if (f.caseType) conditions.push(eq(feedbackResponses.caseType, f.caseType));
  // By the type's kind, not the case's: the response outlives its case (the case type is copied for that).
  if (f.caseKind)
    conditions.push(
      sql`EXISTS (SELECT 1 FROM case_types t WHERE t.org_id = ${feedbackResponses.orgId} AND t.code = ${feedbackResponses.caseType} AND t.kind = ${f.caseKind})`,
    );
  if (f.from) conditions.push(gte(feedbackResponses.submittedAt, f.from));
  if (f.to) conditions.push(lt(feedbackResponses.submittedAt, f.to));
  if (f.caseIs)
    conditions.push(sql`EXISTS (SELECT 1 FROM cases c WHERE c.org_id = ${feedbackResponses.orgId} AND c.id = ${feedbackResponses.caseId} ${f.caseIs(sql`c`)})`);
  return tx
    .select({
      caseType: feedbackResponses.caseType,
      responses: count(),
      satisfactionSum: sql<number>`sum(${feedbackResponses.satisfaction})::int`,
      feltHeard: sql<number>`count(*) filter (where ${feedbackResponses.feltHeard})::int`,
      wouldRecommend: sql<number>`count(*) filter (where ${feedbackResponses.wouldRecommend})::int`,
      copeRated: sql<number>`count(*) filter (where ${feedbackResponses.copeBefore} is not null and ${feedbackResponses.copeAfter} is not null)::int`,
      copeBeforeSum: sql<number>`coalesce(sum(${feedbackResponses.copeBefore}) filter (where ${feedbackResponses.copeAfter} is not null), 0)::int`,
      copeAfterSum: sql<number>`coalesce(sum(${feedbackResponses.copeAfter}) filter (where ${feedbackResponses.copeBefore} is not null), 0)::int`,
    })
    .from(feedbackResponses)
    .where(and(...conditions))
    .groupBy(feedbackResponses.caseType);
}
