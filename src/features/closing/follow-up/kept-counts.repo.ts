// Counts of whether agreements are being kept, for the funder returns (published through closing-reads.ts): never a
// note, a name or a term. Each case counts once: its newest check-in answered in the period that says whether the
// agreement as a whole is kept (kept, partly, not kept; "not yet due" is left out).
import type { Db } from '#src/db/client.ts';
import { sql, type SQL } from '#src/db/orm.ts';
import type { CaseKind } from '#src/domain/case-words.ts';

/** The cases of one case type (`caseType`, its code) or of every type of one kind (`caseKind`), as above. */
export async function agreementKeptCounts(
  tx: Db,
  orgId: string,
  range: ({ caseType: string } | { caseKind: CaseKind }) & { from: Date; toExclusive: Date },
  /** More conditions on the case (aliased c), as `AND …`: a return's place filter. */
  caseIs: (c: SQL) => SQL = () => sql``,
): Promise<{ answer: string; n: number }[]> {
  const result = await tx.execute(sql`
    SELECT newest.answer, count(*)::int AS n FROM (
      SELECT DISTINCT ON (ci.case_id) ci.case_id, a.answer
      FROM check_ins ci
      JOIN check_in_answers a ON a.org_id = ${orgId} AND a.check_in_id = ci.id AND a.term_id IS NULL AND a.answer IN ('kept', 'partly', 'not_kept')
      JOIN cases c ON c.org_id = ${orgId} AND c.id = ci.case_id ${'caseType' in range ? sql`AND c.case_type = ${range.caseType}` : sql`AND c.case_kind = ${range.caseKind}`} ${caseIs(sql`c`)}
      WHERE ci.org_id = ${orgId} AND ci.answered_at >= ${range.from.toISOString()}::timestamptz AND ci.answered_at < ${range.toExclusive.toISOString()}::timestamptz
      ORDER BY ci.case_id, ci.answered_at DESC
    ) newest
    GROUP BY newest.answer`);
  return (result as unknown as { rows: { answer: string; n: number }[] }).rows;
}

/**
 * Cases with a follow-up point due in the period (the service's reports), counted once at their latest such point, by
 * the newest answer a party gave there to "Is the agreement being kept?": kept, partly or not_kept; no_answer when no
 * check-in at that point answered it (or said only that it was not yet due). follow_up_points_org_due_idx finds the
 * points; check_ins_case_idx their check-ins.
 */
export async function keptAtFollowUp(
  tx: Db,
  orgId: string,
  range: { from: Date; toExclusive: Date },
  /** More conditions on the case (aliased c), as `AND …`: the reports' case type (or kind) and place. */
  caseIs: (c: SQL) => SQL = () => sql``,
): Promise<{ a: string; b: string; n: number }[]> {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const result = await tx.execute(sql`
    SELECT coalesce(answered.answer, 'no_answer') AS a, '' AS b, count(*)::int AS n
    FROM (
      SELECT DISTINCT ON (p.case_id) p.case_id, p.id
      FROM follow_up_points p
      JOIN cases c ON c.org_id = p.org_id AND c.id = p.case_id ${caseIs(sql`c`)}
      WHERE p.org_id = ${orgId} AND p.due_on >= ${day(range.from)}::date AND p.due_on < ${day(range.toExclusive)}::date
      ORDER BY p.case_id, p.due_on DESC, p.seq DESC
    ) pt
    LEFT JOIN LATERAL (
      SELECT a.answer FROM check_ins ci
      JOIN check_in_answers a ON a.org_id = ci.org_id AND a.check_in_id = ci.id AND a.term_id IS NULL AND a.answer IN ('kept', 'partly', 'not_kept')
      WHERE ci.org_id = ${orgId} AND ci.case_id = pt.case_id AND ci.point_id = pt.id
      ORDER BY ci.answered_at DESC LIMIT 1
    ) answered ON true
    GROUP BY 1`);
  return (result as unknown as { rows: { a: string; b: string; n: number }[] }).rows;
}
