import type { z } from 'zod';
import type { FieldErrors } from './app-error.ts';

/** Zod issues as field errors: the first message for each field path (a.b.0.c). */
export function zodFields(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    fields[key] ??= issue.message;
  }
  return fields;
}
