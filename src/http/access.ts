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
  // A forgotten password: the single-use token in the address is the credential (features/auth/passwords.service.ts).
  'GET /forgot-password',
  'POST /forgot-password',
  'GET /reset-password/:token',
  'POST /reset-password/:token',
  'GET /api/v1/openapi.json',
  // A volunteer's private calendar feed: the unguessable token in the address is the credential.
  'GET /calendar/:token.ics',
  'GET /api/v1/public/:service/coverage',
  'POST /api/v1/public/:service/enquiries',
  'POST /api/v1/public/:service/referrals',
  'POST /api/v1/public/:service/volunteer-applications',
  // The public pages of each service (src/features/public).
  'GET /s/:service',
  'GET /s/:service/privacy',
  'GET /s/:service/coverage',
  'GET /s/:service/contact',
  'POST /s/:service/contact',
  'GET /s/:service/contact/sent',
  'GET /s/:service/volunteer',
  'POST /s/:service/volunteer',
  'GET /s/:service/volunteer/sent',
  'GET /s/:service/refer',
  'GET /s/:service/refer/help',
  'POST /s/:service/refer/help',
  'GET /s/:service/refer/your-role',
  'POST /s/:service/refer/your-role',
  'GET /s/:service/refer/what-happened',
  'POST /s/:service/refer/what-happened',
  'GET /s/:service/refer/send-decision',
  'POST /s/:service/refer/send-decision',
  'GET /s/:service/refer/about-you',
  'POST /s/:service/refer/about-you',
  'GET /s/:service/refer/people',
  'POST /s/:service/refer/people',
  'GET /s/:service/refer/people/add',
  'POST /s/:service/refer/people/add',
  'GET /s/:service/refer/people/:person',
  'POST /s/:service/refer/people/:person',
  'GET /s/:service/refer/what-is-happening',
  'POST /s/:service/refer/what-is-happening',
  'GET /s/:service/refer/what-would-help',
  'POST /s/:service/refer/what-would-help',
  'GET /s/:service/refer/safety',
  'POST /s/:service/refer/safety',
  'GET /s/:service/refer/contact',
  'POST /s/:service/refer/contact',
  'GET /s/:service/refer/needs',
  'POST /s/:service/refer/needs',
  'GET /s/:service/refer/consent',
  'POST /s/:service/refer/consent',
  'GET /s/:service/refer/check',
  'POST /s/:service/refer/check',
  'POST /s/:service/refer/people/:person/remove',
  'GET /s/:service/refer/urgent-help',
  'GET /s/:service/refer/send-area',
  'GET /s/:service/refer/confirmation',
  'GET /s/:service/professional-referral',
  'POST /s/:service/professional-referral',
  'GET /s/:service/professional-referral/:caseType',
  'GET /s/:service/professional-referral/:caseType/about-you',
  'POST /s/:service/professional-referral/:caseType/about-you',
  'GET /s/:service/professional-referral/:caseType/agreement',
  'POST /s/:service/professional-referral/:caseType/agreement',
  'GET /s/:service/professional-referral/:caseType/person',
  'POST /s/:service/professional-referral/:caseType/person',
  'GET /s/:service/professional-referral/:caseType/others',
  'POST /s/:service/professional-referral/:caseType/others',
  'GET /s/:service/professional-referral/:caseType/situation',
  'POST /s/:service/professional-referral/:caseType/situation',
  'GET /s/:service/professional-referral/:caseType/details',
  'POST /s/:service/professional-referral/:caseType/details',
  'GET /s/:service/professional-referral/:caseType/risks',
  'POST /s/:service/professional-referral/:caseType/risks',
  'GET /s/:service/professional-referral/:caseType/check',
  'POST /s/:service/professional-referral/:caseType/check',
  'GET /s/:service/professional-referral/confirmation',
  // Agreements (src/features/agreements): the public check of a signed PDF, and personal signing and copy links, where
  // the unguessable token in the address and a six-digit code sent to the party's address are the credential.
  'GET /s/:service/verify',
  'POST /s/:service/verify',
  'GET /s/:service/sign/:token',
  'POST /s/:service/sign/:token',
  'POST /s/:service/sign/:token/code',
  'POST /s/:service/sign/:token/confirm',
  'POST /s/:service/sign/:token/decline',
  'GET /s/:service/copy/:token',
  'POST /s/:service/copy/:token/code',
  'POST /s/:service/copy/:token/confirm',
  'GET /s/:service/copy/:token/pdf',
  // A party's check-in and feedback links: the single-use token in the address is the credential (features/closing).
  'GET /s/:service/check-in/:token',
  'POST /s/:service/check-in/:token',
  'GET /s/:service/feedback/:token',
  'POST /s/:service/feedback/:token',
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
export const NO_SERVICE_ROUTES = new Set([
  'GET /account',
  'POST /account/sign-out-everywhere',
  'GET /account/password',
  'POST /account/password',
  'GET /services',
  'POST /services/switch',
]);

/**
 * These act for the whole instance, not one service: they need a full session of an instance operator
 * (access/instance.ts), whether or not the person is a member of a service now. An API key is refused: it belongs
 * to one service.
 */
export const INSTANCE_ROUTES = new Set([
  'GET /instance/postcodes',
  'POST /instance/postcodes',
  'GET /api/v1/instance/postcodes',
  'POST /api/v1/instance/postcodes',
]);

export type Access = 'public' | 'partial' | 'person' | 'instance' | 'service';

export function accessFor(method: string, url: string): Access {
  // HEAD is GET without the body (Fastify adds one for every GET route): the same rule applies.
  const key = `${method === 'HEAD' ? 'GET' : method} ${url}`;
  if (PUBLIC_ROUTES.has(key)) return 'public';
  if (PARTIAL_SESSION_ROUTES.has(key)) return 'partial';
  if (NO_SERVICE_ROUTES.has(key)) return 'person';
  if (INSTANCE_ROUTES.has(key)) return 'instance';
  return 'service';
}

/**
 * The service routes a commissioner may use: the service's aggregate reports, never a record. Everything else that
 * needs a service is refused for them (http/request-actor.ts); their own account pages stay theirs.
 */
export const COMMISSIONER_ROUTES = new Set([
  'GET /reports',
  'GET /reports/:report',
  'GET /reports/:report/csv',
  'GET /reports/:report/xlsx',
  'GET /reports/:report/print',
  'POST /reports/:report/exports',
  'GET /reports/exports/:exportId',
  'GET /reports/exports/:exportId/file',
  'GET /api/v1/reports',
  'GET /api/v1/reports/:report',
  'POST /api/v1/reports/:report/exports',
  'GET /api/v1/reports/exports/:exportId',
  'GET /api/v1/reports/exports/:exportId/file',
  'GET /api/v1/me',
]);

export function commissionerMay(method: string, url: string): boolean {
  if (accessFor(method, url) !== 'service') return true;
  return COMMISSIONER_ROUTES.has(`${method === 'HEAD' ? 'GET' : method} ${url}`);
}
