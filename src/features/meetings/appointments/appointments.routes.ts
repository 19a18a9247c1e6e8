// An enquiry's appointment page: /enquiries/{id}/appointment shows the enquiry and its booked appointment (with
// "Cancel the appointment"), or the form to book one: when (a date, a time, how long), how (at a venue, by phone,
// by video) and who from the service. A refused form is shown again with what was typed and the reasons by field.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '#src/deps.ts';
import { can } from '#src/access/permissions.ts';
import { asBody, type FormBody, optionalText, textOf } from '#src/http/page-form.ts';
import { attempt, keepValues, parseForm } from '#src/http/forms.ts';
import { doneOf, uuidParam } from '#src/http/page-input.ts';
import { msg } from '#src/i18n/i18n.ts';
import type { FieldErrors } from '#src/lib/app-error.ts';
import { readMinutes, readStart } from '../records/meeting-forms.ts';
import { appointmentSummary } from './appointments.present.ts';
import { ZBookAppointment, ZCancelAppointment } from './appointments.schemas.ts';

const ORDER = ['_', 'date', 'startTime', 'durationMinutes', 'mode', 'venueId', 'phone', 'videoLink', 'staffUserId', 'reason'];
const DONE: Record<string, string> = {
  booked: msg('Appointment booked. The invitation is in the email outbox.'),
  bookedNoEmail: msg('Appointment booked. The enquiry gave no email address: tell them by phone.'),
  cancelled: msg('Appointment cancelled.'),
};

const enquiryIdOf = (req: FastifyRequest) => uuidParam(req, 'id', msg('That enquiry was not found'));
const errorItems = (fields: FieldErrors) =>
  [...ORDER.filter((k) => fields[k]), ...Object.keys(fields).filter((k) => !ORDER.includes(k))].map((k) =>
    k === '_' ? { text: fields[k]! } : { text: fields[k]!, href: k === 'date' ? '#date-day' : `#${k}` },
  );

/** The booking form as ZBookAppointment's input, and the problems found reading the date, time and length. */
function readAppointmentForm(body: FormBody) {
  const { start, problems } = readStart(body);
  const input = {
    start,
    durationMinutes: readMinutes(body, problems),
    mode: optionalText(body, 'mode'),
    venueId: textOf(body, 'mode') === 'in_person' ? optionalText(body, 'venueId') : undefined,
    phone: textOf(body, 'mode') === 'phone' ? optionalText(body, 'phone') : undefined,
    videoLink: textOf(body, 'mode') === 'online' ? optionalText(body, 'videoLink') : undefined,
    staffUserId: optionalText(body, 'staffUserId'),
  };
  return { input, problems };
}

type Extra = { values?: Record<string, string>; fields?: FieldErrors };

export function registerAppointmentPages(app: FastifyInstance, deps: Pick<Deps, 'appointments'>) {
  async function render(req: FastifyRequest, reply: FastifyReply, extra: Extra = {}) {
    const found = await deps.appointments.forEnquiry(req.actor!, enquiryIdOf(req));
    const e = found.enquiry;
    const values = extra.values ?? { durationMinutes: '45', mode: e.phone && !e.email ? 'phone' : 'in_person', staffUserId: req.actor!.id };
    const fields = extra.fields ?? {};
    return reply.page('meetings/appointments/views/appointment.njk', {
      pageTitle: req.t('Appointment for {name}', { name: e.name }),
      backLink: '/enquiries',
      enquiry: { id: e.id, name: e.name, email: e.email, phone: e.phone, reference: e.reference, message: e.message },
      booked: found.booked && appointmentSummary(req.t, found.booked),
      past: found.past.map((a) => appointmentSummary(req.t, a)),
      canBook: can(req.actor!.role, 'referrals.triage'),
      modeItems: [
        { value: 'in_person', text: req.t('At a venue'), checked: values.mode === 'in_person' },
        { value: 'phone', text: req.t('By phone'), checked: values.mode === 'phone' },
        { value: 'online', text: req.t('Online (video)'), checked: values.mode === 'online' },
      ],
      venueItems: [
        { value: '', text: found.venues.length ? req.t('Choose a venue') : req.t('No venues have been added yet') },
        ...found.venues.map((v) => ({ value: v.id, text: v.name, selected: v.id === values.venueId })),
      ],
      staffItems: [
        { value: '', text: req.t('Choose a person') },
        ...found.staff.map((s) => ({ value: s.userId, text: s.name, selected: s.userId === values.staffUserId })),
      ],
      hasVideoTemplate: found.hasVideoTemplate,
      values,
      fields,
      errors: Object.keys(fields).length ? errorItems(fields) : undefined,
      flash: DONE[doneOf(req)],
    });
  }

  app.get('/enquiries/:id/appointment', (req, reply) => render(req, reply));

  app.post('/enquiries/:id/appointment', { config: { permission: 'referrals.triage' } }, async (req, reply) => {
    const id = enquiryIdOf(req);
    const body = asBody(req.body);
    const { input, problems } = readAppointmentForm(body);
    const parsed = parseForm(ZBookAppointment, input);
    let fields: FieldErrors = { ...(parsed.ok ? {} : parsed.fields), ...problems };
    if (fields.start && (fields.date || fields.startTime)) delete fields.start;
    if (parsed.ok && Object.keys(problems).length === 0) {
      const done = await attempt(reply, () => deps.appointments.book(req.actor!, id, parsed.data));
      if (done.ok) return reply.redirect(`/enquiries/${id}/appointment?done=${done.value.emails ? 'booked' : 'bookedNoEmail'}`, 303);
      fields = done.fields;
    } else reply.status(422);
    return render(req, reply, { values: keepValues(body), fields });
  });

  app.post('/enquiries/:id/appointment/cancel', { config: { permission: 'referrals.triage' } }, async (req, reply) => {
    const id = enquiryIdOf(req);
    const body = asBody(req.body);
    const parsed = parseForm(ZCancelAppointment, { reason: textOf(body, 'reason') });
    let fields: FieldErrors = parsed.ok ? {} : parsed.fields;
    if (parsed.ok) {
      const done = await attempt(reply, () => deps.appointments.cancel(req.actor!, id, parsed.data));
      if (done.ok) return reply.redirect(`/enquiries/${id}/appointment?done=cancelled`, 303);
      fields = done.fields;
    } else reply.status(422);
    return render(req, reply, { values: keepValues(body), fields });
  });
}
