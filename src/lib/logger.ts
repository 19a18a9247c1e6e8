// JSON logs. Personal data never goes in: log ids, codes and counts, not names, emails, free text or error
// messages (a database error's message quotes the failed statement's values). Every error, however it reaches
// the log (`{ err }`, `{ error }`, an Error as the first argument, Fastify's own logging), goes through
// safeErrorFields; a request is logged as its method and route pattern, never its path, query or body.
import type { Writable } from 'node:stream';
import pino from 'pino';
import { safeErrorFields } from './safe-error.ts';

export type Logger = pino.Logger;

type RequestLike = { id?: unknown; method?: unknown; routeOptions?: { url?: unknown } };
type ReplyLike = { statusCode?: unknown };

const serializers = {
  err: (err: unknown) => safeErrorFields(err),
  error: (err: unknown) => safeErrorFields(err),
  req: (req: RequestLike) => ({ id: req?.id, method: req?.method, route: req?.routeOptions?.url ?? 'not-found' }),
  res: (res: ReplyLike) => ({ status: res?.statusCode }),
};

/** `destination` lets a test read what would be logged. */
export function createLogger(level: string, destination?: Writable): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: undefined,
    serializers,
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.email', '*.name'], remove: true },
    hooks: {
      // An Error as the first argument would become the message; extra arguments would be interpolated into it.
      logMethod(args, method) {
        const [first, second] = args as unknown[];
        if (first instanceof Error) return method.apply(this, [{ err: first }, typeof second === 'string' ? second : 'error']);
        if (typeof first === 'string') return method.apply(this, [first]);
        return method.apply(this, (typeof second === 'string' ? [first, second] : [first]) as Parameters<typeof method>);
      },
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
