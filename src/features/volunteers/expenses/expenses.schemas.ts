// Expense claims: reading pounds ("12.50", "£12.50") and miles as typed, and the zod inputs the page and the
// API share. Money is kept in pence so sums are exact.
import { msg } from '#src/i18n/i18n.ts';
import { notARealDate } from '#src/lib/zod-fields.ts';
import { z } from 'zod';
import { EXPENSE_KINDS, EXPENSE_STATUSES } from '../volunteer-words.ts';

/** The largest single claim, as a guard against a slipped decimal point (£2,000). */
export const MAX_CLAIM_PENCE = 200_000;
export const MAX_MILES = 2000;

export type MoneyAnswer = { pence?: number; error?: string };

/** Pounds as typed — "12", "12.5", "12.50", "£12.50", "£1,250.00" — in pence, or the problem in words. */
export function readPounds(text: string, label = 'Amount'): MoneyAnswer {
  const typed = text
    .trim()
    .replace(/^£\s*/, '')
    .replace(/,(?=\d{3}(\D|$))/g, '');
  if (!typed) return { error: `Enter the ${label.toLowerCase()} in pounds, like 12.50` };
  if (/^-/.test(typed)) return { error: `${label} must be more than £0` };
  if (/^\d+\.\d{3,}$/.test(typed)) return { error: `${label} must be in pounds and pence, like 12.50, with no more than 2 numbers after the point` };
  if (!/^\d{1,7}(\.\d{1,2})?$/.test(typed)) return { error: `${label} must be an amount in pounds, like 12.50` };
  const [pounds, pence = ''] = typed.split('.');
  const total = Number(pounds) * 100 + Number(pence.padEnd(2, '0'));
  if (total <= 0) return { error: `${label} must be more than £0` };
  if (total > MAX_CLAIM_PENCE) return { error: `${label} must be £${(MAX_CLAIM_PENCE / 100).toLocaleString('en-GB')} or less` };
  return { pence: total };
}

export type MilesAnswer = { miles?: number; error?: string };

/** Whole miles as typed ("12", "12 miles"). */
export function readMiles(text: string): MilesAnswer {
  const typed = text.trim().replace(/\s*miles?$/i, '');
  if (!typed) return { error: 'Enter how many miles you drove, like 12' };
  if (!/^\d{1,5}$/.test(typed)) return { error: 'Miles must be a whole number, like 12' };
  const miles = Number(typed);
  if (miles <= 0) return { error: 'Miles must be more than 0' };
  if (miles > MAX_MILES) return { error: `Miles must be ${MAX_MILES} or fewer` };
  return { miles };
}

/** Pence as people read them: "£12.50", "£1,250.00". */
export const formatPence = (pence: number): string => `£${(pence / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** Pence as plain pounds for a form or CSV: "12.50". */
export const plainPounds = (pence: number): string => (pence / 100).toFixed(2);

const isoDate = (label: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, notARealDate(label));

/** A receipt file as the service takes it (bytes already read). */
export type ReceiptUpload = { filename: string; declaredType: string; bytes: Buffer };

/** A claim as the service takes it: mileage gives miles (the amount is worked out), travel and other give pence. */
export const ZExpenseClaim = z
  .object({
    kind: z.enum(EXPENSE_KINDS, { error: 'Choose what you are claiming for' }),
    on: isoDate(msg('Date')),
    miles: z.number().int('Miles must be a whole number').min(1, 'Miles must be more than 0').max(MAX_MILES).optional(),
    amountPence: z.number().int().min(1, 'Amount must be more than £0').max(MAX_CLAIM_PENCE).optional(),
    description: z.string().trim().min(1, 'Say what the expense was for').max(500, 'The description must be 500 characters or fewer'),
    caseId: z.string().uuid('Choose one of your cases').optional(),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'mileage' && v.miles === undefined) ctx.addIssue({ code: 'custom', path: ['miles'], message: 'Enter how many miles you drove, like 12' });
    if (v.kind !== 'mileage' && v.amountPence === undefined)
      ctx.addIssue({ code: 'custom', path: ['amount'], message: 'Enter the amount in pounds, like 12.50' });
  });
export type ExpenseClaimInput = z.infer<typeof ZExpenseClaim>;

/** The API's body: JSON, with the receipt (optional) as base64. */
export const ZExpenseClaimApi = z.object({
  kind: z.enum(EXPENSE_KINDS),
  on: isoDate(msg('Date')),
  miles: z.number().int().min(1).max(MAX_MILES).optional().describe('Mileage claims: whole miles; the amount is miles × the service’s rate'),
  amountPence: z.number().int().min(1).max(MAX_CLAIM_PENCE).optional().describe('Travel and other claims: the amount in pence'),
  description: z.string().trim().min(1).max(500),
  caseId: z.string().uuid().optional(),
  receipt: z
    .object({
      filename: z.string().trim().min(1).max(200),
      contentType: z.string().max(100),
      base64: z.string().max(7_200_000).describe('The file, base64-encoded (PDF, JPEG or PNG, at most 5 MB)'),
    })
    .optional(),
});
export type ExpenseClaimApi = z.infer<typeof ZExpenseClaimApi>;

export const DECISIONS = ['approved', 'rejected', 'paid'] as const;
export type Decision = (typeof DECISIONS)[number];

export const ZDecision = z
  .object({
    decision: z.enum(DECISIONS, { error: 'Choose approve, reject or mark as paid' }),
    note: z.string().trim().max(1000, 'The note must be 1000 characters or fewer').optional(),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'rejected' && !v.note) ctx.addIssue({ code: 'custom', path: ['note'], message: 'Say why the claim is rejected' });
  });
export type DecisionInput = z.infer<typeof ZDecision>;

export const ZClaimQuery = z.object({ status: z.enum(EXPENSE_STATUSES).optional() });
