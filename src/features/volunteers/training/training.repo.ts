// The only file that queries training courses, training records and accreditations (a trainee's signed-off
// supervised cases are counted in assignments.repo.ts). Every query is scoped by the service (orgId).
import type { Db } from '#src/db/client.ts';
import { prepared } from '#src/db/prepared.ts';
import { type Part, rowsPart } from '#src/db/read-in-one.ts';
import { and, asc, desc, eq, inArray, isNull, sql } from '#src/db/orm.ts';
import { accreditations, trainingCourses, trainingRecords, volunteers } from '#src/db/schema/volunteers.ts';

export type CourseRow = typeof trainingCourses.$inferSelect;
export type TrainingRecordRow = typeof trainingRecords.$inferSelect;
export type AccreditationRow = typeof accreditations.$inferSelect;

export async function listCourses(tx: Db, orgId: string) {
  return tx.select().from(trainingCourses).where(eq(trainingCourses.orgId, orgId)).orderBy(desc(trainingCourses.foundation), asc(trainingCourses.name));
}

export async function findCourse(tx: Db, orgId: string, courseId: string) {
  const rows = await tx
    .select()
    .from(trainingCourses)
    .where(and(eq(trainingCourses.orgId, orgId), eq(trainingCourses.id, courseId)));
  return rows[0];
}

export async function insertCourse(tx: Db, row: typeof trainingCourses.$inferInsert) {
  await tx.insert(trainingCourses).values(row);
}

export async function retireCourse(tx: Db, orgId: string, courseId: string, at: Date) {
  await tx
    .update(trainingCourses)
    .set({ retiredAt: at })
    .where(and(eq(trainingCourses.orgId, orgId), eq(trainingCourses.id, courseId)));
}

/** A volunteer's training records, newest first. */
export async function listTrainingRecords(tx: Db, orgId: string, volunteerId: string) {
  return tx
    .select()
    .from(trainingRecords)
    .where(and(eq(trainingRecords.orgId, orgId), eq(trainingRecords.volunteerId, volunteerId)))
    .orderBy(desc(trainingRecords.on), desc(trainingRecords.createdAt));
}

/** The training records of many volunteers at once (for the home page's practice checks). */
const practiceRecordsOf = prepared('training_practice_records_of', (db) =>
  db
    .select({ volunteerId: trainingRecords.volunteerId, kind: trainingRecords.kind, on: trainingRecords.on, minutes: trainingRecords.minutes })
    .from(trainingRecords)
    .where(
      and(
        eq(trainingRecords.orgId, sql.placeholder('orgId')),
        sql`${trainingRecords.volunteerId} = any(${sql.placeholder('volunteerIds')}::uuid[])`,
        inArray(trainingRecords.kind, ['cpd', 'supervision', 'observed_practice']),
      ),
    ),
);

export async function listTrainingRecordsFor(tx: Db, orgId: string, volunteerIds: string[]) {
  if (!volunteerIds.length) return [];
  return practiceRecordsOf(tx, { orgId, volunteerIds });
}

export async function insertTrainingRecord(tx: Db, row: typeof trainingRecords.$inferInsert) {
  await tx.insert(trainingRecords).values(row);
}

export async function deleteTrainingRecord(tx: Db, orgId: string, volunteerId: string, recordId: string) {
  const rows = await tx
    .delete(trainingRecords)
    .where(and(eq(trainingRecords.orgId, orgId), eq(trainingRecords.volunteerId, volunteerId), eq(trainingRecords.id, recordId)))
    .returning({ kind: trainingRecords.kind, title: trainingRecords.title, on: trainingRecords.on });
  return rows[0];
}

export async function listAccreditations(tx: Db, orgId: string, volunteerId: string) {
  return tx
    .select()
    .from(accreditations)
    .where(and(eq(accreditations.orgId, orgId), eq(accreditations.volunteerId, volunteerId)))
    .orderBy(asc(accreditations.area), desc(accreditations.accreditedOn));
}

export async function findAccreditation(tx: Db, orgId: string, volunteerId: string, accreditationId: string) {
  const rows = await tx
    .select()
    .from(accreditations)
    .where(and(eq(accreditations.orgId, orgId), eq(accreditations.volunteerId, volunteerId), eq(accreditations.id, accreditationId)));
  return rows[0];
}

export async function insertAccreditation(tx: Db, row: typeof accreditations.$inferInsert) {
  await tx.insert(accreditations).values(row);
}

export async function revokeAccreditation(tx: Db, orgId: string, accreditationId: string, at: Date, reason: string) {
  await tx
    .update(accreditations)
    .set({ revokedAt: at, revokedReason: reason })
    .where(and(eq(accreditations.orgId, orgId), eq(accreditations.id, accreditationId)));
}

/** Restorative conferencing accreditations in force (not revoked; not expired before today) for active volunteers. */
const accreditationView = {
  volunteerId: accreditations.volunteerId,
  accreditedOn: accreditations.accreditedOn,
  name: volunteers.name,
  userId: volunteers.userId,
};
const currentRjWith = (db: Db, select = accreditationView) => {
  const orgId = sql.placeholder('orgId');
  return db
    .select(select)
    .from(accreditations)
    .innerJoin(volunteers, and(eq(volunteers.id, accreditations.volunteerId), eq(volunteers.orgId, orgId)))
    .where(
      and(
        eq(accreditations.orgId, orgId),
        eq(accreditations.area, 'restorative_conferencing'),
        isNull(accreditations.revokedAt),
        sql`(${accreditations.expiresOn} IS NULL OR ${accreditations.expiresOn} >= ${sql.placeholder('today')}::date)`,
        sql`${volunteers.status} NOT IN ('left', 'inactive')`,
      ),
    )
    .orderBy(asc(volunteers.name), asc(accreditations.accreditedOn));
};
const currentRjAccreditations = prepared('accreditations_current_rj', (db) => currentRjWith(db));

/** The accreditations in force (placeholders orgId and today), read with other parts in one statement (db/read-in-one.ts). */
export const currentRjAccreditationsPart: Part<Awaited<ReturnType<typeof currentRjAccreditations>>> = rowsPart(accreditationView, currentRjWith);

export async function listCurrentRjAccreditations(tx: Db, orgId: string, today: string) {
  return currentRjAccreditations(tx, { orgId, today });
}
