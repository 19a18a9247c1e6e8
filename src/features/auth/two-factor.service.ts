// Two-factor sign-in: enrolment (QR code, key as text, backup codes), checking codes, resets by an admin.
import { msg } from '#src/i18n/i18n.ts';
import type { Db } from '#src/db/client.ts';
import { asSystem, inOrg } from '#src/db/tenant.ts';
import { AppError, notFound } from '#src/lib/app-error.ts';

import { authorise } from '#src/access/permissions.ts';
import type { Clock } from '#src/lib/clock.ts';
import type { SecretBox } from '#src/lib/tokens.ts';
import { hashToken } from '#src/lib/tokens.ts';
import { matchTotpStep, newBackupCodes, newTotpSecret, normaliseBackupCode, totpEnrolment } from '#src/lib/totp.ts';
import type { Audit } from '#src/features/audit/audit.service.ts';
import type { Actor, OrgActor } from '#src/access/actor.ts';
import type { AuthService, RequestContext } from './auth.service.ts';
import { deleteUserSessions } from './sessions.repo.ts';
import { clearAccountThrottle } from './sign-in-throttle.ts';
import { claimTotpStep, findUserById, listActiveMemberships, replaceBackupCodes, updateUser, useBackupCode } from './users.repo.ts';

/** A member of a service with their sign-in (people's record), given when the app is built (deps.ts): auth is below people. */
export type FindMember = (
  tx: Db,
  orgId: string,
  userId: string,
) => Promise<{ userId: string; name: string; email: string; role: string; status: string } | undefined>;

export type TwoFactorDeps = { db: Db; clock: Clock; audit: Audit; box: SecretBox; auth: AuthService; findMember: FindMember };

const hashBackup = (code: string) => hashToken(`backup:${normaliseBackupCode(code)}`);

export function createTwoFactorService({ db, clock, audit, box, auth, findMember }: TwoFactorDeps) {
  async function getUser(userId: string) {
    const user = await asSystem(db, (tx) => findUserById(tx, userId));
    if (!user) throw new AppError('UNAUTHENTICATED', msg('Sign in again'));
    return user;
  }

  return {
    /** Starts (or continues) enrolment: a pending secret is kept, sealed, until a code confirms it. */
    async beginEnrolment(userId: string, serviceName: string) {
      const user = await getUser(userId);
      if (user.totpEnabledAt) throw new AppError('CONFLICT', msg('Two-factor sign-in is already set up'), { reason: 'ALREADY_ENROLLED' });
      // A pending key sealed with another secret (after a move) is simply replaced.
      let secret = (user.totpSecret && box.openOrNull(user.totpSecret)) || undefined;
      if (!secret) {
        secret = newTotpSecret();
        await asSystem(db, (tx) => updateUser(tx, userId, { totpSecret: box.seal(secret!) }));
      }
      return totpEnrolment(secret, user.email, `Parley (${serviceName})`);
    },

    /** Confirms enrolment with a first code; returns the backup codes, shown once. */
    async confirmEnrolment(userId: string, code: string, actor: Actor, orgId: string | null) {
      const user = await getUser(userId);
      const pending = user.totpSecret && !user.totpEnabledAt ? box.openOrNull(user.totpSecret) : null;
      if (pending === null) throw new AppError('CONFLICT', msg('Start setting up two-factor sign-in again'), { reason: 'NO_PENDING_ENROLMENT' });
      const step = matchTotpStep(pending, code, clock.now().getTime());
      if (step === null)
        throw new AppError('UNPROCESSABLE', msg('The code is not correct'), {
          reason: 'BAD_CODE',
          fields: { code: 'The code is not correct – check your authenticator app' },
        });
      const codes = newBackupCodes();
      await asSystem(db, async (tx) => {
        await updateUser(tx, userId, { totpEnabledAt: clock.now(), totpLastStep: step });
        await replaceBackupCodes(tx, userId, codes.map(hashBackup));
        await audit.record(tx, actor, orgId, { action: 'auth.two_factor_enrolled', entityType: 'user', entityId: userId });
      });
      return codes;
    },

    /**
     * Checks a code from the app or a backup code and uses it up (a code cannot be used twice). Returns how the
     * person proved it, or undefined when the code is not right or they have no two-factor set up.
     */
    async useCode(userId: string, code: string): Promise<'totp' | 'backup_code' | undefined> {
      const user = await getUser(userId);
      const now = clock.now();
      // Sealed with another secret, the app's codes cannot be checked; backup codes (hashed) still work.
      const secret = user.totpSecret && user.totpEnabledAt ? box.openOrNull(user.totpSecret) : null;
      const step = secret ? matchTotpStep(secret, code, now.getTime()) : null;
      if (step !== null && (await asSystem(db, (tx) => claimTotpStep(tx, userId, step)))) return 'totp';
      if (user.totpEnabledAt && normaliseBackupCode(code).length === 8 && (await asSystem(db, (tx) => useBackupCode(tx, userId, hashBackup(code), now))))
        return 'backup_code';
      return undefined;
    },

    /**
     * Checks the second factor of a session waiting on it. On success the session is replaced by a fully signed-in
     * one with a new token, which is returned for the cookie.
     */
    async verify(sessionId: string, userId: string, code: string, ctx: RequestContext): Promise<string> {
      const user = await getUser(userId);
      await auth.refuseWhileWaiting(user.email, ctx);
      const method = await this.useCode(userId, code);
      if (!method) {
        await auth.countFailedAttempt(user, ctx);
        if (user.totpSecret && user.totpEnabledAt && box.openOrNull(user.totpSecret) === null) {
          const message =
            'Codes from your authenticator app cannot be checked at the moment, because Parley’s secret key has changed since you set it up. Enter one of your backup codes, or ask an admin of your service to reset your two-factor sign-in.';
          throw new AppError('CONFLICT', message, { reason: 'TWO_FACTOR_KEY_UNREADABLE', fields: { code: message } });
        }
        throw new AppError('UNPROCESSABLE', msg('The code is not correct'), {
          reason: 'BAD_CODE',
          fields: { code: 'The code is not correct – check your authenticator app, or enter a backup code' },
        });
      }
      return auth.completeSignIn(sessionId, userId, ctx, method);
    },

    /** An admin resets a member of their own service (lost phone, lock-out). */
    async resetForMember(actor: OrgActor, userId: string) {
      authorise(actor, 'people.manage');
      const member = await inOrg(db, actor.orgId, (tx) => findMember(tx, actor.orgId, userId));
      if (!member) throw notFound(msg('That person was not found'));
      await this.reset(userId, actor, actor.orgId);
    },

    /** An admin (or the CLI) clears a person's two-factor set-up and failures; they enrol again at next sign-in. */
    async reset(userId: string, actor: Actor, orgId: string | null) {
      await asSystem(db, async (tx) => {
        const user = await findUserById(tx, userId);
        await updateUser(tx, userId, { totpSecret: null, totpEnabledAt: null, totpLastStep: null, failedSignIns: 0, lockedUntil: null });
        if (user) await clearAccountThrottle(tx, user.email);
        await replaceBackupCodes(tx, userId, []);
        await deleteUserSessions(tx, userId);
        const orgs = orgId ? [{ orgId }] : await listActiveMemberships(tx, userId);
        if (orgs.length === 0) await audit.record(tx, actor, null, { action: 'auth.two_factor_reset', entityType: 'user', entityId: userId });
        for (const o of orgs) await audit.record(tx, actor, o.orgId, { action: 'auth.two_factor_reset', entityType: 'user', entityId: userId });
      });
    },
  };
}
export type TwoFactorService = ReturnType<typeof createTwoFactorService>;
