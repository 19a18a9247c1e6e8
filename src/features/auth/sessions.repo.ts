import { and, eq, ne, sql } from '#src/db/orm.ts';
import type { Db } from '#src/db/client.ts';
import { prepared } from '#src/db/prepared.ts';
import { memberships, sessions, users } from '#src/db/schema/people.ts';
import { organisations } from '#src/db/schema/organisations.ts';

export type SessionStage = 'password' | 'enrol' | 'full';

export async function insertSession(tx: Db, s: { id: string; userId: string; orgId: string | null; stage: SessionStage; at: Date; ip: string | null }) {
  await tx.insert(sessions).values({
    id: s.id,
    userId: s.userId,
    orgId: s.orgId,
    stage: s.stage,
    createdAt: s.at,
    lastSeenAt: s.at,
    ip: s.ip,
  });
}

/** The session with its person and current service, in one query: it runs on every signed-in request, so it is built once. */
const sessionView = prepared('session_view', (db) =>
  db
    .select({
      id: sessions.id,
      userId: sessions.userId,
      orgId: sessions.orgId,
      stage: sessions.stage,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      userName: users.name,
      userEmail: users.email,
      hasTotp: sql<boolean>`${users.totpEnabledAt} IS NOT NULL`,
      instanceOperator: users.instanceOperator,
      role: memberships.role,
      membershipStatus: memberships.status,
      orgSlug: organisations.slug,
      orgName: organisations.name,
      orgSettings: organisations.settings,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(memberships, and(eq(memberships.userId, sessions.userId), eq(memberships.orgId, sessions.orgId)))
    .leftJoin(organisations, eq(organisations.id, sessions.orgId))
    .where(eq(sessions.id, sql.placeholder('id'))),
);

export async function findSessionView(tx: Db, id: string) {
  const rows = await sessionView(tx, { id });
  return rows[0];
}
export type SessionView = NonNullable<Awaited<ReturnType<typeof findSessionView>>>;

export async function touchSession(tx: Db, id: string, at: Date) {
  await tx.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
}

export async function updateSession(tx: Db, id: string, values: { stage?: SessionStage; orgId?: string | null }) {
  await tx.update(sessions).set(values).where(eq(sessions.id, id));
}

export async function deleteSession(tx: Db, id: string) {
  await tx.delete(sessions).where(eq(sessions.id, id));
}

export async function deleteUserSessions(tx: Db, userId: string, exceptId?: string) {
  const where = exceptId ? and(eq(sessions.userId, userId), ne(sessions.id, exceptId)) : eq(sessions.userId, userId);
  const rows = await tx.delete(sessions).where(where).returning({ id: sessions.id });
  return rows.length;
}

export async function deleteOrgSessions(tx: Db, userId: string, orgId: string) {
  await tx.delete(sessions).where(and(eq(sessions.userId, userId), eq(sessions.orgId, orgId)));
}
