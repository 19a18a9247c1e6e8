// One error handler: AppError codes to HTTP; API gets { error: {...} }, pages get the error page in the layout.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type FieldErrors } from '#src/lib/app-error.ts';
import { isApiRequest } from './request-actor.ts';

type ValidationIssue = { instancePath?: string; message?: string; params?: { issue?: { path?: (string | number)[] } } };

function fromFrameworkError(err: FastifyError & { validation?: ValidationIssue[] }): AppError {
  if (err.validation) {
    const fields: FieldErrors = {};
    for (const issue of err.validation) {
      const path = issue.params?.issue?.path?.join('.') || issue.instancePath?.replace(/^\//, '').replace(/\//g, '.') || '_';
      fields[path] ??= issue.message ?? 'is not valid';
    }
    return new AppError('UNPROCESSABLE', 'The request is not valid: see fields', { reason: 'VALIDATION_FAILED', fields });
  }
  if (err.code?.startsWith('FST_CSRF'))
    return new AppError('FORBIDDEN', 'This form has expired or was not sent from Parley. Go back, reload the page and try again.', { reason: 'CSRF_FAILED' });
  if (err.statusCode === 429) return new AppError('RATE_LIMITED', 'Too many requests. Wait a minute and try again.', { reason: 'RATE_LIMITED' });
  if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || err.statusCode === 415)
    return new AppError('BAD_REQUEST', 'Send the body as JSON (Content-Type: application/json)', { reason: 'UNSUPPORTED_MEDIA_TYPE' });
  if (err.statusCode === 413) return new AppError('BAD_REQUEST', 'The request body is too large', { reason: 'BODY_TOO_LARGE' });
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500)
    return new AppError('BAD_REQUEST', 'The request could not be read: check its format', { reason: err.code ?? 'BAD_REQUEST' });
  return new AppError('INTERNAL', 'Something went wrong on our side. It has been logged.');
}

const HEADINGS: Record<number, string> = {
  400: 'There is a problem with the request',
  401: 'You need to sign in',
  403: 'You cannot do that',
  404: 'Page not found',
  409: 'That cannot be done now',
  422: 'There is a problem with what was entered',
  429: 'Too many attempts',
  500: 'Sorry, there is a problem with the service',
};

export function sendError(req: FastifyRequest, reply: FastifyReply, error: AppError) {
  const status = error.status;
  if (isApiRequest(req)) {
    return reply
      .status(status)
      .type('application/json')
      .send({
        error: { code: error.code, reason: error.reason ?? null, message: error.message, fields: error.fields ?? {}, requestId: req.id },
      });
  }
  const lines =
    error.message === 'Page not found'
      ? ['If you typed the web address, check it is correct.', 'If you pasted the web address, check you copied the entire address.']
      : [error.message];
  return reply
    .status(status)
    .page('error.njk', { pageTitle: HEADINGS[status] ?? 'Error', heading: HEADINGS[status] ?? 'Error', lines, signInLink: status === 401 });
}

/**
 * What goes in the log for an unexpected error: its kind, codes and where it happened, never its message,
 * because database errors quote the values of the failed query (names, emails, hashes).
 */
export function describeForLog(err: Error & { code?: string; cause?: unknown }) {
  const cause = err.cause as { code?: string; routine?: string; constraint?: string } | undefined;
  return {
    type: err.constructor?.name ?? 'Error',
    code: err.code,
    dbCode: cause?.code,
    dbRoutine: cause?.routine,
    dbConstraint: cause?.constraint,
    stack: err.stack?.split('\n').slice(1, 8).join('\n'),
  };
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler(async (err: FastifyError, req, reply) => {
    const error = err instanceof AppError ? err : fromFrameworkError(err);
    if (error.code === 'INTERNAL') req.log.error({ err: describeForLog(err) }, 'unhandled error');
    return sendError(req, reply, error);
  });
  app.setNotFoundHandler(async (req, reply) =>
    sendError(
      req,
      reply,
      isApiRequest(req)
        ? new AppError('NOT_FOUND', `No API route ${req.method} ${req.url.split('?')[0]}`, { reason: 'NO_ROUTE' })
        : new AppError('NOT_FOUND', 'Page not found'),
    ),
  );
}
