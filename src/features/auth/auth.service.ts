// Signing in and out, sessions with idle and absolute time-outs, switching service.
import type { Db } from '#src/db/client.ts';
import { asSystem } from '#src/db/tenant.ts';
import { AppError } from '#src/lib/app-error.ts';
import type { Clock } from '#src/lib/clock.ts';
import { verifyPassword } from '#src/lib/passwords.ts';
import { hashToken, newToken } from '#src/lib/tokens.ts';
import type { Audit } from '#src/features/audit/audit.service.ts';
import type { Actor } from './actor.ts';
import { roleNeedsTwoFactor } from './two-factor-policy.ts';
import { waitAfterFailure } from './throttle.ts';
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
import { findUserByEmail, findUserById, listActiveMemberships, recordFailure, updateUser } from './users.repo.ts';

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

  function lockedMessage(until: Date) {
    const time = until.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });
    return `Too many failed attempts. Try again after ${time}, or ask an admin of your service to reset your sign-in.`;
  }

  async function failSignIn(tx: Db, user: { id: string; failedSignIns: number }, ctx: RequestContext, step: string) {
    const now = clock.now();
    const wait = waitAfterFailure(user.failedSignIns + 1);
    const lockedUntil = wait ? new Date(now.getTime() + wait * 1000) : null;
    await recordFailure(tx, user.id, lockedUntil);
    await auditAcrossOrgs(tx, { type: 'anonymous', ...ctx }, user.id, 'auth.sign_in_failed', { step });
    return lockedUntil;
  }

  return {
    async signInWithPassword(email: string, password: string, ctx: RequestContext) {
      const user = await asSystem(db, (tx) => findUserByEmail(tx, email));
      const now = clock.now();
      if (user?.lockedUntil && user.lockedUntil > now) throw new AppError('RATE_LIMITED', lockedMessage(user.lockedUntil), { reason: 'ACCOUNT_LOCKED' });
      const ok = await verifyPassword(password, user?.passwordHash);
      if (!user || !ok) {
        const lockedUntil = await asSystem(db, async (tx) => {
          if (user) return failSignIn(tx, user, ctx, 'password');
          await audit.record(tx, { type: 'anonymous', ...ctx }, null, { action: 'auth.sign_in_failed', detail: { step: 'password', reason: 'unknown_email' } });
          return null;
        });
        if (lockedUntil) throw new AppError('RATE_LIMITED', lockedMessage(lockedUntil), { reason: 'ACCOUNT_LOCKED' });
        throw new AppError('UNAUTHENTICATED', BAD_CREDENTIALS, { reason: 'BAD_CREDENTIALS' });
      }
      return asSystem(db, async (tx) => {
        const org = await pickOrg(tx, user.id, user.lastOrgId);
        const hasTotp = user.totpEnabledAt !== null;
        const memberships = await listActiveMemberships(tx, user.id);
        const mustEnrol = !hasTotp && memberships.some((m) => roleNeedsTwoFactor(m.role, m.settings));
        const stage: SessionStage = hasTotp ? 'password' : mustEnrol ? 'enrol' : 'full';
        const token = newToken();
        await insertSession(tx, { id: hashToken(token), userId: user.id, orgId: org?.orgId ?? null, stage, at: now, ip: ctx.ip ?? null });
        if (stage === 'full') {
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

    /** Marks a session fully signed in after its second factor (or enrolment), resetting failures. */
    async completeSignIn(sessionId: string, userId: string, ctx: RequestContext, method: string) {
      await asSystem(db, async (tx) => {
        const user = await findUserById(tx, userId);
        if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in again');
        const org = await pickOrg(tx, userId, user.lastOrgId);
        await updateSession(tx, sessionId, { stage: 'full', orgId: org?.orgId ?? null });
        await updateUser(tx, userId, { failedSignIns: 0, lockedUntil: null, lastOrgId: org?.orgId ?? null });
        await audit.record(tx, { type: 'user', id: userId, label: user.name, ...ctx }, org?.orgId ?? null, {
          action: 'auth.signed_in',
          entityType: 'user',
          entityId: userId,
          detail: { method },
        });
      });
    },

    failSecondFactor(user: { id: string; failedSignIns: number }, ctx: RequestContext) {
      return asSystem(db, (tx) => failSignIn(tx, user, ctx, 'second_factor'));
    },

    lockedMessage,

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
        if (!target) throw new AppError('FORBIDDEN', 'You are not a member of that service', { reason: 'NOT_A_MEMBER' });
        await updateSession(tx, session.id, { orgId });
        await updateUser(tx, session.userId, { lastOrgId: orgId });
        await audit.record(tx, actor, orgId, { action: 'auth.switched_service', entityType: 'user', entityId: session.userId });
        return target;
      });
    },

    listMyServices(userId: string) {
      return asSystem(db, (tx) => listActiveMemberships(tx, userId));
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
