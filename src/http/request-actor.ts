// Works out who is asking (session cookie or API key), then applies the route's access rule from access.ts.
import { msg } from '#src/i18n/i18n.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '#src/lib/app-error.ts';
import type { OrgActor } from '#src/access/actor.ts';
import { isRole } from '#src/access/actor.ts';
import type { AuthService } from '#src/features/auth/auth.service.ts';
import type { ApiKeyService } from '#src/features/apikeys/apikeys.service.ts';
import type { SessionView } from '#src/features/auth/accounts.ts';
import { authorise, type Permission } from '#src/access/permissions.ts';
import { roleNeedsTwoFactor } from '#src/features/auth/two-factor-policy.ts';
import { accessFor, commissionerMay } from './access.ts';
import { authoriseOperator, type InstanceActor } from '#src/access/instance.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The role permission a route needs, checked as soon as the caller is known: before the body is read or
     * validated, so someone without it is told so (403), not shown what is wrong with the form they may not send. */
    permission?: Permission;
  }
  interface FastifyRequest {
    actor: OrgActor | undefined;
    session: SessionView | undefined;
    sessionToken: string | undefined;
  }
}

export const isApiRequest = (req: FastifyRequest) => req.url.startsWith('/api/');

function actorFromSession(s: SessionView, req: FastifyRequest): OrgActor | undefined {
  if (s.stage !== 'full' || !s.orgId || s.membershipStatus !== 'active' || !isRole(s.role) || !s.orgSlug || !s.orgName) return undefined;
  return {
    type: 'user',
    id: s.userId,
    label: s.userName,
    orgId: s.orgId,
    orgSlug: s.orgSlug,
    orgName: s.orgName,
    role: s.role,
    ip: req.ip,
    requestId: req.id,
    operator: s.instanceOperator,
  };
}

/** The signed-in person acting for the whole instance (an instance route has already checked they are an operator). */
export function instanceActorOf(req: FastifyRequest): InstanceActor {
  const s = req.session;
  if (s?.stage !== 'full') throw new AppError('UNAUTHENTICATED', msg('Sign in, or send an API key'), { reason: 'SIGN_IN_REQUIRED' });
  return { type: 'user', id: s.userId, label: s.userName, operator: s.instanceOperator, ip: req.ip, requestId: req.id };
}

export function registerRequestActor(app: FastifyInstance, deps: { auth: AuthService; apiKeys: ApiKeyService }) {
  app.decorateRequest('actor', undefined);
  app.decorateRequest('session', undefined);
  app.decorateRequest('sessionToken', undefined);

  app.addHook('onRequest', async (req, reply) => {
    const header = req.headers.authorization;
    if (header && isApiRequest(req)) {
      const [scheme, key] = header.split(' ');
      if (scheme?.toLowerCase() !== 'bearer' || !key)
        throw new AppError('UNAUTHENTICATED', msg('Send the API key as: Authorization: Bearer <key>'), { reason: 'BAD_AUTH_HEADER' });
      req.actor = await deps.apiKeys.authenticate(key, { ip: req.ip, requestId: req.id });
      if (!req.actor) throw new AppError('UNAUTHENTICATED', msg('That API key is not valid or has been revoked'), { reason: 'BAD_API_KEY' });
    } else {
      const token = req.cookies[req.server.cookieNames.session];
      if (token) {
        req.session = await deps.auth.resolveSession(token);
        if (req.session) {
          req.sessionToken = token;
          req.actor = actorFromSession(req.session, req);
        } else clearSessionCookie(reply);
      }
    }
    await enforceAccess(req, reply);
    // Acting for the whole instance: an operator's session, checked before the body (an upload) is read.
    if (!reply.sent && accessFor(req.method, req.routeOptions.url ?? '') === 'instance')
      authoriseOperator(req.actor?.type === 'api_key' ? req.actor : req.session && { type: 'user', operator: req.session.instanceOperator });
    if (!reply.sent && req.actor?.role === 'commissioner') commissionerOnly(req, reply);
    const permission = req.routeOptions.config.permission;
    if (permission && req.actor && !reply.sent) authorise(req.actor, permission);
  });
}

/** A commissioner sees the service's reports and nothing else: the staff home sends them there. */
function commissionerOnly(req: FastifyRequest, reply: FastifyReply) {
  const url = req.routeOptions.url ?? '';
  if (commissionerMay(req.method, url)) return;
  if (url === '/home' && isRead(req) && !isApiRequest(req)) return reply.redirect('/reports', 303);
  throw new AppError('FORBIDDEN', msg('A commissioner sees only the service’s reports'), { reason: 'COMMISSIONER_REPORTS_ONLY' });
}

/** A request that only reads a page: GET, or HEAD (GET without the body). */
const isRead = (req: FastifyRequest) => req.method === 'GET' || req.method === 'HEAD';

async function enforceAccess(req: FastifyRequest, reply: FastifyReply) {
  const access = accessFor(req.method, req.routeOptions.url ?? '');
  if (access === 'public' || !req.routeOptions.url) return;
  if (req.actor?.type === 'api_key') {
    if ((access === 'service' || access === 'instance') && isApiRequest(req)) return; // an instance route then refuses the key, saying why
    throw new AppError('FORBIDDEN', msg('API keys can only be used with the API'), { reason: 'API_KEY_NOT_ALLOWED' });
  }
  const s = req.session;
  if (!s) {
    if (isApiRequest(req) || !isRead(req)) throw new AppError('UNAUTHENTICATED', msg('Sign in, or send an API key'), { reason: 'SIGN_IN_REQUIRED' });
    return reply.redirect(`/sign-in?next=${encodeURIComponent(req.url)}`, 303);
  }
  if (access === 'partial') return;
  if (s.stage !== 'full') {
    if (isApiRequest(req)) throw new AppError('UNAUTHENTICATED', msg('Finish signing in first'), { reason: 'SIGN_IN_INCOMPLETE' });
    return reply.redirect(s.stage === 'password' ? '/sign-in/code' : '/account/two-factor', 303);
  }
  if (!s.hasTotp && roleNeedsTwoFactor(s.role, s.orgSettings) && !isApiRequest(req)) return reply.redirect('/account/two-factor', 303);
  if (access === 'person' || access === 'instance') return;
  if (!req.actor) {
    if (!isApiRequest(req) && isRead(req)) return reply.redirect('/services', 303);
    throw new AppError('FORBIDDEN', msg('You are not an active member of any service. Ask an admin to invite you.'), { reason: 'NO_SERVICE' });
  }
}

/** Sets the session cookie; a page rendered in this same response binds its CSRF token to the new session. */
export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean) {
  const names = reply.server.cookieNames;
  reply.setCookie(names.session, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: secure || names.hostPrefixed });
  reply.request.sessionToken = token;
}

export function clearSessionCookie(reply: FastifyReply) {
  const names = reply.server.cookieNames;
  reply.clearCookie(names.session, names.hostPrefixed ? { path: '/', secure: true, httpOnly: true, sameSite: 'lax' } : { path: '/' });
  reply.request.sessionToken = undefined;
}
