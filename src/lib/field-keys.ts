// The instance's field-encryption keys (lib/field-crypto.ts), set once from the instance secret when the services are
// made, and the two operations the repos use: seal a sensitive text before it is written, open it after it is read.
// A repo names the field (`table.column`) it seals: the name is bound into the ciphertext, so a value copied into
// another column does not open. Values written before encryption was turned on open as they are.
import { decryptField, encryptField, type Keyring, keyringFrom } from './field-crypto.ts';

let ring: Keyring | undefined;

/** Sets the keys from the instance secret (and any previous secrets still to be read during a rotation). */
export function useFieldKeys(secret: string, previousSecrets: string[] = []): Keyring {
  ring = keyringFrom(secret, previousSecrets);
  return ring;
}

export function fieldKeys(): Keyring {
  if (!ring) throw new Error('field encryption keys are not set: the services set them from the instance secret');
  return ring;
}

export function sealText(field: string, plain: string): string;
export function sealText(field: string, plain: string | null | undefined): string | null | undefined;
export function sealText(field: string, plain: string | null | undefined) {
  return plain === null || plain === undefined ? plain : encryptField(fieldKeys(), field, plain);
}

export function openText(field: string, stored: string): string;
export function openText(field: string, stored: string | null): string | null;
export function openText(field: string, stored: string | null) {
  return stored === null ? null : decryptField(fieldKeys(), field, stored);
}

/** A JSON object of short texts (the RJ assessment's areas): each value sealed under `field.key`. */
export function sealTexts(field: string, texts: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(texts).map(([k, v]) => [k, typeof v === 'string' ? sealText(`${field}.${k}`, v) : v]));
}

export function openTexts(field: string, texts: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(texts).map(([k, v]) => [k, typeof v === 'string' ? openText(`${field}.${k}`, v) : v]));
}
