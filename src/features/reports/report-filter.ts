// The reports' filter as SQL: the period, the case type and the place (one of the service's postcode areas, or one of
// the local authorities it covers: domain/place-filter.ts, shared with the SEND report and the RJ return), each a
// condition on indexed columns, so the database does the filtering.
import { sql, type SQL } from '#src/db/orm.ts';
import { narrowsPlace, type Place, placeIs } from '#src/domain/place-filter.ts';

/** From the start of `from` to the end of `to`, as instants; the case type, area and local authority, when chosen. */
export type ReportFilter = Place & { from: Date; toExclusive: Date; caseType?: string };

export const typeIs = (column: SQL, f: Pick<ReportFilter, 'caseType'>) => (f.caseType ? sql`AND ${column} = ${f.caseType}` : sql``);

export const within = (column: SQL, f: Pick<ReportFilter, 'from' | 'toExclusive'>) =>
  sql`${column} >= ${f.from.toISOString()}::timestamptz AND ${column} < ${f.toExclusive.toISOString()}::timestamptz`;

/** Case type and place on a case (alias `c` unless given): for the queries other features publish for the reports. */
export const caseIs =
  (f: ReportFilter) =>
  (c: SQL): SQL =>
    sql`${typeIs(sql`${c}.case_type`, f)} ${placeIs(c, f)}`;

/** Whether the filter chooses cases by anything beyond the period (so a count of every volunteer would mislead). */
export const narrowsCases = (f: ReportFilter) => Boolean(f.caseType) || narrowsPlace(f);
