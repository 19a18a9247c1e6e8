// Expense pages: the volunteer's claims and the claim form with its receipt upload (/my/expenses), the
// coordinators' queue and decisions (/expenses), and receipts. The claim form is multipart/form-data and works
// without JavaScript: the multipart parser is registered only for that one route (so every other form keeps
// its urlencoded parser), and it puts the form's fields on req.body as strings, so the CSRF check reads the
// `_csrf` field as it does on every other form.
import fastifyMultipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '#src/deps.ts';
import { asBody, optionalText } from '#src/http/page-form.ts';
import { fieldErrorsOf, keepValues, parseForm } from '#src/http/forms.ts';
import { msg } from '#src/i18n/i18n.ts';
import type { FieldErrors } from '#src/lib/app-error.ts';
import { longDate } from '#src/domain/dates-in-words.ts';
import { RECEIPT_MAX_BYTES } from './expense-rules.ts';
import {
  claimErrorSummary,
  claimFormFields,
  claimRow,
  kindLabel,
  monthRows,
  pencePerMileWords,
  readClaimForm,
  STATUS_WORDS,
  type UploadedFile,
} from './expenses.present.ts';
import { type Decision, formatPence, ZDecision, ZExpenseClaim } from './expenses.schemas.ts';
import { EXPENSE_KINDS, EXPENSE_STATUSES, type ExpenseStatus } from '../volunteer-words.ts';
import { doneOf, queryField, textParam } from '#src/http/page-input.ts';

type FormState = { values?: Record<string, string>; fields?: FieldErrors };

const claimIdOf = (req: FastifyRequest) => textParam(req, 'claimId');
const DONE: Record<string, string> = {
  submitted: msg('Claim sent. The coordinator will approve it or explain why not.'),
  approved: msg('Claim approved.'),
  rejected: msg('Claim rejected.'),
  paid: msg('Claim marked as paid.'),
};
const flashOf = (req: FastifyRequest) => DONE[doneOf(req)];

/** Reads the one file part the claim form has ("receipt") into memory, up to the size limit; any other file is dropped. */
async function readReceiptPart(part: MultipartFile) {
  const chunks: Buffer[] = [];
  for await (const chunk of part.file) if (part.fieldname === 'receipt') chunks.push(chunk as Buffer);
  if (part.fieldname !== 'receipt') return;
  const upload: UploadedFile = { filename: part.filename, bytes: Buffer.concat(chunks), truncated: part.file.truncated };
  part.value = upload;
}

/** A header-safe file name: ASCII for old clients, and the full name encoded (RFC 6266). */
export function attachmentHeader(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export function registerExpensePages(app: FastifyInstance, deps: Pick<Deps, 'expenses'>) {
  async function renderClaimForm(req: FastifyRequest, reply: FastifyReply, state: FormState = {}) {
    const form = await deps.expenses.claimForm(req.actor!);
    const values = state.values ?? {};
    const fields = state.fields ?? {};
    const errors = claimErrorSummary(fields);
    const rate = pencePerMileWords(form.mileagePence);
    const miles = Number(values.miles);
    return reply.page('volunteers/expenses/views/my-expenses-new.njk', {
      pageTitle: req.t('Make an expense claim'),
      values,
      fields,
      errors: errors.length ? errors : undefined,
      kindItems: EXPENSE_KINDS.map((k) => ({ value: k, text: kindLabel(k), checked: values.kind === k })),
      caseItems: [
        { value: '', text: req.t('Not for a particular case') },
        ...form.caseChoices.map((c) => ({ value: c.caseId, text: c.reference, selected: values.caseId === c.caseId })),
      ],
      mileageHint:
        Number.isInteger(miles) && miles > 0
          ? req.t('Paid at {rate} a mile: {miles} miles is {amount}', { rate, miles, amount: formatPence(miles * form.mileagePence) })
          : req.t('Paid at {rate} a mile: for example, 12 miles is {amount}', { rate, amount: formatPence(12 * form.mileagePence) }),
    });
  }

  async function renderClaim(req: FastifyRequest, reply: FastifyReply, state: FormState = {}) {
    const { claim, decisions, isOwnClaim } = await deps.expenses.claim(req.actor!, claimIdOf(req));
    const row = claimRow(claim);
    const fields = state.fields ?? {};
    const errors = Object.entries(fields).map(([k, v]) => ({ text: v, href: k === 'note' ? '#note' : '#decision' }));
    const words: Record<Decision, string> = { approved: msg('Approve'), rejected: msg('Reject'), paid: msg('Mark as paid') };
    const possible = isOwnClaim ? [] : decisions.filter((d) => d.allowed);
    const summary = (key: string, text: string, html?: string) => ({ key: { text: req.t(key) }, value: html ? { html } : { text } });
    const rows = [
      summary(msg('Volunteer'), row.volunteerName),
      summary(msg('Date'), longDate(claim.on)),
      summary(msg('Claim'), row.miles ? `${row.kind} (${req.t('{miles} miles', { miles: row.miles })})` : row.kind),
      summary(msg('What it was for'), row.description),
      summary(msg('Case'), row.caseReference || req.t('Not for a particular case')),
      summary(msg('Amount'), row.amount),
      summary(msg('Receipt'), '', row.receiptHref ? `<a class="govuk-link" href="${row.receiptHref}">${req.t('Download the receipt')}</a>` : req.t('None')),
      ...(row.decidedBy ? [summary(msg('Decided by'), row.decidedBy), summary(msg('Note'), row.decisionNote || req.t('None'))] : []),
    ];
    return reply.page('volunteers/expenses/views/expenses-claim.njk', {
      pageTitle: req.t('Expense claim'),
      claim: row,
      rows,
      values: state.values ?? {},
      fields,
      errors: errors.length ? errors : undefined,
      decisionItems: possible.map((d) => ({ value: d.decision, text: req.t(words[d.decision]), checked: state.values?.decision === d.decision })),
      refusals: isOwnClaim
        ? [req.t('You cannot decide your own expense claim; ask another coordinator')]
        : possible.length
          ? []
          : [req.t('There is nothing more to decide on this claim.')],
    });
  }

  app.get('/my/expenses', async (req, reply) => {
    const mine = await deps.expenses.mine(req.actor!);
    return reply.page('volunteers/expenses/views/my-expenses.njk', { pageTitle: req.t('My expenses'), claims: mine.claims.map(claimRow), flash: flashOf(req) });
  });

  app.get('/my/expenses/new', (req, reply) => renderClaimForm(req, reply));

  // The multipart parser lives in its own scope, with this one route.
  app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      attachFieldsToBody: 'keyValues',
      onFile: readReceiptPart,
      throwFileSizeLimit: false,
      limits: { fileSize: RECEIPT_MAX_BYTES, files: 1, fields: 20, fieldSize: 10_000, parts: 25, headerPairs: 100 },
    });
    scope.post('/my/expenses/new', async (req, reply) => {
      const { input, problems, receipt, typed } = readClaimForm(req.body);
      const parsed = parseForm(ZExpenseClaim, input);
      let fields: FieldErrors = { ...(parsed.ok ? {} : parsed.fields), ...problems };
      if (parsed.ok && !Object.keys(problems).length) {
        try {
          await deps.expenses.submitMine(req.actor!, parsed.data, receipt);
          return reply.redirect('/my/expenses?done=submitted', 303);
        } catch (err) {
          const found = fieldErrorsOf(err);
          if (!found) throw err;
          fields = found;
        }
      }
      reply.status(422);
      return renderClaimForm(req, reply, { values: keepValues(typed, ['_csrf', 'receipt']), fields: claimFormFields(fields, Boolean(receipt)) });
    });
  });

  app.get('/expenses', async (req, reply) => {
    const asked = queryField(req, 'status');
    const status = asked === 'all' ? undefined : EXPENSE_STATUSES.includes(asked as ExpenseStatus) ? (asked as ExpenseStatus) : 'submitted';
    const queue = await deps.expenses.queue(req.actor!, status);
    const tabs: [string, string][] = [
      ['submitted', msg('Waiting for a decision')],
      ['approved', msg('Approved, to be paid')],
      ['paid', msg('Paid')],
      ['rejected', msg('Rejected')],
      ['all', msg('All')],
    ];
    return reply.page('volunteers/expenses/views/expenses.njk', {
      pageTitle: req.t('Expense claims'),
      claims: queue.claims.map(claimRow),
      caption: status ? req.t(STATUS_WORDS[status].text) : req.t('All claims'),
      statusTabs: tabs.map(([value, text]) => ({ text: req.t(text), href: `/expenses?status=${value}`, active: (status ?? 'all') === value })),
      months: monthRows(queue.totals),
      flash: flashOf(req),
    });
  });

  app.get('/expenses/:claimId', (req, reply) => renderClaim(req, reply));

  app.post('/expenses/:claimId/decision', async (req, reply) => {
    const body = asBody(req.body);
    const parsed = parseForm(ZDecision, { decision: optionalText(body, 'decision'), note: optionalText(body, 'note') });
    let fields: FieldErrors = parsed.ok ? {} : parsed.fields;
    if (parsed.ok) {
      try {
        const done = await deps.expenses.decide(req.actor!, claimIdOf(req), parsed.data);
        return reply.redirect(`/expenses?done=${done.status}`, 303);
      } catch (err) {
        const found = fieldErrorsOf(err);
        if (!found) throw err;
        fields = found;
        reply.status((err as { status?: number }).status ?? 422);
      }
    } else reply.status(422);
    return renderClaim(req, reply, { values: keepValues(body), fields });
  });

  app.get('/expenses/:claimId/receipt', async (req, reply) => {
    const file = await deps.expenses.receipt(req.actor!, claimIdOf(req));
    return reply
      .type(file.contentType)
      .header('content-disposition', attachmentHeader(file.filename))
      .header('cache-control', 'private, no-store')
      .send(file.bytes);
  });
}
