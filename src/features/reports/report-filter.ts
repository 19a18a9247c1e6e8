// The reports' filter as SQL: the period, the case type and the place (one of the service's postcode areas, or one of
// the local authorities it covers: domain/place-filter.ts, shared with the SEND report and the RJ return), each a
// condition on indexed columns, so the database does the filtering.
import { sql, type SQL } from '#src/db/orm.ts';
import type { CaseKind } from '#src/domain/case-words.ts';
import { narrowsPlace, type Place, placeIs } from '#src/domain/place-filter.ts';

/**
 * From the start of `from` to the end of `to`, as instants; the case type, area and local authority, when chosen.
 * `caseKind` is for a return that counts every type of one kind when no type is chosen (the community funder return):
 * it is used only when `caseType` is not set, so a type chosen stays exactly that type.
 */
export type ReportFilter = Place & { from: Date; toExclusive: Date; caseType?: string; caseKind?: CaseKind };

/** The case type (its code) in `column`, when one is chosen. */
export const typeIs = (column: SQL, f: Pick<ReportFilter, 'caseType'>) => (f.caseType ? sql`AND ${column} = ${f.caseType}` : sql``);

/** The case's kind in `column` (cases.case_kind, referrals.case_kind), when the filter counts a kind and no type is chosen. */
export const kindIs = (column: SQL, f: Pick<ReportFilter, 'caseType' | 'caseKind'>) => (!f.caseType && f.caseKind ? sql`AND ${column} = ${f.caseKind}` : sql``);

/**
 * As kindIs, for a row that keeps only a copied case type code (feedback_responses.case_type): its kind is the kind of
 * that type in the service's case_types, since the row outlives its case.
 */
export const kindOfCodeIs = (org: SQL, code: SQL, f: Pick<ReportFilter, 'caseType' | 'caseKind'>) =>
  !f.caseType && f.caseKind ? sql`AND EXISTS (SELECT 1 FROM case_types t WHERE t.org_id = ${org} AND t.code = ${code} AND t.kind = ${f.caseKind})` : sql``;

/** The case type (or kind) of a referral (the table as aliased), by its own columns. */
export const referralTypeIs = (r: SQL, f: ReportFilter) => sql`${typeIs(sql`${r}.case_type`, f)} ${kindIs(sql`${r}.case_kind`, f)}`;

export const within = (column: SQL, f: Pick<ReportFilter, 'from' | 'toExclusive'>) =>
  sql`${column} >= ${f.from.toISOString()}::timestamptz AND ${column} < ${f.toExclusive.toISOString()}::timestamptz`;

/** Case type (or kind) and place on a case (alias `c` unless given): for the queries other features publish for the reports. */
export const caseIs =
  (f: ReportFilter) =>
  (c: SQL): SQL =>
    sql`${typeIs(sql`${c}.case_type`, f)} ${kindIs(sql`${c}.case_kind`, f)} ${placeIs(c, f)}`;

/** Whether the filter chooses cases by anything beyond the period (so a count of every volunteer would mislead). */
export const narrowsCases = (f: ReportFilter) => Boolean(f.caseType || f.caseKind) || narrowsPlace(f);
