import { and, eq, isNull, lt, or, sql } from '#src/db/orm.ts';
import type { Db } from '#src/db/client.ts';
import { backupCodes, memberships, users } from '#src/db/schema/people.ts';
import { organisations } from '#src/db/schema/organisations.ts';
import { newId } from '#src/lib/ids.ts';

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export async function findUserByEmail(tx: Db, email: string) {
  const rows = await tx
    .select()
    .from(users)
    .where(eq(users.email, normaliseEmail(email)));
  return rows[0];
}

export async function findUserById(tx: Db, id: string) {
  const rows = await tx.select().from(users).where(eq(users.id, id));
  return rows[0];
}

export async function insertUser(tx: Db, input: { email: string; name: string; passwordHash: string | null }) {
  const id = newId();
  await tx.insert(users).values({ id, email: normaliseEmail(input.email), name: input.name, passwordHash: input.passwordHash });
  return id;
}

export async function updateUser(tx: Db, userId: string, values: Partial<typeof users.$inferInsert>) {
  await tx.update(users).set(values).where(eq(users.id, userId));
}

export async function replaceBackupCodes(tx: Db, userId: string, hashes: string[]) {
  await tx.delete(backupCodes).where(eq(backupCodes.userId, userId));
  if (hashes.length) await tx.insert(backupCodes).values(hashes.map((codeHash) => ({ id: newId(), userId, codeHash })));
}

/** Marks a matching unused backup code used; true when one matched. */
export async function useBackupCode(tx: Db, userId: string, codeHash: string, at: Date) {
  const rows = await tx
    .update(backupCodes)
    .set({ usedAt: at })
    .where(and(eq(backupCodes.userId, userId), eq(backupCodes.codeHash, codeHash), isNull(backupCodes.usedAt)))
    .returning({ id: backupCodes.id });
  return rows.length > 0;
}

export async function countUnusedBackupCodes(tx: Db, userId: string) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(backupCodes)
    .where(and(eq(backupCodes.userId, userId), isNull(backupCodes.usedAt)));
  return row?.n ?? 0;
}

/** Every active service a person belongs to, with their role in it. */
export async function listActiveMemberships(tx: Db, userId: string) {
  return tx
    .select({
      orgId: organisations.id,
      slug: organisations.slug,
      name: organisations.name,
      role: memberships.role,
      settings: organisations.settings,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .where(and(eq(memberships.userId, userId), eq(memberships.status, 'active')))
    .orderBy(organisations.name);
}

/** Records the step of an accepted code, atomically refusing a step already used (a replayed code). */
export async function claimTotpStep(tx: Db, userId: string, step: number) {
  const rows = await tx
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return rows.length > 0;
}

/** The instance operators (docs/decisions/010), by name. */
export async function listInstanceOperators(tx: Db) {
  return tx.select({ id: users.id, email: users.email, name: users.name }).from(users).where(eq(users.instanceOperator, true)).orderBy(users.name);
}
