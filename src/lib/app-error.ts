// The one error type. Codes are a closed set mapped to HTTP in one handler; domain detail goes in `reason`.
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

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly reason: string | undefined;
  readonly fields: FieldErrors | undefined;

  constructor(code: ErrorCode, message: string, opts: { reason?: string; fields?: FieldErrors } = {}) {
    super(message);
    this.code = code;
    this.reason = opts.reason;
    this.fields = opts.fields;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} was not found`);
export const forbidden = (message: string, reason?: string) => new AppError('FORBIDDEN', message, reason ? { reason } : {});
export const invalid = (fields: FieldErrors, message = 'There is a problem with what was entered') =>
  new AppError('UNPROCESSABLE', message, { reason: 'VALIDATION_FAILED', fields });
