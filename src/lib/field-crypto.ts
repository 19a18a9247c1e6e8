// Encryption at rest for the most sensitive text fields (safeguarding records, restricted notes, risk assessments):
// AES-256-GCM with a key derived by HKDF-SHA-256 from the instance secret, so a stolen database file or backup does
// not reveal them. A stored value is `enc:v1:<key id>:<iv>:<tag>:<ciphertext>` (base64url): the key id names which
// secret made it, so after a rotation old values still open with the previous secret while `reencrypt` moves them to
// the new one. The field's name is bound in as associated data: a value copied into another column does not open.
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';

const PREFIX = 'enc:v1:';
const INFO = 'parley field encryption v1';

export type FieldKey = { id: string; key: Buffer };

/** The field key made from one instance secret; its id is a short fingerprint of the secret (never the secret). */
export function fieldKeyFrom(secret: string): FieldKey {
  const key = Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), Buffer.alloc(0), INFO, 32));
  const id = createHash('sha256').update(key).digest('base64url').slice(0, 8);
  return { id, key };
}

/** The current key first, then the previous ones still accepted for reading. */
export type Keyring = { current: FieldKey; previous: FieldKey[] };
export const keyringFrom = (secret: string, previousSecrets: string[] = []): Keyring => ({
  current: fieldKeyFrom(secret),
  previous: previousSecrets.map(fieldKeyFrom),
});

export const isEncrypted = (value: string) => value.startsWith(PREFIX);

export function encryptField(ring: Keyring, field: string, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', ring.current.key, iv);
  cipher.setAAD(Buffer.from(field, 'utf8'));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  const parts = [ring.current.id, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')];
  return PREFIX + parts.join(':');
}

export class FieldDecryptError extends Error {
  readonly code: 'UNKNOWN_KEY' | 'TAMPERED' | 'MALFORMED';
  constructor(code: FieldDecryptError['code']) {
    super(`an encrypted field could not be opened (${code})`);
    this.code = code;
  }
}

/** The plain text of a stored value; a value stored before encryption was turned on is returned as it is. */
export function decryptField(ring: Keyring, field: string, stored: string): string {
  if (!isEncrypted(stored)) return stored;
  const [id, iv, tag, body, extra] = stored.slice(PREFIX.length).split(':');
  if (!id || !iv || !tag || body === undefined || extra !== undefined) throw new FieldDecryptError('MALFORMED');
  const key = [ring.current, ...ring.previous].find((k) => k.id === id);
  if (!key) throw new FieldDecryptError('UNKNOWN_KEY');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key.key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(field, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new FieldDecryptError('TAMPERED');
  }
}

/** For rotation: a value under the current key (unchanged when it already is), or undefined when nothing changes. */
export function reencryptField(ring: Keyring, field: string, stored: string): string | undefined {
  if (isEncrypted(stored) && stored.slice(PREFIX.length).startsWith(`${ring.current.id}:`)) return undefined;
  return encryptField(ring, field, decryptField(ring, field, stored));
}
