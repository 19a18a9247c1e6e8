// Lookups the case pages need to offer choices: who can coordinate a case, and the areas cases are in.
import type { Db } from '#src/db/client.ts';
import { and, asc, eq, inArray, isNotNull, sql } from '#src/db/orm.ts';
import { listValues, placeholderList, prepared, preparedShapes } from '#src/db/prepared.ts';
import { cases } from '#src/db/schema/cases.ts';
import { memberships, users } from '#src/db/schema/people.ts';

/** Active members with one of the given roles: id and name only. */
export async function listActiveMembersWithRoles(tx: Db, orgId: string, roles: string[]) {
  return activeWithRoles(tx, { roles: roles.length }, { orgId, ...listValues('role', roles) });
}
/** Built once for each number of roles asked for (db/prepared.ts). */
const activeWithRoles = preparedShapes('members_active_with_roles', (db, { roles }: { roles: number }) =>
  db
    .select({ id: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, sql.placeholder('orgId')), eq(memberships.status, 'active'), inArray(memberships.role, placeholderList('role', roles))))
    .orderBy(asc(users.name)),
);

/** Names of every member, active or not, so a case still shows who coordinated it after they leave. */
export async function listMemberNames(tx: Db, orgId: string) {
  return memberNamesOf(tx, { orgId });
}
const memberNamesOf = prepared('member_names_of_service', (db) =>
  db
    .select({ id: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, sql.placeholder('orgId'))),
);

/** The local authorities the service's cases are in, for the case list's area filter. */
const caseAreas = prepared('case_areas', (db) =>
  db
    .selectDistinct({ localAuthority: cases.localAuthority })
    .from(cases)
    .where(and(eq(cases.orgId, sql.placeholder('orgId')), isNotNull(cases.localAuthority)))
    .orderBy(asc(cases.localAuthority)),
);

export async function listCaseAreas(tx: Db, orgId: string) {
  const rows = await caseAreas(tx, { orgId });
  return rows.map((r) => r.localAuthority).filter((la): la is string => Boolean(la));
}
