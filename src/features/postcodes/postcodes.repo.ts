import type { Db } from '#src/db/client.ts';
import { prepared } from '#src/db/prepared.ts';
import { eq, sql } from '#src/db/orm.ts';
import { postcodeLookup, postcodeLookupNext } from '#src/db/schema/referrals.ts';

export async function findLocalAuthority(tx: Db, compactPostcode: string) {
  const rows = await tx.select({ laName: postcodeLookup.laName }).from(postcodeLookup).where(eq(postcodeLookup.postcode, compactPostcode));
  return rows[0]?.laName ?? null;
}

/** Empties the next lookup, for a load to fill. */
export async function clearNextPostcodes(tx: Db) {
  await tx.execute(sql`TRUNCATE postcode_lookup_next`);
}

/** Adds rows to the next lookup (the one a load fills); the lookup itself is untouched until the swap. */
export async function insertNextPostcodes(
  tx: Db,
  rows: { postcode: string; laCode: string; laName: string; latitude?: number | null; longitude?: number | null }[],
) {
  if (rows.length) await tx.insert(postcodeLookupNext).values(rows).onConflictDoNothing();
}

export async function countNextPostcodes(tx: Db) {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(postcodeLookupNext);
  return row?.n ?? 0;
}

/**
 * The next lookup becomes the lookup, and the old one the next (then emptied), in one transaction: the tables and
 * their primary keys swap names, which takes a moment whatever their size, and a reader sees the old lookup or the
 * new one, never a mix. Grants and triggers go with each table; both carry the same (migration 0045). Emptying the
 * old one raises every service's pairing version, as any change to the lookup does.
 */
export async function swapInNextPostcodes(tx: Db) {
  await tx.execute(sql`LOCK TABLE postcode_lookup, postcode_lookup_next IN ACCESS EXCLUSIVE MODE`);
  await tx.execute(sql`ALTER TABLE postcode_lookup RENAME TO postcode_lookup_swapping`);
  await tx.execute(sql`ALTER TABLE postcode_lookup_swapping RENAME CONSTRAINT postcode_lookup_pkey TO postcode_lookup_swapping_pkey`);
  await tx.execute(sql`ALTER TABLE postcode_lookup_next RENAME TO postcode_lookup`);
  await tx.execute(sql`ALTER TABLE postcode_lookup RENAME CONSTRAINT postcode_lookup_next_pkey TO postcode_lookup_pkey`);
  await tx.execute(sql`ALTER TABLE postcode_lookup_swapping RENAME TO postcode_lookup_next`);
  await tx.execute(sql`ALTER TABLE postcode_lookup_next RENAME CONSTRAINT postcode_lookup_swapping_pkey TO postcode_lookup_next_pkey`);
  await tx.execute(sql`TRUNCATE postcode_lookup_next`);
}

export async function countPostcodes(tx: Db) {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(postcodeLookup);
  return row?.n ?? 0;
}

/** Whether any postcode has been loaded, without counting them all. */
const anyPostcode = prepared('postcodes_any', (db) => db.select({ postcode: postcodeLookup.postcode }).from(postcodeLookup).limit(1));

export async function hasPostcodes(tx: Db) {
  const rows = await anyPostcode(tx, {});
  return rows.length > 0;
}
