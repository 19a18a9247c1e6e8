// Random tokens (sessions, invitations, API keys) are shown once and stored only as a SHA-256 hash.
import { createCipheriv, createDecipheriv, createHmac, hash, randomBytes } from 'node:crypto';

export const newToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');
export const hashToken = (token: string): string => hash('sha256', token, 'hex');

/**
 * Authenticated encryption for small secrets at rest (TOTP keys, DBS numbers), keyed from the instance secret.
 * Every column it fills is listed in src/backup/sealed-columns.ts, so a restore or `parley secret rotate` re-seals it.
 */
export function createSecretBox(secret: string) {
  const key = createHmac('sha256', secret).update('parley:secret-box:v1').digest();
  return {
    seal(plain: string): string {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
    },
    open(sealed: string): string {
      const [version, iv, tag, body] = sealed.split('.');
      if (version !== 'v1' || !iv || !tag || !body) throw new Error('Unrecognised sealed value');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    },
    /** The value, or null when it was sealed with another secret (or is damaged). */
    openOrNull(sealed: string): string | null {
      try {
        return this.open(sealed);
      } catch {
        return null;
      }
    },
  };
}
export type SecretBox = ReturnType<typeof createSecretBox>;
