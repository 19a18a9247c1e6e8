// The booking form (/cases/{id}/meetings/new): filled from a "Find a time" result or a further-meeting request when
// linked from one, the case's mediators ticked; refused bookings come back with every reason and what was typed.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '#src/deps.ts';
import { caseIdParam } from '#src/features/cases/case-page.routes.ts';
import type { CasePagesService } from '#src/features/cases/case-pages.service.ts';
import { asBody, listOf } from '#src/http/page-form.ts';
import { keepValues, parseForm } from '#src/http/forms.ts';
import type { FieldErrors } from '#src/lib/app-error.ts';
import { attempt, bookingFormModel, errorItems, formFields, readBookingForm, valuesFromQuery } from '../records/meeting-forms.ts';
import { ZBookMeeting } from '../records/meetings.schemas.ts';
import { mailDoneKey, meetingsHeader } from '../records/meetings.routes.ts';
import { requestRow } from '../records/meetings.present.ts';
import { queryOf } from '#src/http/page-input.ts';
import { z } from 'zod';

type State = { values: Record<string, string>; ticked: { volunteerIds: string[]; partyIds: string[] }; fields?: FieldErrors };

/** The booking form's query (from the slot finder or a request): any fields, each read as text by valuesFromQuery. */
const ZBookingQuery = z.record(z.string(), z.unknown());

async function renderBooking(deps: Pick<Deps, 'clock' | 'meetings'>, pages: CasePagesService, req: FastifyRequest, reply: FastifyReply, state?: State) {
  const actor = req.actor!;
  const caseId = caseIdParam(req);
  const { header } = await meetingsHeader(pages, req, caseId);
  const choices = await deps.meetings.bookingForm(actor, caseId);
  let values = state?.values;
  let ticked = state?.ticked;
  const requestId = values?.requestId ?? valuesFromQuery(queryOf(req, ZBookingQuery)).requestId;
  const found = requestId ? await deps.meetings.requests.get(actor, requestId).catch(() => undefined) : undefined;
  const request = found && found.caseId === caseId && found.status === 'open' ? found : undefined;
  if (!values || !ticked) {
    const fromQuery = valuesFromQuery(queryOf(req, ZBookingQuery));
    values = { durationMinutes: '60', ...(request ? { kind: request.kind } : {}), ...fromQuery };
    if (!request) delete values.requestId;
    ticked = {
      volunteerIds: choices.mediators.map((m) => m.volunteerId),
      partyIds: values.partyIds ? values.partyIds.split(',') : request?.partyId ? [request.partyId] : [],
    };
  }
  const fields = state?.fields ?? {};
  return reply.page('meetings/booking/views/meeting-book.njk', {
    pageTitle: `${header.reference} – ${req.t('Book a meeting')}`,
    header,
    ...bookingFormModel(choices, values, ticked),
    request: request ? requestRow(req.t, request, deps.clock.now()) : undefined,
    fields,
    errors: Object.keys(fields).length ? errorItems(fields) : undefined,
  });
}

export function registerBookingPages(app: FastifyInstance, deps: Pick<Deps, 'clock' | 'meetings'>, pages: CasePagesService) {
  app.get('/cases/:id/meetings/new', (req, reply) => renderBooking(deps, pages, req, reply));

  app.post('/cases/:id/meetings/new', async (req, reply) => {
    const caseId = caseIdParam(req);
    const body = asBody(req.body);
    const { input, problems } = readBookingForm(body);
    const parsed = parseForm(ZBookMeeting, input);
    let fields: FieldErrors = { ...(parsed.ok ? {} : formFields(parsed.fields)), ...problems };
    if (parsed.ok && Object.keys(problems).length === 0) {
      const done = await attempt(reply, () => deps.meetings.book(req.actor!, caseId, parsed.data));
      if (done.ok) return reply.redirect(`/cases/${caseId}/meetings/${done.value.meeting.id}?done=${mailDoneKey('booked', done.value)}`, 303);
      fields = done.fields;
    } else reply.status(422);
    const values = keepValues(body, ['_csrf', 'volunteerIds', 'partyIds']);
    return renderBooking(deps, pages, req, reply, {
      values,
      ticked: { volunteerIds: listOf(body, 'volunteerIds'), partyIds: listOf(body, 'partyIds') },
      fields,
    });
  });
}
