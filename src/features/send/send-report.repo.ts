// The SEND report's figures (rules.md #61), one query each, so the reports feature can reuse them.
import type { Db } from '#src/db/client.ts';
import { and, eq, isNotNull, isNull, sql } from '#src/db/orm.ts';
import { sendCases, sendCertificates, sendDuties } from '#src/db/schema/send.ts';

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

/**
 * The cases where mediation was held, with the dates the 30 days run from and the reason recorded for a delay (the
 * share within 30 days, and the reasons for those held later, are worked out by the pure rule).
 */
export async function mediationsHeld(tx: Db, orgId: string) {
  return tx
    .select({
      issues: sendCases.issues,
      toldOn: sql<string | null>`coalesce(${sendCases.decisionToldOn}, ${sendCases.miasOn})`,
      icbNotifiedOn: sendCases.icbNotifiedOn,
      heldOn: sendCases.mediationHeldOn,
      delayReason: sendCases.delayReason,
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

/** #61: whether an appeal to the tribunal followed, among the cases with a certificate in force (null: not known). */
export async function appealsFollowed(tx: Db, orgId: string) {
  const [row] = await tx
    .select({
      made: sql<number>`count(*) FILTER (WHERE ${sendCases.appealMade})::int`,
      notMade: sql<number>`count(*) FILTER (WHERE ${sendCases.appealMade} = false)::int`,
      notKnown: sql<number>`count(*) FILTER (WHERE ${sendCases.appealMade} IS NULL)::int`,
    })
    .from(sendCases)
    .where(
      and(
        eq(sendCases.orgId, orgId),
        sql`EXISTS (SELECT 1 FROM ${sendCertificates} c WHERE c.org_id = ${sendCases.orgId} AND c.case_id = ${sendCases.caseId} AND c.superseded_at IS NULL)`,
      ),
    );
  return row ?? { made: 0, notMade: 0, notKnown: 0 };
}

/** #61: the local authority's duties after agreements: met on time, met late, overdue and not met, not yet due. */
export async function reg42Compliance(tx: Db, orgId: string, today: string) {
  const [row] = await tx
    .select({
      onTime: sql<number>`count(*) FILTER (WHERE ${sendDuties.metOn} IS NOT NULL AND (${sendDuties.dueOn} IS NULL OR ${sendDuties.metOn} <= ${sendDuties.dueOn}))::int`,
      late: sql<number>`count(*) FILTER (WHERE ${sendDuties.metOn} > ${sendDuties.dueOn})::int`,
      outstanding: sql<number>`count(*) FILTER (WHERE ${sendDuties.metOn} IS NULL AND ${sendDuties.dueOn} < ${today}::date)::int`,
      notYetDue: sql<number>`count(*) FILTER (WHERE ${sendDuties.metOn} IS NULL AND (${sendDuties.dueOn} IS NULL OR ${sendDuties.dueOn} >= ${today}::date))::int`,
    })
    .from(sendDuties)
    .where(eq(sendDuties.orgId, orgId));
  return row ?? { onTime: 0, late: 0, outstanding: 0, notYetDue: 0 };
}
