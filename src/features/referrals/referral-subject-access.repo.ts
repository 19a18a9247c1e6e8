// The referrals that named a person, for a subject access request: those that became one of their cases, and any
// other whose people include their email address or phone number (the referral's match keys).
import type { Db } from '#src/db/client.ts';
import { and, asc, eq, inArray, or, sql } from '#src/db/orm.ts';
import { referrals } from '#src/db/schema/referrals.ts';

export async function referralsNaming(tx: Db, orgId: string, caseIds: string[], keys: string[]) {
  if (!caseIds.length && !keys.length) return [];
  const keyArray = sql`ARRAY[${sql.join(
    keys.map((k) => sql`${k}`),
    sql`, `,
  )}]::text[]`;
  const naming = [...(caseIds.length ? [inArray(referrals.caseId, caseIds)] : []), ...(keys.length ? [sql`${referrals.matchKeys} && ${keyArray}`] : [])];
  return tx
    .select({
      caseId: referrals.caseId,
      reference: referrals.reference,
      source: referrals.source,
      status: referrals.status,
      caseType: referrals.caseType,
      caseKind: referrals.caseKind,
      description: referrals.description,
      parties: referrals.parties,
      answers: referrals.answers,
      referrer: referrals.referrer,
      risks: referrals.risks,
      consentToContact: referrals.consentToContact,
      createdAt: referrals.createdAt,
      decidedAt: referrals.decidedAt,
      decisionReason: referrals.decisionReason,
    })
    .from(referrals)
    .where(and(eq(referrals.orgId, orgId), or(...naming)))
    .orderBy(asc(referrals.createdAt), asc(referrals.id));
}
