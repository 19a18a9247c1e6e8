// The volunteers report's counts (published through volunteer-reads.ts): hours given, cases worked, and where the
// volunteers stand on CPD and on their DBS check. One query each, counted by the database; never a name or a record.
import type { Db } from '#src/db/client.ts';
import { sql, type SQL } from '#src/db/orm.ts';

type Range = { from: Date; toExclusive: Date };
/** Conditions on a case (aliased c) as `AND …`, and whether they choose any (else every hours entry counts). */
export type CaseCondition = { caseIs: (c: SQL) => SQL; narrows: boolean };

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
const day = (d: Date) => d.toISOString().slice(0, 10);
/** An assignment (aliased a) that was active at some time in the period. */
const activeIn = (r: Range) =>
  sql`a.assigned_at < ${r.toExclusive.toISOString()}::timestamptz AND (a.ended_at IS NULL OR a.ended_at >= ${r.from.toISOString()}::timestamptz)`;

/**
 * Minutes of hours entries dated in the period and how many volunteers gave them (volunteer_hours_org_on_idx). When
 * the cases are narrowed (a case type or place), only entries on such a case count.
 */
export async function hoursGiven(tx: Db, orgId: string, r: Range, cases: CaseCondition): Promise<{ minutes: number; volunteers: number }> {
  const onCase = cases.narrows ? sql`JOIN cases c ON c.org_id = h.org_id AND c.id = h.case_id ${cases.caseIs(sql`c`)}` : sql``;
  const [row] = rowsOf<{ minutes: number; volunteers: number }>(
    await tx.execute(sql`
      SELECT coalesce(sum(h.minutes), 0)::int AS minutes, count(DISTINCT h.volunteer_id)::int AS volunteers
      FROM volunteer_hours h ${onCase}
      WHERE h.org_id = ${orgId} AND h.on >= ${day(r.from)}::date AND h.on < ${day(r.toExclusive)}::date`),
  );
  return row ?? { minutes: 0, volunteers: 0 };
}

/** Distinct cases with a volunteer assigned at some time in the period, and how many volunteers worked them. */
export async function casesWorked(tx: Db, orgId: string, r: Range, cases: CaseCondition): Promise<{ cases: number; volunteers: number }> {
  const [row] = rowsOf<{ cases: number; volunteers: number }>(
    await tx.execute(sql`
      SELECT count(DISTINCT a.case_id)::int AS cases, count(DISTINCT a.volunteer_id)::int AS volunteers
      FROM case_assignments a JOIN cases c ON c.org_id = a.org_id AND c.id = a.case_id ${cases.caseIs(sql`c`)}
      WHERE a.org_id = ${orgId} AND ${activeIn(r)}`),
  );
  return row ?? { cases: 0, volunteers: 0 };
}

/** Volunteers (aliased v) counted in a standing: all, or, when the cases are narrowed, those who worked such a case in the period. */
const workedIn = (r: Range, cases: CaseCondition) =>
  cases.narrows
    ? sql`AND EXISTS (SELECT 1 FROM case_assignments a JOIN cases c ON c.org_id = a.org_id AND c.id = a.case_id ${cases.caseIs(sql`c`)}
                      WHERE a.org_id = v.org_id AND a.volunteer_id = v.id AND ${activeIn(r)})`
    : sql``;

/**
 * Accredited volunteers by CPD on `today`, as the practice checks judge it (volunteers/training/practice-checks.ts):
 * lapsed when last calendar year's CPD hours fell short and they were accredited before it began; else current when
 * this year's are done; else due (by 31 December).
 */
export async function trainingStanding(
  tx: Db,
  orgId: string,
  r: Range,
  cases: CaseCondition,
  o: { today: string; cpdMinutes: number },
): Promise<{ a: string; b: string; n: number }[]> {
  const year = Number(o.today.slice(0, 4));
  const thisYear = `${year}-01-01`;
  const lastYear = `${year - 1}-01-01`;
  return rowsOf(
    await tx.execute(sql`
      SELECT CASE WHEN acc.first_on < ${lastYear}::date AND cpd.last_year < ${o.cpdMinutes} THEN 'lapsed'
                  WHEN cpd.this_year >= ${o.cpdMinutes} THEN 'current' ELSE 'due' END AS a, '' AS b, count(*)::int AS n
      FROM volunteers v
      CROSS JOIN LATERAL (
        SELECT coalesce(sum(tr.minutes) FILTER (WHERE tr.on >= ${thisYear}::date), 0) AS this_year,
               coalesce(sum(tr.minutes) FILTER (WHERE tr.on < ${thisYear}::date), 0) AS last_year
        FROM training_records tr
        WHERE tr.volunteer_id = v.id AND tr.org_id = v.org_id AND tr.kind = 'cpd' AND tr.on >= ${lastYear}::date AND tr.on <= ${o.today}::date
      ) cpd
      CROSS JOIN LATERAL (
        SELECT min(ac.accredited_on) AS first_on FROM accreditations ac WHERE ac.volunteer_id = v.id AND ac.org_id = v.org_id AND ac.revoked_at IS NULL
      ) acc
      WHERE v.org_id = ${orgId} AND v.status = 'accredited' ${workedIn(r, cases)}
      GROUP BY 1`),
  );
}

/**
 * Volunteers in training, trainees and accredited volunteers by their DBS check on `today`, as dbs-status.ts judges
 * it: the check in force is the latest issued; its recheck falls due `recheckYears` after its issue or a later clear
 * Update Service check; new information from the Update Service means it is no longer current. current, expiring
 * (recheck due within 3 months) or expired (overdue, new information, or no check at all).
 */
export async function dbsStanding(
  tx: Db,
  orgId: string,
  r: Range,
  cases: CaseCondition,
  o: { today: string; recheckYears: number },
): Promise<{ a: string; b: string; n: number }[]> {
  return rowsOf(
    await tx.execute(sql`
      SELECT CASE WHEN d.issued_on IS NULL OR d.new_information OR d.due_on < ${o.today}::date THEN 'expired'
                  WHEN d.due_on < ${o.today}::date + interval '3 months' THEN 'expiring' ELSE 'current' END AS a, '' AS b, count(*)::int AS n
      FROM volunteers v
      LEFT JOIN LATERAL (
        SELECT latest.issued_on,
               EXISTS (SELECT 1 FROM jsonb_array_elements(latest.status_checks) s WHERE s->>'result' = 'new_information') AS new_information,
               greatest(latest.issued_on, (SELECT max((s->>'on')::date) FROM jsonb_array_elements(latest.status_checks) s WHERE s->>'result' = 'no_change'))
                 + make_interval(years => ${o.recheckYears}) AS due_on
        FROM (SELECT d.issued_on, d.status_checks FROM dbs_checks d WHERE d.volunteer_id = v.id AND d.org_id = v.org_id
              ORDER BY d.issued_on DESC, d.created_at DESC LIMIT 1) latest
      ) d ON true
      WHERE v.org_id = ${orgId} AND v.status IN ('in_training', 'trainee', 'accredited') ${workedIn(r, cases)}
      GROUP BY 1`),
  );
}
