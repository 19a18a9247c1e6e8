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

/**
 * A schema made once for each route's parameter name and message: zod compiles an object schema on its first parse
 * (tens of microseconds), so one made afresh for every request paid that on every request. The names and messages
 * are literals in the routes, so the map stays small.
 */
const schemas = new Map<string, z.ZodType<Record<string, string | undefined>>>();
function once(key: string, make: () => z.ZodType<Record<string, string | undefined>>) {
  const known = schemas.get(key);
  if (known) return known;
  const schema = make();
  schemas.set(key, schema);
  return schema;
}

/** One uuid path parameter, or 404 with `notFound` ("That case was not found"). */
export function uuidParam(req: FastifyRequest, name: string, notFound: string): string {
  const schema = once(`uuid ${name} ${notFound}`, () => z.object({ [name]: z.string({ error: notFound }).refine(isUuid, notFound) }));
  return paramsOf(req, schema)[name] as string;
}

/** One path parameter that is any short text (a token, a key id, a template's name), or 404. */
export function textParam(req: FastifyRequest, name: string): string {
  const notThere = msg('Page not found');
  const schema = once(`text ${name}`, () => z.object({ [name]: z.string({ error: notThere }).min(1, notThere).max(200, notThere) }));
  return paramsOf(req, schema)[name] as string;
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

/** One optional short text of the query string (`?archived=show`): absent when it is missing, repeated or too long. */
export const queryField = (req: FastifyRequest, name: string): string | undefined =>
  queryOf(
    req,
    once(`query ${name}`, () => z.object({ [name]: queryText })),
  )[name];

/** `?done=…`: the flash message key a page shows after a change (an unknown one shows nothing). */
export const doneOf = (req: FastifyRequest): string => queryField(req, 'done') ?? '';
