// What the audit trail shows for a member of staff: their name, for members of this service only.
import type { Db } from '#src/db/client.ts';
import { and, eq, inArray } from '#src/db/orm.ts';
import { memberships, users } from '#src/db/schema/people.ts';

export async function memberNames(tx: Db, orgId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return tx
    .select({ id: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), inArray(memberships.userId, ids)));
}
