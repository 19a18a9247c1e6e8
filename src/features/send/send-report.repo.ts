// The SEND report's figures (rules.md #61), one query each, so the reports feature can reuse them. Each takes the
// place the report is narrowed to (domain/place-filter.ts: the case's postcode and its local authority, as the standard
// reports narrow theirs); with none, the whole service. The SEND tables hold records of SEND cases only (the SEND service
// opens a case's only when its type follows the SEND rules), so a SEND type the service adds counts as the built-in one.
import type { Db } from '#src/db/client.ts';
import { and, eq, isNotNull, isNull, type SQL, sql } from '#src/db/orm.ts';
import { sendCases, sendCertificates, sendDuties } from '#src/db/schema/send.ts';
import { narrowsPlace, type Place, placeIs } from '#src/domain/place-filter.ts';

/** That the row's case (its org_id and case_id columns) is in the place, or nothing when no place is chosen. */
const caseIn = (place: Place, orgId: SQL, caseId: SQL): SQL | undefined =>
  narrowsPlace(place) ? sql`EXISTS (SELECT 1 FROM cases c WHERE c.org_id = ${orgId} AND c.id = ${caseId} ${placeIs(sql`c`, place)})` : undefined;

/** SEND cases by local authority (none recorded counts as null). */
export async function casesByLocalAuthority(tx: Db, orgId: string, place: Place = {}) {
  return tx
    .select({ localAuthority: sendCases.localAuthority, cases: sql<number>`count(*)::int` })
    .from(sendCases)
    .where(and(eq(sendCases.orgId, orgId), caseIn(place, sql`${sendCases.orgId}`, sql`${sendCases.caseId}`)))
    .groupBy(sendCases.localAuthority)
    .orderBy(sendCases.localAuthority);
}

/** Certificates in force by kind (re-issued ones counted once). */
export async function certificatesByKind(tx: Db, orgId: string, place: Place = {}) {
  return tx
    .select({ kind: sendCertificates.kind, certificates: sql<number>`count(*)::int` })
    .from(sendCertificates)
    .where(
      and(
        eq(sendCertificates.orgId, orgId),
        isNull(sendCertificates.supersededAt),
        caseIn(place, sql`${sendCertificates.orgId}`, sql`${sendCertificates.caseId}`),
      ),
    )
    .groupBy(sendCertificates.kind)
    .orderBy(sendCertificates.kind);
}

/**
 * The cases where mediation was held, with the dates the 30 days run from and the reason recorded for a delay (the
 * share within 30 days, and the reasons for those held later, are worked out by the pure rule).
 */
export async function mediationsHeld(tx: Db, orgId: string, place: Place = {}) {
  return tx
    .select({
      issues: sendCases.issues,
      toldOn: sql<string | null>`coalesce(${sendCases.decisionToldOn}, ${sendCases.miasOn})`,
      icbNotifiedOn: sendCases.icbNotifiedOn,
      heldOn: sendCases.mediationHeldOn,
      delayReason: sendCases.delayReason,
    })
    .from(sendCases)
    .where(
      and(
        eq(sendCases.orgId, orgId),
        isNotNull(sendCases.mediationHeldOn),
        eq(sendCases.miasDecision, 'wants_mediation'),
        caseIn(place, sql`${sendCases.orgId}`, sql`${sendCases.caseId}`),
      ),
    );
}

/** After mediation: each issue's outcome, counted, from the certificates in force. */
export async function outcomesByIssue(tx: Db, orgId: string, place: Place = {}) {
  const rows = await tx.execute(sql`
    SELECT i->>'issue' AS issue, i->>'outcome' AS outcome, count(*)::int AS n
    FROM ${sendCertificates}, jsonb_array_elements(${sendCertificates.issues}) AS i
    WHERE ${sendCertificates.orgId} = ${orgId} AND ${sendCertificates.supersededAt} IS NULL AND ${sendCertificates.kind} = 'after_mediation'
      ${narrowsPlace(place) ? sql`AND ${caseIn(place, sql`${sendCertificates.orgId}`, sql`${sendCertificates.caseId}`)}` : sql``}
    GROUP BY 1, 2 ORDER BY 1, 2`);
  return (rows as unknown as { rows: { issue: string; outcome: string | null; n: number }[] }).rows;
}

/** #61: whether an appeal to the tribunal followed, among the cases with a certificate in force (null: not known). */
export async function appealsFollowed(tx: Db, orgId: string, place: Place = {}) {
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
        caseIn(place, sql`${sendCases.orgId}`, sql`${sendCases.caseId}`),
      ),
    );
  return row ?? { made: 0, notMade: 0, notKnown: 0 };
}

/** #61: the local authority's duties after agreements: met on time, met late, overdue and not met, not yet due. */
export async function reg42Compliance(tx: Db, orgId: string, today: string, place: Place = {}) {
  const [row] = await tx
    .select({
      onTime: sql<number>`count(*) FILTER (WHERE ${sendDuties.metOn} IS NOT NULL AND (${sendDuties.dueOn} IS NULL OR ${sendDuties.metOn} <= ${sendDuties.dueOn}))::int`,
      late: sql<number>`count(*) FILTER (WHERE ${sendDuties.metOn} > ${sendDuties.dueOn})::int`,
      outstanding: sql<number>`count(*) FILTER (WHERE ${sendDuties.metOn} IS NULL AND ${sendDuties.dueOn} < ${today}::date)::int`,
      notYetDue: sql<number>`count(*) FILTER (WHERE ${sendDuties.metOn} IS NULL AND (${sendDuties.dueOn} IS NULL OR ${sendDuties.dueOn} >= ${today}::date))::int`,
    })
    .from(sendDuties)
    .where(and(eq(sendDuties.orgId, orgId), caseIn(place, sql`${sendDuties.orgId}`, sql`${sendDuties.caseId}`)));
  return row ?? { onTime: 0, late: 0, outstanding: 0, notYetDue: 0 };
}
