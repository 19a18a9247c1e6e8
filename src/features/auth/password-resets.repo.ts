// Single-use password-reset links: only the token's hash is kept.
import { and, eq, gt, isNull, lt, or } from '#src/db/orm.ts';
import type { Db } from '#src/db/client.ts';
import { passwordResets, users } from '#src/db/schema/people.ts';
import { newId } from '#src/lib/ids.ts';

export async function insertPasswordReset(tx: Db, r: { userId: string; tokenHash: string; requestedBy: string | null; at: Date; expiresAt: Date }) {
  await tx
    .insert(passwordResets)
    .values({ id: newId(), userId: r.userId, tokenHash: r.tokenHash, requestedBy: r.requestedBy, createdAt: r.at, expiresAt: r.expiresAt });
}

/** Earlier unused links stop working when a new one is sent or the password changes. */
export async function retirePasswordResets(tx: Db, userId: string, at: Date) {
  await tx
    .update(passwordResets)
    .set({ usedAt: at })
    .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)));
}

/** Whether a link was sent to the person since this moment (so a stranger cannot fill their inbox). */
export async function sentSince(tx: Db, userId: string, since: Date) {
  const rows = await tx
    .select({ id: passwordResets.id })
    .from(passwordResets)
    .where(and(eq(passwordResets.userId, userId), gt(passwordResets.createdAt, since)))
    .limit(1);
  return rows.length > 0;
}

/** The person a live (unused, unexpired) link is for. */
export async function findLiveReset(tx: Db, tokenHash: string, now: Date) {
  const rows = await tx
    .select({ id: passwordResets.id, userId: users.id, email: users.email, name: users.name })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(and(eq(passwordResets.tokenHash, tokenHash), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)));
  return rows[0];
}

/** Uses the link up, atomically: true for exactly one caller. */
export async function claimReset(tx: Db, id: string, now: Date) {
  const rows = await tx
    .update(passwordResets)
    .set({ usedAt: now })
    .where(and(eq(passwordResets.id, id), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)))
    .returning({ id: passwordResets.id });
  return rows.length === 1;
}

export async function purgePasswordResets(tx: Db, before: Date) {
  await tx.delete(passwordResets).where(or(lt(passwordResets.expiresAt, before), lt(passwordResets.usedAt, before)));
}
