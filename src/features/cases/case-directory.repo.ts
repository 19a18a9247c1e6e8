// Lookups the case pages need to offer choices: who can coordinate a case, and the areas cases are in.
import type { Db } from '#src/db/client.ts';
import { and, asc, eq, inArray, isNotNull, type Placeholder, sql } from '#src/db/orm.ts';
import { listValues, placeholderList, preparedShapes } from '#src/db/prepared.ts';
import { mapPart, type Part, rowsPart } from '#src/db/read-in-one.ts';
import { cases } from '#src/db/schema/cases.ts';
import { memberships, users } from '#src/db/schema/people.ts';

/** Active members with one of the given roles: id and name only. */
export async function listActiveMembersWithRoles(tx: Db, orgId: string, roles: string[]) {
  return activeWithRoles(tx, { roles: roles.length }, { orgId, ...listValues('role', roles) });
}
const nameView = { id: users.id, name: users.name };
type Named = { id: string; name: string };
const activeWith = (db: Db, roles: (string | Placeholder)[], select = nameView) =>
  db
    .select(select)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, sql.placeholder('orgId')), eq(memberships.status, 'active'), inArray(memberships.role, roles)))
    .orderBy(asc(users.name));
/** Built once for each number of roles asked for (db/prepared.ts). */
const activeWithRoles = preparedShapes('members_active_with_roles', (db, { roles }: { roles: number }) => activeWith(db, placeholderList('role', roles)));

/** The active admins and coordinators (placeholder orgId), read with other parts in one statement (db/read-in-one.ts). */
export const coordinatorsPart: Part<Named[]> = rowsPart(nameView, (db, select) => activeWith(db, ['admin', 'coordinator'], select));

/**
 * Names of every member, active or not, so a case still shows who coordinated it after they leave (placeholder
 * orgId), read with other parts in one statement (db/read-in-one.ts).
 */
export const memberNamesPart: Part<Named[]> = rowsPart(nameView, (db, select) =>
  db
    .select(select)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, sql.placeholder('orgId'))),
);

const areaView = { localAuthority: cases.localAuthority };
const caseAreasWith = (db: Db, select = areaView) =>
  db
    .selectDistinct(select)
    .from(cases)
    .where(and(eq(cases.orgId, sql.placeholder('orgId')), isNotNull(cases.localAuthority)))
    .orderBy(asc(cases.localAuthority));
const areaNames = (rows: { localAuthority: string | null }[]) => rows.map((r) => r.localAuthority).filter((la): la is string => Boolean(la));

/**
 * The local authorities the service's cases are in, for the case list's area filter (placeholder orgId), read with
 * other parts in one statement (db/read-in-one.ts).
 */
export const caseAreasPart: Part<string[]> = mapPart(rowsPart<typeof areaView, { localAuthority: string | null }>(areaView, caseAreasWith), areaNames);
