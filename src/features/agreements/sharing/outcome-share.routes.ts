// The page for sharing the outcome with the referrer (case → Agreement → Sharing the outcome): each party's answer,
// recording one, and sending the outcome when every party agreed. The service checks access and audits.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '#src/deps.ts';
import { caseIdParam } from '#src/features/cases/case-page.routes.ts';
import type { CasePagesService } from '#src/features/cases/case-pages.service.ts';
import { parseForm } from '#src/http/forms.ts';
import { asBody, dateOf, textOf } from '#src/http/page-form.ts';
import { errorList } from '#src/http/views.ts';
import { listIn, msg } from '#src/i18n/i18n.ts';
import type { FieldErrors } from '#src/lib/app-error.ts';
import { attempt } from '../agreement-forms.ts';
import { agreementHeader } from '../drafting/drafting.routes.ts';
import { momentWords } from '../agreements.present.ts';
import { ZShareConsent } from './outcome-share.schemas.ts';

const DONE: Record<string, string> = {
  consent: msg('Answer recorded.'),
  sent: msg('The outcome has been emailed to the referrer.'),
};

const permission = 'cases.view' as const;
type State = { values?: Record<string, string>; fields?: FieldErrors };

export function registerOutcomeSharePages(app: FastifyInstance, deps: Deps, pages: CasePagesService) {
  async function render(req: FastifyRequest, reply: FastifyReply, state: State = {}) {
    const caseId = caseIdParam(req);
    const { header } = await agreementHeader(pages, req, caseId);
    const data = await deps.agreements.sharing.view(req.actor!, caseId);
    const values = state.values ?? {};
    const t = req.t;
    const answer = (c: boolean | null) => (c === null ? t('Not asked yet') : c ? t('Yes') : t('No'));
    const r = data.referrer;
    const done = (req.query as { done?: string }).done ?? '';
    return reply.page('agreements/views/sharing.njk', {
      pageTitle: `${header.reference} – ${t('Sharing the outcome with the referrer')}`,
      header,
      canWork: header.canWork,
      base: `/cases/${caseId}/agreement/sharing`,
      referrerText: !r
        ? t('This case did not come from a referrer.')
        : r.hasEmail
          ? t('Referrer: {name}, {organisation}.', { name: r.name ?? '', organisation: r.organisation ?? '' })
          : t('Referrer: {name}, {organisation}. There is no email address to send the outcome to.', {
              name: r.name ?? '',
              organisation: r.organisation ?? '',
            }),
      rows: data.parties.map((p) => [
        { text: p.name },
        { text: answer(p.consents) },
        { text: p.decidedOn ?? '' },
        { text: p.recordedBy ? t('{who} on {when}', { who: p.recordedBy, when: momentWords(p.recordedAt!) }) : '' },
      ]),
      partyItems: [{ value: '', text: t('Choose a person') }, ...data.parties.map((p) => ({ value: p.id, text: p.name, selected: values.partyId === p.id }))],
      consentItems: [
        { value: 'yes', text: t('Yes'), checked: values.consents === 'yes' },
        { value: 'no', text: t('No'), checked: values.consents === 'no' },
      ],
      date: { day: values['decidedOn-day'] ?? '', month: values['decidedOn-month'] ?? '', year: values['decidedOn-year'] ?? '' },
      missing: data.missing,
      missingText: listIn(req.locale, data.missing, 'conjunction', ', '),
      values,
      fields: state.fields ?? {},
      errors: state.fields ? errorList(state.fields, ['partyId', 'consents', 'decidedOn', '_']) : undefined,
      // i18n-dynamic: the msg() literals of DONE above
      flash: DONE[done] ? t(DONE[done]!) : undefined,
    });
  }

  app.get('/cases/:id/agreement/sharing', { config: { permission } }, (req, reply) => render(req, reply));

  app.post('/cases/:id/agreement/sharing/consents', { config: { permission } }, async (req, reply) => {
    const caseId = caseIdParam(req);
    const b = asBody(req.body);
    const date = dateOf(b, 'decidedOn', msg('The date they answered'), { required: true, t: req.t });
    const consents = textOf(b, 'consents');
    const parsed = parseForm(
      ZShareConsent,
      { partyId: textOf(b, 'partyId'), consents: consents === 'yes' ? true : consents === 'no' ? false : undefined, decidedOn: date.value },
      req.locale,
    );
    const fields: FieldErrors = { ...(parsed.ok ? {} : parsed.fields) };
    if (date.error) fields.decidedOn = date.error;
    const values = Object.fromEntries(Object.entries(b).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
    if (!parsed.ok || date.error) return render(req, reply.status(422), { values, fields });
    const done = await attempt(reply, () => deps.agreements.sharing.recordConsent(req.actor!, caseId, parsed.data));
    if (!done.ok) return render(req, reply, { values, fields: done.fields });
    return reply.redirect(`/cases/${caseId}/agreement/sharing?done=consent`, 303);
  });

  app.post('/cases/:id/agreement/sharing/send', { config: { permission } }, async (req, reply) => {
    const caseId = caseIdParam(req);
    const done = await attempt(reply, () => deps.agreements.sharing.sendToReferrer(req.actor!, caseId));
    if (!done.ok) return render(req, reply, { fields: done.fields });
    return reply.redirect(`/cases/${caseId}/agreement/sharing?done=sent`, 303);
  });
}
