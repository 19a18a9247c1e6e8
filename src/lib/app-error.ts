// The one error type. Codes are a closed set mapped to HTTP in one handler; domain detail goes in `reason`.
// Messages are English ICU text marked with msg() where written; `params` fill their placeholders. `message` and
// `fields` hold the English, filled in; the error handler shows them in the request's language (`localise`).
import { type Locale, localise, type Message, type MessageParams, msg, translator } from '#src/i18n/i18n.ts';

export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export type FieldErrors = Record<string, string>;

const english = translator('en');

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly reason: string | undefined;
  readonly fields: FieldErrors | undefined;
  /** The message as written (ICU, before its placeholders were filled) and its parameters. */
  readonly template: string;
  readonly params: MessageParams | undefined;
  /** The parameters of field messages that have placeholders, by field. */
  readonly fieldParams: Record<string, Message> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    opts: { reason?: string; fields?: FieldErrors; params?: MessageParams; fieldParams?: Record<string, Message> } = {},
  ) {
    super(opts.params ? english(message, opts.params) : message);
    this.code = code;
    this.reason = opts.reason;
    this.fields = opts.fields;
    this.template = message;
    this.params = opts.params;
    this.fieldParams = opts.fieldParams;
  }

  /** The message in `locale` (English exactly as before when there is no translation). */
  messageIn(locale: Locale): string {
    return localise(locale, this.message, { text: this.template, params: this.params });
  }

  /** The field messages in `locale`. */
  fieldsIn(locale: Locale): FieldErrors | undefined {
    if (!this.fields) return undefined;
    return Object.fromEntries(Object.entries(this.fields).map(([k, v]) => [k, localise(locale, v, this.fieldParams?.[k])]));
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** `message` is the whole sentence ("That case was not found"), so each language can word it its own way. */
export const notFound = (message: string) => new AppError('NOT_FOUND', message);
export const forbidden = (message: string, reason?: string) => new AppError('FORBIDDEN', message, reason ? { reason } : {});
export const invalid = (fields: FieldErrors, message = msg('There is a problem with what was entered')) =>
  new AppError('UNPROCESSABLE', message, { reason: 'VALIDATION_FAILED', fields });

/** A message with parameters (a msg() text and its params) in English, filled in: what `message` and `fields` hold. */
export const inEnglish = (m: Message): string => english(m.text, m.params);

/** `invalid` for field messages with parameters (ICU text and params, such as a name someone typed). */
export function invalidWith(fields: Record<string, Message>, message = msg('There is a problem with what was entered')) {
  return new AppError('UNPROCESSABLE', message, {
    reason: 'VALIDATION_FAILED',
    fields: Object.fromEntries(Object.entries(fields).map(([k, m]) => [k, inEnglish(m)])),
    fieldParams: fields,
  });
}
