// The retention job's work on a case's own tables: who the people were, how to reach them and everything written in
// free text goes; what the reports count stays (case type, area, dates, status, outcome, closing reason, the kinds
// and times of events). Runs in the caller's transaction, filtered by service as every repo query is.
import type { AnyColumn } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { and, asc, eq, inArray, isNull, isNotNull, lt, notInArray, or, sql } from '#src/db/orm.ts';
import { normEmail, normName, normPhone, normPostcode } from '#src/lib/normalise.ts';
import { caseEvents, cases, intakeRecords, parties, safeguardingRecords, tasks } from '#src/db/schema/cases.ts';
import { ENDED_STATUSES } from '#src/domain/case-words.ts';

/** What an anonymised text reads as. */
export const ANONYMISED = 'Anonymised';

export type DueCase = { id: string; reference: string; caseType: string; closedAt: Date };

/** Ended cases of a type closed before `closedBefore`, not yet anonymised and not on hold. */
const dueForErasure = (orgId: string, caseType: string, closedBefore: Date, heldCaseIds: string[]) =>
  and(
    eq(cases.orgId, orgId),
    eq(cases.caseType, caseType),
    inArray(cases.status, [...ENDED_STATUSES]),
    isNotNull(cases.closedAt),
    lt(cases.closedAt, closedBefore),
    isNull(cases.anonymisedAt),
    heldCaseIds.length ? notInArray(cases.id, heldCaseIds) : undefined,
  );

/** Ended cases of a type closed before `closedBefore`, not yet anonymised and not on hold, oldest first. */
export async function casesClosedBefore(tx: Db, orgId: string, caseType: string, closedBefore: Date, heldCaseIds: string[], limit: number) {
  return (await tx
    .select({ id: cases.id, reference: cases.reference, caseType: cases.caseType, closedAt: cases.closedAt })
    .from(cases)
    .where(dueForErasure(orgId, caseType, closedBefore, heldCaseIds))
    .orderBy(asc(cases.closedAt), asc(cases.id))
    .limit(limit)) as DueCase[];
}

/** How many such cases there are. */
export async function countClosedBefore(tx: Db, orgId: string, caseType: string, closedBefore: Date, heldCaseIds: string[]) {
  const rows = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(cases)
    .where(dueForErasure(orgId, caseType, closedBefore, heldCaseIds));
  return rows[0]?.n ?? 0;
}

/** The parties' email addresses on these cases (so mail sent to them can go too). */
export async function partyEmailsOf(tx: Db, orgId: string, caseIds: string[]) {
  const rows = await tx
    .select({ email: parties.emailNorm })
    .from(parties)
    .where(and(eq(parties.orgId, orgId), inArray(parties.caseId, caseIds), isNotNull(parties.emailNorm)));
  return rows.map((r) => r.email!).filter(Boolean);
}

export async function anonymiseCaseRecords(tx: Db, orgId: string, caseIds: string[], at: Date) {
  if (!caseIds.length) return;
  const inCases = (t: { orgId: AnyColumn; caseId: AnyColumn }) => and(eq(t.orgId, orgId), inArray(t.caseId, caseIds));
  await tx
    .update(parties)
    .set({
      name: ANONYMISED,
      nameNorm: ANONYMISED.toLowerCase(),
      email: null,
      emailNorm: null,
      phone: null,
      phoneNorm: null,
      address: null,
      postcode: null,
      postcodeNorm: null,
      safeContact: null,
      needs: null,
      establishment: null,
      prisonNumber: null,
      offenderManager: null,
    })
    .where(inCases(parties));
  await tx
    .update(intakeRecords)
    .set({ situationNow: null, wantedFuture: null, ideas: null, concerns: null, availability: null, availabilityWindows: [], suitabilityNotes: null })
    .where(inCases(intakeRecords));
  await tx.update(tasks).set({ title: ANONYMISED }).where(inCases(tasks));
  await tx.update(safeguardingRecords).set({ disclosed: ANONYMISED, decision: null, referredTo: null, legalBasis: null }).where(inCases(safeguardingRecords));
  // Transitions keep their summary and the stage words (the time in each stage is a report); every other event
  // keeps only its kind and time.
  await tx
    .update(caseEvents)
    .set({
      summary: sql`CASE WHEN ${caseEvents.kind} = 'transition' THEN ${caseEvents.summary} ELSE ${ANONYMISED} END`,
      body: null,
      data: sql`CASE WHEN ${caseEvents.kind} = 'transition' THEN jsonb_strip_nulls(jsonb_build_object('from', ${caseEvents.data}->'from', 'to', ${caseEvents.data}->'to', 'pathway', ${caseEvents.data}->'pathway', 'outcome', ${caseEvents.data}->'outcome', 'closingReason', ${caseEvents.data}->'closingReason')) ELSE '{}'::jsonb END`,
    })
    .where(inCases(caseEvents));
  await tx
    .update(cases)
    .set({ summary: ANONYMISED, details: {}, postcodeNorm: null, anonymisedAt: at })
    .where(and(eq(cases.orgId, orgId), inArray(cases.id, caseIds)));
}

/** The references of these cases, by id (a reference names no one). */
export async function caseReferences(tx: Db, orgId: string, caseIds: string[]): Promise<Map<string, string>> {
  if (!caseIds.length) return new Map();
  const rows = await tx
    .select({ id: cases.id, reference: cases.reference })
    .from(cases)
    .where(and(eq(cases.orgId, orgId), inArray(cases.id, caseIds)));
  return new Map(rows.map((r) => [r.id, r.reference]));
}

/**
 * A person across the service's cases, for a subject access or erasure request: parties whose email, phone or
 * postcode is the one given, or whose name starts with it. Each with their case's reference, type and status.
 */
export async function findPeople(tx: Db, orgId: string, q: string, limit = 100) {
  const conditions = [
    normEmail(q) && q.includes('@') ? eq(parties.emailNorm, normEmail(q)!) : undefined,
    normPhone(q) ? eq(parties.phoneNorm, normPhone(q)!) : undefined,
    normPostcode(q) ? eq(parties.postcodeNorm, normPostcode(q)!) : undefined,
    normName(q).length >= 2 ? sql`${parties.nameNorm} LIKE ${`${normName(q).replace(/[\\%_]/g, '\\$&')}%`}` : undefined,
  ].filter(Boolean);
  if (!conditions.length) return [];
  return tx
    .select({
      partyId: parties.id,
      name: parties.name,
      role: parties.role,
      email: parties.email,
      phone: parties.phone,
      postcode: parties.postcode,
      caseId: cases.id,
      reference: cases.reference,
      caseType: cases.caseType,
      status: cases.status,
    })
    .from(parties)
    .innerJoin(cases, and(eq(cases.orgId, parties.orgId), eq(cases.id, parties.caseId)))
    .where(and(eq(parties.orgId, orgId), or(...conditions), isNull(cases.anonymisedAt)))
    .orderBy(asc(parties.nameNorm), asc(cases.reference))
    .limit(limit);
}
