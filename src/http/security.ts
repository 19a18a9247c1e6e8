// Security headers with a strict Content-Security-Policy (nonce, no inline script), cookies, CSRF on every form.
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { FORM_BODY_LIMIT } from './errors.ts';
import { SESSION_COOKIE, isApiRequest } from './request-actor.ts';
import { registerSecurityHeaders } from './security-headers.ts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Forms always; the API only when it rides on a browser's session cookie (a bearer key cannot be forged by a page). */
export function needsCsrfCheck(req: FastifyRequest): boolean {
  if (!UNSAFE.has(req.method)) return false;
  if (!isApiRequest(req)) return true;
  return !req.headers.authorization && Boolean(req.cookies[SESSION_COOKIE]);
}

export async function registerSecurity(app: FastifyInstance, opts: { secret: string; secureCookies: boolean; https: boolean }) {
  await app.register(fastifyCookie, { secret: opts.secret });
  await app.register(fastifyFormbody, { bodyLimit: FORM_BODY_LIMIT });
  registerSecurityHeaders(app, { https: opts.https });
  await app.register(fastifyCsrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'parley_csrf',
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', secure: opts.secureCookies, signed: true },
  });
  await app.register(fastifyRateLimit, { global: false });
  app.addHook('preHandler', (req, reply, done) => {
    if (!needsCsrfCheck(req)) return done();
    app.csrfProtection(req, reply, done);
  });
}
