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
