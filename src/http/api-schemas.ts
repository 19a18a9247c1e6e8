// Shared API shapes: the one error body, described once for every route's OpenAPI entry.
import { z } from 'zod';
import { ERROR_STATUS } from '#src/lib/app-error.ts';

export const ZApiError = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(ERROR_STATUS) as [keyof typeof ERROR_STATUS, ...(keyof typeof ERROR_STATUS)[]]),
      reason: z.string().nullable(),
      message: z.string(),
      fields: z.record(z.string(), z.string()),
      requestId: z.string(),
    }),
  })
  .describe('Every error has this shape');

export const errorResponses = { 401: ZApiError, 403: ZApiError, 422: ZApiError };
