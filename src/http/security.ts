// Security headers with a strict Content-Security-Policy (nonce, no inline script), cookies, CSRF on every form.
// A CSRF token is bound to the session it was made for (getUserInfo), so a token from one session is refused in another.
import { createHmac, createSecretKey } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyRateLimit, { type FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type CookieNames, cookieNamesFor } from './cookie-names.ts';
import { FORM_BODY_LIMIT } from './errors.ts';
import { isApiRequest } from './request-actor.ts';
import { registerSecurityHeaders } from './security-headers.ts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyInstance {
    cookieNames: CookieNames;
  }
}

/** What a CSRF token is bound to: this browser's session (as checked by request-actor.ts), or none before sign-in. */
export const csrfUserInfo = (req: FastifyRequest): string => (req.sessionToken ? `session ${req.sessionToken}` : 'no session');

/** Forms always; the API only when it rides on a browser's session cookie (a bearer key cannot be forged by a page). */
export function needsCsrfCheck(req: FastifyRequest): boolean {
  if (!UNSAFE.has(req.method)) return false;
  if (!isApiRequest(req)) return true;
  return !req.headers.authorization && Boolean(req.cookies[req.server.cookieNames.session]);
}

export type SecurityOptions = {
  secret: string;
  secureCookies: boolean;
  https: boolean;
  /** The instance's base URL: over https the cookies get `__Host-` names (cookie-names.ts). */
  baseUrl: string;
  /** Where rate-limit counts are kept: shared by every process on PostgreSQL (rate-limit-store.ts); in memory when unset. */
  rateLimitStore?: FastifyRateLimitStoreCtor | undefined;
};

export async function registerSecurity(app: FastifyInstance, opts: SecurityOptions) {
  const names = cookieNamesFor(opts.baseUrl);
  app.decorate('cookieNames', names);
  await app.register(fastifyCookie, { secret: opts.secret });
  await app.register(fastifyFormbody, { bodyLimit: FORM_BODY_LIMIT });
  registerSecurityHeaders(app, { https: opts.https });
  await app.register(fastifyCsrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: names.csrf,
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', secure: opts.secureCookies || names.hostPrefixed, signed: true },
    getUserInfo: csrfUserInfo,
    // A KeyObject, made once: @fastify/csrf hands hmacKey to Node's createHmac, which takes one as documented and, given
    // bytes instead, makes a key from them on every call (about 11 µs of every page). Its types leave KeyObject out.
    csrfOpts: { hmacKey: createSecretKey(createHmac('sha256', opts.secret).update('csrf tokens').digest()) as unknown as Buffer },
  });
  await app.register(fastifyRateLimit, opts.rateLimitStore ? { global: false, store: opts.rateLimitStore } : { global: false });
  app.addHook('preHandler', (req, reply, done) => {
    if (!needsCsrfCheck(req)) return done();
    app.csrfProtection(req, reply, done);
  });
}
