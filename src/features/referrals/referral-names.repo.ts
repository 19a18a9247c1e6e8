// What the audit trail shows for a referral or an enquiry: its reference.
import type { Db } from '#src/db/client.ts';
import { and, eq, inArray } from '#src/db/orm.ts';
import { enquiries, referrals } from '#src/db/schema/referrals.ts';

export async function referralNames(tx: Db, orgId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return tx
    .select({ id: referrals.id, name: referrals.reference })
    .from(referrals)
    .where(and(eq(referrals.orgId, orgId), inArray(referrals.id, ids)));
}

export async function enquiryNames(tx: Db, orgId: string, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await tx
    .select({ id: enquiries.id, name: enquiries.reference })
    .from(enquiries)
    .where(and(eq(enquiries.orgId, orgId), inArray(enquiries.id, ids)));
  return rows.flatMap((r) => (r.name ? [{ id: r.id, name: r.name }] : []));
}
