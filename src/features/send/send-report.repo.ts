// The SEND report's figures (rules.md #61), one query each, so the reports feature can reuse them.
import type { Db } from '#src/db/client.ts';
import { and, eq, isNotNull, isNull, sql } from '#src/db/orm.ts';
import { sendCases, sendCertificates } from '#src/db/schema/send.ts';

/** SEND cases by local authority (none recorded counts as null). */
export async function casesByLocalAuthority(tx: Db, orgId: string) {
  return tx
    .select({ localAuthority: sendCases.localAuthority, cases: sql<number>`count(*)::int` })
    .from(sendCases)
    .where(eq(sendCases.orgId, orgId))
    .groupBy(sendCases.localAuthority)
    .orderBy(sendCases.localAuthority);
}

/** Certificates in force by kind (re-issued ones counted once). */
export async function certificatesByKind(tx: Db, orgId: string) {
  return tx
    .select({ kind: sendCertificates.kind, certificates: sql<number>`count(*)::int` })
    .from(sendCertificates)
    .where(and(eq(sendCertificates.orgId, orgId), isNull(sendCertificates.supersededAt)))
    .groupBy(sendCertificates.kind)
    .orderBy(sendCertificates.kind);
}

/** The cases where mediation was held, with the dates the 30 days run from (the share is worked out by the pure rule). */
export async function mediationsHeld(tx: Db, orgId: string) {
  return tx
    .select({
      issues: sendCases.issues,
      toldOn: sql<string | null>`coalesce(${sendCases.decisionToldOn}, ${sendCases.miasOn})`,
      icbNotifiedOn: sendCases.icbNotifiedOn,
      heldOn: sendCases.mediationHeldOn,
    })
    .from(sendCases)
    .where(and(eq(sendCases.orgId, orgId), isNotNull(sendCases.mediationHeldOn), eq(sendCases.miasDecision, 'wants_mediation')));
}

/** After mediation: each issue's outcome, counted, from the certificates in force. */
export async function outcomesByIssue(tx: Db, orgId: string) {
  const rows = await tx.execute(sql`
    SELECT i->>'issue' AS issue, i->>'outcome' AS outcome, count(*)::int AS n
    FROM ${sendCertificates}, jsonb_array_elements(${sendCertificates.issues}) AS i
    WHERE ${sendCertificates.orgId} = ${orgId} AND ${sendCertificates.supersededAt} IS NULL AND ${sendCertificates.kind} = 'after_mediation'
    GROUP BY 1, 2 ORDER BY 1, 2`);
  return (rows as unknown as { rows: { issue: string; outcome: string | null; n: number }[] }).rows;
}
