// What the audit trail shows for a volunteer: their name.
import type { Db } from '#src/db/client.ts';
import { and, eq, inArray } from '#src/db/orm.ts';
import { volunteers } from '#src/db/schema/volunteers.ts';

export async function volunteerNames(tx: Db, orgId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return tx
    .select({ id: volunteers.id, name: volunteers.name })
    .from(volunteers)
    .where(and(eq(volunteers.orgId, orgId), inArray(volunteers.id, ids)));
}
