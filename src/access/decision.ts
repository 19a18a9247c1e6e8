// What an access check answers: allowed, or refused with a typed reason and the English message shown to people.
// `hide` refusals are for records the asker may not know exist: they answer 404, as if the record were not there.
import { AppError } from '#src/lib/app-error.ts';
import { type MessageParams, translator } from '#src/i18n/i18n.ts';

export const REFUSAL_REASONS = [
  'NOT_FOUND',
  'ROLE_NOT_ALLOWED',
  'NOT_ON_CASE',
  'NOT_OWN_RECORD',
  'NOT_OWN_CLAIM',
  'NOT_SUPERVISOR',
  'DELETE_NOT_ALLOWED',
  'NOT_SUPERVISED',
  'ALREADY_SIGNED_OFF',
  'NO_SESSIONS_HELD',
  'OVERRIDE_NOT_ALLOWED',
  'NOT_OPERATOR',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export type Refusal = {
  reason: RefusalReason;
  /** The English text, for the catalogue (`msg()`), with `{placeholders}` filled from params. */
  message: string;
  params?: MessageParams;
  /** Answer as if the record did not exist (404). */
  hide?: boolean;
  /** Not the asker but the record's state refuses (409), the message also shown as the form's error when asField. */
  conflict?: boolean;
  asField?: boolean;
};
export type Refused = { allowed: false } & Refusal;
export type Decision = { allowed: true } | Refused;

export const ALLOW: Decision = { allowed: true };
export const refuse = (reason: RefusalReason, message: string, params?: MessageParams): Refused => ({ allowed: false, reason, message, params });
/** Refused as if the record did not exist (404): for records the asker may not know about. */
export const hidden = (message: string, params?: MessageParams): Refused => ({ allowed: false, reason: 'NOT_FOUND', message, params, hide: true });

const english = translator('en');

/** The refusal's message in words (English until the locale reaches here). */
export const refusalText = (r: Refusal): string => english(r.message, r.params);

/** The AppError a refusal becomes: 404 for hidden records (no reason, as for any missing record), 409 for a record
 * whose state refuses, 403 otherwise. */
export function refusalError(r: Refusal): AppError {
  const params = r.params ? { params: r.params } : {};
  if (r.hide) return new AppError('NOT_FOUND', r.message, params);
  if (r.conflict)
    return new AppError('CONFLICT', r.message, {
      reason: r.reason,
      ...params,
      ...(r.asField ? { fields: { _: refusalText(r) }, fieldParams: r.params ? { _: { text: r.message, params: r.params } } : undefined } : {}),
    });
  return new AppError('FORBIDDEN', r.message, { reason: r.reason, ...params });
}

/** The refusal in words, or null when allowed (for showing beside a record in a list). */
export const refusalOf = (d: Decision): string | null => (d.allowed ? null : refusalText(d));
