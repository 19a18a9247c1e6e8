import type { Db } from '#src/db/client.ts';
import { sql } from '#src/db/orm.ts';

/** The next number for a service, kind and year, atomically (the row lock serialises concurrent referrals). */
export async function nextNumber(tx: Db, orgId: string, kind: string, year: number): Promise<number> {
  const result = await tx.execute(sql`
    INSERT INTO reference_counters (org_id, kind, year, last) VALUES (${orgId}, ${kind}, ${year}, 1)
    ON CONFLICT (org_id, kind, year) DO UPDATE SET last = reference_counters.last + 1
    RETURNING last`);
  return Number((result as unknown as { rows: { last: number }[] }).rows[0]!.last);
}

export const formatReference = (prefix: string, year: number, n: number, kind?: 'R' | 'E') =>
  [prefix, kind, String(year), String(n).padStart(4, '0')].filter(Boolean).join('-');

/** Takes the next referral number and writes the referral's reference, in one statement. */
export async function assignReferralReference(tx: Db, orgId: string, referralId: string, prefix: string, year: number): Promise<string> {
  const result = await tx.execute(sql`
    WITH n AS (
      INSERT INTO reference_counters (org_id, kind, year, last) VALUES (${orgId}, 'referral', ${year}, 1)
      ON CONFLICT (org_id, kind, year) DO UPDATE SET last = reference_counters.last + 1
      RETURNING last)
    UPDATE referrals SET reference = ${`${prefix}-R-${year}-`} || lpad(n.last::text, greatest(4, length(n.last::text)), '0')
    FROM n WHERE referrals.org_id = ${orgId} AND referrals.id = ${referralId}
    RETURNING referrals.reference`);
  return (result as unknown as { rows: { reference: string }[] }).rows[0]!.reference;
}

/** The next enquiry reference for a service, like HDM-E-2026-0007. */
export async function nextEnquiryReference(tx: Db, orgId: string, prefix: string, year: number): Promise<string> {
  return formatReference(prefix, year, await nextNumber(tx, orgId, 'enquiry', year), 'E');
}
