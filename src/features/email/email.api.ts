// The outbox API (email.view): the service's messages by status, page by page, and one message with its body,
// invitation and delivery log (reading a body is audited), and "try again" for a failed or held one; letters to post
// (status to_post) as PDFs, and marking one as posted.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '#src/deps.ts';
import { errorResponses, ZApiError } from '#src/http/api-schemas.ts';
import type { Translate } from '#src/i18n/i18n.ts';
import { summariseIcs } from './ics-summary.ts';
import { addressNotice, lacksAddress } from './letter-address.ts';
import { ZOutboxParams, ZOutboxQuery } from './email.schemas.ts';

const tags = ['email'];
const security = [{ bearer: [] }];

const ZMessageSummary = z.object({
  id: z.string(),
  status: z
    .string()
    .describe(
      'queued, sending, sent, failed or held (no mail server set up); a letter: to_post, posted or withdrawn (the person asked for nothing to be posted to them)',
    ),
  channel: z.enum(['email', 'post']).describe('email, or post: a letter to print for someone without an email address'),
  template: z.string(),
  to: z.string().describe('The email address; empty for a letter'),
  toName: z.string().nullable(),
  postalAddress: z.string().nullable().describe('A letter’s address, a line each, postcode last; null when the case has none for them'),
  noAddress: z
    .boolean()
    .describe(
      'A letter still to post with no address to post it to: it cannot be marked as posted until the person’s address is added on the case’s People tab (the letter then takes it)',
    ),
  addressNotice: z.string().nullable().describe('What to do about a letter with no address, in words; null otherwise'),
  postedAt: z.string().nullable(),
  subject: z.string(),
  caseId: z.string().nullable(),
  caseReference: z.string().nullable(),
  attempts: z.number(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});

const ZMessage = ZMessageSummary.extend({
  messageId: z.string().describe('The RFC 5322 Message-ID, the same on every attempt'),
  meetingId: z.string().nullable(),
  text: z.string(),
  html: z.string().nullable(),
  ics: z.string().nullable(),
  icsMethod: z.string().nullable(),
  icsSummary: z
    .object({
      method: z.string().nullable(),
      uid: z.string().nullable(),
      sequence: z.number().nullable(),
      start: z.string().nullable(),
      end: z.string().nullable(),
    })
    .nullable(),
  postedBy: z.string().nullable(),
  lastError: z.string().nullable(),
  smtpResponse: z.string().nullable(),
  deliveries: z.array(z.object({ at: z.string(), outcome: z.string(), detail: z.string().nullable() })),
});

const iso = (d: Date | null) => d?.toISOString() ?? null;
/** Whether a letter has no address to post it to, and what to do, in the request's language. */
const letterAddress = (t: Translate, m: Parameters<typeof addressNotice>[0]) => {
  const notice = addressNotice(m);
  // i18n-dynamic: the notices are msg() literals (letter-address.ts)
  return { noAddress: lacksAddress(m), addressNotice: notice ? t(notice) : null };
};

export function registerEmailApi(app: FastifyInstance, deps: Pick<Deps, 'email'>) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/email/outbox',
    {
      schema: {
        summary: 'The service’s email outbox, newest first, 50 a page; filter by status or template',
        tags,
        security,
        querystring: ZOutboxQuery,
        response: {
          200: z.object({ messages: z.array(ZMessageSummary), total: z.number(), page: z.number(), pageSize: z.number(), smtpConfigured: z.boolean() }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const list = await deps.email.list(req.actor!, req.query, req.query.page);
      return {
        messages: list.messages.map((m) => ({
          id: m.id,
          status: m.status,
          channel: m.channel === 'post' ? ('post' as const) : ('email' as const),
          template: m.template,
          to: m.toAddress,
          toName: m.toName,
          postalAddress: m.postalAddress,
          ...letterAddress(req.t, m),
          postedAt: iso(m.postedAt),
          subject: m.subject,
          caseId: m.caseId,
          caseReference: m.caseReference,
          attempts: m.attempts,
          createdAt: m.createdAt.toISOString(),
          sentAt: iso(m.sentAt),
        })),
        total: list.total,
        page: list.page,
        pageSize: list.pageSize,
        smtpConfigured: list.smtpConfigured,
      };
    },
  );

  api.get(
    '/api/v1/email/outbox/:id',
    {
      schema: {
        summary: 'One message as sent (or held): its body, calendar invitation and delivery log. Reading it is audited',
        tags,
        security,
        params: ZOutboxParams,
        response: { 200: ZMessage, 404: ZApiError, ...errorResponses },
      },
    },
    async (req) => {
      const { message: m, deliveries, caseReference } = await deps.email.message(req.actor!, req.params.id);
      const ics = m.ics ? summariseIcs(m.ics) : null;
      return {
        id: m.id,
        status: m.status,
        channel: m.channel === 'post' ? ('post' as const) : ('email' as const),
        template: m.template,
        to: m.toAddress,
        toName: m.toName,
        postalAddress: m.postalAddress,
        ...letterAddress(req.t, m),
        postedAt: iso(m.postedAt),
        postedBy: m.postedBy,
        subject: m.subject,
        caseId: m.caseId,
        caseReference,
        attempts: m.attempts,
        createdAt: m.createdAt.toISOString(),
        sentAt: iso(m.sentAt),
        messageId: m.messageId,
        meetingId: m.meetingId,
        text: m.textBody,
        html: m.htmlBody,
        ics: m.ics,
        icsMethod: m.icsMethod,
        icsSummary: ics && { method: ics.method, uid: ics.uid, sequence: ics.sequence, start: iso(ics.start), end: iso(ics.end) },
        lastError: m.lastError,
        smtpResponse: m.smtpResponse,
        deliveries: deliveries.map((d) => ({ at: d.at.toISOString(), outcome: d.outcome, detail: d.detail })),
      };
    },
  );

  api.post(
    '/api/v1/email/outbox/:id/retry',
    {
      schema: {
        summary: 'Put a failed or held message back in the queue',
        tags,
        security,
        params: ZOutboxParams,
        response: { 200: z.object({ id: z.string(), status: z.string() }), 404: ZApiError, 409: ZApiError, ...errorResponses },
      },
    },
    async (req) => deps.email.retry(req.actor!, req.params.id),
  );

  api.get(
    '/api/v1/email/letters/:id.pdf',
    {
      schema: {
        summary: 'A letter to post (for someone without an email address) as a PDF to print. Audited',
        tags,
        security,
        params: ZOutboxParams,
        response: { 200: z.any().describe('application/pdf'), 404: ZApiError, ...errorResponses },
      },
    },
    async (req, reply) => {
      const pdf = await deps.email.letterPdf(req.actor!, req.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${pdf.filename}"`)
        .header('cache-control', 'no-store')
        .send(pdf.bytes);
    },
  );

  api.post(
    '/api/v1/email/letters/:id/posted',
    {
      schema: {
        summary:
          'Record that a letter was printed and posted (who and when are kept, and audited); 409 for one posted already, or with no address to post it to (LETTER_HAS_NO_ADDRESS, saying what to do)',
        tags,
        security,
        params: ZOutboxParams,
        response: { 200: z.object({ id: z.string(), status: z.literal('posted'), postedAt: z.string() }), 404: ZApiError, 409: ZApiError, ...errorResponses },
      },
    },
    async (req) => {
      const done = await deps.email.markPosted(req.actor!, req.params.id);
      return { id: done.id, status: done.status, postedAt: done.postedAt.toISOString() };
    },
  );
}
