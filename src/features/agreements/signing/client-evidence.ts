// What a remote signature keeps about the signer's device. Privacy (docs: never a value a person typed, never more
// than the evidence needs): the address only as an HMAC keyed with the installation's secret (it proves "the same
// address" when compared, and cannot be read back), and the browser's User-Agent cut to 120 characters.
import { createHmac } from 'node:crypto';

export type ClientInfo = { ip: string; userAgent: string | undefined };
export type ClientEvidence = { addressHash: string; browser: string | null };

export function clientEvidence(secret: string, client: ClientInfo): ClientEvidence {
  const addressHash = createHmac('sha256', secret).update(`signing-address:${client.ip}`).digest('hex').slice(0, 32);
  const browser = client.userAgent ? client.userAgent.replace(/[^\x20-\x7e]/g, '').slice(0, 120) : null;
  return { addressHash, browser };
}

export const codeHashOf = (secret: string, linkId: string, code: string) => createHmac('sha256', secret).update(`signing-code:${linkId}:${code}`).digest('hex');

/**
 * The six-digit code of a link, made from the installation's secret, the link and the moment the code was made: the
 * same code can be shown to the case team to read out by phone without keeping it anywhere, and a new code (a new
 * moment) replaces it. Only its HMAC (codeHashOf) is stored to check what the party types.
 */
export function signingCodeOf(secret: string, linkId: string, madeAt: Date): string {
  const mac = createHmac('sha256', secret).update(`signing-code-value:${linkId}:${madeAt.toISOString()}`).digest();
  return String(mac.readUIntBE(0, 6) % 1_000_000).padStart(6, '0');
}
