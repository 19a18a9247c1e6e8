// The public pages of a service, at /s/{service}/…: its home page, the postcode check, the contact form with
// an appointment request, volunteering and its privacy notice; the referral journeys register their own.
import type { FastifyInstance } from 'fastify';
import type { Deps } from '#src/deps.ts';
import { translator } from '#src/i18n/i18n.ts';
import { fieldErrorsOf } from '#src/http/forms.ts';
import { caseTypeName } from '#src/domain/case-words.ts';
import { ZEnquiry, ZVolunteerApplication } from '#src/features/referrals/referrals.schemas.ts';
import { zodFields } from '#src/lib/zod-fields.ts';
import { registerProfessionalReferralPages } from './professional-referral.routes.ts';
import { anonymous, asList, formValues, isSpam, POST_LIMIT, serviceChrome, ukToday, withBlanks, withErrors } from './public-forms.ts';
import { registerSelfReferralPages } from './self-referral.routes.ts';
import { publishedTestimonials } from '#src/features/closing/testimonials/published-testimonials.ts';
import { currentNotices, offerOf, paragraphs } from './service-home.ts';

type Params = { Params: { service: string } };

const ENQUIRY_FIELDS = ['name', 'email', 'phone', 'postcode', 'message', 'days', 'times'];
const VOLUNTEER_FIELDS = ['name', 'email', 'phone', 'postcode', 'languages', 'availability', 'why', 'experience'];
const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const TIMES = ['morning', 'afternoon', 'evening'];

export function registerPublicPages(app: FastifyInstance, deps: Pick<Deps, 'clock' | 'config' | 'db' | 'publicIntake' | 'referrals' | 'settings'>) {
  const t = translator('en');
  const service = (req: { params: { service: string } }) => deps.settings.publicService(req.params.service);

  app.get<Params>('/s/:service', async (req, reply) => {
    const s = await service(req);
    const { important, other } = currentNotices(s.settings.notices, ukToday(deps.clock));
    return reply.page('public/views/home.njk', {
      ...serviceChrome(s),
      pageTitle: s.name,
      name: s.name,
      welcome: paragraphs(s.settings.welcome),
      offers: s.offers.map((type) => offerOf(t, type)).map((o) => ({ title: o.name, text: o.summary })),
      contact: { phone: s.phone, email: s.email, address: s.address },
      importantNotices: important.map((n) => n.text),
      notices: other.map((n) => n.text),
      testimonials: (await publishedTestimonials(deps.db, s.id)).map((q) => ({
        text: q.text,
        caseType: caseTypeName(
          t,
          s.types.find((c) => c.code === q.caseType),
          q.caseType,
        ),
      })),
    });
  });

  app.get<Params>('/s/:service/privacy', async (req, reply) => {
    const s = await service(req);
    return reply.page('public/views/privacy.njk', {
      ...serviceChrome(s),
      pageTitle: t('Privacy notice'),
      notice: paragraphs(s.settings.privacyNotice),
      contact: { phone: s.phone, email: s.email, address: s.address },
    });
  });

  app.get<Params & { Querystring: { postcode?: string } }>(
    '/s/:service/coverage',
    { config: { rateLimit: { max: 60, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const s = await service(req);
      const model = { ...serviceChrome(s), pageTitle: t('Check if we cover your area'), backLink: `/s/${s.slug}` };
      const postcode = req.query.postcode;
      if (postcode === undefined) return reply.page('public/views/coverage.njk', { ...model, values: {} });
      const problem = (message: string) =>
        reply.status(422).page('public/views/coverage.njk', { ...model, ...withErrors({ postcode: postcode.slice(0, 20) }, { postcode: message }) });
      if (!postcode.trim()) return problem('Enter a postcode, like CT1 2AB');
      if (postcode.length > 20) return problem('Enter a real postcode, like CT1 2AB');
      const coverage = await deps.publicIntake.checkCoverage(s.settings, postcode);
      if (coverage.result === 'not_recognised') return problem('Enter a real postcode, like CT1 2AB');
      return reply.page('public/views/coverage.njk', {
        ...model,
        values: { postcode: coverage.postcode },
        result: coverage.result,
        postcode: coverage.postcode,
        localAuthority: 'localAuthority' in coverage ? coverage.localAuthority : null,
        signposting: paragraphs(s.settings.signposting),
        contact: { phone: s.phone, email: s.email },
      });
    },
  );

  const contactModel = (s: { name: string; slug: string; phone: string | null; email: string | null }) => ({
    ...serviceChrome(s),
    pageTitle: t('Contact us'),
    backLink: `/s/${s.slug}`,
    contact: { phone: s.phone, email: s.email },
    days: DAYS,
    times: TIMES,
  });

  app.get<Params>('/s/:service/contact', async (req, reply) => {
    const s = await service(req);
    return reply.page('public/views/contact.njk', { ...contactModel(s), values: {} });
  });

  app.post<Params>('/s/:service/contact', { config: POST_LIMIT }, async (req, reply) => {
    const s = await service(req);
    const sent = `/s/${s.slug}/contact/sent`;
    if (isSpam(req.body)) return reply.redirect(sent, 303);
    const raw = withBlanks(req.body, ['name', 'email', 'phone', 'postcode', 'message']);
    const body = { ...raw, days: asList(raw.days), times: asList(raw.times) };
    const form = ZEnquiry.safeParse(body);
    const values = formValues(body);
    if (!form.success)
      return reply.status(422).page('public/views/contact.njk', { ...contactModel(s), ...withErrors(values, zodFields(form.error), ENQUIRY_FIELDS) });
    let reference: string;
    try {
      ({ reference } = await deps.publicIntake.createEnquiry(s.id, form.data, anonymous(req)));
    } catch (err) {
      const fields = fieldErrorsOf(err);
      if (!fields) throw err;
      return reply.status(422).page('public/views/contact.njk', { ...contactModel(s), ...withErrors(values, fields, ENQUIRY_FIELDS) });
    }
    return reply.redirect(`${sent}?ref=${encodeURIComponent(reference)}`, 303);
  });

  app.get<Params>('/s/:service/contact/sent', async (req, reply) => {
    const s = await service(req);
    // Only a reference's shape is echoed back: the page never repeats other text from its address.
    const ref = (req.query as { ref?: unknown } | undefined)?.ref;
    const reference = typeof ref === 'string' && /^[A-Z]{2,6}-E-\d{4}-\d{4,}$/.test(ref) ? ref : undefined;
    return reply.page('public/views/sent.njk', {
      ...serviceChrome(s),
      reference,
      pageTitle: t('Message sent'),
      heading: t('Message sent'),
      next: t('We will reply by email or phone. If you asked for an appointment, we will offer you a time that suits you.'),
      contact: { phone: s.phone, email: s.email },
    });
  });

  const volunteerModel = (s: { name: string; slug: string }) => ({
    ...serviceChrome(s),
    pageTitle: t('Volunteer with {service}', { service: s.name }),
    backLink: `/s/${s.slug}`,
  });

  app.get<Params>('/s/:service/volunteer', async (req, reply) => {
    const s = await service(req);
    return reply.page('public/views/volunteer.njk', { ...volunteerModel(s), values: {} });
  });

  app.post<Params>('/s/:service/volunteer', { config: POST_LIMIT }, async (req, reply) => {
    const s = await service(req);
    const sent = `/s/${s.slug}/volunteer/sent`;
    if (isSpam(req.body)) return reply.redirect(sent, 303);
    const form = ZVolunteerApplication.safeParse(withBlanks(req.body, VOLUNTEER_FIELDS));
    const values = formValues(req.body);
    if (!form.success)
      return reply.status(422).page('public/views/volunteer.njk', { ...volunteerModel(s), ...withErrors(values, zodFields(form.error), VOLUNTEER_FIELDS) });
    await deps.publicIntake.createVolunteerApplication(s.id, form.data, anonymous(req));
    return reply.redirect(sent, 303);
  });

  app.get<Params>('/s/:service/volunteer/sent', async (req, reply) => {
    const s = await service(req);
    return reply.page('public/views/sent.njk', {
      ...serviceChrome(s),
      pageTitle: t('Thank you for your interest in volunteering'),
      heading: t('Thank you for your interest in volunteering'),
      next: t('We will be in touch to tell you more about volunteering with us, our training and the checks we make.'),
      contact: { phone: s.phone, email: s.email },
    });
  });

  registerSelfReferralPages(app, deps);
  registerProfessionalReferralPages(app, deps);
}
