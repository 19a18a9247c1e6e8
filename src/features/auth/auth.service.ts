// Signing in and out, sessions with idle and absolute time-outs, switching service.
import { type Locale, localeOr, msg } from '#src/i18n/i18n.ts';
import type { Db } from '#src/db/client.ts';
import { asSystem } from '#src/db/tenant.ts';
import { AppError } from '#src/lib/app-error.ts';
import type { Clock } from '#src/lib/clock.ts';
import { hashPassword, needsRehash, verifyPassword } from '#src/lib/passwords.ts';
import { hashToken, newToken } from '#src/lib/tokens.ts';
import type { Audit } from '#src/features/audit/audit.service.ts';
import type { Actor } from '#src/access/actor.ts';
import { roleNeedsTwoFactor } from './two-factor-policy.ts';
import { queueSignInAttemptsMail } from './account-mail.ts';
import { clearAccountThrottle, countFailedAttempt, refuseWhileWaiting, throttleKeys } from './sign-in-throttle.ts';
import {
  deleteSession,
  deleteUserSessions,
  findSessionView,
  insertSession,
  type SessionStage,
  type SessionView,
  touchSession,
  updateSession,
} from './sessions.repo.ts';
import { findUserByEmail, findUserById, listActiveMemberships, updateUser } from './users.repo.ts';

export type AuthDeps = { db: Db; clock: Clock; audit: Audit; idleMinutes: number; sessionHours: number };
export type RequestContext = { ip?: string; requestId?: string };

const PENDING_STAGE_MINUTES = 10;
const TOUCH_EVERY_MS = 60_000;

export const BAD_CREDENTIALS = 'Enter a correct email address and password';

export function createAuthService(deps: AuthDeps) {
  const { db, clock, audit } = deps;

  async function auditAcrossOrgs(tx: Db, actor: Actor, userId: string | undefined, action: string, detail = {}) {
    const orgs = userId ? await listActiveMemberships(tx, userId) : [];
    if (orgs.length === 0) return audit.record(tx, actor, null, { action, entityType: 'user', entityId: userId, detail });
    for (const org of orgs) await audit.record(tx, actor, org.orgId, { action, entityType: 'user', entityId: userId, detail });
  }

  /** Picks the service a new session opens in: the last one used, if the person is still a member. */
  async function pickOrg(tx: Db, userId: string, lastOrgId: string | null) {
    const orgs = await listActiveMemberships(tx, userId);
    return orgs.find((o) => o.orgId === lastOrgId) ?? orgs[0];
  }

  /** Counts a failure against the account and the address; tells the owner when the account starts to wait. */
  async function failSignIn(tx: Db, email: string, user: { id: string; email: string; name: string } | undefined, ctx: RequestContext, step: string) {
    const now = clock.now();
    const { accountFailures, accountWaitUntil, accountWaitStarted } = await countFailedAttempt(tx, throttleKeys(email, ctx.ip), now);
    const anonymous = { type: 'anonymous' as const, ...ctx };
    if (!user) return audit.record(tx, anonymous, null, { action: 'auth.sign_in_failed', detail: { step, reason: 'unknown_email' } });
    await auditAcrossOrgs(tx, anonymous, user.id, 'auth.sign_in_failed', { step });
    // Shown to the service's admins ("Sign-in paused") until the wait is over.
    await updateUser(tx, user.id, { failedSignIns: accountFailures, lockedUntil: accountWaitUntil ?? null });
    if (accountWaitStarted) {
      await queueSignInAttemptsMail(tx, user, accountFailures, now);
      await auditAcrossOrgs(tx, anonymous, user.id, 'auth.sign_in_throttled', { failures: accountFailures });
    }
  }

  /** A fresh session token; a session that finished its second factor gets a new one and the old is deleted. */
  async function openSession(tx: Db, userId: string, orgId: string | null, stage: SessionStage, ctx: RequestContext) {
    const token = newToken();
    await insertSession(tx, { id: hashToken(token), userId, orgId, stage, at: clock.now(), ip: ctx.ip ?? null });
    return token;
  }

  return {
    async signInWithPassword(email: string, password: string, ctx: RequestContext) {
      const keys = throttleKeys(email, ctx.ip);
      await asSystem(db, (tx) => refuseWhileWaiting(tx, keys, clock.now()));
      const user = await asSystem(db, (tx) => findUserByEmail(tx, email));
      const ok = await verifyPassword(password, user?.passwordHash); // an unknown address costs the same hash
      if (!user || !ok) {
        await asSystem(db, (tx) => failSignIn(tx, email, user, ctx, 'password'));
        throw new AppError('UNAUTHENTICATED', BAD_CREDENTIALS, { reason: 'BAD_CREDENTIALS' });
      }
      // The cost of new hashes has risen since this one was made: store one at today's cost.
      const rehashed = user.passwordHash && needsRehash(user.passwordHash) ? await hashPassword(password) : undefined;
      return asSystem(db, async (tx) => {
        if (rehashed) {
          await updateUser(tx, user.id, { passwordHash: rehashed });
          await auditAcrossOrgs(tx, { type: 'user', id: user.id, label: user.name, ...ctx }, user.id, 'auth.password_rehashed');
        }
        const org = await pickOrg(tx, user.id, user.lastOrgId);
        const hasTotp = user.totpEnabledAt !== null;
        const memberships = await listActiveMemberships(tx, user.id);
        const mustEnrol = !hasTotp && memberships.some((m) => roleNeedsTwoFactor(m.role, m.settings));
        const stage: SessionStage = hasTotp ? 'password' : mustEnrol ? 'enrol' : 'full';
        const token = await openSession(tx, user.id, org?.orgId ?? null, stage, ctx);
        if (stage === 'full') {
          await clearAccountThrottle(tx, user.email);
          await updateUser(tx, user.id, { failedSignIns: 0, lockedUntil: null, lastOrgId: org?.orgId ?? null });
          await audit.record(tx, { type: 'user', id: user.id, label: user.name, ...ctx }, org?.orgId ?? null, {
            action: 'auth.signed_in',
            entityType: 'user',
            entityId: user.id,
          });
        }
        return { token, stage };
      });
    },

    /**
     * Marks a sign-in complete after its second factor (or enrolment): the half-signed-in session is replaced by a
     * new one with a new token (so a token seen before the second factor is worth nothing), and failures are cleared.
     * Returns the new token for the cookie.
     */
    async completeSignIn(sessionId: string, userId: string, ctx: RequestContext, method: string) {
      return asSystem(db, async (tx) => {
        const user = await findUserById(tx, userId);
        if (!user) throw new AppError('UNAUTHENTICATED', msg('Sign in again'));
        const org = await pickOrg(tx, userId, user.lastOrgId);
        await deleteSession(tx, sessionId);
        const token = await openSession(tx, userId, org?.orgId ?? null, 'full', ctx);
        await clearAccountThrottle(tx, user.email);
        await updateUser(tx, userId, { failedSignIns: 0, lockedUntil: null, lastOrgId: org?.orgId ?? null });
        await audit.record(tx, { type: 'user', id: userId, label: user.name, ...ctx }, org?.orgId ?? null, {
          action: 'auth.signed_in',
          entityType: 'user',
          entityId: userId,
          detail: { method },
        });
        return token;
      });
    },

    /** Refuses while a wait earned by the account or the address is running. */
    async refuseWhileWaiting(email: string, ctx: RequestContext) {
      await asSystem(db, (tx) => refuseWhileWaiting(tx, throttleKeys(email, ctx.ip), clock.now()));
    },

    countFailedAttempt(user: { id: string; email: string; name: string }, ctx: RequestContext, step = 'second_factor') {
      return asSystem(db, (tx) => failSignIn(tx, user.email, user, ctx, step));
    },

    /** The live session for a cookie value, or undefined when missing or timed out (then it is removed). */
    async resolveSession(token: string): Promise<SessionView | undefined> {
      const id = hashToken(token);
      const view = await findSessionView(db, id);
      if (!view) return undefined;
      const now = clock.now().getTime();
      const idleLimit = (view.stage === 'full' ? deps.idleMinutes : PENDING_STAGE_MINUTES) * 60_000;
      const expired = now - view.lastSeenAt.getTime() > idleLimit || now - view.createdAt.getTime() > deps.sessionHours * 3_600_000;
      if (expired) {
        await deleteSession(db, id);
        return undefined;
      }
      if (now - view.lastSeenAt.getTime() > TOUCH_EVERY_MS) await touchSession(db, id, clock.now());
      return view;
    },

    async signOut(token: string) {
      await deleteSession(db, hashToken(token));
    },

    async signOutEverywhere(actor: Actor & { id: string }, orgId: string | null) {
      return asSystem(db, async (tx) => {
        const n = await deleteUserSessions(tx, actor.id);
        await audit.record(tx, actor, orgId, { action: 'auth.signed_out_everywhere', entityType: 'user', entityId: actor.id, detail: { sessions: n } });
        return n;
      });
    },

    async switchOrg(session: SessionView, orgId: string, actor: Actor) {
      return asSystem(db, async (tx) => {
        const orgs = await listActiveMemberships(tx, session.userId);
        const target = orgs.find((o) => o.orgId === orgId);
        if (!target) throw new AppError('FORBIDDEN', msg('You are not a member of that service'), { reason: 'NOT_A_MEMBER' });
        await updateSession(tx, session.id, { orgId });
        await updateUser(tx, session.userId, { lastOrgId: orgId });
        await audit.record(tx, actor, orgId, { action: 'auth.switched_service', entityType: 'user', entityId: session.userId });
        return target;
      });
    },

    listMyServices(userId: string) {
      return asSystem(db, (tx) => listActiveMemberships(tx, userId));
    },

    /** The language Parley writes to the signed-in person in (en or cy). */
    async myLanguage(userId: string): Promise<Locale> {
      return localeOr((await asSystem(db, (tx) => findUserById(tx, userId)))?.preferredLanguage);
    },

    /** Sets the person's own preferred language, audited in the service they are signed in to. */
    async setMyLanguage(actor: Actor & { id: string }, orgId: string | null, language: Locale) {
      return asSystem(db, async (tx) => {
        await updateUser(tx, actor.id, { preferredLanguage: language });
        await audit.record(tx, actor, orgId, { action: 'account.language_changed', entityType: 'user', entityId: actor.id, detail: { language } });
      });
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
