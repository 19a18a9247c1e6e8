// Pure: when a version may be frozen, when a signature is accepted, what a personal signing link allows, and what a
// drawn signature may contain. Each answers with the reasons in words, shown to people as they are.
import { msg, translator } from '#src/i18n/i18n.ts';

const t = translator('en');

/** Defaults (rules.md: numbers are configuration, never literals in code). */
export const SIGNING_POLICY = {
  /** A remote signing link lasts this long. */
  linkDays: 14,
  /** A six-digit code lasts this long after it is sent. */
  codeMinutes: 30,
  /** Wrong codes before the link locks and the case team is told. */
  maxWrongCodes: 5,
  /** A drawn signature's path data, at most. */
  maxDrawingChars: 20_000,
};

export type FreezeTerm = { what: string; checkHow: string; dueKind: string; dueOn: string | null; who: unknown[]; appealable: boolean | null };
export type FreezeFacts = { status: string; caseKind: string; terms: FreezeTerm[]; partySigners: number; mediatorSigners: number };

export function freezeReasons(v: FreezeFacts): string[] {
  const reasons: string[] = [];
  if (v.status !== 'draft') reasons.push(msg('Only a draft can be made ready to sign'));
  if (v.terms.length === 0) reasons.push(msg('An agreement needs at least one term: who does what by when'));
  v.terms.forEach((term, i) => {
    const n = i + 1;
    if (!term.who.length) reasons.push(t('Term {n} needs to say who will do it', { n }));
    if (!term.what.trim()) reasons.push(t('Term {n} needs to say what will be done', { n }));
    if (term.dueKind === 'date' && !term.dueOn) reasons.push(t('Term {n} needs the date it is due by', { n }));
    if (!term.checkHow.trim()) reasons.push(t('Term {n} needs to say how it will be checked at follow-up', { n }));
    if (v.caseKind === 'send' && term.appealable === null) reasons.push(t('Term {n} needs to say whether it could be appealed to the tribunal', { n }));
  });
  if (v.partySigners === 0) reasons.push(msg('An agreement needs at least one party taking part to sign it'));
  if (v.mediatorSigners === 0) reasons.push(msg('An agreement needs a mediator on the case to witness the signatures'));
  return reasons;
}

export type SignFacts = {
  versionStatus: string;
  versionNumber: number;
  versionHash: string | null;
  /** The latest version of the agreement, when this one was replaced. */
  latestNumber: number;
  signerStatus: string;
};

/** Whether a signature on this version, given on the text with `seenHash`, is accepted; and if not, why. */
export function signatureRefusal(f: SignFacts, seenHash: string | undefined): string | null {
  if (f.versionStatus === 'replaced')
    return t(
      'This is version {old} of the agreement, which was changed after it was made ready to sign: version {latest} replaces it and signatures on version {old} no longer count. Sign version {latest} instead.',
      { old: f.versionNumber, latest: f.latestNumber },
    );
  if (f.versionStatus === 'draft') return msg('This version is still a draft: it must be made ready to sign first');
  if (f.versionStatus === 'signed' || f.signerStatus !== 'pending') return msg('This signer has already signed or declined this version');
  if (seenHash !== undefined && seenHash !== f.versionHash)
    return msg('The agreement changed after this page was opened: read the current version before signing');
  return null;
}

export type LinkFacts = { expiresAt: Date; usedAt: Date | null; revokedAt: Date | null; lockedAt: Date | null };
export type LinkState = 'open' | 'expired' | 'used' | 'revoked' | 'locked';

export function linkState(l: LinkFacts, now: Date): LinkState {
  if (l.revokedAt) return 'revoked';
  if (l.lockedAt) return 'locked';
  if (l.usedAt) return 'used';
  if (l.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'open';
}

export const LINK_STATE_WORDS: Record<Exclude<LinkState, 'open'>, string> = {
  expired: msg('This signing link has expired. Ask the service for a new one.'),
  used: msg('This signing link has been used already. Each link works once.'),
  revoked: msg('This signing link was withdrawn by the service. Ask them for a new one if you still need to sign.'),
  locked: msg('This signing link is locked after five wrong codes. The service has been told and will contact you.'),
};

/** After a code is tried: the new count of wrong codes and whether the link locks now. */
export function afterCodeAttempt(failedCodes: number, correct: boolean): { failedCodes: number; locks: boolean } {
  if (correct) return { failedCodes, locks: false };
  const next = failedCodes + 1;
  return { failedCodes: next, locks: next >= SIGNING_POLICY.maxWrongCodes };
}

export function codeExpired(codeSentAt: Date | null, now: Date): boolean {
  return !codeSentAt || now.getTime() - codeSentAt.getTime() > SIGNING_POLICY.codeMinutes * 60_000;
}

/** Drawn signatures are SVG path data of moves and lines only, inside the 600 × 200 pad. */
const PATH = /^(?:[ML] ?-?\d{1,4}(?:\.\d{1,2})?[ ,]-?\d{1,4}(?:\.\d{1,2})? ?)+$/;
export function drawingRefusal(d: string): string | null {
  const path = d.trim();
  if (!path) return msg('Draw your signature in the box, or type your name instead');
  if (path.length > SIGNING_POLICY.maxDrawingChars) return msg('The drawn signature is too long: clear it and draw it again');
  if (!PATH.test(path)) return msg('The drawn signature could not be read: clear it and draw it again, or type your name instead');
  const numbers = path.match(/-?\d+(?:\.\d+)?/g)!.map(Number);
  for (let i = 0; i < numbers.length; i += 2)
    if (numbers[i]! < 0 || numbers[i]! > 600 || numbers[i + 1]! < 0 || numbers[i + 1]! > 200)
      return msg('The drawn signature goes outside the box: clear it and draw it again');
  return null;
}

/** A typed signature: the name typed must be the signer's own name (case and spacing aside). */
export function typedNameRefusal(typed: string, name: string): string | null {
  const norm = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
  if (!typed.trim()) return msg('Type your full name to sign');
  if (norm(typed) !== norm(name)) return t('Type your name exactly as it is on the agreement: {name}', { name });
  return null;
}
