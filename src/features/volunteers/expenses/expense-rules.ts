// Pure: the rules of an expense claim. Volunteers are paid expenses only (rules.md #52): what they spent on
// travel and out-of-pocket costs, approved by the service, never anything more. A receipt is needed for travel
// and other costs over £10; mileage is worked out from the miles at the service's rate. A claim moves
// submitted → approved → paid, or submitted → rejected, and nobody decides their own claim.
import { msg } from '#src/i18n/i18n.ts';
import type { ExpenseKind, ExpenseStatus } from '../volunteer-words.ts';
import type { Decision } from './expenses.schemas.ts';

export const RECEIPT_MAX_BYTES = 5 * 1024 * 1024;
/** Travel and other claims above this need a receipt. */
export const RECEIPT_REQUIRED_OVER_PENCE = 1000;
export const RECEIPT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type ReceiptType = (typeof RECEIPT_TYPES)[number];

export const mileageAmount = (miles: number, pencePerMile: number): number => miles * pencePerMile;

export function receiptRequired(kind: ExpenseKind, amountPence: number): boolean {
  return kind !== 'mileage' && amountPence > RECEIPT_REQUIRED_OVER_PENCE;
}

/** What the file really is, from its first bytes (never from the name or the browser's word for it). */
export function sniffReceiptType(bytes: Uint8Array): ReceiptType | undefined {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf'; // %PDF-
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  return undefined;
}

const EXTENSIONS: Record<ReceiptType, string> = { 'application/pdf': '.pdf', 'image/jpeg': '.jpg', 'image/png': '.png' };

/** A file name safe to store and to send back: no folders, no control or quote characters, the right extension. */
export function safeReceiptName(name: string, type: ReceiptType): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
    .replace(/[\u0000-\u001f\u007f"';<>*?|:]/g, '')
    .trim()
    .slice(0, 120);
  const stem = base.replace(/\.[A-Za-z0-9]{1,5}$/, '') || 'receipt';
  return `${stem}${EXTENSIONS[type]}`;
}

export type ReceiptCheck = { ok: true; contentType: ReceiptType; filename: string } | { ok: false; message: string };

export function checkReceipt(file: { filename: string; bytes: Uint8Array; truncated?: boolean }): ReceiptCheck {
  if (file.truncated || file.bytes.length > RECEIPT_MAX_BYTES) return { ok: false, message: 'The receipt must be smaller than 5 MB' };
  if (file.bytes.length === 0) return { ok: false, message: 'The receipt file is empty' };
  const type = sniffReceiptType(file.bytes);
  if (!type) return { ok: false, message: 'The receipt must be a PDF, JPG or PNG' };
  return { ok: true, contentType: type, filename: safeReceiptName(file.filename, type) };
}

export type ClaimDecisionView = { status: ExpenseStatus; claimantUserId: string | null };
export type RuleDecision = { allowed: boolean; reasons: string[] };

const FROM: Record<Decision, ExpenseStatus> = { approved: 'submitted', rejected: 'submitted', paid: 'approved' };
const STATUS_WORDS: Record<ExpenseStatus, string> = {
  submitted: msg('waiting for a decision'),
  approved: msg('approved'),
  rejected: msg('rejected'),
  paid: msg('paid'),
};

/** May this person make this decision on this claim now? The reasons are shown as they are. */
export function decideClaim(claim: ClaimDecisionView, deciderUserId: string, decision: Decision): RuleDecision {
  const reasons: string[] = [];
  if (claim.claimantUserId && claim.claimantUserId === deciderUserId) reasons.push('You cannot decide your own expense claim; ask another coordinator');
  if (claim.status !== FROM[decision]) {
    const needs = decision === 'paid' ? 'Only approved claims can be marked as paid' : 'Only claims waiting for a decision can be approved or rejected';
    reasons.push(`${needs}; this claim is ${STATUS_WORDS[claim.status]}`);
  }
  return { allowed: reasons.length === 0, reasons };
}
