// The outbox pages (email.view): /email, the filterable list of every message the service has sent or held, and
// /email/{id}, one message as sent with its calendar invitation and delivery log, and "Try again"; a letter to post
// as a PDF (/email/letters/{id}.pdf) and "Mark as posted".
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '#src/lib/app-error.ts';
import type { Deps } from '#src/deps.ts';
import { OUTBOX_STATUSES } from './outbox-words.ts';
import { msg } from '#src/i18n/i18n.ts';
import { messageRow, messageView, OUTCOME_LABELS, statusWords, templateWords } from './email.present.ts';
import { ZOutboxQuery } from './email.schemas.ts';
import { TEMPLATE_NAMES } from './templates.ts';
import { doneOf, textParam } from '#src/http/page-input.ts';
const idOf = (req: FastifyRequest) => textParam(req, 'id');
const LETTER_DONE: Record<string, string> = { retried: msg('The message is back in the queue.'), posted: msg('The letter is marked as posted.') };

function outboxHref(query: Record<string, string | number | undefined>) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '' && !(k === 'page' && v === 1)) params.append(k, String(v));
  const s = params.toString();
  return s ? `/email?${s}` : '/email';
}

export function registerEmailPages(app: FastifyInstance, deps: Pick<Deps, 'clock' | 'email'>) {
  app.get('/email', async (req, reply) => {
    const parsed = ZOutboxQuery.safeParse(req.query ?? {});
    const query = parsed.success ? parsed.data : { page: 1, status: undefined, template: undefined, q: undefined };
    const list = await deps.email.list(req.actor!, query, query.page);
    const kept = { status: query.status, template: query.template, q: query.q };
    const without = (key: 'status' | 'template') => outboxHref({ ...kept, [key]: undefined });
    const last = Math.max(1, Math.ceil(list.total / list.pageSize));
    return reply.page('email/views/outbox.njk', {
      pageTitle: req.t('Email'),
      smtpConfigured: list.smtpConfigured,
      held: list.counts.held ?? 0,
      toPost: list.counts.to_post ?? 0,
      toPostNoAddress: list.counts.to_post_no_address ?? 0,
      toPostHref: outboxHref({ status: 'to_post' }),
      failed: list.counts.failed ?? 0,
      messages: list.messages.map(messageRow),
      total: list.total,
      page: list.page,
      q: query.q ?? '',
      isFiltered: Boolean(query.status || query.template || query.q),
      statusItems: [
        { value: '', text: req.t('Any status') },
        ...OUTBOX_STATUSES.map((s) => ({ value: s, text: statusWords(s), selected: query.status === s })),
      ],
      templateItems: [
        { value: '', text: req.t('Any kind') },
        ...TEMPLATE_NAMES.map((n) => ({ value: n, text: templateWords(n), selected: query.template === n })),
      ],
      selectedFilters: {
        heading: { text: req.t('Selected filters') },
        clearLink: { text: req.t('Clear filters'), href: '/email' },
        categories: [
          query.status && { heading: { text: req.t('Status') }, items: [{ href: without('status'), text: statusWords(query.status) }] },
          query.template && { heading: { text: req.t('Kind') }, items: [{ href: without('template'), text: templateWords(query.template) }] },
        ].filter(Boolean),
      },
      pagination: {
        previous: list.page > 1 ? { href: outboxHref({ ...kept, page: list.page - 1 }) } : undefined,
        next: list.page < last ? { href: outboxHref({ ...kept, page: list.page + 1 }) } : undefined,
      },
    });
  });

  /** One message's page; `refused`: why an action on it was refused, shown as the page's error. */
  async function showMessage(req: FastifyRequest, reply: FastifyReply, refused?: string) {
    const found = await deps.email.message(req.actor!, idOf(req));
    const view = messageView(found.message, found.caseReference, deps.clock.now());
    return reply.page('email/views/message.njk', {
      pageTitle: view.subject,
      m: view,
      smtpConfigured: found.smtpConfigured,
      deliveries: found.deliveries.map((d) => ({ at: d.at, outcome: req.t(OUTCOME_LABELS[d.outcome] ?? d.outcome), detail: d.detail ?? '' })),
      flash: refused ? undefined : LETTER_DONE[doneOf(req)],
      errors: refused ? [{ text: refused }] : undefined,
    });
  }

  app.get('/email/:id', (req, reply) => showMessage(req, reply));

  app.get('/email/letters/:id.pdf', async (req, reply) => {
    const pdf = await deps.email.letterPdf(req.actor!, idOf(req));
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="${pdf.filename}"`)
      .header('cache-control', 'no-store')
      .send(pdf.bytes);
  });

  app.post('/email/letters/:id/posted', async (req, reply) => {
    try {
      await deps.email.markPosted(req.actor!, idOf(req));
    } catch (err) {
      // A letter with no address to post it to: the page again, saying what to do.
      if (!(err instanceof AppError && err.reason === 'LETTER_HAS_NO_ADDRESS')) throw err;
      return showMessage(req, reply.code(409), err.messageIn(req.locale));
    }
    return reply.redirect(`/email/${idOf(req)}?done=posted`, 303);
  });

  app.post('/email/:id/retry', async (req, reply) => {
    await deps.email.retry(req.actor!, idOf(req));
    return reply.redirect(`/email/${idOf(req)}?done=retried`, 303);
  });
}
