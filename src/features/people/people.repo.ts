import { and, asc, desc, eq, gt, isNull, sql } from '#src/db/orm.ts';
import type { Db } from '#src/db/client.ts';
import { prepared } from '#src/db/prepared.ts';
import { type Part, rowsPart } from '#src/db/read-in-one.ts';
import { invitations, memberships, users } from '#src/db/schema/people.ts';
import { newId } from '#src/lib/ids.ts';

export async function insertMembership(tx: Db, m: { orgId: string; userId: string; role: string }) {
  const id = newId();
  await tx
    .insert(memberships)
    .values({ id, ...m, status: 'active' })
    .onConflictDoUpdate({ target: [memberships.orgId, memberships.userId], set: { role: m.role, status: 'active' } });
  return id;
}

const memberView = {
  userId: users.id,
  name: users.name,
  email: users.email,
  role: memberships.role,
  status: memberships.status,
  hasTwoFactor: sql<boolean>`${users.totpEnabledAt} IS NOT NULL`,
  isLocked: sql<boolean>`coalesce(${users.lockedUntil} > now(), false)`,
  since: memberships.createdAt,
};
const membersWith = (db: Db, select = memberView) =>
  db
    .select(select)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, sql.placeholder('orgId')))
    .orderBy(asc(memberships.status), asc(users.name));
/** Built once (db/prepared.ts). */
const members = prepared('people_members', (db) => membersWith(db));
export type MemberRow = Awaited<ReturnType<typeof members>>[number];

export async function listMembers(tx: Db, orgId: string) {
  return members(tx, { orgId });
}

/** The service's members (placeholder orgId), read with other parts in one statement (db/read-in-one.ts): the home and the people page read them on every visit. */
export const membersPart: Part<MemberRow[]> = rowsPart(memberView, membersWith);

export async function findMember(tx: Db, orgId: string, userId: string) {
  const rows = await tx
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role, status: memberships.status })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
  return rows[0];
}

export async function countActiveAdmins(tx: Db, orgId: string) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.role, 'admin'), eq(memberships.status, 'active')));
  return row?.n ?? 0;
}

export async function updateMembership(tx: Db, orgId: string, userId: string, values: { role?: string; status?: string }) {
  await tx
    .update(memberships)
    .set(values)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
}

export async function insertInvitation(
  tx: Db,
  inv: { orgId: string; email: string; name: string; role: string; tokenHash: string; invitedBy: string | null; expiresAt: Date },
) {
  const id = newId();
  await tx.insert(invitations).values({ id, ...inv });
  return id;
}

const invitationView = { id: invitations.id, email: invitations.email, name: invitations.name, role: invitations.role, expiresAt: invitations.expiresAt };
const openInvitationsWith = (db: Db, select = invitationView) =>
  db
    .select(select)
    .from(invitations)
    .where(
      and(
        eq(invitations.orgId, sql.placeholder('orgId')),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, sql.placeholder('now')),
      ),
    )
    .orderBy(desc(invitations.createdAt));
const openInvitations = prepared('people_open_invitations', (db) => openInvitationsWith(db));
export type OpenInvitation = Awaited<ReturnType<typeof openInvitations>>[number];

/** The open invitations, read with other parts in one statement (placeholders orgId and now, an ISO time). */
export const openInvitationsPart: Part<OpenInvitation[]> = rowsPart(invitationView, openInvitationsWith);

export async function listOpenInvitations(tx: Db, orgId: string, now: Date) {
  return openInvitations(tx, { orgId, now: now.toISOString() });
}

/** Owner-role lookup by token: the invitee is not yet in any service. */
export async function findInvitationByTokenHash(tx: Db, tokenHash: string) {
  const rows = await tx.select().from(invitations).where(eq(invitations.tokenHash, tokenHash));
  return rows[0];
}

export async function markInvitation(tx: Db, orgId: string, id: string, values: { acceptedAt?: Date; revokedAt?: Date }) {
  const rows = await tx
    .update(invitations)
    .set(values)
    .where(and(eq(invitations.orgId, orgId), eq(invitations.id, id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .returning({ id: invitations.id });
  return rows.length > 0;
}
