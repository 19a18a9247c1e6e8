// Password hashing with scrypt from Node's own crypto (memory-hard; no native add-on to build), at the cost the
// OWASP Password Storage Cheat Sheet gives as its minimum: N = 2^17, r = 8, p = 1 (128 MiB, roughly 100–300 ms).
// Every hash carries its parameters (`scrypt$N$r$p$salt$key`), so hashes made at an older cost keep working and
// `needsRehash` tells sign-in to store a new one at the current cost.
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const scrypt = (pw: string, salt: Buffer, len: number, opts: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => scryptCb(pw, salt, len, opts, (err, key) => (err ? reject(err) : resolve(key))));

/** log2 of scrypt's N in production (OWASP: 2^17). Tests may set a lower cost through the configuration. */
export const PRODUCTION_COST = 17;
const R = 8;
const P = 1;
/** scrypt needs about 128·N·r bytes; twice that leaves room, and refuses absurd parameters in a stored hash. */
const maxmemFor = (n: number, r: number) => 2 * 128 * n * r + 1024 * 1024;
const MAX_STORED_N = 2 ** 20;

let cost = PRODUCTION_COST;

/** Sets the cost new hashes are made at (log2 of N), from the configuration at start-up. */
export function setPasswordHashCost(log2N: number = PRODUCTION_COST) {
  cost = log2N;
}

export const currentHashParameters = () => ({ N: 2 ** cost, r: R, p: P });

export async function hashPassword(password: string): Promise<string> {
  const { N, r, p } = currentHashParameters();
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, 32, { N, r, p, maxmem: maxmemFor(N, r) });
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

function parse(stored: string) {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  const N = Number(n);
  const R_ = Number(r);
  const P_ = Number(p);
  if (scheme !== 'scrypt' || !salt || !key || !Number.isInteger(N) || !Number.isInteger(R_) || !Number.isInteger(P_)) return undefined;
  if (N < 2 || N > MAX_STORED_N || R_ < 1 || R_ > 32 || P_ < 1 || P_ > 16) return undefined;
  return { N, r: R_, p: P_, salt: Buffer.from(salt, 'base64url'), key: Buffer.from(key, 'base64url') };
}

export async function verifyPassword(password: string, stored: string | null | undefined): Promise<boolean> {
  const parsed = stored ? parse(stored) : undefined;
  if (!parsed) {
    await hashPassword(password); // the same work either way, so timing does not tell who has an account
    return false;
  }
  const actual = await scrypt(password, parsed.salt, parsed.key.length, { N: parsed.N, r: parsed.r, p: parsed.p, maxmem: maxmemFor(parsed.N, parsed.r) });
  return timingSafeEqual(actual, parsed.key);
}

/** True when a stored hash was made at a lower cost than new hashes are made at now (or in an unknown form). */
export function needsRehash(stored: string): boolean {
  const parsed = parse(stored);
  const target = currentHashParameters();
  return !parsed || parsed.N < target.N || parsed.r < target.r || parsed.p < target.p;
}
