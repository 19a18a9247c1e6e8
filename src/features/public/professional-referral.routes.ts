// The professional referral at /s/{service}/professional-referral: choose the kind of case, then one form
// with the referrer, the person's agreement, the people, what is happening, risks and that case type's questions.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Deps } from '#src/deps.ts';
import { translator, msg } from '#src/i18n/i18n.ts';
import { fieldErrorsOf } from '#src/http/forms.ts';
import { errorList } from '#src/http/views.ts';
import { AppError } from '#src/lib/app-error.ts';
import { zodFields } from '#src/lib/zod-fields.ts';
import type { ServiceCaseType } from '#src/domain/case-words.ts';
import {
  anonymous,
  asList,
  decoyReference,
  type FormValues,
  formValues,
  isSpam,
  POST_LIMIT,
  readConfirmation,
  serviceChrome,
  setConfirmation,
  ukToday,
  withErrors,
} from './public-forms.ts';
import { caseTypeOfSlug, formFieldsOf, PEOPLE_ROWS, parseProfessionalReferral, ROLE_CHOICES, slugOf } from './professional-referral.form.ts';
import { formChoices, LIST_FIELDS } from './professional-referral.options.ts';
import { offerOf } from './service-home.ts';
import { longDate } from './self-referral.check.ts';

type Params = { Params: { service: string } };
type TypeParams = { Params: { service: string; caseType: string } };
type Service = Awaited<ReturnType<Deps['settings']['publicService']>>;

export function registerProfessionalReferralPages(app: FastifyInstance, deps: Pick<Deps, 'clock' | 'config' | 'referrals' | 'settings'>) {
  const t = translator('en');
  const secure = deps.config.secureCookies;
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
    if (!form.success) return reply.status(422).page('public/views/professional/choose.njk', { ...chooseModel(s), ...withErrors({}, zodFields(form.error)) });
    return reply.redirect(`${base(s)}/${slugOf(form.data.caseType)}`, 303);
  });

  function offered(s: Service, slug: string): ServiceCaseType {
    const type = caseTypeOfSlug(s.offers, slug);
    if (!type) throw new AppError('NOT_FOUND', msg('Page not found'));
    return type;
  }

  function formModel(s: Service, type: ServiceCaseType, values: FormValues) {
    const name = offerOf(t, type).name;
    return {
      ...serviceChrome(s),
      pageTitle: t('Professional referral: {caseType}', { caseType: name }),
      backLink: s.offers.length > 1 ? base(s) : `/s/${s.slug}`,
      action: `${base(s)}/${slugOf(type.code)}`,
      caseType: type.kind,
      caseTypeLabel: name,
      rows: Array.from({ length: PEOPLE_ROWS }, (_, i) => i + 1),
      choices: formChoices(t, ROLE_CHOICES[type.kind]),
      privacyUrl: `/s/${s.slug}/privacy`,
      values: { ...values, ...Object.fromEntries(LIST_FIELDS.map((k) => [k, asList(values[k])])) },
    };
  }

  app.get<TypeParams>('/s/:service/professional-referral/:caseType', async (req, reply) => {
    const s = await deps.settings.publicService(req.params.service);
    const caseType = offered(s, req.params.caseType);
    // Every person's role starts unselected: a wrongly pre-selected role is saved as it stands.
    return reply.page('public/views/professional/form.njk', formModel(s, caseType, {}));
  });

  app.post<TypeParams>('/s/:service/professional-referral/:caseType', { config: POST_LIMIT }, async (req, reply) => {
    const s = await deps.settings.publicService(req.params.service);
    const caseType = offered(s, req.params.caseType);
    const confirmation = `${base(s)}/confirmation`;
    if (isSpam(req.body)) {
      setConfirmation(reply, s.slug, { kind: 'professional_referral', reference: decoyReference(s.settings.referencePrefix, deps.clock) }, secure);
      return reply.redirect(confirmation, 303);
    }
    const problems = (fields: Record<string, string>) =>
      reply.status(422).page('public/views/professional/form.njk', { ...formModel(s, caseType, formValues(req.body)), fields, errors: errorList(fields) });
    const parsed = parseProfessionalReferral(caseType, req.body, ukToday(deps.clock));
    if (!parsed.ok) return problems(parsed.fields);
    try {
      const { reference } = await deps.referrals.createFromProfessional(s.id, parsed.input, anonymous(req));
      setConfirmation(reply, s.slug, { kind: 'professional_referral', reference, urgent: parsed.input.urgent, sendDeadline: parsed.sendDeadline }, secure);
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
