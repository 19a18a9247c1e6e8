// The only file that queries DBS checks. The certificate number column holds the sealed (encrypted) number;
// callers outside the DBS service only ever see the last four digits.
import type { Db } from '#src/db/client.ts';
import { prepared } from '#src/db/prepared.ts';
import { type Part, rowsPart } from '#src/db/read-in-one.ts';
import { and, asc, desc, eq, type Placeholder, QueryBuilder, sql } from '#src/db/orm.ts';
import { type DbsStatusCheck, dbsChecks, volunteers } from '#src/db/schema/volunteers.ts';

export type DbsCheckRow = typeof dbsChecks.$inferSelect;

export async function insertDbsCheck(tx: Db, row: typeof dbsChecks.$inferInsert) {
  await tx.insert(dbsChecks).values(row);
}

/** A volunteer's checks, latest issued first. */
export async function listDbsChecks(tx: Db, orgId: string, volunteerId: string) {
  return tx
    .select()
    .from(dbsChecks)
    .where(and(eq(dbsChecks.orgId, orgId), eq(dbsChecks.volunteerId, volunteerId)))
    .orderBy(desc(dbsChecks.issuedOn), desc(dbsChecks.createdAt));
}

export async function findDbsCheck(tx: Db, orgId: string, volunteerId: string, checkId: string) {
  const rows = await tx
    .select()
    .from(dbsChecks)
    .where(and(eq(dbsChecks.orgId, orgId), eq(dbsChecks.volunteerId, volunteerId), eq(dbsChecks.id, checkId)));
  return rows[0];
}

export async function updateStatusChecks(tx: Db, orgId: string, checkId: string, statusChecks: DbsStatusCheck[]) {
  await tx
    .update(dbsChecks)
    .set({ statusChecks })
    .where(and(eq(dbsChecks.orgId, orgId), eq(dbsChecks.id, checkId)));
}

/** Each volunteer's latest check, for the service's volunteers (placeholder orgId). */
const latest = new QueryBuilder()
  .selectDistinctOn([dbsChecks.volunteerId], {
    volunteerId: dbsChecks.volunteerId,
    issuedOn: dbsChecks.issuedOn,
    statusChecks: dbsChecks.statusChecks,
  })
  .from(dbsChecks)
  .where(eq(dbsChecks.orgId, sql.placeholder('orgId')))
  .orderBy(dbsChecks.volunteerId, desc(dbsChecks.issuedOn), desc(dbsChecks.createdAt))
  .as('latest');
const withLatestView = { id: volunteers.id, name: volunteers.name, status: volunteers.status, issuedOn: latest.issuedOn, statusChecks: latest.statusChecks };

function volunteersWithLatestDbs(tx: Db, userId?: Placeholder, select = withLatestView) {
  const conditions = [eq(volunteers.orgId, sql.placeholder('orgId')), sql`${volunteers.status} NOT IN ('left', 'inactive')`];
  if (userId) conditions.push(eq(volunteers.userId, userId));
  return tx
    .select(select)
    .from(volunteers)
    .leftJoin(latest, eq(latest.volunteerId, volunteers.id))
    .where(and(...conditions))
    .orderBy(asc(volunteers.name));
}

/** Built once (db/prepared.ts): the service's and one volunteer's, each on every visit to the home. */
const ofService = prepared('volunteers_latest_dbs', (db) => volunteersWithLatestDbs(db));
const ofUser = prepared('volunteers_latest_dbs_of_user', (db) => volunteersWithLatestDbs(db, sql.placeholder('userId')));

/** The service's volunteers with their latest check (placeholder orgId), read with other parts in one statement (db/read-in-one.ts). */
export const volunteersWithLatestDbsPart: Part<Awaited<ReturnType<typeof ofService>>> = rowsPart(withLatestView, (db, select) =>
  volunteersWithLatestDbs(db, undefined, select),
);

/**
 * Every volunteer still with the service (not left or inactive), each with the facts of their latest DBS check
 * (none when no check is recorded): for the home page's recheck queue.
 */
export async function listVolunteersWithLatestDbs(tx: Db, orgId: string, opts: { userId?: string } = {}) {
  return opts.userId ? ofUser(tx, { orgId, userId: opts.userId }) : ofService(tx, { orgId });
}
