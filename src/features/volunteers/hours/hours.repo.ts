// The only file that queries volunteer_hours: entries, a volunteer's totals, and the service-wide report.
// Every query is scoped by the service (orgId); minutes are summed in the database as integers.
import type { Db } from '#src/db/client.ts';
import { and, asc, desc, eq, gte, lte, sql } from '#src/db/orm.ts';
import { cases } from '#src/db/schema/cases.ts';
import { volunteerHours, volunteers } from '#src/db/schema/volunteers.ts';
import { isUuid } from '#src/lib/ids.ts';

export type HoursRow = typeof volunteerHours.$inferSelect;
export type NewHours = typeof volunteerHours.$inferInsert;

const minutesSum = sql<number>`coalesce(sum(${volunteerHours.minutes}), 0)::int`.mapWith(Number);

export async function insertHours(tx: Db, row: NewHours) {
  await tx.insert(volunteerHours).values(row);
}

export async function findHoursEntry(tx: Db, orgId: string, volunteerId: string, entryId: string): Promise<HoursRow | undefined> {
  if (!isUuid(entryId)) return undefined;
  const rows = await tx
    .select()
    .from(volunteerHours)
    .where(and(eq(volunteerHours.orgId, orgId), eq(volunteerHours.volunteerId, volunteerId), eq(volunteerHours.id, entryId)));
  return rows[0];
}

export async function deleteHoursEntry(tx: Db, orgId: string, entryId: string) {
  await tx.delete(volunteerHours).where(and(eq(volunteerHours.orgId, orgId), eq(volunteerHours.id, entryId)));
}

export type DateWindow = { from?: string; to?: string };

/** A volunteer's entries, newest first, with the case reference where there is one. */
export async function listHours(tx: Db, orgId: string, volunteerId: string, window: DateWindow = {}, limit = 500) {
  const conditions = [eq(volunteerHours.orgId, orgId), eq(volunteerHours.volunteerId, volunteerId)];
  if (window.from) conditions.push(gte(volunteerHours.on, window.from));
  if (window.to) conditions.push(lte(volunteerHours.on, window.to));
  return tx
    .select({
      id: volunteerHours.id,
      on: volunteerHours.on,
      minutes: volunteerHours.minutes,
      activity: volunteerHours.activity,
      notes: volunteerHours.notes,
      caseId: volunteerHours.caseId,
      caseReference: cases.reference,
      recordedBy: volunteerHours.recordedBy,
      createdAt: volunteerHours.createdAt,
    })
    .from(volunteerHours)
    .leftJoin(cases, and(eq(cases.id, volunteerHours.caseId), eq(cases.orgId, orgId)))
    .where(and(...conditions))
    .orderBy(desc(volunteerHours.on), desc(volunteerHours.createdAt))
    .limit(limit);
}
export type HoursListRow = Awaited<ReturnType<typeof listHours>>[number];

/** Holds the volunteer's row until the transaction ends, so two entries at once cannot both pass the day's limit. */
export async function lockVolunteerForHours(tx: Db, orgId: string, volunteerId: string) {
  await tx.execute(sql`SELECT ${volunteers.id} FROM ${volunteers} WHERE ${volunteers.orgId} = ${orgId} AND ${volunteers.id} = ${volunteerId} FOR UPDATE`);
}

/** Minutes already logged by the volunteer on that day. */
export async function minutesOnDay(tx: Db, orgId: string, volunteerId: string, on: string): Promise<number> {
  const rows = await tx
    .select({ minutes: minutesSum })
    .from(volunteerHours)
    .where(and(eq(volunteerHours.orgId, orgId), eq(volunteerHours.volunteerId, volunteerId), eq(volunteerHours.on, on)));
  return rows[0]?.minutes ?? 0;
}

/** A volunteer's minutes this month, this year (calendar) and in all. */
export async function hoursTotals(tx: Db, orgId: string, volunteerId: string, d: { monthStart: string; yearStart: string }) {
  const rows = await tx
    .select({
      month: sql<number>`coalesce(sum(${volunteerHours.minutes}) FILTER (WHERE ${volunteerHours.on} >= ${d.monthStart}), 0)::int`.mapWith(Number),
      year: sql<number>`coalesce(sum(${volunteerHours.minutes}) FILTER (WHERE ${volunteerHours.on} >= ${d.yearStart}), 0)::int`.mapWith(Number),
      all: minutesSum,
    })
    .from(volunteerHours)
    .where(and(eq(volunteerHours.orgId, orgId), eq(volunteerHours.volunteerId, volunteerId)));
  return rows[0] ?? { month: 0, year: 0, all: 0 };
}

/** A volunteer's minutes per case (and not on a case: caseId null), most first. */
export async function hoursPerCase(tx: Db, orgId: string, volunteerId: string) {
  return tx
    .select({ caseId: volunteerHours.caseId, reference: cases.reference, caseType: cases.caseType, minutes: minutesSum })
    .from(volunteerHours)
    .leftJoin(cases, and(eq(cases.id, volunteerHours.caseId), eq(cases.orgId, orgId)))
    .where(and(eq(volunteerHours.orgId, orgId), eq(volunteerHours.volunteerId, volunteerId)))
    .groupBy(volunteerHours.caseId, cases.reference, cases.caseType)
    .orderBy(desc(minutesSum));
}

const inWindow = (orgId: string, from: string, to: string) => and(eq(volunteerHours.orgId, orgId), gte(volunteerHours.on, from), lte(volunteerHours.on, to));

/** The report: minutes per volunteer between two dates (inclusive), with the part spent on cases. */
export async function reportByVolunteer(tx: Db, orgId: string, from: string, to: string) {
  return tx
    .select({
      volunteerId: volunteerHours.volunteerId,
      name: volunteers.name,
      status: volunteers.status,
      entries: sql<number>`count(*)::int`.mapWith(Number),
      minutes: minutesSum,
      caseMinutes: sql<number>`coalesce(sum(${volunteerHours.minutes}) FILTER (WHERE ${volunteerHours.caseId} IS NOT NULL), 0)::int`.mapWith(Number),
      cases: sql<number>`count(DISTINCT ${volunteerHours.caseId})::int`.mapWith(Number),
    })
    .from(volunteerHours)
    .innerJoin(volunteers, and(eq(volunteers.id, volunteerHours.volunteerId), eq(volunteers.orgId, orgId)))
    .where(inWindow(orgId, from, to))
    .groupBy(volunteerHours.volunteerId, volunteers.name, volunteers.status)
    .orderBy(asc(volunteers.name));
}

/** The report: minutes per case type (null: time not on a case), with how many cases and volunteers. */
export async function reportByCaseType(tx: Db, orgId: string, from: string, to: string) {
  return tx
    .select({
      caseType: cases.caseType,
      minutes: minutesSum,
      cases: sql<number>`count(DISTINCT ${volunteerHours.caseId})::int`.mapWith(Number),
      volunteers: sql<number>`count(DISTINCT ${volunteerHours.volunteerId})::int`.mapWith(Number),
    })
    .from(volunteerHours)
    .leftJoin(cases, and(eq(cases.id, volunteerHours.caseId), eq(cases.orgId, orgId)))
    .where(inWindow(orgId, from, to))
    .groupBy(cases.caseType)
    .orderBy(asc(cases.caseType));
}

/** The report: minutes per activity. */
export async function reportByActivity(tx: Db, orgId: string, from: string, to: string) {
  return tx
    .select({ activity: volunteerHours.activity, minutes: minutesSum })
    .from(volunteerHours)
    .where(inWindow(orgId, from, to))
    .groupBy(volunteerHours.activity)
    .orderBy(asc(volunteerHours.activity));
}
