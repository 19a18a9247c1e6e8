// Pure: a letter between the parties (rules.md #34). Both facilitators vet each version: it is approved when two
// different people have approved that version and nobody has asked for changes to it or withheld it; a withheld letter
// is never passed on. The recipient's copy is the only text of a letter that ever reaches the other party: every page,
// API answer and export for them goes through recipientCopy, which removes what the facilitators redacted and
// anything that looks like an address, a postcode, an email address or a phone number, and the sender's own.
import { msg } from '#src/i18n/i18n.ts';

export const REVIEW_DECISIONS = ['approve', 'changes', 'withhold'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];
export type LetterReview = { version: number; reviewerId: string; decision: ReviewDecision | string };
export type LetterStatus = 'awaiting_vetting' | 'changes_asked' | 'withheld' | 'approved' | 'passed';

/** How many different facilitators must approve a version. */
export const APPROVALS_NEEDED = 2;

export function letterStatus(l: { version: number; passedAt: Date | null }, reviews: readonly LetterReview[]): LetterStatus {
  if (l.passedAt) return 'passed';
  const now = reviews.filter((r) => r.version === l.version);
  if (reviews.some((r) => r.decision === 'withhold')) return 'withheld';
  if (now.some((r) => r.decision === 'changes')) return 'changes_asked';
  const approvers = new Set(now.filter((r) => r.decision === 'approve').map((r) => r.reviewerId));
  return approvers.size >= APPROVALS_NEEDED ? 'approved' : 'awaiting_vetting';
}

export type ReviewRefusal = string | undefined;

/** Why this person may not vet this letter now, or undefined. */
export function reviewRefusal(status: LetterStatus, reviews: readonly LetterReview[], version: number, reviewerId: string): ReviewRefusal {
  if (status === 'passed') return 'This letter has already been passed on';
  if (status === 'withheld') return 'This letter has been withheld';
  if (status === 'changes_asked') return 'Changes have been asked for: the letter must be revised before it is vetted again';
  if (reviews.some((r) => r.version === version && r.reviewerId === reviewerId && r.decision === 'approve'))
    return 'You have already approved this version: the other facilitator needs to vet it';
  return undefined;
}

/** How many facilitators a case needs before its letters are vetted (rules.md #26: a coordinator and two facilitators). */
export const FACILITATORS_NEEDED = 2;

/**
 * Why this person may not vet the case's letters at all, or undefined: only the facilitators assigned to the case now
 * vet, and only once the case has its two. `userId` is the asker's sign-in (null for an API key, which never vets).
 */
export function vetterRefusal(facilitators: readonly { userId: string | null }[], userId: string | null): string | undefined {
  if (facilitators.length < FACILITATORS_NEEDED) return msg('Two facilitators must be assigned to this case before its letters are vetted');
  if (!userId || !facilitators.some((f) => f.userId === userId)) return msg('Only the two facilitators assigned to this case vet its letters');
  return undefined;
}

/** Why the letter may not be passed on, or undefined (the contact gate is asked as well). */
export function passRefusal(status: LetterStatus): string | undefined {
  if (status === 'passed') return 'This letter has already been passed on';
  if (status !== 'approved') return 'A letter is passed on only once both facilitators have approved it';
  return undefined;
}

export const REMOVED = '[removed by the facilitators]';

// A UK postcode, a house number and street, an email address, a phone number of 10 or more digits.
const POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/gi;
const STREET =
  /\b\d{1,4}[a-z]?\s+(?:[A-Z][a-z]+\s+){1,3}(?:Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Close|Drive|Dr|Way|Court|Ct|Place|Crescent|Grove|Gardens|Terrace|Hill|Row|Walk|Mews|Square)\b/g;
const EMAIL = /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g;
const PHONE = /(?:\+44\s?|\b0)(?:[\s-]?\d){9,10}\b/g;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The text the other party receives: redactions, the sender's own contact details and anything address-like removed. */
export function recipientCopy(body: string, redactions: readonly string[], senderDetails: readonly (string | null | undefined)[] = []): string {
  let out = body;
  const phrases = [...redactions, ...senderDetails]
    .filter((p): p is string => typeof p === 'string' && p.trim().length >= 3)
    .map((p) => p.trim())
    .sort((a, b) => b.length - a.length);
  for (const p of phrases) out = out.replace(new RegExp(escapeRegExp(p), 'gi'), REMOVED);
  return out.replace(EMAIL, REMOVED).replace(STREET, REMOVED).replace(POSTCODE, REMOVED).replace(PHONE, REMOVED);
}
