// View models for the expense pages and reading the claim form (multipart, so it can carry a receipt).
// Fields are picked one by one; the receipt's content never goes into a page.
import { asBody, dateOf, type FormBody, optionalText, textOf } from '#src/http/page-form.ts';
import { translator, msg } from '#src/i18n/i18n.ts';
import type { FieldErrors } from '#src/lib/app-error.ts';
import type { ClaimView } from './expenses.repo.ts';
import { formatPence, readMiles, readPounds } from './expenses.schemas.ts';
import type { ReceiptFile } from './expenses.service.ts';
import { EXPENSE_KIND_LABELS, type ExpenseKind, type ExpenseStatus } from '../volunteer-words.ts';

const t = translator('en');

export const STATUS_WORDS: Record<ExpenseStatus, { text: string; classes: string }> = {
  submitted: { text: msg('Waiting for a decision'), classes: 'moj-badge--blue' },
  approved: { text: msg('Approved, to be paid'), classes: 'moj-badge--purple' },
  paid: { text: msg('Paid'), classes: 'moj-badge--green' },
  rejected: { text: msg('Rejected'), classes: 'moj-badge--red' },
};

export const kindLabel = (k: string) => t(EXPENSE_KIND_LABELS[k as ExpenseKind] ?? k);
export const pencePerMileWords = (p: number) => (p % 100 === 0 ? `£${p / 100}` : p > 100 ? formatPence(p) : `${p}p`);

/** One claim as a row of a table. */
export function claimRow(c: ClaimView) {
  const status = STATUS_WORDS[c.status as ExpenseStatus] ?? { text: c.status, classes: '' };
  return {
    id: c.id,
    volunteerName: c.volunteerName,
    on: c.on,
    kind: kindLabel(c.kind),
    description: c.description,
    miles: c.miles,
    caseReference: c.caseReference ?? '',
    amount: formatPence(c.amountPence),
    status: t(status.text),
    statusClass: status.classes,
    decisionNote: c.decisionNote ?? '',
    decidedBy: c.decidedBy ?? '',
    decidedAt: c.decidedAt,
    receiptHref: c.hasReceipt ? `/expenses/${c.id}/receipt` : undefined,
    href: `/expenses/${c.id}`,
  };
}

/** A file the browser sent (the claim form's "receipt" part), as read by the multipart plugin's onFile. */
export type UploadedFile = { filename: string; bytes: Buffer; truncated: boolean };
const isUpload = (v: unknown): v is UploadedFile => Boolean(v && typeof v === 'object' && Buffer.isBuffer((v as UploadedFile).bytes));

export const CLAIM_FORM_ORDER = ['kind', 'on', 'miles', 'amount', 'caseId', 'description', 'receipt'];
const FIELD_OF: Record<string, string> = { amountPence: 'amount', _: 'kind' };

/** The claim form as typed: the input for ZExpenseClaim, the problems found reading it, and the receipt if one was chosen. */
export function readClaimForm(raw: unknown) {
  const body: FormBody = asBody(raw);
  const kind = optionalText(body, 'kind');
  const on = dateOf(body, 'on', msg('Date'), { required: true });
  const problems: FieldErrors = {};
  if (on.error) problems.on = on.error;
  let miles: number | undefined;
  let amountPence: number | undefined;
  if (kind === 'mileage') {
    const read = readMiles(textOf(body, 'miles'));
    if (read.error) problems.miles = read.error;
    miles = read.miles;
  } else if (kind === 'travel' || kind === 'other') {
    const read = readPounds(textOf(body, 'amount'));
    if (read.error) problems.amount = read.error;
    amountPence = read.pence;
  }
  const file = body.receipt;
  const receipt: ReceiptFile | undefined = isUpload(file) && (file.filename || file.bytes.length) ? file : undefined;
  return {
    input: { kind, on: on.value ?? '', miles, amountPence, description: textOf(body, 'description'), caseId: optionalText(body, 'caseId') },
    problems,
    receipt,
    typed: body,
  };
}

/** Field errors on the form's fields; a chosen file is not kept, so ask for it again. */
export function claimFormFields(fields: FieldErrors, hadReceipt: boolean): FieldErrors {
  const out: FieldErrors = {};
  for (const [k, v] of Object.entries(fields)) out[FIELD_OF[k] ?? k] ??= v;
  if (hadReceipt && !out.receipt) out.receipt = t('Choose the receipt file again: files are not kept when there is a problem with the form');
  return out;
}

export function claimErrorSummary(fields: FieldErrors) {
  const keys = [...CLAIM_FORM_ORDER.filter((k) => fields[k]), ...Object.keys(fields).filter((k) => !CLAIM_FORM_ORDER.includes(k))];
  return keys.map((k) => ({ text: fields[k]!, href: k === 'on' ? '#on-day' : `#${k}` }));
}

/** Totals by month: one row per month with the amount in each status. */
export function monthRows(totals: { month: string; status: string; claims: number; pence: number }[]) {
  const months = new Map<string, Record<string, number>>();
  for (const r of totals) {
    const m = months.get(r.month) ?? {};
    m[r.status] = (m[r.status] ?? 0) + r.pence;
    months.set(r.month, m);
  }
  return [...months].map(([month, m]) => {
    const [year, mm] = month.split('-');
    const label = new Date(Date.UTC(Number(year), Number(mm) - 1, 1)).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
    return {
      month: label,
      submitted: formatPence(m.submitted ?? 0),
      approved: formatPence(m.approved ?? 0),
      paid: formatPence(m.paid ?? 0),
      rejected: formatPence(m.rejected ?? 0),
    };
  });
}
