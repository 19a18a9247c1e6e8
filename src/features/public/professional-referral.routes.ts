// The professional referral at /s/{service}/professional-referral: choose the kind of case, a start page for it,
// then one question group per page (about you, the person's agreement, the person referred, the other people, the
// situation, that case type's questions, risks), "Check your answers" and the confirmation. The answers are kept
// between pages in a server-side draft, as the self-referral keeps its own (journey-cookie.ts): no JavaScript needed.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Deps } from '#src/deps.ts';
import { translator, msg } from '#src/i18n/i18n.ts';
import { fieldErrorsOf } from '#src/http/forms.ts';
import { errorList } from '#src/http/views.ts';
import { bodyOf, queryOf, queryText, textParam } from '#src/http/page-input.ts';
import { AppError } from '#src/lib/app-error.ts';
import { zodFields } from '#src/lib/zod-fields.ts';
import type { ServiceCaseType } from '#src/domain/case-words.ts';
import { anonymous, asList, decoyReference, isSpam, POST_LIMIT, readConfirmation, serviceChrome, setConfirmation, ukToday } from './public-forms.ts';
import { caseTypeOfSlug, formFieldsOf, PEOPLE_ROWS, ROLE_CHOICES, slugOf } from './professional-referral.form.ts';
import { formChoices, LIST_FIELDS } from './professional-referral.options.ts';
import {
  firstUnanswered,
  nextAfter,
  PRO_JOURNEY,
  type ProDraft,
  type ProPage,
  pageAnswers,
  pageOfField,
  pageProblems,
  previousOf,
  PRO_SLUGS,
  proPages,
  readAll,
  readProDraft,
} from './professional-referral.journey.ts';
import { checkProfessionalAnswers } from './professional-referral.check.ts';
import { createJourneyCookie } from './journey-cookie.ts';
import { offerOf } from './service-home.ts';
import { longDate } from './self-referral.check.ts';

type Params = { Params: { service: string } };
type Service = Awaited<ReturnType<Deps['settings']['publicService']>>;
/** `change=1` (in the address or the form): the person came from "Check your answers". */
const ZChange = z.object({ change: queryText });
const ZExpired = z.object({ expired: queryText });

export function registerProfessionalReferralPages(app: FastifyInstance, deps: Pick<Deps, 'clock' | 'config' | 'db' | 'referrals' | 'settings'>) {
  const t = translator('en');
  const secure = deps.config.secureCookies;
  const cookie = createJourneyCookie({ db: deps.db, clock: deps.clock, secure }, PRO_JOURNEY, 'parley_professional_');
  const base = (s: Service) => `/s/${s.slug}/professional-referral`;

  const chooseModel = (s: Service) => ({
    ...serviceChrome(s),
    pageTitle: t('What kind of case are you referring?'),
    backLink: `/s/${s.slug}`,
    caseTypes: s.offers.map((type) => offerOf(t, type)).map((o) => ({ value: o.code, text: o.name, hint: o.summary ? { text: o.summary } : undefined })),
  });

  app.get<Params>('/s/:service/professional-referral', async (req, reply) => {
    const s = await deps.settings.publicService(req.params.service);
    const [only] = s.offers;
    if (s.offers.length === 1 && only) return reply.redirect(`${base(s)}/${slugOf(only.code)}`, 303);
    return reply.page('public/views/professional/choose.njk', { ...chooseModel(s), values: {} });
  });

  app.post<Params>('/s/:service/professional-referral', { config: POST_LIMIT }, async (req, reply) => {
    const s = await deps.settings.publicService(req.params.service);
    const form = z
      .object({ caseType: z.enum(s.offers.map((c) => c.code) as [string, ...string[]], { error: 'Select the kind of case you are referring' }) })
      .safeParse(req.body ?? {});
    if (!form.success) {
      const fields = zodFields(form.error);
      return reply.status(422).page('public/views/professional/choose.njk', { ...chooseModel(s), values: {}, fields, errors: errorList(fields) });
    }
    return reply.redirect(`${base(s)}/${slugOf(form.data.caseType)}`, 303);
  });

  /** The referral in progress for this visitor, service and case type (404 for a case type the service does not offer). */
  async function open(req: FastifyRequest) {
    const service = await deps.settings.publicService(textParam(req, 'service'));
    const type: ServiceCaseType | undefined = caseTypeOfSlug(service.offers, textParam(req, 'caseType'));
    if (!type) throw new AppError('NOT_FOUND', msg('Page not found'));
    const opened = await cookie.open(req, service);
    const draft = readProDraft(opened.stored, type.code);
    const change = queryOf(req, ZChange).change === '1' || bodyOf(req, ZChange).change === '1';
    return {
      service,
      type,
      draft,
      pages: proPages(type.kind),
      token: opened.token,
      expired: opened.expired,
      base: `${base(service)}/${slugOf(type.code)}`,
      change,
    };
  }
  type Journey = Awaited<ReturnType<typeof open>>;

  const save = async (reply: FastifyReply, j: Journey, draft: ProDraft) => {
    j.token = await cookie.save(reply, j.service, j.token, draft);
    j.draft = draft;
  };

  /** Where to send a visitor instead of this page: the start when their answers expired, or the first page not answered yet. */
  function detour(reply: FastifyReply, j: Journey, slug: string) {
    if (j.expired) {
      cookie.clear(reply, j.service);
      return `${j.base}?expired=1`;
    }
    const gap = firstUnanswered(j.pages, j.draft);
    if (!gap) return undefined;
    const at = slug === 'check' ? j.pages.length : j.pages.findIndex((p) => p.slug === slug);
    return at > j.pages.findIndex((p) => p.slug === gap) ? `${j.base}/${gap}` : undefined;
  }

  const chrome = (j: Journey, slug: string, title: string) => {
    const previous = previousOf(j.pages, slug);
    return {
      ...serviceChrome(j.service),
      // i18n-dynamic: page titles are msg() literals in professional-referral.journey.ts
      pageTitle: t(title),
      caption: t('Professional referral: {caseType}', { caseType: offerOf(t, j.type).name }),
      change: j.change,
      backLink: j.change ? `${j.base}/check` : previous ? `${j.base}/${previous}` : j.base,
      privacyUrl: `/s/${j.service.slug}/privacy`,
    };
  };

  const questionModel = (j: Journey, page: ProPage, values: ProDraft['answers']) => ({
    ...chrome(j, page.slug, page.title),
    // i18n-dynamic: page titles are msg() literals in professional-referral.journey.ts
    title: t(page.title),
    caseType: j.type.kind,
    otherRows: Array.from({ length: PEOPLE_ROWS - 1 }, (_, i) => i + 2),
    choices: formChoices(t, ROLE_CHOICES[j.type.kind]),
    values: { ...values, ...Object.fromEntries(LIST_FIELDS.map((k) => [k, asList(values[k])])) },
    fields: {},
  });

  app.get<Params & { Params: { caseType: string } }>('/s/:service/professional-referral/:caseType', async (req, reply) => {
    const j = await open(req);
    return reply.page('public/views/professional/start.njk', {
      ...chrome(j, j.pages[0]!.slug, msg('Professional referral: {caseType}')),
      pageTitle: t('Professional referral: {caseType}', { caseType: offerOf(t, j.type).name }),
      backLink: j.service.offers.length > 1 ? base(j.service) : `/s/${j.service.slug}`,
      caseTypeLabel: offerOf(t, j.type).name,
      startUrl: `${j.base}/${firstUnanswered(j.pages, j.draft) ?? 'check'}`,
      expired: queryOf(req, ZExpired).expired === '1' || j.expired,
      // i18n-dynamic: page titles are msg() literals in professional-referral.journey.ts
      pages: j.pages.map((p) => t(p.title)),
    });
  });

  // A route per page (the same slugs for every kind of case), so each has its own rate limit, as the self-referral's do.
  for (const slug of PRO_SLUGS) {
    const url = `/s/:service/professional-referral/:caseType/${slug}`;
    const pageOf = (j: Journey) => j.pages.find((p) => p.slug === slug)!;

    app.get(url, async (req, reply) => {
      const j = await open(req);
      const away = detour(reply, j, slug);
      if (away) return reply.redirect(away, 303);
      return reply.page(`public/views/professional/${slug}.njk`, questionModel(j, pageOf(j), j.draft.answers));
    });

    app.post(url, { config: POST_LIMIT }, async (req, reply) => {
      const j = await open(req);
      const page = pageOf(j);
      if (j.expired) return reply.redirect(detour(reply, j, slug)!, 303);
      const q = (to: string) => `${j.base}/${to}${j.change && to !== 'check' ? '?change=1' : ''}`;
      if (isSpam(req.body)) return reply.redirect(q(nextAfter(j.pages, slug, j.draft, j.change)), 303);
      const answers = { ...j.draft.answers, ...pageAnswers(page, req.body) };
      const fields = pageProblems(page, j.type, answers, ukToday(deps.clock));
      if (Object.keys(fields).length)
        return reply.status(422).page(`public/views/professional/${slug}.njk`, { ...questionModel(j, page, answers), fields, errors: errorList(fields) });
      const draft = { ...j.draft, answers, done: [...new Set([...j.draft.done, slug])] };
      await save(reply, j, draft);
      return reply.redirect(q(nextAfter(j.pages, slug, draft, j.change)), 303);
    });
  }

  const checkModel = (j: Journey) => ({
    ...chrome(j, 'check', msg('Check your answers before sending your referral')),
    backLink: `${j.base}/${j.pages.at(-1)!.slug}`,
    sections: checkProfessionalAnswers(j.pages, j.draft, j.type.kind, j.base, t),
    caseTypeLabel: offerOf(t, j.type).name,
  });

  app.get('/s/:service/professional-referral/:caseType/check', async (req, reply) => {
    const j = await open(req);
    const away = detour(reply, j, 'check');
    if (away) return reply.redirect(away, 303);
    return reply.page('public/views/professional/check.njk', checkModel(j));
  });

  app.post('/s/:service/professional-referral/:caseType/check', { config: POST_LIMIT }, async (req, reply) => {
    const j = await open(req);
    const confirmation = `${base(j.service)}/confirmation`;
    if (isSpam(req.body)) {
      await cookie.forget(reply, j.service, j.token);
      setConfirmation(
        reply,
        j.service.slug,
        { kind: 'professional_referral', reference: decoyReference(j.service.settings.referencePrefix, deps.clock) },
        secure,
      );
      return reply.redirect(confirmation, 303);
    }
    const away = detour(reply, j, 'check');
    if (away) return reply.redirect(away, 303);
    // A problem found now (a rule across pages, or one the referral service finds) links to the page that asks it.
    const problems = (fields: Record<string, string>) =>
      reply.status(422).page('public/views/professional/check.njk', {
        ...checkModel(j),
        errors: Object.entries(fields).map(([k, text]) => ({ text, href: `${j.base}/${pageOfField(j.pages, k).slug}?change=1` })),
      });
    const parsed = readAll(j.type, j.draft, ukToday(deps.clock));
    if (!parsed.ok) return problems(parsed.fields);
    try {
      const { reference } = await deps.referrals.createFromProfessional(j.service.id, parsed.input, anonymous(req));
      await cookie.forget(reply, j.service, j.token);
      setConfirmation(
        reply,
        j.service.slug,
        { kind: 'professional_referral', reference, urgent: parsed.input.urgent, sendDeadline: parsed.sendDeadline },
        secure,
      );
      return reply.redirect(confirmation, 303);
    } catch (err) {
      const fields = fieldErrorsOf(err);
      if (!fields) throw err;
      return problems(formFieldsOf(fields));
    }
  });

  app.get<Params>('/s/:service/professional-referral/confirmation', async (req, reply) => {
    const s = await deps.settings.publicService(req.params.service);
    const sent = readConfirmation(req, s.slug, 'professional_referral');
    if (!sent) return reply.redirect(`/s/${s.slug}`, 303);
    return reply.page('public/views/professional/confirmation.njk', {
      ...serviceChrome(s),
      pageTitle: t('Referral sent'),
      sent,
      deadline: sent.sendDeadline ? { ...sent.sendDeadline, date: longDate(sent.sendDeadline.deadline) } : undefined,
      contact: { phone: s.phone, email: s.email },
      emergencyContacts: s.settings.emergencyContacts,
    });
  });
}
