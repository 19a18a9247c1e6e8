// The report queries: one SQL query per metric, counted by the database over indexed columns (org and date first),
// so no report loads cases into memory. Every query is scoped by the service and runs inside inOrg (row-level security).
import type { Db } from '#src/db/client.ts';
import { sql, type SQL } from '#src/db/orm.ts';

import { placeIs } from '#src/domain/place-filter.ts';
import { caseIs as caseOf, kindOfCodeIs, type ReportFilter, referralTypeIs, typeIs, within } from './report-filter.ts';

export type { ReportFilter } from './report-filter.ts';

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
const c = sql`c`;
/** The case type (or kind) and place of the case aliased c. */
const caseIs = (f: ReportFilter) => caseOf(f)(c);

export type KeyCount = { a: string; b: string; n: number };

/** Referrals received in the period, by source and by what was decided (referrals_org_status_idx). */
export async function referralsBySourceAndStatus(tx: Db, orgId: string, f: ReportFilter): Promise<KeyCount[]> {
  return rowsOf<KeyCount>(
    await tx.execute(sql`
      SELECT source AS a, status AS b, count(*)::int AS n FROM referrals r
      WHERE r.org_id = ${orgId} AND ${within(sql`r.created_at`, f)} ${referralTypeIs(sql`r`, f)} ${placeIs(sql`r`, f)}
      GROUP BY source, status`),
  );
}

/** Every case of the service now, by stage (cases_org_status_opened_idx). */
export async function casesByStatusNow(tx: Db, orgId: string, f: ReportFilter): Promise<KeyCount[]> {
  return rowsOf<KeyCount>(
    await tx.execute(sql`
      SELECT status AS a, '' AS b, count(*)::int AS n FROM cases c
      WHERE c.org_id = ${orgId} ${caseIs(f)}
      GROUP BY status`),
  );
}

/** Cases opened in the period and cases closed in it, by case type (cases_org_type_idx, cases_org_closed_idx). */
export async function casesOpenedAndClosed(tx: Db, orgId: string, f: ReportFilter): Promise<KeyCount[]> {
  return rowsOf<KeyCount>(
    await tx.execute(sql`
      SELECT case_type AS a, 'opened' AS b, count(*)::int AS n FROM cases c
      WHERE c.org_id = ${orgId} AND ${within(sql`c.opened_at`, f)} ${caseIs(f)} GROUP BY case_type
      UNION ALL
      SELECT case_type AS a, 'closed' AS b, count(*)::int AS n FROM cases c
      WHERE c.org_id = ${orgId} AND ${within(sql`c.closed_at`, f)} ${caseIs(f)} GROUP BY case_type`),
  );
}

/** Cases closed in the period, by why they closed (cases_org_closed_idx). */
export async function casesClosedByReason(tx: Db, orgId: string, f: ReportFilter): Promise<KeyCount[]> {
  return rowsOf<KeyCount>(
    await tx.execute(sql`
      SELECT coalesce(closing_reason, 'not_recorded') AS a, '' AS b, count(*)::int AS n FROM cases c
      WHERE c.org_id = ${orgId} AND ${within(sql`c.closed_at`, f)} ${caseIs(f)}
      GROUP BY 1`),
  );
}

export type Median = { median: number | null; cases: number };

/**
 * For the cases opened in the period: the median whole days from the referral (or the opening, for a case made
 * without one) to the first contact recorded on the timeline. The referral's arrival is kept on the case
 * (cases.referred_at), so no referral is read, and each case's first contact comes from case_events_contact_idx
 * alone (a partial index of contacts).
 */
export async function medianDaysToFirstContact(tx: Db, orgId: string, f: ReportFilter): Promise<Median> {
  return median(
    tx,
    sql`
      SELECT EXTRACT(EPOCH FROM (e.first_at - coalesce(c.referred_at, c.opened_at))) / 86400 AS days
      FROM cases c
      JOIN LATERAL (SELECT min(at) AS first_at FROM case_events WHERE case_id = c.id AND org_id = c.org_id AND kind = 'contact') e ON e.first_at IS NOT NULL
      WHERE c.org_id = ${orgId} AND ${within(sql`c.opened_at`, f)} ${caseIs(f)}`,
  );
}

/** As above, to the first meeting held (meetings_case_starts_idx). */
export async function medianDaysToFirstMeeting(tx: Db, orgId: string, f: ReportFilter): Promise<Median> {
  return median(
    tx,
    sql`
      SELECT EXTRACT(EPOCH FROM (m.first_at - coalesce(c.referred_at, c.opened_at))) / 86400 AS days
      FROM cases c
      JOIN LATERAL (SELECT min(starts_at) AS first_at FROM meetings WHERE case_id = c.id AND org_id = c.org_id AND status = 'held') m ON m.first_at IS NOT NULL
      WHERE c.org_id = ${orgId} AND ${within(sql`c.opened_at`, f)} ${caseIs(f)}`,
  );
}

async function median(tx: Db, days: SQL): Promise<Median> {
  const [row] = rowsOf<{ median: number | string | null; cases: number }>(
    await tx.execute(sql`SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY floor(days)) AS median, count(*)::int AS cases FROM (${days}) d`),
  );
  return { median: row?.median === null || row?.median === undefined ? null : Number(row.median), cases: row?.cases ?? 0 };
}

/** A feedback response's copied case type, or the kind of that type (feedback_responses aliased fr). */
export const feedbackTypeIs = (f: ReportFilter) => sql`${typeIs(sql`fr.case_type`, f)} ${kindOfCodeIs(sql`fr.org_id`, sql`fr.case_type`, f)}`;

/** Feedback rows carry their case type; only a place needs their case (cases' primary key). */
export const feedbackPlace = (f: ReportFilter) =>
  f.area || f.localAuthority ? sql`JOIN cases c ON c.org_id = fr.org_id AND c.id = fr.case_id ${placeIs(c, f)}` : sql``;

export type FunderCounts = { referred: number; bothEngaged: number; jointHeld: number; feedback: number };

/**
 * The community funder return's counts (rules.md #63) in one query: referrals received, cases opened in the period
 * with at least two parties who gave consent, joint meetings held, and feedback forms returned; of the case type
 * chosen, or of every type of the filter's kind (a feedback form by the kind of the type it copied).
 */
export async function funderCounts(tx: Db, orgId: string, f: ReportFilter): Promise<FunderCounts> {
  const [row] = rowsOf<FunderCounts>(
    await tx.execute(sql`
      SELECT
        (SELECT count(*)::int FROM referrals r WHERE r.org_id = ${orgId} AND ${within(sql`r.created_at`, f)} ${referralTypeIs(sql`r`, f)} ${placeIs(sql`r`, f)}) AS "referred",
        (SELECT count(*)::int FROM cases c WHERE c.org_id = ${orgId} AND ${within(sql`c.opened_at`, f)} ${caseIs(f)}
          AND (SELECT count(*) FROM parties p WHERE p.case_id = c.id AND p.org_id = c.org_id AND p.consent = 'given') >= 2) AS "bothEngaged",
        (SELECT count(*)::int FROM meetings m JOIN cases c ON c.org_id = m.org_id AND c.id = m.case_id
          WHERE m.org_id = ${orgId} AND ${within(sql`m.starts_at`, f)} AND m.kind = 'joint' AND m.status = 'held' ${caseIs(f)}) AS "jointHeld",
        (SELECT count(*)::int FROM feedback_responses fr ${feedbackPlace(f)}
          WHERE fr.org_id = ${orgId} AND ${within(sql`fr.submitted_at`, f)} ${feedbackTypeIs(f)}) AS "feedback"`),
  );
  return row ?? { referred: 0, bothEngaged: 0, jointHeld: 0, feedback: 0 };
}
