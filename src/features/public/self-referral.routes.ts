// The self-referral journey at /s/{service}/refer: a start page, one question page at a time (answers kept
// in a server-side draft), check your answers, and a confirmation with the reference. No JavaScript needed.
import type { FastifyInstance } from 'fastify';
import type { Deps } from '#src/deps.ts';
import { msg, translator } from '#src/i18n/i18n.ts';
import { fieldErrorsOf } from '#src/http/forms.ts';
import { errorList } from '#src/http/views.ts';
import { zodFields } from '#src/lib/zod-fields.ts';
import { SEND_DECISION_LABELS, SEND_DECISIONS, ZSelfReferral } from '#src/features/referrals/referrals.schemas.ts';
import { sendContactDeadline } from '#src/domain/send-deadline.ts';
import { anonymous, decoyReference, formValues, isSpam, POST_LIMIT, readConfirmation, serviceChrome, setConfirmation } from './public-forms.ts';
import { offerOf, paragraphs } from './service-home.ts';
import { checkAnswers, longDate } from './self-referral.check.ts';
import { type Draft, MY_ROLES, PAGES, toSelfReferral } from './self-referral.journey.ts';
import { YES_NO_UNSURE, YES_NO_UNSURE_LABELS } from './self-referral.rj.ts';
import { registerSelfReferralPeople } from './self-referral-people.routes.ts';
import { createSelfReferralState, type Journey } from './self-referral.state.ts';

type Params = { Params: { service: string } };

export function registerSelfReferralPages(app: FastifyInstance, deps: Pick<Deps, 'clock' | 'config' | 'db' | 'referrals' | 'settings' | 'publicIntake'>) {
  const state = createSelfReferralState(deps);
  const t = translator('en');
  const secure = deps.config.secureCookies;

  /** The choices a page offers, by the service's settings and the answers so far. */
  const choices = (j: Journey) => ({
    caseTypes: j.ctx.types.map((type) => offerOf(t, type)).map((o) => ({ value: o.code, text: o.name, hint: o.summary ? { text: o.summary } : undefined })),
    myRoles: (j.draft.caseKind ? (MY_ROLES[j.draft.caseKind] ?? []) : []).map((r) => ({ value: r.value, text: t(r.text) })),
    yesNoUnsure: YES_NO_UNSURE.map((v) => ({ value: v, text: t(YES_NO_UNSURE_LABELS[v]) })),
    isRj: j.draft.caseKind === 'restorative_justice',
    decisions: [...SEND_DECISIONS.map((d) => ({ value: d, text: t(SEND_DECISION_LABELS[d]) })), { value: 'not_sure', text: t('I am not sure') }],
  });

  app.get<Params & { Querystring: { expired?: string } }>('/s/:service/refer', async (req, reply) => {
    const j = await state.open(req);
    return reply.page('public/views/refer/start.njk', {
      ...serviceChrome(j.service),
      pageTitle: t('Refer yourself to {service}', { service: j.service.name }),
      startUrl: `${j.base}/${PAGES.find((p) => p.applies(j.draft, j.ctx))!.slug}`,
      expired: req.query.expired === '1' || j.expired,
      emergencyContacts: j.service.settings.emergencyContacts,
      privacyUrl: `/s/${j.service.slug}/privacy`,
    });
  });

  for (const question of PAGES.filter((p) => p.slug !== 'people')) {
    const url = `/s/:service/refer/${question.slug}`;
    const template = `public/views/refer/${question.slug}.njk`;

    app.get<Params>(url, async (req, reply) => {
      const j = await state.open(req);
      const detour = state.detour(reply, j, question.slug);
      if (detour) return reply.redirect(detour, 303);
      return reply.page(template, { ...state.chrome(j, question.slug, question.title), ...choices(j), values: question.values(j.draft) });
    });

    app.post<Params>(url, { config: POST_LIMIT }, async (req, reply) => {
      const j = await state.open(req);
      if (j.expired) return reply.redirect(state.detour(reply, j, question.slug)!, 303);
      if (isSpam(req.body)) return reply.redirect(state.after(j, question.slug), 303);
      const parsed = question.parse(req.body, j.draft, j.ctx);
      if (!parsed.ok)
        return reply.status(422).page(template, {
          ...state.chrome(j, question.slug, question.title),
          ...choices(j),
          values: formValues(req.body),
          fields: parsed.fields,
          errors: errorList(parsed.fields),
        });
      await state.save(reply, j, parsed.draft);
      // SEND mediation is for the local authority that made the decision: an area the service does not cover is
      // signposted (with the service's own words) before the parent goes on.
      if (question.slug === 'about-you' && parsed.draft.caseKind === 'send' && parsed.draft.me?.postcode) {
        const coverage = await deps.publicIntake.checkCoverage(j.service.settings, parsed.draft.me.postcode);
        if (coverage.result === 'not_covered') return reply.redirect(`${j.base}/send-area${j.change ? '?change=1' : ''}`, 303);
      }
      return reply.redirect(state.after(j, question.slug), 303);
    });
  }

  app.get<Params>('/s/:service/refer/send-area', async (req, reply) => {
    const j = await state.open(req);
    const postcode = j.draft.me?.postcode;
    if (j.expired || j.draft.caseKind !== 'send' || !postcode) return reply.redirect(state.detour(reply, j, 'about-you') ?? `${j.base}/about-you`, 303);
    const coverage = await deps.publicIntake.checkCoverage(j.service.settings, postcode);
    if (coverage.result !== 'not_covered') return reply.redirect(state.after(j, 'about-you'), 303);
    return reply.page('public/views/refer/send-area.njk', {
      ...state.chrome(j, 'send-area', msg('We may not cover your local authority')),
      postcode: coverage.postcode,
      localAuthority: coverage.localAuthority,
      signposting: paragraphs(j.service.settings.signposting),
      contact: { phone: j.service.phone, email: j.service.email },
      nextUrl: state.after(j, 'send-area'),
    });
  });

  registerSelfReferralPeople(app, state);

  app.get<Params>('/s/:service/refer/urgent-help', async (req, reply) => {
    const j = await state.open(req);
    if (j.expired || j.draft.anyoneAtRisk !== true) return reply.redirect(state.detour(reply, j, 'safety') ?? `${j.base}/safety`, 303);
    return reply.page('public/views/refer/urgent-help.njk', {
      ...state.chrome(j, 'urgent-help', msg('Get help now if anyone is in danger')),
      nextUrl: state.after(j, 'urgent-help'),
    });
  });

  const checkModel = (j: Journey) => ({
    ...state.chrome(j, 'check', msg('Check your answers before sending your referral')),
    sections: checkAnswers(j.draft, j.ctx, j.base, t),
    urgent: j.draft.anyoneAtRisk === true,
  });

  app.get<Params>('/s/:service/refer/check', async (req, reply) => {
    const j = await state.open(req);
    const detour = state.detour(reply, j, 'check');
    if (detour) return reply.redirect(detour, 303);
    return reply.page('public/views/refer/check.njk', { ...checkModel(j), backLink: `${j.base}/consent` });
  });

  app.post<Params>('/s/:service/refer/check', { config: POST_LIMIT }, async (req, reply) => {
    const j = await state.open(req);
    const confirmation = `${j.base}/confirmation`;
    if (isSpam(req.body)) {
      await state.forget(reply, j);
      setConfirmation(reply, j.service.slug, { kind: 'referral', reference: decoyReference(j.service.settings.referencePrefix, deps.clock) }, secure);
      return reply.redirect(confirmation, 303);
    }
    const detour = state.detour(reply, j, 'check');
    if (detour) return reply.redirect(detour, 303);
    const problems = (fields: Record<string, string>) =>
      reply.status(422).page('public/views/refer/check.njk', { ...checkModel(j), errors: errorList(fields).map((e) => ({ text: e.text })) });
    const input = ZSelfReferral.safeParse(toSelfReferral(j.draft));
    if (!input.success) return problems(zodFields(input.error));
    try {
      const { reference } = await deps.referrals.createFromPublic(j.service.id, input.data, anonymous(req));
      await state.forget(reply, j);
      setConfirmation(
        reply,
        j.service.slug,
        { kind: 'referral', reference, urgent: j.draft.anyoneAtRisk, sendDeadline: deadlineOf(j.draft, j.ctx.today) },
        secure,
      );
      return reply.redirect(confirmation, 303);
    } catch (err) {
      const fields = fieldErrorsOf(err);
      if (!fields) throw err;
      return problems(fields);
    }
  });

  app.get<Params>('/s/:service/refer/confirmation', async (req, reply) => {
    const service = await deps.settings.publicService(req.params.service);
    const sent = readConfirmation(req, service.slug, 'referral');
    if (!sent) return reply.redirect(`/s/${service.slug}`, 303);
    return reply.page('public/views/refer/confirmation.njk', {
      ...serviceChrome(service),
      pageTitle: t('Referral sent'),
      sent,
      deadline: sent.sendDeadline ? { ...sent.sendDeadline, date: longDate(sent.sendDeadline.deadline) } : undefined,
      emergencyContacts: service.settings.emergencyContacts,
      contact: { phone: service.phone, email: service.email },
    });
  });
}

/** The SEND 2-month deadline to contact a mediation adviser, when the date of the decision letter is known. */
export function deadlineOf(d: Draft, today: string) {
  if (d.caseKind !== 'send' || !d.decisionLetterDate) return undefined;
  const { deadline, passed } = sendContactDeadline(d.decisionLetterDate, today);
  return { deadline, passed };
}
