import type { Db } from '#src/db/client.ts';
import { desc, eq, inArray } from '#src/db/orm.ts';
import { postcodeLoads } from '#src/db/schema/referrals.ts';

export type PostcodeLoad = typeof postcodeLoads.$inferSelect;
export type LoadStatus = 'queued' | 'running' | 'loaded' | 'failed';

export async function insertLoad(tx: Db, load: typeof postcodeLoads.$inferInsert) {
  await tx.insert(postcodeLoads).values(load);
}

export async function updateLoad(tx: Db, id: string, values: Partial<typeof postcodeLoads.$inferInsert>) {
  await tx.update(postcodeLoads).set(values).where(eq(postcodeLoads.id, id));
}

export async function findLoad(tx: Db, id: string): Promise<PostcodeLoad | undefined> {
  const rows = await tx.select().from(postcodeLoads).where(eq(postcodeLoads.id, id));
  return rows[0];
}

/** The newest load, whatever became of it. */
export async function latestLoad(tx: Db): Promise<PostcodeLoad | undefined> {
  const rows = await tx.select().from(postcodeLoads).orderBy(desc(postcodeLoads.createdAt)).limit(1);
  return rows[0];
}

/** The load the lookup in use came from: the newest that finished. */
export async function lastLoaded(tx: Db): Promise<PostcodeLoad | undefined> {
  const rows = await tx
    .select()
    .from(postcodeLoads)
    .where(eq(postcodeLoads.status, 'loaded'))
    .orderBy(desc(postcodeLoads.finishedAt), desc(postcodeLoads.createdAt))
    .limit(1);
  return rows[0];
}

/** A load waiting or under way (at most one at a time: they fill the same next lookup). */
export async function activeLoad(tx: Db): Promise<PostcodeLoad | undefined> {
  const rows = await tx
    .select()
    .from(postcodeLoads)
    .where(inArray(postcodeLoads.status, ['queued', 'running']))
    .limit(1);
  return rows[0];
}
