// The reports' filter as SQL: the period, the case type and the place (one of the service's postcode areas, or one of
// the local authorities it covers), each a condition on indexed columns, so the database does the filtering.
//
// A case's place is the referred person's postcode (cases.postcode_norm, without its space) and the local authority
// the postcode lookup gave for it (cases.local_authority); a referral's are the same columns on referrals. A postcode
// area (CT), district (ME14) or sector (TN9 1) matches a postcode by its parts, never by its first letters alone: CT
// is not CT's neighbour C, and ME1 is not ME14 (cases_org_postcode_idx, referrals_org_postcode_idx). Local
// authorities match whatever their capitals (cases_org_la_idx, referrals_org_la_idx).
import { sql, type SQL } from '#src/db/orm.ts';

/** From the start of `from` to the end of `to`, as instants; the case type, area and local authority, when chosen. */
export type ReportFilter = { from: Date; toExclusive: Date; caseType?: string; area?: string; localAuthority?: string };

export const typeIs = (column: SQL, f: Pick<ReportFilter, 'caseType'>) => (f.caseType ? sql`AND ${column} = ${f.caseType}` : sql``);

export const within = (column: SQL, f: Pick<ReportFilter, 'from' | 'toExclusive'>) =>
  sql`${column} >= ${f.from.toISOString()}::timestamptz AND ${column} < ${f.toExclusive.toISOString()}::timestamptz`;

/**
 * How a postcode (compact, upper case) shows it is in a postcode area, district or sector (as the settings keep them:
 * "CT", "ME14", "TN9 1"): it starts with the prefix's letters and digits and then has what an outward code's area,
 * district or sector leaves: a digit after an area; the sector digit and two letters after a district; two letters
 * after a sector.
 */
export function postcodeIn(column: SQL, prefix: string): SQL {
  const compact = prefix.replaceAll(' ', '');
  const starts = sql`${column} LIKE ${`${compact}%`}`;
  if (/^[A-Z]+$/.test(compact)) return sql`(${starts} AND substr(${column}, ${compact.length + 1}, 1) BETWEEN '0' AND '9')`;
  if (prefix.includes(' ')) return sql`(${starts} AND length(${column}) = ${compact.length + 2})`;
  return sql`(${starts} AND length(${column}) = ${compact.length + 3})`;
}

/**
 * The place conditions on a row that has a compact postcode and a local authority, as `AND …` (nothing when no place
 * is chosen). `row` is the table's alias in the query (c for cases, r for referrals).
 */
export function placeIs(row: SQL, f: Pick<ReportFilter, 'area' | 'localAuthority'>): SQL {
  const parts: SQL[] = [];
  if (f.area) parts.push(sql`AND ${postcodeIn(sql`${row}.postcode_norm`, f.area)}`);
  if (f.localAuthority) parts.push(sql`AND lower(${row}.local_authority) = ${f.localAuthority.toLowerCase()}`);
  return sql.join(parts, sql` `);
}

/** Case type and place on a case (alias `c` unless given): for the queries other features publish for the reports. */
export const caseIs =
  (f: ReportFilter) =>
  (c: SQL): SQL =>
    sql`${typeIs(sql`${c}.case_type`, f)} ${placeIs(c, f)}`;

/** Whether the filter chooses cases by anything beyond the period (so a count of every volunteer would mislead). */
export const narrowsCases = (f: ReportFilter) => Boolean(f.caseType || f.area || f.localAuthority);
