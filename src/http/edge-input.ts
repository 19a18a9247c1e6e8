// The edge every request's input passes: before any route validates or stores anything, each string in the
// parsed body, query and parameters is checked for what the database cannot hold (a NUL byte, half of a UTF-16
// surrogate pair) and for dates that do not exist (2026-02-30, year 0). One refusal, naming each field, so no
// route has to remember and none answers 500. Also the JSON parser's answers, in words that say what is wrong.
import { msg } from '#src/i18n/i18n.ts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, type FieldErrors } from '#src/lib/app-error.ts';
import { isRealIsoDate } from '#src/lib/zod-fields.ts';

export const UNSTORABLE_MESSAGE = msg('This contains a character we cannot store');
export const NOT_A_DATE_MESSAGE = msg('Enter a real date');

const ISO_DATE_START = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/;

/** What is wrong with one string a person sent, or undefined. */
export function problemWith(value: string): string | undefined {
  if (value.includes('\u0000') || !value.isWellFormed()) return UNSTORABLE_MESSAGE;
  const m = ISO_DATE_START.exec(value);
  if (m && !isRealIsoDate(Number(m[1]), Number(m[2]), Number(m[3]))) return NOT_A_DATE_MESSAGE;
  return undefined;
}

/** Every problem in a parsed body, query or parameters, keyed by the field's path (a.b.0.c, as zod names them). */
export function inputProblems(value: unknown, path: string[] = [], out: FieldErrors = {}, depth = 0): FieldErrors {
  if (typeof value === 'string') {
    const problem = problemWith(value);
    if (problem) out[path.join('.') || '_'] ??= problem;
  } else if (value && typeof value === 'object' && depth < 32 && !Buffer.isBuffer(value)) {
    for (const [key, inner] of Object.entries(value)) {
      if (!key.isWellFormed() || key.includes('\u0000')) out[[...path, '_'].join('.')] ??= UNSTORABLE_MESSAGE;
      else inputProblems(inner, [...path, key], out, depth + 1);
    }
  }
  return out;
}

/** The problems of a request's body, query and route parameters together. */
export function requestInputProblems(req: FastifyRequest): FieldErrors {
  const fields: FieldErrors = {};
  inputProblems(req.params, [], fields);
  inputProblems(req.query, [], fields);
  inputProblems(req.body, [], fields);
  return fields;
}

function jsonProblem(body: string): AppError {
  try {
    JSON.parse(body);
    return new AppError('BAD_REQUEST', msg('The JSON body has a "__proto__" or "constructor" key, which is not allowed'), { reason: 'FORBIDDEN_JSON_KEY' });
  } catch (err) {
    const at = /position (\d+)/.exec(err instanceof Error ? err.message : '')?.[1];
    if (at)
      return new AppError('BAD_REQUEST', msg('The body is not valid JSON near character {at}: check its quotes, commas and brackets'), {
        reason: 'INVALID_JSON',
        params: { at: String(Number(at) + 1) },
      });
    return new AppError('BAD_REQUEST', msg('The body is not valid JSON: check its quotes, commas and brackets'), { reason: 'INVALID_JSON' });
  }
}

export function registerEdgeInput(app: FastifyInstance) {
  // Fastify's own JSON parser (prototype poisoning refused), with an answer that says which fault it was.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    parseJson(req, body as string, (err, value) => {
      if (!err) return done(null, value);
      if ((err as { code?: string }).code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return done(err, undefined);
      done(jsonProblem(String(body)), undefined);
    });
  });

  // Found before the route's own schema runs, refused after it: a request with other faults too gets every field's
  // message in one answer (the error handler adds these to the schema's), and one with only these is refused
  // before any handler can store or query them.
  app.decorateRequest('inputProblems', null);
  app.addHook('preValidation', async (req) => {
    const fields = requestInputProblems(req);
    if (Object.keys(fields).length > 0) req.inputProblems = fields;
  });
  app.addHook('preHandler', async (req) => {
    if (req.inputProblems) throw edgeRefusal(req.inputProblems);
  });
}

/** The edge's refusal of these problems. */
export function edgeRefusal(fields: FieldErrors): AppError {
  const dates = Object.values(fields).every((m) => m === NOT_A_DATE_MESSAGE);
  return new AppError('UNPROCESSABLE', dates ? msg('A date does not exist: see fields') : msg('Something sent cannot be stored: see fields'), {
    reason: dates ? 'NOT_A_REAL_DATE' : 'UNSTORABLE_CHARACTER',
    fields,
  });
}

/**
 * A schema's refusal with the edge's problems added for the fields it did not name (its own message for a field is
 * the more specific: "Issue date must be a real date, like 2026-03-27"); the edge's own when it found them all.
 */
export function withInputProblems(refusal: AppError, problems: FieldErrors): AppError {
  const fields = { ...problems, ...refusal.fields };
  if (Object.keys(fields).every((k) => k in problems)) return edgeRefusal(problems);
  return new AppError(refusal.code, refusal.message, { reason: refusal.reason, fields });
}

declare module 'fastify' {
  interface FastifyRequest {
    /** What the edge found wrong in this request's strings and dates, by field (edge-input.ts). */
    inputProblems: FieldErrors | null;
  }
}
