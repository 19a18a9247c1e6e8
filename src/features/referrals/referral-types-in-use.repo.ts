// Which of a service's case types its referrals carry (a referral not yet a case counts too).
import type { Db } from '#src/db/client.ts';
import { sql } from '#src/db/orm.ts';

/** Those of `codes` that at least one of the service's referrals is of. */
export async function referralTypesInUse(tx: Db, orgId: string, codes: readonly string[]): Promise<Set<string>> {
  if (!codes.length) return new Set();
  const result = await tx.execute(sql`
    SELECT v.code FROM (VALUES ${sql.join(
      codes.map((c) => sql`(${c})`),
      sql`, `,
    )}) AS v(code)
    WHERE EXISTS (SELECT 1 FROM referrals r WHERE r.org_id = ${orgId} AND r.case_type = v.code)`);
  return new Set((result as unknown as { rows: { code: string }[] }).rows.map((r) => r.code));
}
