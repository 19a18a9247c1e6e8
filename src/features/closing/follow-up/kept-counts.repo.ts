// Counts of whether agreements are being kept, for the funder returns (published through closing-reads.ts): never a
// note, a name or a term. Each case counts once: its newest check-in answered in the period that says whether the
// agreement as a whole is kept (kept, partly, not kept; "not yet due" is left out).
import type { Db } from '#src/db/client.ts';
import { sql } from '#src/db/orm.ts';

export async function agreementKeptCounts(
  tx: Db,
  orgId: string,
  range: { caseType: string; from: Date; toExclusive: Date },
): Promise<{ answer: string; n: number }[]> {
  const result = await tx.execute(sql`
    SELECT newest.answer, count(*)::int AS n FROM (
      SELECT DISTINCT ON (ci.case_id) ci.case_id, a.answer
      FROM check_ins ci
      JOIN check_in_answers a ON a.org_id = ${orgId} AND a.check_in_id = ci.id AND a.term_id IS NULL AND a.answer IN ('kept', 'partly', 'not_kept')
      JOIN cases c ON c.org_id = ${orgId} AND c.id = ci.case_id AND c.case_type = ${range.caseType}
      WHERE ci.org_id = ${orgId} AND ci.answered_at >= ${range.from.toISOString()}::timestamptz AND ci.answered_at < ${range.toExclusive.toISOString()}::timestamptz
      ORDER BY ci.case_id, ci.answered_at DESC
    ) newest
    GROUP BY newest.answer`);
  return (result as unknown as { rows: { answer: string; n: number }[] }).rows;
}
