// Lookups the case pages need to offer choices: who can coordinate a case, and the areas cases are in.
import type { Db } from '#src/db/client.ts';
import { and, asc, eq, inArray, isNotNull } from '#src/db/orm.ts';
import { cases } from '#src/db/schema/cases.ts';
import { memberships, users } from '#src/db/schema/people.ts';

/** Active members with one of the given roles: id and name only. */
export async function listActiveMembersWithRoles(tx: Db, orgId: string, roles: string[]) {
  return tx
    .select({ id: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), eq(memberships.status, 'active'), inArray(memberships.role, roles)))
    .orderBy(asc(users.name));
}

/** Names of every member, active or not, so a case still shows who coordinated it after they leave. */
export async function listMemberNames(tx: Db, orgId: string) {
  return tx.select({ id: users.id, name: users.name }).from(memberships).innerJoin(users, eq(users.id, memberships.userId)).where(eq(memberships.orgId, orgId));
}

/** The local authorities the service's cases are in, for the case list's area filter. */
export async function listCaseAreas(tx: Db, orgId: string) {
  const rows = await tx
    .selectDistinct({ localAuthority: cases.localAuthority })
    .from(cases)
    .where(and(eq(cases.orgId, orgId), isNotNull(cases.localAuthority)))
    .orderBy(asc(cases.localAuthority));
  return rows.map((r) => r.localAuthority).filter((la): la is string => Boolean(la));
}
