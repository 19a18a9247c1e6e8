// The staff referral pages: the queue (filter by status, sort), one referral with everything submitted and
// its likely duplicates, and triage: accept into a case, link to an open case, decline or signpost.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Deps } from '#src/deps.ts';
import { can } from '#src/access/permissions.ts';
import { caseTypeName } from '#src/domain/case-words.ts';
import { asBody, optionalText, textOf } from '#src/http/page-form.ts';
import { fieldErrorsOf, keepValues, parseForm } from '#src/http/forms.ts';
import { msg } from '#src/i18n/i18n.ts';
import { AppError, type FieldErrors } from '#src/lib/app-error.ts';
import { isUuid } from '#src/lib/ids.ts';
import { registerEnquiryPages } from './enquiries.routes.ts';
import { createReferralPagesService } from './referral-pages.service.ts';
import {
  age,
  flagsOf,
  REFERRAL_STATUS_CLASSES,
  REFERRAL_STATUS_LABELS,
  REFERRAL_STATUSES,
  type ReferralStatus,
  referralModel,
  SOURCE_LABELS,
} from './referral-pages.present.ts';
import { ZDecision } from './referrals.schemas.ts';
import { doneOf, textParam } from '#src/http/page-input.ts';
const SORTS = ['urgent', 'reference', 'received', 'type'] as const;
const ZQueueQuery = z.object({
  status: z.enum([...REFERRAL_STATUSES, 'all']).catch('new'),
  sort: z.enum(SORTS).catch('urgent'),
  page: z.coerce.number().int().min(1).max(10000).catch(1),
});
type QueueQuery = z.infer<typeof ZQueueQuery>;

const queueHref = (q: Partial<QueueQuery>) => {
  const params = new URLSearchParams();
  if (q.status && q.status !== 'new') params.set('status', q.status);
  if (q.sort && q.sort !== 'urgent') params.set('sort', q.sort);
  if (q.page && q.page > 1) params.set('page', String(q.page));
  const qs = params.toString();
  return qs ? `/referrals?${qs}` : '/referrals';
};

type QueueRow = { id: string; reference: string; createdAt: Date; caseType: string; urgent: boolean };
const SORTERS: Record<QueueQuery['sort'], (a: QueueRow, b: QueueRow) => number> = {
  urgent: (a, b) => Number(b.urgent) - Number(a.urgent) || b.createdAt.getTime() - a.createdAt.getTime(),
  reference: (a, b) => a.reference.localeCompare(b.reference),
  received: (a, b) => a.createdAt.getTime() - b.createdAt.getTime(),
  type: (a, b) => a.caseType.localeCompare(b.caseType) || b.createdAt.getTime() - a.createdAt.getTime(),
};

const DONE: Record<string, string> = { declined: msg('Referral declined.'), signposted: msg('Referral signposted.') };

export function registerReferralPages(app: FastifyInstance, deps: Pick<Deps, 'clock' | 'db' | 'publicIntake' | 'referrals' | 'enquiries' | 'enquiryPages'>) {
  const pages = createReferralPagesService(deps);

  app.get('/referrals', async (req, reply) => {
    const query = ZQueueQuery.parse(req.query ?? {});
    const { rows, total, types } = await pages.listPage(req.actor!, { status: query.status === 'all' ? undefined : query.status, page: query.page });
    const now = deps.clock.now();
    const sorted = [...rows].sort(SORTERS[query.sort]);
    const header = (sort: QueueQuery['sort']) => ({
      href: queueHref({ ...query, sort, page: 1 }),
      ariaSort: query.sort === sort ? (sort === 'received' || sort === 'reference' || sort === 'type' ? 'ascending' : 'descending') : 'none',
    });
    return reply.page('referrals/views/referrals.njk', {
      pageTitle: req.t('Referrals'),
      status: query.status,
      sort: query.sort,
      statusItems: [...REFERRAL_STATUSES, 'all' as const].map((s) => ({
        value: s,
        text: s === 'all' ? req.t('All referrals') : req.t(REFERRAL_STATUS_LABELS[s]),
        checked: query.status === s,
      })),
      heading: query.status === 'all' ? req.t('All referrals') : req.t('{status} referrals', { status: req.t(REFERRAL_STATUS_LABELS[query.status]) }),
      headers: { urgent: header('urgent'), reference: header('reference'), received: header('received'), type: header('type') },
      referrals: sorted.map((r) => ({
        id: r.id,
        reference: r.reference,
        received: r.createdAt,
        age: age(req.t, r.createdAt, now),
        source: req.t(SOURCE_LABELS[r.source] ?? r.source),
        caseType: caseTypeName(
          req.t,
          types.find((c) => c.code === r.caseType),
          r.caseType,
        ),
        people: r.parties.length,
        flags: flagsOf(req.t, r),
        status: req.t(REFERRAL_STATUS_LABELS[r.status as ReferralStatus] ?? r.status),
        statusClass: REFERRAL_STATUS_CLASSES[r.status as ReferralStatus] ?? 'govuk-tag--grey',
      })),
      total,
      pagination: {
        previous: query.page > 1 ? { href: queueHref({ ...query, page: query.page - 1 }) } : undefined,
        next: query.page * 50 < total ? { href: queueHref({ ...query, page: query.page + 1 }) } : undefined,
      },
      canSeeVolunteers: can(req.actor!.role, 'people.view'),
    });
  });

  async function referralPage(
    req: FastifyRequest,
    reply: FastifyReply,
    extra: { values?: Record<string, string>; fields?: FieldErrors; errors?: { text: string; href?: string }[] } = {},
  ) {
    const page = await pages.referralPage(req.actor!, referralIdParam(req));
    const values = extra.values ?? {};
    const model = referralModel(req.t, page, deps.clock.now(), values['accept-coordinatorId'] ?? req.actor!.id);
    const done = doneOf(req);
    return reply.page('referrals/views/referral.njk', {
      pageTitle: req.t('Referral {reference}', { reference: model.reference }),
      r: model,
      values,
      fields: extra.fields ?? {},
      errors: extra.errors,
      flash: done ? DONE[done] : undefined,
    });
  }

  app.get('/referrals/:id', (req, reply) => referralPage(req, reply));

  /** Runs a triage form; on a problem, shows the referral again with the problems and what was typed. */
  async function triage(req: FastifyRequest, reply: FastifyReply, prefix: string, order: string[], run: () => Promise<string>) {
    try {
      return reply.redirect(await run(), 303);
    } catch (err) {
      const fields = fieldErrorsOf(err);
      if (!fields) throw err;
      // A problem with the referral as a whole (already triaged) has no field: it is shown in the summary only.
      const { _: general, ...byField } = fields;
      const shown = Object.fromEntries(Object.entries(byField).map(([k, v]) => [`${prefix}-${k}`, v]));
      const keys = [
        ...order.map((k) => `${prefix}-${k}`).filter((k) => shown[k]),
        ...Object.keys(shown).filter((k) => !order.some((o) => `${prefix}-${o}` === k)),
      ];
      const values = Object.fromEntries(Object.entries(keepValues(req.body)).map(([k, v]) => [`${prefix}-${k}`, v]));
      return referralPage(req, reply.status(err instanceof AppError ? err.status : 422), {
        values,
        fields: shown,
        errors: [...(general ? [{ text: general }] : []), ...keys.map((k) => ({ text: shown[k]!, href: `#${k}` }))],
      });
    }
  }

  app.post('/referrals/:id/accept', (req, reply) =>
    triage(req, reply, 'accept', ['coordinatorId'], async () => {
      const coordinatorId = optionalText(asBody(req.body), 'coordinatorId');
      if (coordinatorId && !isUuid(coordinatorId))
        throw new AppError('UNPROCESSABLE', msg('Choose a coordinator'), { fields: { coordinatorId: 'Choose a coordinator' } });
      const { caseId } = await deps.referrals.accept(req.actor!, referralIdParam(req), { coordinatorId });
      return `/cases/${caseId}?done=accepted`;
    }),
  );

  app.post('/referrals/:id/link', (req, reply) =>
    triage(req, reply, 'link', ['caseId'], async () => {
      const caseId = textOf(asBody(req.body), 'caseId');
      if (!isUuid(caseId)) throw new AppError('UNPROCESSABLE', msg('Choose the case to link to'), { fields: { caseId: 'Choose the case to link to' } });
      await deps.referrals.linkToCase(req.actor!, referralIdParam(req), caseId);
      return `/cases/${caseId}/timeline?done=linked`;
    }),
  );

  for (const outcome of ['decline', 'signpost'] as const) {
    app.post(`/referrals/:id/${outcome}`, (req, reply) =>
      triage(req, reply, outcome, ['reason', 'signpostedTo'], async () => {
        const body = asBody(req.body);
        const input = { reason: textOf(body, 'reason'), signpostedTo: optionalText(body, 'signpostedTo') };
        const form = parseForm(ZDecision, input);
        const fields: FieldErrors = form.ok ? {} : { ...form.fields };
        if (outcome === 'signpost' && !input.signpostedTo)
          fields.signpostedTo = req.t('Say where you signposted them, like Citizens Advice or the council’s housing team');
        if (!form.ok || Object.keys(fields).length) throw new AppError('UNPROCESSABLE', msg('Check the form'), { fields });
        const id = referralIdParam(req);
        await deps.referrals.decline(req.actor!, id, form.data, outcome === 'decline' ? 'declined' : 'signposted');
        return `/referrals/${id}?done=${outcome === 'decline' ? 'declined' : 'signposted'}`;
      }),
    );
  }

  registerEnquiryPages(app, deps);
}

function referralIdParam(req: FastifyRequest) {
  const id = textParam(req, 'id');
  if (!isUuid(id)) throw new AppError('NOT_FOUND', msg('That referral was not found'));
  return id;
}
