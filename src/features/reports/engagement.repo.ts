// The engagement and feedback reports' queries: one SQL query per metric, counted by the database over indexed
// columns (meetings_org_starts_idx, cases_org_opened_idx, feedback_org_submitted_idx), always scoped by the service.
import type { Db } from '#src/db/client.ts';
import { sql } from '#src/db/orm.ts';
import { caseIs as caseOf, type ReportFilter, within } from './report-filter.ts';
import { feedbackPlace, feedbackTypeIs, type KeyCount } from './reports.repo.ts';

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
const caseIs = (f: ReportFilter) => caseOf(f)(sql`c`);

/** Meetings held in the period, by kind (meetings_org_starts_idx; the case for its type). */
export async function meetingsHeldByKind(tx: Db, orgId: string, f: ReportFilter): Promise<KeyCount[]> {
  return rowsOf<KeyCount>(
    await tx.execute(sql`
      SELECT m.kind AS a, '' AS b, count(*)::int AS n FROM meetings m JOIN cases c ON c.org_id = m.org_id AND c.id = m.case_id
      WHERE m.org_id = ${orgId} AND ${within(sql`m.starts_at`, f)} AND m.status = 'held' ${caseIs(f)}
      GROUP BY m.kind`),
  );
}

/** Cases opened in the period by how many of their parties gave consent to take part: two or more, one, none. */
export async function casesByPartiesEngaged(tx: Db, orgId: string, f: ReportFilter): Promise<KeyCount[]> {
  return rowsOf<KeyCount>(
    await tx.execute(sql`
      SELECT CASE WHEN e.given >= 2 THEN 'both' WHEN e.given = 1 THEN 'one' ELSE 'none' END AS a, '' AS b, count(*)::int AS n
      FROM cases c
      JOIN LATERAL (SELECT count(*) FILTER (WHERE p.consent = 'given') AS given FROM parties p WHERE p.case_id = c.id AND p.org_id = c.org_id) e ON true
      WHERE c.org_id = ${orgId} AND ${within(sql`c.opened_at`, f)} ${caseIs(f)}
      GROUP BY 1`),
  );
}

/** Feedback returned in the period: how satisfied (1 to 5), by how it was given (feedback_org_submitted_idx). */
export async function feedbackBySatisfaction(tx: Db, orgId: string, f: ReportFilter): Promise<KeyCount[]> {
  return rowsOf<KeyCount>(
    await tx.execute(sql`
      SELECT fr.satisfaction::text AS a, fr.source AS b, count(*)::int AS n FROM feedback_responses fr ${feedbackPlace(f)}
      WHERE fr.org_id = ${orgId} AND ${within(sql`fr.submitted_at`, f)} ${feedbackTypeIs(f)}
      GROUP BY fr.satisfaction, fr.source`),
  );
}

/** Feedback returned in the period: felt heard, and would recommend, yes or no. */
export async function feedbackAnswers(tx: Db, orgId: string, f: ReportFilter): Promise<KeyCount[]> {
  return rowsOf<KeyCount>(
    await tx.execute(sql`
      SELECT q.a, q.b, count(*)::int AS n FROM feedback_responses fr ${feedbackPlace(f)}
      CROSS JOIN LATERAL (VALUES ('felt_heard', CASE WHEN fr.felt_heard THEN 'yes' ELSE 'no' END),
                                 ('would_recommend', CASE WHEN fr.would_recommend THEN 'yes' ELSE 'no' END)) AS q(a, b)
      WHERE fr.org_id = ${orgId} AND ${within(sql`fr.submitted_at`, f)} ${feedbackTypeIs(f)}
      GROUP BY q.a, q.b`),
  );
}
