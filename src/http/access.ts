// Everything is authenticated by default. The routes below are the only exceptions, listed in one place;
// a test walks every registered route and proves that all the others refuse strangers.

/** Anyone may call these. */
export const PUBLIC_ROUTES = new Set([
  'GET /',
  'GET /healthz',
  'GET /readyz',
  'GET /assets/:kind/:file',
  'GET /assets/images/*',
  'HEAD /assets/images/*',
  'GET /assets/manifest/*',
  'HEAD /assets/manifest/*',
  'GET /accessibility',
  'GET /privacy',
  'GET /setup',
  'POST /setup',
  'GET /sign-in',
  'POST /sign-in',
  'GET /invitations/:token',
  'POST /invitations/:token',
  'GET /api/v1/openapi.json',
  'GET /api/v1/public/:service/coverage',
  'POST /api/v1/public/:service/enquiries',
  'POST /api/v1/public/:service/referrals',
  'POST /api/v1/public/:service/volunteer-applications',
]);

/** These need a session, but one still part-way through signing in is enough (second factor, enrolment). */
export const PARTIAL_SESSION_ROUTES = new Set([
  'GET /sign-in/code',
  'POST /sign-in/code',
  'GET /account/two-factor',
  'POST /account/two-factor',
  'POST /sign-out',
]);

/** These need a full session but no current service (a person whose memberships have all ended). */
export const NO_SERVICE_ROUTES = new Set(['GET /account', 'POST /account/sign-out-everywhere', 'GET /services', 'POST /services/switch']);

export type Access = 'public' | 'partial' | 'person' | 'service';

export function accessFor(method: string, url: string): Access {
  const key = `${method} ${url}`;
  if (PUBLIC_ROUTES.has(key)) return 'public';
  if (PARTIAL_SESSION_ROUTES.has(key)) return 'partial';
  if (NO_SERVICE_ROUTES.has(key)) return 'person';
  return 'service';
}
