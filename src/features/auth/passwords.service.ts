// Changing and resetting a password: one implementation for the account page, the emailed link, an admin's reset of
// a member and `parley user reset-password`. A reset is always a single-use link emailed to the account's own
// address (30 minutes); using it sets the new password and ends every session. Nobody but the person chooses it.
import { msg } from '#src/i18n/i18n.ts';
import type { Db } from '#src/db/client.ts';
import { asSystem, inOrg } from '#src/db/tenant.ts';
import { AppError, notFound } from '#src/lib/app-error.ts';
import type { Clock } from '#src/lib/clock.ts';
import { refuseWeakPassword } from '#src/lib/password-strength.ts';
import { hashPassword, verifyPassword } from '#src/lib/passwords.ts';
import { hashToken, newToken } from '#src/lib/tokens.ts';
import type { Audit } from '#src/features/audit/audit.service.ts';
import type { FindMember } from './two-factor.service.ts';
import type { Actor, OrgActor } from '#src/access/actor.ts';
import { queuePasswordChangedMail, queuePasswordResetMail } from './account-mail.ts';
import type { AuthService, RequestContext } from './auth.service.ts';
import { claimReset, findLiveReset, insertPasswordReset, retirePasswordResets, sentSince } from './password-resets.repo.ts';
import { authorise } from '#src/access/permissions.ts';
import { deleteUserSessions } from './sessions.repo.ts';
import { clearAccountThrottle } from './sign-in-throttle.ts';
import type { TwoFactorService } from './two-factor.service.ts';
import { findUserByEmail, findUserById, listActiveMemberships, updateUser } from './users.repo.ts';

export const RESET_MINUTES = 30;
/** "Forgotten your password?" sends at most one link a person in this time; admins and the command line always can. */
export const RESEND_AFTER_MS = 2 * 60_000;
export const RESET_LINK_INVALID = 'This link to set a new password has expired or has already been used. Ask for a new one.';

type Deps = { db: Db; clock: Clock; audit: Audit; auth: AuthService; twoFactor: TwoFactorService; findMember: FindMember };
type Person = { id: string; email: string; name: string };
export type ChangePassword = { currentPassword: string; code?: string | undefined; newPassword: string };

function refuseWeak(password: string, person: { email: string; name: string }, field: string) {
  refuseWeakPassword(password, person, field);
}

export function createPasswordService({ db, clock, audit, auth, twoFactor, findMember }: Deps) {
  /** The audit record goes to every service the person belongs to (or the platform chain when none). */
  async function auditPerson(tx: Db, actor: Actor, userId: string, action: string, orgId?: string | null) {
    const orgs = orgId ? [{ orgId }] : await listActiveMemberships(tx, userId);
    if (orgs.length === 0) return audit.record(tx, actor, null, { action, entityType: 'user', entityId: userId });
    for (const o of orgs) await audit.record(tx, actor, o.orgId, { action, entityType: 'user', entityId: userId });
  }

  /** Writes a new single-use link and queues the email with it, in one transaction; returns the token. */
  async function issueReset(person: Person, actor: Actor, requestedBy: string | null, orgId: string | null) {
    const token = newToken();
    const now = clock.now();
    await asSystem(db, async (tx) => {
      await retirePasswordResets(tx, person.id, now);
      await insertPasswordReset(tx, {
        userId: person.id,
        tokenHash: hashToken(token),
        requestedBy,
        at: now,
        expiresAt: new Date(now.getTime() + RESET_MINUTES * 60_000),
      });
      await queuePasswordResetMail(tx, person, token, RESET_MINUTES, now);
      await auditPerson(tx, actor, person.id, 'auth.password_reset_sent', orgId);
    });
    return token;
  }

  /** Sets the new password, retires every reset link, clears the throttle and tells the person by email. */
  async function storePassword(tx: Db, person: Person, passwordHash: string) {
    const now = clock.now();
    await updateUser(tx, person.id, { passwordHash, failedSignIns: 0, lockedUntil: null });
    await retirePasswordResets(tx, person.id, now);
    await clearAccountThrottle(tx, person.email);
    await queuePasswordChangedMail(tx, person, now);
  }

  return {
    /** "Forgotten your password?": the same answer whether or not the address has an account. */
    async requestReset(email: string, ctx: RequestContext) {
      const user = await asSystem(db, (tx) => findUserByEmail(tx, email));
      const anonymous = { type: 'anonymous' as const, ...ctx };
      if (!user) {
        await asSystem(db, (tx) => audit.record(tx, anonymous, null, { action: 'auth.password_reset_requested', detail: { reason: 'unknown_email' } }));
        return;
      }
      const recent = await asSystem(db, (tx) => sentSince(tx, user.id, new Date(clock.now().getTime() - RESEND_AFTER_MS)));
      if (recent) {
        await asSystem(db, (tx) => auditPerson(tx, anonymous, user.id, 'auth.password_reset_not_resent'));
        return;
      }
      await issueReset(user, anonymous, null, null);
    },

    /** An admin sends a member of their service the link (they never see it). */
    async resetForMember(actor: OrgActor, userId: string) {
      authorise(actor, 'people.manage');
      const member = await inOrg(db, actor.orgId, (tx) => findMember(tx, actor.orgId, userId));
      if (member?.status !== 'active') throw notFound(msg('That person was not found'));
      await issueReset({ id: member.userId, email: member.email, name: member.name }, actor, actor.id, actor.orgId);
      return { name: member.name, email: member.email };
    },

    /** The command line: sends the link and returns it, for an install whose mail is not set up yet. */
    async resetFromCommandLine(email: string, actor: Actor) {
      const user = await asSystem(db, (tx) => findUserByEmail(tx, email));
      if (!user) throw new AppError('NOT_FOUND', msg('No account has the email address {email}'), { params: { email } });
      return issueReset(user, actor, null, null);
    },

    /** Who a live link is for, or NOT_FOUND with words to show. */
    async describeReset(token: string) {
      const live = await asSystem(db, (tx) => findLiveReset(tx, hashToken(token), clock.now()));
      if (!live) throw new AppError('NOT_FOUND', RESET_LINK_INVALID, { reason: 'RESET_LINK_INVALID' });
      return { email: live.email, name: live.name };
    },

    /** Uses a link: sets the new password and ends every session the person has. */
    async completeReset(token: string, newPassword: string, ctx: RequestContext) {
      const live = await asSystem(db, (tx) => findLiveReset(tx, hashToken(token), clock.now()));
      if (!live) throw new AppError('NOT_FOUND', RESET_LINK_INVALID, { reason: 'RESET_LINK_INVALID' });
      refuseWeak(newPassword, live, 'password');
      const passwordHash = await hashPassword(newPassword);
      await asSystem(db, async (tx) => {
        if (!(await claimReset(tx, live.id, clock.now()))) throw new AppError('NOT_FOUND', RESET_LINK_INVALID, { reason: 'RESET_LINK_INVALID' });
        const person = { id: live.userId, email: live.email, name: live.name };
        await storePassword(tx, person, passwordHash);
        const sessions = await deleteUserSessions(tx, person.id);
        await auditPerson(tx, { type: 'user', id: person.id, label: person.name, ...ctx }, person.id, 'auth.password_reset');
        return sessions;
      });
    },

    /**
     * A signed-in person changes their password: the current one and, when they have it set up, a second-factor
     * code. Wrong answers count towards the sign-in throttle. Every other session ends; this one stays.
     */
    async changePassword(session: { id: string; userId: string }, input: ChangePassword, ctx: RequestContext) {
      const user = await asSystem(db, (tx) => findUserById(tx, session.userId));
      if (!user) throw new AppError('UNAUTHENTICATED', msg('Sign in again'));
      await auth.refuseWhileWaiting(user.email, ctx);
      if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
        await auth.countFailedAttempt(user, ctx, 'change_password');
        throw new AppError('UNPROCESSABLE', msg('Your current password is not right'), {
          reason: 'BAD_CREDENTIALS',
          fields: { currentPassword: 'Enter your current password correctly' },
        });
      }
      if (user.totpEnabledAt) {
        const method = input.code?.trim() ? await twoFactor.useCode(user.id, input.code) : undefined;
        if (!method) {
          if (input.code?.trim()) await auth.countFailedAttempt(user, ctx, 'change_password_code');
          throw new AppError('UNPROCESSABLE', msg('The code is not correct'), {
            reason: 'BAD_CODE',
            fields: {
              code: input.code?.trim()
                ? 'The code is not correct – check your authenticator app, or enter a backup code'
                : 'Enter the 6-digit code from your authenticator app',
            },
          });
        }
      }
      if (input.newPassword === input.currentPassword)
        throw new AppError('UNPROCESSABLE', msg('Your new password must be different from your current one'), {
          reason: 'SAME_PASSWORD',
          fields: { newPassword: 'Your new password must be different from your current one' },
        });
      refuseWeak(input.newPassword, user, 'newPassword');
      const passwordHash = await hashPassword(input.newPassword);
      return asSystem(db, async (tx) => {
        await storePassword(tx, user, passwordHash);
        const ended = await deleteUserSessions(tx, user.id, session.id);
        await auditPerson(tx, { type: 'user', id: user.id, label: user.name, ...ctx }, user.id, 'auth.password_changed');
        return { otherSessionsEnded: ended };
      });
    },
  };
}
export type PasswordService = ReturnType<typeof createPasswordService>;
