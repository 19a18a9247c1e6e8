// The RJ tables: the service's policy, the case's offence category and senior decision, suitability, risk
// assessments and custody. Letters and their reviews are in letters/letters.repo.ts.
import type { Db } from '#src/db/client.ts';
import { prepared } from '#src/db/prepared.ts';
import { type Part, rowsPart } from '#src/db/read-in-one.ts';
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, not, or, type SQL, sql } from '#src/db/orm.ts';
import { cases } from '#src/db/schema/cases.ts';
import { ENDED_STATUSES } from '#src/domain/case-words.ts';
import { rjCases, rjCustody, rjLetters, rjPolicies, rjRiskAssessments, rjSuitability } from '#src/db/schema/rj.ts';
import { openTexts, sealTexts } from '#src/lib/field-keys.ts';

export type SuitabilityRow = typeof rjSuitability.$inferSelect;
export type AssessmentRow = typeof rjRiskAssessments.$inferSelect;
export type CustodyRow = typeof rjCustody.$inferSelect;
export type RjCaseRow = typeof rjCases.$inferSelect;

export async function findPolicy(tx: Db, orgId: string) {
  return (await tx.select().from(rjPolicies).where(eq(rjPolicies.orgId, orgId)))[0];
}

export async function savePolicy(tx: Db, orgId: string, policy: Record<string, unknown>, at: Date) {
  await tx
    .insert(rjPolicies)
    .values({ orgId, policy, updatedAt: at })
    .onConflictDoUpdate({ target: rjPolicies.orgId, set: { policy, updatedAt: at } });
}

export async function findRjCase(tx: Db, orgId: string, caseId: string): Promise<RjCaseRow | undefined> {
  return (
    await tx
      .select()
      .from(rjCases)
      .where(and(eq(rjCases.orgId, orgId), eq(rjCases.caseId, caseId)))
  )[0];
}

export async function upsertRjCase(tx: Db, row: typeof rjCases.$inferInsert) {
  const { id: _id, orgId: _org, caseId: _case, ...set } = row;
  await tx.insert(rjCases).values(row).onConflictDoUpdate({ target: rjCases.caseId, set });
}

export async function insertSuitability(tx: Db, row: typeof rjSuitability.$inferInsert) {
  await tx.insert(rjSuitability).values(row);
}

/** Every suitability recording on the case, oldest first (the newest per person is the current one). */
export async function listSuitability(tx: Db, orgId: string, caseId: string): Promise<SuitabilityRow[]> {
  return tx
    .select()
    .from(rjSuitability)
    .where(and(eq(rjSuitability.orgId, orgId), eq(rjSuitability.caseId, caseId)))
    .orderBy(asc(rjSuitability.createdAt));
}

/** The assessment's free text (its areas) is encrypted at rest, each area on its own (lib/field-keys.ts). */
const AREAS = 'rj_risk_assessments.areas';
const openAssessment = (a: AssessmentRow): AssessmentRow => ({ ...a, areas: openTexts(AREAS, a.areas) });

export async function insertAssessment(tx: Db, row: typeof rjRiskAssessments.$inferInsert) {
  await tx.insert(rjRiskAssessments).values({ ...row, areas: sealTexts(AREAS, row.areas ?? {}) });
}

/** Every assessment version on the case, each person's newest first. */
export async function listAssessments(tx: Db, orgId: string, caseId: string): Promise<AssessmentRow[]> {
  const rows = await tx
    .select()
    .from(rjRiskAssessments)
    .where(and(eq(rjRiskAssessments.orgId, orgId), eq(rjRiskAssessments.caseId, caseId)))
    .orderBy(asc(rjRiskAssessments.partyId), desc(rjRiskAssessments.version));
  return rows.map(openAssessment);
}

export async function findAssessment(tx: Db, orgId: string, caseId: string, id: string): Promise<AssessmentRow | undefined> {
  const [row] = await tx
    .select()
    .from(rjRiskAssessments)
    .where(and(eq(rjRiskAssessments.orgId, orgId), eq(rjRiskAssessments.caseId, caseId), eq(rjRiskAssessments.id, id)));
  return row && openAssessment(row);
}

export async function signOffAssessment(tx: Db, orgId: string, id: string, by: string, at: Date) {
  await tx
    .update(rjRiskAssessments)
    .set({ signedOffAt: at, signedOffBy: by })
    .where(and(eq(rjRiskAssessments.orgId, orgId), eq(rjRiskAssessments.id, id)));
}

export async function listCustody(tx: Db, orgId: string, caseId: string): Promise<CustodyRow[]> {
  return tx
    .select()
    .from(rjCustody)
    .where(and(eq(rjCustody.orgId, orgId), eq(rjCustody.caseId, caseId)));
}

export async function custodyOf(tx: Db, orgId: string, partyIds: string[]): Promise<CustodyRow[]> {
  if (!partyIds.length) return [];
  return tx
    .select()
    .from(rjCustody)
    .where(and(eq(rjCustody.orgId, orgId), inArray(rjCustody.partyId, partyIds)));
}

export async function upsertCustody(tx: Db, row: typeof rjCustody.$inferInsert) {
  const { id: _id, orgId: _org, caseId: _case, partyId: _party, ...set } = row;
  await tx.insert(rjCustody).values(row).onConflictDoUpdate({ target: rjCustody.partyId, set });
}

export async function setChecklist(tx: Db, orgId: string, partyId: string, checklist: CustodyRow['checklist'], at: Date) {
  await tx
    .update(rjCustody)
    .set({ checklist, updatedAt: at })
    .where(and(eq(rjCustody.orgId, orgId), eq(rjCustody.partyId, partyId)));
}

/** Each participant's newest suitability recorded in [from, to), by role and answers (for the return). */
export async function suitabilityInPeriod(tx: Db, orgId: string, from: string, to: string, caseIs?: (c: SQL) => SQL) {
  const rows = await tx
    .select()
    .from(rjSuitability)
    .where(
      and(
        eq(rjSuitability.orgId, orgId),
        gte(rjSuitability.assessedOn, from),
        lt(rjSuitability.assessedOn, to),
        caseIs ? sql`EXISTS (SELECT 1 FROM cases c WHERE c.org_id = ${rjSuitability.orgId} AND c.id = ${rjSuitability.caseId} ${caseIs(sql`c`)})` : undefined,
      ),
    )
    .orderBy(asc(rjSuitability.createdAt));
  return [...new Map(rows.map((r) => [r.partyId, r])).values()];
}

/** Open RJ cases whose Victims' Code clock runs: the service is the first contact and the information is not yet given. */
const victimsCodeView = {
  caseId: rjCases.caseId,
  reference: cases.reference,
  firstContactOn: rjCases.firstContactOn,
  enhancedRights: rjCases.enhancedRights,
  informationGivenOn: rjCases.informationGivenOn,
};
const victimsCodeRunningWith = (db: Db, select = victimsCodeView) =>
  db
    .select(select)
    .from(rjCases)
    .innerJoin(cases, and(eq(cases.orgId, rjCases.orgId), eq(cases.id, rjCases.caseId)))
    .where(
      and(
        eq(rjCases.orgId, sql.placeholder('orgId')),
        isNotNull(rjCases.firstContactOn),
        isNull(rjCases.informationGivenOn),
        not(inArray(cases.status, [...ENDED_STATUSES])),
      ),
    );
const victimsCodeRunning = prepared('rj_victims_code_running', (db) => victimsCodeRunningWith(db));
export type VictimsCodeRunning = Awaited<ReturnType<typeof victimsCodeRunning>>[number];

/** The cases whose Victims' Code clock runs (placeholder orgId), read with other parts in one statement (db/read-in-one.ts). */
export const victimsCodeRunningPart: Part<VictimsCodeRunning[]> = rowsPart(victimsCodeView, victimsCodeRunningWith);

export async function runningVictimsCodeCases(tx: Db, orgId: string) {
  return victimsCodeRunning(tx, { orgId });
}

/** Whether the party has any RJ record: suitability, a risk assessment, custody details, or a letter from or to them. */
export async function partyHasRjRecords(tx: Db, orgId: string, partyId: string): Promise<boolean> {
  const one = (q: Promise<unknown[]>) => q.then((rows) => rows.length > 0);
  const sel = { one: sql`1` };
  return (
    (await one(
      tx
        .select(sel)
        .from(rjSuitability)
        .where(and(eq(rjSuitability.orgId, orgId), eq(rjSuitability.partyId, partyId)))
        .limit(1),
    )) ||
    (await one(
      tx
        .select(sel)
        .from(rjRiskAssessments)
        .where(and(eq(rjRiskAssessments.orgId, orgId), eq(rjRiskAssessments.partyId, partyId)))
        .limit(1),
    )) ||
    (await one(
      tx
        .select(sel)
        .from(rjCustody)
        .where(and(eq(rjCustody.orgId, orgId), eq(rjCustody.partyId, partyId)))
        .limit(1),
    )) ||
    (await one(
      tx
        .select(sel)
        .from(rjLetters)
        .where(and(eq(rjLetters.orgId, orgId), or(eq(rjLetters.fromPartyId, partyId), eq(rjLetters.toPartyId, partyId))))
        .limit(1),
    ))
  );
}
