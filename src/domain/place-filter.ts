// A place as figures are narrowed to it (the standard reports, the SEND report, the RJ return): one of the service's
// postcode areas, one of the local authorities it covers, or both; and what that means on a row, as SQL.
//
// A case's place is the referred person's postcode (cases.postcode_norm, without its space) and the local authority
// the postcode lookup gave for it (cases.local_authority); a referral's are the same columns on referrals. A postcode
// area (CT), district (ME14) or sector (TN9 1) matches a postcode by its parts, never by its first letters alone: CT
// is not CT's neighbour C, and ME1 is not ME14 (cases_org_postcode_idx, referrals_org_postcode_idx). Local
// authorities match whatever their capitals (cases_org_la_idx, referrals_org_la_idx). Which places a service may be
// narrowed to, and the check of the one asked for, are the settings' (features/settings/service-places.ts).
import { sql, type SQL } from '#src/db/orm.ts';

/** The area and local authority chosen, as the service keeps them (none: everywhere). */
export type Place = { area?: string; localAuthority?: string };

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
export function placeIs(row: SQL, f: Place): SQL {
  const parts: SQL[] = [];
  if (f.area) parts.push(sql`AND ${postcodeIn(sql`${row}.postcode_norm`, f.area)}`);
  if (f.localAuthority) parts.push(sql`AND lower(${row}.local_authority) = ${f.localAuthority.toLowerCase()}`);
  return sql.join(parts, sql` `);
}

/** The place as the condition a published count takes on its case (aliased as it says), `AND …`. */
export const caseInPlace =
  (f: Place) =>
  (c: SQL): SQL =>
    placeIs(c, f);

/** Whether a place is chosen at all. */
export const narrowsPlace = (f: Place) => Boolean(f.area || f.localAuthority);

/** The place for an audit record or an answer: the service's own spelling, null where not chosen. */
export const placeDetail = (f: Place) => ({ area: f.area ?? null, localAuthority: f.localAuthority ?? null });
