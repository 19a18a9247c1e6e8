// Security headers on every response, built once: a strict Content-Security-Policy (no inline allowance), and on
// HTML pages a fresh script nonce for GOV.UK Frontend's one inline script. Helmet itself makes the headers; it is
// applied directly rather than through @fastify/helmet, which rebuilt Helmet (parsing every directive) and drew
// two random nonces on every request, JSON answers included.
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import helmet from 'helmet';

const NONCE = Symbol('parley.cspNonce');
type WithNonce = ServerResponse & { [NONCE]?: string };

function directives(https: boolean) {
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    baseUri: ["'self'"],
    objectSrc: ["'none'"],
    ...(https ? { upgradeInsecureRequests: [] } : {}),
  };
}

const noop = () => {};

const everyResponseOf = new WeakMap<FastifyInstance, ReturnType<typeof helmet>>();

/** The headers every response carries, for an answer sent before any hook ran (a malformed address). */
export function securityHeadersFor(req: FastifyRequest, reply: FastifyReply) {
  everyResponseOf.get(req.server)?.(req.raw, reply.raw, noop);
}

export function registerSecurityHeaders(app: FastifyInstance, opts: { https: boolean }) {
  const base = directives(opts.https);
  const everyResponse = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: base },
    strictTransportSecurity: opts.https ? { maxAge: 31536000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'same-origin' },
  });
  const pagePolicy = helmet.contentSecurityPolicy({
    useDefaults: false,
    directives: { ...base, scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as WithNonce)[NONCE]}'`] },
  });
  everyResponseOf.set(app, everyResponse);
  app.addHook('onRequest', (req, reply, done) => everyResponse(req.raw, reply.raw, () => done()));
  app.decorateReply('cspNonce', function cspNonce(this: FastifyReply) {
    const res = this.raw as WithNonce;
    if (!res[NONCE]) {
      res[NONCE] = randomBytes(16).toString('hex');
      pagePolicy(this.request.raw, res, noop);
    }
    return res[NONCE];
  });
}

declare module 'fastify' {
  interface FastifyReply {
    /** This page's script nonce, added to its Content-Security-Policy the first time it is asked for. */
    cspNonce(): string;
  }
}
