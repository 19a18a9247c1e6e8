// PATCH bodies are JSON Merge Patches (RFC 7396), sent as application/merge-patch+json or application/json.
// mergePatchSchema() describes one for the OpenAPI document and checks its types: every member optional, null
// allowed (it removes the member), objects and maps patched member by member, and no defaults filled in (a
// default in a patch would overwrite what is stored). The service applies it (lib/merge-patch.ts) to what is
// stored and validates the result with the same schema as a full replacement.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

export const MERGE_PATCH_TYPE = 'application/merge-patch+json';

function memberOfPatch(schema: z.ZodType): z.ZodType {
  let inner: z.ZodType = schema;
  while (inner instanceof z.ZodDefault || inner instanceof z.ZodOptional || inner instanceof z.ZodNullable) inner = inner.unwrap() as z.ZodType;
  let patched: z.ZodType = inner;
  if (inner instanceof z.ZodObject) patched = mergePatchSchema(inner);
  else if (inner instanceof z.ZodRecord) patched = z.partialRecord(inner.keyType, memberOfPatch(inner.valueType as z.ZodType));
  return patched.nullable().optional();
}

/** The merge-patch form of an object schema: its members optional and nullable, nested objects likewise; unknown members refused. */
export function mergePatchSchema(schema: z.ZodObject) {
  return z.strictObject(Object.fromEntries(Object.entries(schema.shape).map(([name, member]) => [name, memberOfPatch(member as z.ZodType)])));
}

/** Reads application/merge-patch+json with the same JSON parser (and the same refusals) as application/json. */
export function registerMergePatchBodies(app: FastifyInstance) {
  app.addContentTypeParser(MERGE_PATCH_TYPE, { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));
}
