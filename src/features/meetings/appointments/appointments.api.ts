// The API twin of an enquiry's appointment: read it, book one (refusals are 422 with the reasons by field), cancel it.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '#src/deps.ts';
import { errorResponses, ZApiError } from '#src/http/api-schemas.ts';
import { ZAppointmentOutShape } from './appointments.present.ts';
import { ZBookAppointment, ZCancelAppointment } from './appointments.schemas.ts';

const tags = ['enquiries'];
const security = [{ bearer: [] }];
const ZParams = z.object({ id: z.uuid('Enquiry ids are UUIDs') });
const ZAppointmentOut = z.object({
  id: z.string(),
  enquiryId: z.string(),
  enquiryReference: z.string().nullable(),
  mode: z.string().describe('in_person (at a venue), phone or online'),
  venueId: z.string().nullable(),
  venueName: z.string().nullable(),
  phone: z.string().nullable(),
  videoLink: z.string().nullable(),
  staffUserId: z.string(),
  staffName: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  status: z.string().describe('booked or cancelled'),
  cancelReason: z.string().nullable(),
  sequence: z.number(),
});
const refusals = { 404: ZApiError, 409: ZApiError, ...errorResponses };

export function registerAppointmentApi(app: FastifyInstance, deps: Pick<Deps, 'appointments'>) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/enquiries/:id/appointments',
    {
      schema: {
        summary: 'An enquiry’s appointments: the booked one (if any) and those cancelled',
        tags,
        security,
        params: ZParams,
        response: { 200: z.object({ booked: ZAppointmentOut.nullable(), cancelled: z.array(ZAppointmentOut) }), 404: ZApiError, ...errorResponses },
      },
    },
    async (req) => {
      const found = await deps.appointments.forEnquiry(req.actor!, req.params.id);
      return { booked: found.booked ? ZAppointmentOutShape(found.booked) : null, cancelled: found.past.map(ZAppointmentOutShape) };
    },
  );

  api.post(
    '/api/v1/enquiries/:id/appointments',
    {
      schema: {
        summary:
          'Book an appointment with the enquirer (coordinators and admins): it goes on the calendar and the enquirer is emailed an invitation with an .ics. Refused with 422: a time not in the future, no venue, no number to ring, no video link, one booked already',
        tags,
        security,
        params: ZParams,
        body: ZBookAppointment,
        response: { 201: z.object({ appointment: ZAppointmentOut, emailsQueued: z.number() }), ...refusals },
      },
    },
    async (req, reply) => {
      const done = await deps.appointments.book(req.actor!, req.params.id, req.body);
      return reply.status(201).send({ appointment: ZAppointmentOutShape(done.appointment), emailsQueued: done.emails });
    },
  );

  api.post(
    '/api/v1/enquiries/:id/appointments/cancel',
    {
      schema: {
        summary: 'Cancel the enquiry’s booked appointment, with the reason; the enquirer is emailed the cancellation',
        tags,
        security,
        params: ZParams,
        body: ZCancelAppointment,
        response: { 200: z.object({ appointment: ZAppointmentOut, emailsQueued: z.number() }), ...refusals },
      },
    },
    async (req) => {
      const done = await deps.appointments.cancel(req.actor!, req.params.id, req.body);
      return { appointment: ZAppointmentOutShape(done.appointment), emailsQueued: done.emails };
    },
  );
}
