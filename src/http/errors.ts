// One error handler: AppError codes to HTTP; API gets { error: {...} }, pages get the error page in the layout.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { localeOr, msg, translator } from '#src/i18n/i18n.ts';
import { AppError, type FieldErrors } from '#src/lib/app-error.ts';
import { withInputProblems } from './edge-input.ts';
import { isApiRequest } from './request-actor.ts';
import { securityHeadersFor } from './security-headers.ts';
import { keepValues } from './forms.ts';
import { serviceChrome } from './public-page.ts';
import { errorList } from './views.ts';

type ValidationIssue = { instancePath?: string; message?: string; params?: { issue?: { path?: (string | number)[] } } };

/** The body limit of a request: HTML forms have their own (http/security.ts), everything else the route's. */
export const FORM_BODY_LIMIT = 256 * 1024;

function bodyLimitOf(req: FastifyRequest): number {
  if (String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) return FORM_BODY_LIMIT;
  return req.routeOptions.bodyLimit ?? 1024 * 1024;
}

const sizeInWords = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`);

/**
 * The database refuses a reference between a service's rows that does not hold (same-service keys, migration 0017),
 * which a service's own check should have said in words first: a 409, not a 500, when one did not.
 */
const FOREIGN_KEY_VIOLATION = '23503';
function sqlStateOf(err: unknown): string | undefined {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++)
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  return undefined;
}

function fromFrameworkError(err: FastifyError & { validation?: ValidationIssue[] }, limit: number): AppError {
  if (err.validation) {
    const fields: FieldErrors = {};
    for (const issue of err.validation) {
      const path = issue.params?.issue?.path?.join('.') || issue.instancePath?.replace(/^\//, '').replace(/\//g, '.') || '_';
      fields[path] ??= issue.message ?? msg('is not valid');
    }
    return new AppError('UNPROCESSABLE', msg('The request is not valid: see fields'), { reason: 'VALIDATION_FAILED', fields });
  }
  if (err.code?.startsWith('FST_CSRF'))
    return new AppError('FORBIDDEN', msg('This form has expired or was not sent from Parley. Go back, reload the page and try again.'), {
      reason: 'CSRF_FAILED',
    });
  if (err.statusCode === 429) return new AppError('RATE_LIMITED', msg('Too many requests. Wait a minute and try again.'), { reason: 'RATE_LIMITED' });
  if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || err.statusCode === 415)
    return new AppError('BAD_REQUEST', msg('Send the body as JSON (Content-Type: application/json)'), { reason: 'UNSUPPORTED_MEDIA_TYPE' });
  if (err.statusCode === 413)
    return new AppError('PAYLOAD_TOO_LARGE', msg('The request body is too large: the limit is {limit}'), {
      reason: 'BODY_TOO_LARGE',
      params: { limit: sizeInWords(limit) },
    });
  if (err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY')
    return new AppError('BAD_REQUEST', msg('The body is empty: send a JSON object, or no Content-Type header'), { reason: 'EMPTY_JSON_BODY' });
  if (err.code === 'FST_ERR_BAD_URL')
    return new AppError('BAD_REQUEST', msg('The web address has a malformed percent-encoding (a % not followed by two hexadecimal digits of UTF-8)'), {
      reason: 'BAD_URL',
    });
  if (sqlStateOf(err) === FOREIGN_KEY_VIOLATION)
    return new AppError('CONFLICT', msg('That refers to a record that is not part of this service, or is still used by other records'), {
      reason: 'REFERENCE_REFUSED',
    });
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500)
    return new AppError('BAD_REQUEST', msg('The request could not be read: check its format'), { reason: err.code ?? 'BAD_REQUEST' });
  return new AppError('INTERNAL', msg('Something went wrong on our side. It has been logged.'));
}

const HEADINGS: Record<number, string> = {
  400: msg('There is a problem with the request'),
  401: msg('You need to sign in'),
  403: msg('You cannot do that'),
  404: msg('Page not found'),
  409: msg('That cannot be done now'),
  413: msg('What was sent is too large'),
  422: msg('There is a problem with what was entered'),
  429: msg('Too many attempts'),
  500: msg('Sorry, there is a problem with the service'),
};

/** A form's answers as typed, for showing back: text only, never passwords or the form token. */
function typedAnswers(body: unknown): { key: { text: string }; value: { text: string } }[] {
  return Object.entries(keepValues(body, ['password', 'currentPassword', 'newPassword', '_csrf', 'code']))
    .filter(([, v]) => v.trim() !== '')
    .map(([k, v]) => ({ key: { text: k }, value: { text: v.replaceAll('\u0000', '\uFFFD').toWellFormed() } }));
}

/** The service a public address belongs to (`/s/{service}/…`), for its error pages to carry its name; set at start. */
type ServiceOf = (slug: string) => Promise<{ name: string; slug: string } | undefined>;
declare module 'fastify' {
  interface FastifyInstance {
    /** The service a public address names, for error pages (registerErrorHandling). */
    publicServiceOf: ServiceOf | undefined;
  }
}
const PUBLIC_ADDRESS = /^\/s\/([a-z0-9][a-z0-9-]{0,62})(?:[/?]|$)/;

/** The page chrome of the service whose public address this is, when there is one (never an error of its own). */
async function publicChromeOf(req: FastifyRequest) {
  const slug = PUBLIC_ADDRESS.exec(req.url)?.[1];
  const serviceOf = req.server.publicServiceOf;
  if (!slug || !serviceOf) return {};
  const service = await serviceOf(slug).catch(() => undefined);
  return service ? serviceChrome(service) : {};
}

export async function sendError(req: FastifyRequest, reply: FastifyReply, error: AppError) {
  const status = error.status;
  // The message and field messages in the request's language (English exactly as written when untranslated).
  // (Before routing, as for a malformed address, the request carries no locale yet: English.)
  const locale = localeOr(req.locale);
  const message = error.messageIn(locale);
  const fields = error.fieldsIn(locale);
  if (isApiRequest(req)) {
    return reply
      .status(status)
      .type('application/json')
      .send({
        error: { code: error.code, reason: error.reason ?? null, message, fields: fields ?? {}, requestId: req.id },
      });
  }
  const t = translator(locale);
  const refusedAtEdge = error.reason === 'UNSTORABLE_CHARACTER' || error.reason === 'NOT_A_REAL_DATE';
  const heading = t(HEADINGS[status] ?? msg('Error'));
  const lines =
    error.message === 'Page not found'
      ? [t('If you typed the web address, check it is correct.'), t('If you pasted the web address, check you copied the entire address.')]
      : refusedAtEdge
        ? [t('Nothing was saved. Go back to the form, change the answers listed above and send it again.')]
        : [message];
  return reply.status(status).page('error.njk', {
    // A service's public pages keep its name and links when something goes wrong (a missing page, too many tries).
    ...(await publicChromeOf(req)),
    pageTitle: heading,
    heading,
    lines,
    signInLink: status === 401,
    errors: errorList(fields),
    // What the person typed, shown back to them so nothing is lost (the characters that cannot be stored as �).
    typed: refusedAtEdge ? typedAnswers(req.body) : [],
  });
}

/**
 * Errors Fastify meets before a route is found (a malformed percent-encoding in the address): no hook has run,
 * so the security headers are set here, and the answer is the usual one, without echoing the address.
 */
export function frameworkError(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  securityHeadersFor(req, reply);
  const error = fromFrameworkError(err, bodyLimitOf(req));
  if (isApiRequest(req)) return sendError(req, reply, error);
  // Fastify's reply here carries none of the app's decorations (no page layout): a plain page in the same words.
  const locale = localeOr(req.locale);
  const t = translator(locale);
  const heading = t(HEADINGS[error.status] ?? msg('Error'));
  const reference = t('If you contact support, quote this reference: {id}', { id: req.id });
  return reply
    .status(error.status)
    .type('text/html; charset=utf-8')
    .send(
      `<!DOCTYPE html><html lang="${locale}"><head><meta charset="utf-8"><title>${heading} – Parley</title></head><body><h1>${heading}</h1><p>${error.messageIn(locale)}</p><p>${reference}</p></body></html>`,
    );
}

export function registerErrorHandling(app: FastifyInstance, opts: { serviceOf?: ServiceOf } = {}) {
  app.decorate('publicServiceOf', opts.serviceOf);
  app.setErrorHandler(async (err: FastifyError, req, reply) => {
    let error = err instanceof AppError ? err : fromFrameworkError(err, bodyLimitOf(req));
    // The route's schema refused the request: the edge's findings (edge-input.ts) join its messages, one round.
    if (error.reason === 'VALIDATION_FAILED' && req.inputProblems) error = withInputProblems(error, req.inputProblems);
    // The error goes through the logger's err serializer (lib/safe-error.ts): codes and file:line, never its message.
    if (error.code === 'INTERNAL') req.log.error({ err, method: req.method, route: req.routeOptions.url ?? 'not-found' }, 'unhandled error');
    return sendError(req, reply, error);
  });
  app.setNotFoundHandler(async (req, reply) =>
    sendError(
      req,
      reply,
      isApiRequest(req)
        ? new AppError('NOT_FOUND', msg('No API route {method} {path}'), { reason: 'NO_ROUTE', params: { method: req.method, path: req.url.split('?')[0] } })
        : new AppError('NOT_FOUND', msg('Page not found')),
    ),
  );
}
