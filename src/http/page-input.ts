// Reading a page route's path, query and body with zod, as the API's route schemas do: a path parameter that does
// not parse is a page that is not there (404, in the schema's words); a query or body field that does not parse is a
// 400 naming it. Never a cast, never a 500.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { msg } from '#src/i18n/i18n.ts';
import { AppError } from '#src/lib/app-error.ts';
import { isUuid } from '#src/lib/ids.ts';
import { zodFields } from '#src/lib/zod-fields.ts';

/** The path parameters as `schema` reads them, or 404 with the schema's message. */
export function paramsOf<S extends z.ZodType>(req: FastifyRequest, schema: S): z.infer<S> {
  const parsed = schema.safeParse(req.params ?? {});
  if (parsed.success) return parsed.data;
  throw new AppError('NOT_FOUND', parsed.error.issues[0]?.message ?? msg('Page not found'));
}

/** One uuid path parameter, or 404 with `notFound` ("That case was not found"). */
export function uuidParam(req: FastifyRequest, name: string, notFound: string): string {
  return paramsOf(req, z.object({ [name]: z.string({ error: notFound }).refine(isUuid, notFound) }))[name] as string;
}

/** One path parameter that is any short text (a token, a key id, a template's name), or 404. */
export function textParam(req: FastifyRequest, name: string): string {
  const notThere = msg('Page not found');
  return paramsOf(req, z.object({ [name]: z.string({ error: notThere }).min(1, notThere).max(200, notThere) }))[name] as string;
}

function parseOr400<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  throw new AppError('BAD_REQUEST', msg('The web address is not valid: see fields'), { reason: 'VALIDATION_FAILED', fields: zodFields(parsed.error) });
}

/** The query string as `schema` reads it, or 400 naming what it could not read. */
export const queryOf = <S extends z.ZodType>(req: FastifyRequest, schema: S): z.infer<S> => parseOr400(schema, req.query);

/** Form fields a page reads beside its form's own schema (where to go next, a change link), or 400. */
export const bodyOf = <S extends z.ZodType>(req: FastifyRequest, schema: S): z.infer<S> => parseOr400(schema, req.body);

/** An optional query or form field of short text: anything else (repeated, too long) reads as absent. */
export const queryText = z.string().max(2000).optional().catch(undefined);

/** `?done=…`: the flash message key a page shows after a change (an unknown one shows nothing). */
export const doneOf = (req: FastifyRequest): string => queryOf(req, z.object({ done: queryText })).done ?? '';
