// A party's personal link (a check-in or a feedback survey): a random token of 32 bytes sent by email, of which only
// the SHA-256 is stored. Pure rule: a link works once, until it expires, unless revoked.
import { createHash, randomBytes } from 'node:crypto';
import { msg } from '#src/i18n/i18n.ts';

export const LINK_PURPOSES = ['check_in', 'feedback'] as const;
export type LinkPurpose = (typeof LINK_PURPOSES)[number];

export function newLinkToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashLinkToken(token) };
}

export const hashLinkToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A token as links carry it: 43 base64url characters. Anything else is refused without a database read. */
export const isTokenShaped = (token: unknown): token is string => typeof token === 'string' && /^[A-Za-z0-9_-]{43}$/.test(token);

export type LinkState = { expiresAt: Date; usedAt: Date | null; revokedAt: Date | null };
export type LinkRefusal = 'NOT_FOUND' | 'USED' | 'EXPIRED' | 'REVOKED';

export function linkRefusal(link: LinkState | undefined, now: Date): LinkRefusal | null {
  if (!link) return 'NOT_FOUND';
  if (link.revokedAt) return 'REVOKED';
  if (link.usedAt) return 'USED';
  if (link.expiresAt.getTime() <= now.getTime()) return 'EXPIRED';
  return null;
}

export const LINK_REFUSAL_TEXT: Record<LinkRefusal, string> = {
  NOT_FOUND: msg('This link is not recognised. Check you copied the whole link from the email, or contact the service.'),
  USED: msg('This link has been used already: thank you, we have your answers. If you want to add something, contact the service.'),
  EXPIRED: msg('This link has expired. Contact the service and they can send you a new one or take your answers by phone.'),
  REVOKED: msg('This link has been withdrawn. Contact the service if you want to give your answers.'),
};
