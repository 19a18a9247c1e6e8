// The retention job's work on the referrals that became the given cases: the people, the referrer, the words and the
// postcode go; the source, case type, urgency, status, local authority and dates stay for the reports.
import type { Db } from '#src/db/client.ts';
import { and, eq, inArray, sql } from '#src/db/orm.ts';
import { referrals } from '#src/db/schema/referrals.ts';

export async function anonymiseReferralsOfCases(tx: Db, orgId: string, caseIds: string[]) {
  if (!caseIds.length) return;
  await tx
    .update(referrals)
    .set({ description: 'Anonymised', parties: [], answers: {}, referrer: null, matchKeys: sql`'{}'::text[]`, decisionReason: null, postcodeNorm: null })
    .where(and(eq(referrals.orgId, orgId), inArray(referrals.caseId, caseIds)));
}
