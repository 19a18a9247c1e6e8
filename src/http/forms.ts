// Form helpers: zod parsing into GOV.UK field errors, keeping what the person typed.
import type { z } from 'zod';
import { DEFAULT_LOCALE, type Locale, localise } from '#src/i18n/i18n.ts';
import { AppError, type FieldErrors } from '#src/lib/app-error.ts';
import { zodFields } from '#src/lib/zod-fields.ts';

export { zodFields };

export type FormResult<T> = { ok: true; data: T } | { ok: false; fields: FieldErrors };

/** The schema's messages in `locale` (English exactly as written when untranslated). */
export function parseForm<S extends z.ZodType>(schema: S, body: unknown, locale: Locale = DEFAULT_LOCALE): FormResult<z.infer<S>> {
  const result = schema.safeParse(body ?? {});
  if (result.success) return { ok: true, data: result.data };
  const fields = zodFields(result.error);
  return { ok: false, fields: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, localise(locale, v)])) };
}

/** Field errors carried by an AppError (validation, conflicts on a field) in `locale`, or undefined for any other error. */
export function fieldErrorsOf(err: unknown, locale: Locale = DEFAULT_LOCALE): FieldErrors | undefined {
  if (
    err instanceof AppError &&
    (err.fields || err.code === 'UNPROCESSABLE' || err.code === 'CONFLICT' || err.code === 'UNAUTHENTICATED' || err.code === 'RATE_LIMITED')
  )
    return err.fieldsIn(locale) ?? { _: err.messageIn(locale) };
  return undefined;
}

/** Values to put back in the form: strings only, never passwords. */
export function keepValues(body: unknown, omit: string[] = ['password', '_csrf']): Record<string, string> {
  const out: Record<string, string> = {};
  if (body && typeof body === 'object') for (const [k, v] of Object.entries(body)) if (!omit.includes(k) && typeof v === 'string') out[k] = v;
  return out;
}

/** A safe same-site path to return to after sign-in. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?!\/)[\w\-/?=&%.]*$/.test(next) ? next : '/home';
}

/**
 * Runs a form's service call: its result, or the field errors of a refusal (the reply's status set to the error's),
 * named as the form names its fields (`fieldNames`, for a service whose inputs are named otherwise).
 */
export async function attempt<T>(
  reply: { status(code: number): unknown },
  work: () => Promise<T>,
  fieldNames: (fields: FieldErrors) => FieldErrors = (fields) => fields,
): Promise<{ ok: true; value: T } | { ok: false; fields: FieldErrors }> {
  try {
    return { ok: true, value: await work() };
  } catch (err) {
    const fields = fieldErrorsOf(err);
    if (!fields) throw err;
    reply.status((err as { status?: number }).status ?? 422);
    return { ok: false, fields: fieldNames(fields) };
  }
}
