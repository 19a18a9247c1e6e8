// Time-based one-time codes (RFC 6238) for two-factor sign-in, via otpauth; QR codes via qrcode.
import { randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpFor(secretBase32: string, label = '', issuer = 'Parley') {
  return new TOTP({ issuer, label, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secretBase32) });
}

/** The 30-second step a code belongs to when it matches the current step or one either side (clock drift); else null. */
export function matchTotpStep(secretBase32: string, code: string, at = Date.now()): number | null {
  const clean = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(clean)) return null;
  const delta = totpFor(secretBase32).validate({ token: clean, timestamp: at, window: 1 });
  return delta === null ? null : Math.floor(at / 30_000) + delta;
}

export function checkTotp(secretBase32: string, code: string, at = Date.now()): boolean {
  return matchTotpStep(secretBase32, code, at) !== null;
}

export function currentTotp(secretBase32: string, at = Date.now()): string {
  return totpFor(secretBase32).generate({ timestamp: at });
}

export async function totpEnrolment(secretBase32: string, label: string, issuer: string) {
  const uri = totpFor(secretBase32, label, issuer).toString();
  const { default: QRCode } = await import('qrcode'); // loaded on first use: only two-factor set-up draws one
  const qrSvg = await QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  const grouped = secretBase32.match(/.{1,4}/g)?.join(' ') ?? secretBase32;
  return { uri, qrSvg, keyText: grouped };
}

/** Ten single-use backup codes such as "4821-0937". */
export function newBackupCodes(count = 10): string[] {
  const part = () => String(randomInt(0, 10000)).padStart(4, '0');
  return Array.from({ length: count }, () => `${part()}-${part()}`);
}
export const normaliseBackupCode = (code: string) => code.replace(/[^0-9]/g, '');
