// How long cases spend in each stage, for the reports (published through case-reads.ts): one query over the stage
// changes on the timeline (case_events of kind transition, whose data says from and to), never a case or a name.
import type { Db } from '#src/db/client.ts';
import { sql, type SQL } from '#src/db/orm.ts';

export type StageTime = { stage: string; spells: number; median: number | null; p90: number | null };

/**
 * For each stage, every time a case left it in the period: whole days from entering the stage (the case's previous
 * stage change, or its opening) to leaving it; the median, the 90th percentile and how many times cases left it.
 * The stage changes in the period come from case_events_org_transition_idx; each one's previous change is one probe of
 * case_events_case_transition_idx, read from the index alone; the days are worked out once, then both percentiles.
 */
export async function stageTimes(
  tx: Db,
  orgId: string,
  range: { from: Date; toExclusive: Date },
  /** More conditions on the case (aliased c), as `AND …`: the reports' case type and place. */
  caseIs: (c: SQL) => SQL = () => sql``,
): Promise<StageTime[]> {
  const from = range.from.toISOString();
  const to = range.toExclusive.toISOString();
  const result = await tx.execute(sql`
    WITH spells AS MATERIALIZED (
      SELECT e.data->>'from' AS stage,
             floor(greatest(0, extract(epoch FROM e.at - coalesce(
               (SELECT p.at FROM case_events p
                WHERE p.case_id = e.case_id AND p.kind = 'transition' AND p.data ? 'from' AND (p.at, p.id) < (e.at, e.id)
                ORDER BY p.at DESC, p.id DESC LIMIT 1),
               c.opened_at))) / 86400) AS days
      FROM case_events e
      JOIN cases c ON c.org_id = ${orgId} AND c.id = e.case_id ${caseIs(sql`c`)}
      WHERE e.org_id = ${orgId} AND e.kind = 'transition' AND e.data ? 'from'
        AND e.at >= ${from}::timestamptz AND e.at < ${to}::timestamptz
    )
    SELECT stage, count(*)::int AS spells,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS median,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY days) AS p90
    FROM spells
    GROUP BY stage`);
  // Days to one decimal place (a percentile between two whole days is worked out in floating point).
  const num = (v: unknown) => (v === null || v === undefined ? null : Math.round(Number(v) * 10) / 10);
  return (result as unknown as { rows: { stage: string; spells: number; median: unknown; p90: unknown }[] }).rows.map((r) => ({
    stage: r.stage,
    spells: r.spells,
    median: num(r.median),
    p90: num(r.p90),
  }));
}
