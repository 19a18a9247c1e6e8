// Counts of agreements for the reports (published through agreement-reads.ts): never a term, a name or a statement.
import type { Db } from '#src/db/client.ts';
import { sql, type SQL } from '#src/db/orm.ts';
import type { CaseKind } from '#src/domain/case-words.ts';

/**
 * Cases whose agreement was signed by everyone in the period, by case type (a case with a later re-signed version
 * counts once, in the period of its first signing): of one case type when `caseType` (its code) is given, else of every
 * type of one kind when `caseKind` is.
 */
export async function signedAgreementsByCaseType(
  tx: Db,
  orgId: string,
  range: { from: Date; toExclusive: Date; caseType?: string; caseKind?: CaseKind },
  /** More conditions on the case (aliased c), as `AND …`: the reports' place filter. */
  caseIs: (c: SQL) => SQL = () => sql``,
): Promise<{ a: string; b: string; n: number }[]> {
  // A type chosen is exactly that type: the kind counts only when no type is given.
  const ofType = range.caseType ? sql`AND c.case_type = ${range.caseType}` : range.caseKind ? sql`AND c.case_kind = ${range.caseKind}` : sql``;
  const typeIs = sql`${ofType} ${caseIs(sql`c`)}`;
  const result = await tx.execute(sql`
    SELECT c.case_type AS a, '' AS b, count(*)::int AS n
    FROM (SELECT case_id, min(signed_at) AS first_signed FROM agreement_versions WHERE org_id = ${orgId} AND signed_at IS NOT NULL GROUP BY case_id) v
    JOIN cases c ON c.org_id = ${orgId} AND c.id = v.case_id
    WHERE v.first_signed >= ${range.from.toISOString()}::timestamptz AND v.first_signed < ${range.toExclusive.toISOString()}::timestamptz ${typeIs}
    GROUP BY c.case_type`);
  return (result as unknown as { rows: { a: string; b: string; n: number }[] }).rows;
}
