// The only reader of process.env. Invalid settings stop start-up with a message naming the setting.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { resolve, join } from 'node:path';
import { z } from 'zod';

const ZEnv = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PARLEY_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  PARLEY_BASE_URL: z.url({ protocol: /^https?$/, message: 'must be an http or https address' }).optional(),
  PARLEY_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  PARLEY_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('info'),
  PARLEY_WORKER: z.enum(['on', 'off']).default('on'),
  PARLEY_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  PARLEY_SESSION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 7)
    .default(12),
  PARLEY_TRUST_PROXY: z.enum(['on', 'off']).default('off'),
  PARLEY_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, 'must start with smtp:// or smtps://')
    .refine((s) => URL.canParse(s), 'must be a valid smtp:// or smtps:// address')
    .optional(),
  PARLEY_MAIL_FROM: z
    .string()
    .trim()
    .regex(/^([^<>]*<[^<>\s]+@[^<>\s]+>|[^<>\s]+@[^<>\s]+)$/, 'must be an address, or a name and <address>')
    .default('Parley <no-reply@localhost>'),
  /** log2 of scrypt's N for new password hashes. 17 is OWASP's minimum; lower it only for tests. */
  PARLEY_PASSWORD_HASH_COST: z.coerce.number().int().min(10).max(20).default(17),
  PARLEY_DB_FAST_PATH: z.enum(['on', 'off']).default('on'),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  baseUrl: string;
  secret: string;
  logLevel: z.infer<typeof ZEnv>['PARLEY_LOG_LEVEL'];
  runWorker: boolean;
  idleMinutes: number;
  sessionHours: number;
  secureCookies: boolean;
  /** Read the client's address from X-Forwarded-For: only behind a reverse proxy that sets it. */
  trustProxy: boolean;
  /** The mail server (smtp:// or smtps:// with credentials); unset: mail is held in the in-app outbox. */
  smtpUrl?: string | undefined;
  /** Who mail comes from: "Name <address>". */
  mailFrom?: string;
  /** log2 of scrypt's N for new password hashes (17 unless set: lib/passwords.ts). */
  passwordHashCost?: number;
  /** The embedded database's fast path (src/db/pglite-fast-path.ts), checked at start-up; off: PGlite's query() alone. */
  dbFastPath?: boolean;
};

export class ConfigError extends Error {}

/** Settings documented in the README, in the same order. */
export const SETTINGS = Object.keys(ZEnv.shape);

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ZEnv.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Parley cannot start: invalid configuration\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.PARLEY_DATA_DIR);
  const baseUrl = (e.PARLEY_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    baseUrl,
    secret: e.PARLEY_SECRET ?? readOrCreateSecret(dataDir),
    logLevel: e.PARLEY_LOG_LEVEL,
    runWorker: e.PARLEY_WORKER === 'on',
    idleMinutes: e.PARLEY_IDLE_MINUTES,
    sessionHours: e.PARLEY_SESSION_HOURS,
    secureCookies: isTrustworthy(baseUrl),
    trustProxy: e.PARLEY_TRUST_PROXY === 'on',
    smtpUrl: e.PARLEY_SMTP_URL,
    mailFrom: e.PARLEY_MAIL_FROM,
    passwordHashCost: e.PARLEY_PASSWORD_HASH_COST,
    dbFastPath: e.PARLEY_DB_FAST_PATH === 'on',
  };
}

/** PARLEY_DB_FAST_PATH alone, for the tests' databases (test/support/databases.ts), which have no other settings. */
export const dbFastPathFrom = (env: NodeJS.ProcessEnv = process.env): boolean => env.PARLEY_DB_FAST_PATH !== 'off';

/** When PARLEY_SECRET is unset, one is generated on first start and kept in the data directory. */
function readOrCreateSecret(dataDir: string): string {
  const file = join(dataDir, 'secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** Secure cookies need https, except on this machine, which browsers treat as secure. */
function isTrustworthy(baseUrl: string): boolean {
  const url = new URL(baseUrl);
  return url.protocol === 'https:' || ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}
