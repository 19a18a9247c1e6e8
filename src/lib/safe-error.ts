// Errors as log fields that can never hold a value a person typed. An error's message is never kept: a
// database error's message (and the stack built from it) quotes the failed statement and its bound values,
// a mail server's quotes the recipient, a parser's quotes the input. What is kept are the error's kind, its
// codes (SQLSTATE, constraint, routine, SMTP reply code) and where it happened (file:line, no text).

type ErrorLike = {
  name?: unknown;
  code?: unknown;
  statusCode?: unknown;
  responseCode?: unknown;
  command?: unknown;
  severity?: unknown;
  constraint?: unknown;
  routine?: unknown;
  table?: unknown;
  column?: unknown;
  stack?: unknown;
  cause?: unknown;
};

export type SafeErrorFields = {
  type: string;
  code?: string;
  status?: number;
  sqlState?: string;
  constraint?: string;
  routine?: string;
  table?: string;
  column?: string;
  smtpCode?: number;
  smtpCommand?: string;
  frames?: string[];
  cause?: SafeErrorFields;
};

/** Names made of letters, digits and a few separators only: codes and identifiers, never free text. */
const IDENTIFIER = /^[A-Za-z0-9_.:-]{1,64}$/;
const identifier = (v: unknown) => (typeof v === 'string' && IDENTIFIER.test(v) ? v : undefined);
const SQLSTATE = /^[0-9A-Z]{5}$/;

/** `at fn (/path/to/src/x.ts:12:5)` → `src/x.ts:12`; anything else on the line (message text) is dropped. */
export function stackFrames(stack: unknown, max = 8): string[] {
  if (typeof stack !== 'string') return [];
  const frames: string[] = [];
  for (const line of stack.split('\n')) {
    const m = /^\s+at (?:.*?\()?(?:file:\/\/)?([^\s()]+?):(\d+):\d+\)?$/.exec(line);
    if (!m) continue;
    const file = m[1]!;
    const at = Math.max(file.lastIndexOf('/src/'), file.lastIndexOf('/node_modules/'), file.lastIndexOf('/test/'), file.lastIndexOf('/bench/'));
    const short = (at >= 0 ? file.slice(at + 1) : file.split('/').slice(-2).join('/')).replace(/[^\w./@:-]/g, '');
    frames.push(`${short}:${m[2]}`);
    if (frames.length >= max) break;
  }
  return frames;
}

function typeOf(err: unknown): string {
  if (err instanceof Error) return identifier(err.constructor?.name) ?? identifier(err.name) ?? 'Error';
  return err === null ? 'null' : typeof err;
}

/** Any thrown thing as log fields: kind, codes and file:line frames, never its message. */
export function safeErrorFields(err: unknown, depth = 0): SafeErrorFields {
  const e = (err && typeof err === 'object' ? err : {}) as ErrorLike;
  const code = identifier(e.code);
  const out: SafeErrorFields = { type: typeOf(err) };
  if (code && SQLSTATE.test(code) && (e.severity !== undefined || e.routine !== undefined)) out.sqlState = code;
  else if (code) out.code = code;
  if (typeof e.statusCode === 'number') out.status = e.statusCode;
  const constraint = identifier(e.constraint);
  if (constraint) out.constraint = constraint;
  const routine = identifier(e.routine);
  if (routine) out.routine = routine;
  const table = identifier(e.table);
  if (table) out.table = table;
  const column = identifier(e.column);
  if (column) out.column = column;
  if (typeof e.responseCode === 'number') out.smtpCode = e.responseCode;
  const command = identifier(e.command);
  if (command) out.smtpCommand = command;
  const frames = depth === 0 ? stackFrames(e.stack) : [];
  if (frames.length) out.frames = frames;
  if (e.cause !== undefined && depth < 3) out.cause = safeErrorFields(e.cause, depth + 1);
  return out;
}

/**
 * A short fixed reason to store beside a failed job or delivery (staff see it on the Email page): the error's
 * codes only, like `SMTP 451 (EMESSAGE)` or `DatabaseError 23505 orders_pkey`, never its message.
 */
export function safeErrorReason(err: unknown): string {
  const f = safeErrorFields(err);
  const inner = f.cause;
  const parts = [f.smtpCode ? `SMTP ${f.smtpCode}` : f.type];
  const code = f.sqlState ?? f.code ?? inner?.sqlState ?? inner?.code;
  if (code) parts.push(f.smtpCode ? `(${code})` : code);
  const constraint = f.constraint ?? inner?.constraint;
  if (constraint) parts.push(constraint);
  return parts.join(' ');
}
