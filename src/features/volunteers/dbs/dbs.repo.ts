// The only file that queries DBS checks. The certificate number column holds the sealed (encrypted) number;
// callers outside the DBS service only ever see the last four digits.
import type { Db } from '#src/db/client.ts';
import { prepared } from '#src/db/prepared.ts';
import { and, asc, desc, eq, type Placeholder, sql } from '#src/db/orm.ts';
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

function volunteersWithLatestDbs(tx: Db, orgId: string | Placeholder, userId?: string | Placeholder) {
  const latest = tx
    .selectDistinctOn([dbsChecks.volunteerId], {
      volunteerId: dbsChecks.volunteerId,
      issuedOn: dbsChecks.issuedOn,
      statusChecks: dbsChecks.statusChecks,
    })
    .from(dbsChecks)
    .where(eq(dbsChecks.orgId, orgId))
    .orderBy(dbsChecks.volunteerId, desc(dbsChecks.issuedOn), desc(dbsChecks.createdAt))
    .as('latest');
  const conditions = [eq(volunteers.orgId, orgId), sql`${volunteers.status} NOT IN ('left', 'inactive')`];
  if (userId) conditions.push(eq(volunteers.userId, userId));
  return tx
    .select({
      id: volunteers.id,
      name: volunteers.name,
      status: volunteers.status,
      issuedOn: latest.issuedOn,
      statusChecks: latest.statusChecks,
    })
    .from(volunteers)
    .leftJoin(latest, eq(latest.volunteerId, volunteers.id))
    .where(and(...conditions))
    .orderBy(asc(volunteers.name));
}

/** Built once (db/prepared.ts): the service's and one volunteer's, each on every visit to the home. */
const ofService = prepared('volunteers_latest_dbs', (db) => volunteersWithLatestDbs(db, sql.placeholder('orgId')));
const ofUser = prepared('volunteers_latest_dbs_of_user', (db) => volunteersWithLatestDbs(db, sql.placeholder('orgId'), sql.placeholder('userId')));

/**
 * Every volunteer still with the service (not left or inactive), each with the facts of their latest DBS check
 * (none when no check is recorded): for the home page's recheck queue.
 */
export async function listVolunteersWithLatestDbs(tx: Db, orgId: string, opts: { userId?: string } = {}) {
  return opts.userId ? ofUser(tx, { orgId, userId: opts.userId }) : ofService(tx, { orgId });
}
