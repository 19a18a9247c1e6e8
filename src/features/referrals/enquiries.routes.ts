// Enquiries from the contact form (reply by email, start a referral, book an appointment, mark them answered) and
// volunteer applications (read only), linked from the referrals page. The appointments are meetings' (given in deps).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Deps } from '#src/deps.ts';
import { can } from '#src/access/permissions.ts';
import { localeOr, msg, type Translate } from '#src/i18n/i18n.ts';
import { whenInWords } from '#src/domain/meeting-times.ts';
import { AppError } from '#src/lib/app-error.ts';
import { isUuid } from '#src/lib/ids.ts';
import { asBody, textOf } from '#src/http/page-form.ts';
import { errorList } from '#src/http/views.ts';
import { fieldErrorsOf } from '#src/http/forms.ts';
import { doneOf, textParam } from '#src/http/page-input.ts';
const ZEnquiryQuery = z.object({ status: z.enum(['new', 'answered', 'all']).catch('new') });
const DAY_WORDS: Record<string, string> = {
  monday: msg('Monday'),
  tuesday: msg('Tuesday'),
  wednesday: msg('Wednesday'),
  thursday: msg('Thursday'),
  friday: msg('Friday'),
  saturday: msg('Saturday'),
  morning: msg('mornings'),
  afternoon: msg('afternoons'),
  evening: msg('evenings'),
};
/** "Tuesday 15 December 2026, 10:00 to 10:45, by phone, with Cora Coordinator". */
const appointmentLine = (t: Translate, a: { startsAt: Date; endsAt: Date; mode: string; venueName: string | null; staffName: string | null }) =>
  t('{when}, {how}, with {staff}', {
    when: whenInWords(a.startsAt, a.endsAt),
    how: a.mode === 'phone' ? t('by phone') : a.mode === 'online' ? t('by video') : t('at {venue}', { venue: a.venueName ?? '' }),
    staff: a.staffName ?? '',
  });

const DETAIL_WORDS: Record<string, string> = {
  languages: msg('Languages'),
  availability: msg('When they are available'),
  why: msg('Why they would like to volunteer'),
  experience: msg('Experience'),
};

export function registerEnquiryPages(app: FastifyInstance, deps: Pick<Deps, 'publicIntake' | 'enquiries' | 'enquiryPages'>) {
  app.get('/enquiries', async (req, reply) => {
    const { status } = ZEnquiryQuery.parse(req.query ?? {});
    const { enquiries, booked } = await deps.enquiryPages.enquiriesPage(req.actor!, status === 'all' ? undefined : status);
    const done = doneOf(req);
    return reply.page('referrals/views/enquiries.njk', {
      pageTitle: req.t('Enquiries'),
      status,
      statusItems: [
        { value: 'new', text: req.t('Waiting for an answer'), checked: status === 'new' },
        { value: 'answered', text: req.t('Answered'), checked: status === 'answered' },
        { value: 'all', text: req.t('All enquiries'), checked: status === 'all' },
      ],
      enquiries: enquiries.map((e) => {
        const appointment = (e.appointment ?? {}) as { days?: string[]; times?: string[] };
        const when = [...(appointment.days ?? []), ...(appointment.times ?? [])].map((d) => req.t(DAY_WORDS[d] ?? d));
        return {
          id: e.id,
          reference: e.reference,
          name: e.name,
          email: e.email,
          phone: e.phone,
          postcode: e.postcode,
          message: e.message,
          appointment: when.length ? when.join(', ') : undefined,
          booked: booked.has(e.id) ? appointmentLine(req.t, booked.get(e.id)!) : undefined,
          createdAt: e.createdAt,
          isNew: e.status === 'new',
          handledAt: e.handledAt,
        };
      }),
      canAnswer: can(req.actor!.role, 'referrals.triage'),
      flash: done === 'answered' ? msg('Enquiry marked as answered.') : done === 'replied' ? msg('Your reply is in the email outbox.') : undefined,
    });
  });

  app.post('/enquiries/:id/answered', async (req, reply) => {
    const id = textParam(req, 'id');
    if (!isUuid(id)) throw new AppError('NOT_FOUND', msg('That enquiry was not found'));
    await deps.publicIntake.closeEnquiry(req.actor!, id);
    return reply.redirect('/enquiries?done=answered', 303);
  });

  const enquiryId = (params: unknown) => {
    const { id } = params as { id: string };
    if (!isUuid(id)) throw new AppError('NOT_FOUND', msg('That enquiry was not found'));
    return id;
  };
  const replyPage = async (req: FastifyRequest, reply: FastifyReply, id: string, values: { message: string }, errors?: Record<string, string>) => {
    const e = await deps.enquiries.get(req.actor!, id);
    return reply.page('referrals/views/enquiry-reply.njk', {
      pageTitle: req.t('Reply to {name}', { name: e.name }),
      backLink: '/enquiries',
      enquiry: { id: e.id, name: e.name, email: e.email, phone: e.phone, message: e.message, reference: e.reference },
      values,
      fieldErrors: errors ?? {},
      errors: errorList(errors, ['message']),
    });
  };

  app.get('/enquiries/:id/reply', { config: { permission: 'referrals.triage' } }, async (req, reply) =>
    replyPage(req, reply, enquiryId(req.params), { message: '' }),
  );

  app.post('/enquiries/:id/reply', { config: { permission: 'referrals.triage' } }, async (req, reply) => {
    const id = enquiryId(req.params);
    const message = textOf(asBody(req.body), 'message');
    try {
      await deps.enquiries.reply(req.actor!, id, { message });
    } catch (err) {
      const fields = fieldErrorsOf(err, localeOr(req.locale));
      if (!fields) throw err;
      reply.status(422);
      return replyPage(req, reply, id, { message }, fields);
    }
    return reply.redirect('/enquiries?done=replied', 303);
  });

  app.post('/enquiries/:id/referral', { config: { permission: 'referrals.triage' } }, async (req, reply) => {
    const { id } = await deps.enquiries.startReferral(req.actor!, enquiryId(req.params));
    return reply.redirect(`/referrals/${id}`, 303);
  });

  app.get('/volunteer-applications', async (req, reply) => {
    const applications = await deps.publicIntake.listVolunteerApplications(req.actor!);
    return reply.page('referrals/views/volunteer-applications.njk', {
      pageTitle: req.t('Volunteer applications'),
      applications: applications.map((a) => ({
        id: a.id,
        name: a.name,
        email: a.email,
        phone: a.phone,
        postcode: a.postcode,
        createdAt: a.createdAt,
        isNew: a.status === 'new',
        rows: Object.entries(DETAIL_WORDS)
          .map(([key, label]) => ({ key: req.t(label), value: a.details[key] }))
          .filter((row): row is { key: string; value: string } => typeof row.value === 'string' && row.value !== ''),
      })),
      canCreateVolunteer: can(req.actor!.role, 'volunteers.manage'),
    });
  });
}
