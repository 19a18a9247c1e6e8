// What ties a backup to the instance secret without holding it: a fingerprint of the secret (an HMAC of a fixed
// label, so the file never carries the secret or anything that opens sealed values) and an HMAC over the contents.
import { createHmac, type Hmac, timingSafeEqual } from 'node:crypto';

/** Tells two secrets apart; reveals nothing usable about either (the secret is at least 32 random characters). */
export const secretFingerprint = (secret: string): string => createHmac('sha256', secret).update('parley:secret-fingerprint:v1').digest('base64url');

/** The HMAC over a backup's lines, keyed from the secret of the instance that made it. */
export function contentHmac(secret: string): Hmac {
  const key = createHmac('sha256', secret).update('parley:backup-integrity:v1').digest();
  return createHmac('sha256', key);
}

export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}
