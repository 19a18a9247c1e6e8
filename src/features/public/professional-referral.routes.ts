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
import { CASE_TYPE_LABELS, type CaseType } from '#src/domain/case-words.ts';
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
import { CASE_TYPE_SLUGS, caseTypeOfSlug, formFieldsOf, PEOPLE_ROWS, parseProfessionalReferral, ROLE_CHOICES } from './professional-referral.form.ts';
import { formChoices, LIST_FIELDS } from './professional-referral.options.ts';
import { CASE_TYPE_SUMMARIES } from './service-home.ts';
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
    caseTypes: s.settings.caseTypes.map((type) => ({ value: type, text: t(CASE_TYPE_LABELS[type]), hint: { text: t(CASE_TYPE_SUMMARIES[type]) } })),
  });

  app.get<Params>('/s/:service/professional-referral', async (req, reply) => {
    const s = await deps.settings.publicService(req.params.service);
    const [only] = s.settings.caseTypes;
    if (s.settings.caseTypes.length === 1 && only) return reply.redirect(`${base(s)}/${CASE_TYPE_SLUGS[only]}`, 303);
    return reply.page('public/views/professional/choose.njk', { ...chooseModel(s), values: {} });
  });

  app.post<Params>('/s/:service/professional-referral', { config: POST_LIMIT }, async (req, reply) => {
    const s = await deps.settings.publicService(req.params.service);
    const form = z
      .object({ caseType: z.enum(s.settings.caseTypes as [CaseType, ...CaseType[]], { error: 'Select the kind of case you are referring' }) })
      .safeParse(req.body ?? {});
    if (!form.success) return reply.status(422).page('public/views/professional/choose.njk', { ...chooseModel(s), ...withErrors({}, zodFields(form.error)) });
    return reply.redirect(`${base(s)}/${CASE_TYPE_SLUGS[form.data.caseType]}`, 303);
  });

  function offered(s: Service, slug: string): CaseType {
    const caseType = caseTypeOfSlug(slug);
    if (!caseType || !s.settings.caseTypes.includes(caseType)) throw new AppError('NOT_FOUND', msg('Page not found'));
    return caseType;
  }

  function formModel(s: Service, caseType: CaseType, values: FormValues) {
    return {
      ...serviceChrome(s),
      pageTitle: t('Professional referral: {caseType}', { caseType: t(CASE_TYPE_LABELS[caseType]) }),
      backLink: s.settings.caseTypes.length > 1 ? base(s) : `/s/${s.slug}`,
      action: `${base(s)}/${CASE_TYPE_SLUGS[caseType]}`,
      caseType,
      caseTypeLabel: t(CASE_TYPE_LABELS[caseType]),
      rows: Array.from({ length: PEOPLE_ROWS }, (_, i) => i + 1),
      choices: formChoices(t, ROLE_CHOICES[caseType]),
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
