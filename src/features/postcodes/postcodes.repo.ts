import type { Db } from '#src/db/client.ts';
import { eq, sql } from '#src/db/orm.ts';
import { postcodeLookup } from '#src/db/schema/referrals.ts';

export async function findLocalAuthority(tx: Db, compactPostcode: string) {
  const rows = await tx.select({ laName: postcodeLookup.laName }).from(postcodeLookup).where(eq(postcodeLookup.postcode, compactPostcode));
  return rows[0]?.laName ?? null;
}

export async function replacePostcodes(tx: Db) {
  await tx.execute(sql`TRUNCATE postcode_lookup`);
}

export async function insertPostcodes(
  tx: Db,
  rows: { postcode: string; laCode: string; laName: string; latitude?: number | null; longitude?: number | null }[],
) {
  if (rows.length) await tx.insert(postcodeLookup).values(rows).onConflictDoNothing();
}

export async function countPostcodes(tx: Db) {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(postcodeLookup);
  return row?.n ?? 0;
}

/** Whether any postcode has been loaded, without counting them all. */
export async function hasPostcodes(tx: Db) {
  const rows = await tx.select({ postcode: postcodeLookup.postcode }).from(postcodeLookup).limit(1);
  return rows.length > 0;
}
