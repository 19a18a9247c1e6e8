// Further-meeting requests: recording one on a case (/cases/{id}/meetings/requests/new), and the coordinators' queue
// (/meetings/requests), where each open request is booked (through the booking form) or declined with a reason.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '#src/deps.ts';
import { caseIdParam } from '#src/features/cases/case-page.routes.ts';
import type { CasePagesService } from '#src/features/cases/case-pages.service.ts';
import { asBody, optionalText } from '#src/http/page-form.ts';
import { keepValues, parseForm } from '#src/http/forms.ts';
import { translator, msg } from '#src/i18n/i18n.ts';
import type { FieldErrors } from '#src/lib/app-error.ts';
import { attempt, errorItems, formFields } from '../records/meeting-forms.ts';
import { MEETING_KIND_LABELS, MEETING_KINDS, REQUESTER_LABELS } from '#src/domain/meeting-words.ts';
import { meetingsHeader } from '../records/meetings.routes.ts';
import { requestRow } from '../records/meetings.present.ts';
import { REQUESTED_BY, ZDecline, ZMeetingRequest } from './requests.schemas.ts';
import { doneOf, uuidParam } from '#src/http/page-input.ts';

const t = translator('en');

type State = { values: Record<string, string>; fields: FieldErrors };
const QUEUE_DONE: Record<string, string> = { declined: msg('Request declined. The reason is on the case timeline.') };

const requestIdParam = (req: FastifyRequest) => uuidParam(req, 'requestId', msg('That request was not found'));

async function renderNew(deps: Pick<Deps, 'meetings'>, pages: CasePagesService, req: FastifyRequest, reply: FastifyReply, state?: State) {
  const caseId = caseIdParam(req);
  const { header } = await meetingsHeader(pages, req, caseId);
  const form = await deps.meetings.requests.requestForm(req.actor!, caseId);
  const values = state?.values ?? {};
  const fields = state?.fields ?? {};
  return reply.page('meetings/requests/views/request-new.njk', {
    pageTitle: `${header.reference} – ${t('Record a request for a further meeting')}`,
    header,
    requestedByItems: REQUESTED_BY.map((r) => ({ value: r, text: t(REQUESTER_LABELS[r]), checked: values.requestedBy === r })),
    partyItems: [{ value: '', text: t('Choose a person') }, ...form.parties.map((p) => ({ value: p.id, text: p.name, selected: values.partyId === p.id }))],
    kindItems: [
      { value: '', text: t('Choose the kind of meeting') },
      ...MEETING_KINDS.map((k) => ({ value: k, text: t(MEETING_KIND_LABELS[k]), selected: (values.kind ?? 'joint') === k })),
    ],
    referrerName: form.referrerName,
    values,
    fields,
    errors: Object.keys(fields).length ? errorItems(fields, ['requestedBy', 'partyId', 'requesterName', 'kind', 'reason', 'preferredTimes', '_']) : undefined,
  });
}

async function renderDecline(deps: Pick<Deps, 'clock' | 'meetings'>, req: FastifyRequest, reply: FastifyReply, state?: State) {
  const request = await deps.meetings.requests.get(req.actor!, requestIdParam(req));
  const fields = state?.fields ?? {};
  return reply.page('meetings/requests/views/request-decline.njk', {
    pageTitle: t('Decline a request for a further meeting'),
    request: requestRow(request, deps.clock.now()),
    isOpen: request.status === 'open',
    values: state?.values ?? {},
    fields,
    errors: Object.keys(fields).length ? errorItems(fields, ['reason', '_']) : undefined,
  });
}

export function registerRequestPages(app: FastifyInstance, deps: Pick<Deps, 'clock' | 'meetings'>, pages: CasePagesService) {
  app.get('/cases/:id/meetings/requests/new', (req, reply) => renderNew(deps, pages, req, reply));

  app.post('/cases/:id/meetings/requests/new', async (req, reply) => {
    const caseId = caseIdParam(req);
    const body = asBody(req.body);
    const parsed = parseForm(ZMeetingRequest, {
      requestedBy: optionalText(body, 'requestedBy'),
      partyId: optionalText(body, 'partyId'),
      requesterName: optionalText(body, 'requesterName'),
      kind: optionalText(body, 'kind'),
      reason: optionalText(body, 'reason') ?? '',
      preferredTimes: optionalText(body, 'preferredTimes'),
    });
    if (!parsed.ok) reply.status(422);
    const done = parsed.ok ? await attempt(reply, () => deps.meetings.requests.create(req.actor!, caseId, parsed.data)) : parsed;
    if (done.ok) return reply.redirect(`/cases/${caseId}/meetings?done=requested`, 303);
    return renderNew(deps, pages, req, reply, { values: keepValues(body), fields: formFields(done.fields) });
  });

  app.get('/meetings/requests', async (req, reply) => {
    const now = deps.clock.now();
    const open = await deps.meetings.requests.queue(req.actor!, 'open');
    return reply.page('meetings/requests/views/requests-queue.njk', {
      pageTitle: t('Requests for a further meeting'),
      requests: open.map((r) => requestRow(r, now)),
      flash: QUEUE_DONE[doneOf(req)],
    });
  });

  app.get('/meetings/requests/:requestId/decline', (req, reply) => renderDecline(deps, req, reply));

  app.post('/meetings/requests/:requestId/decline', async (req, reply) => {
    const requestId = requestIdParam(req);
    const body = asBody(req.body);
    const parsed = parseForm(ZDecline, { reason: optionalText(body, 'reason') ?? '' });
    if (!parsed.ok) reply.status(422);
    const done = parsed.ok ? await attempt(reply, () => deps.meetings.requests.decline(req.actor!, requestId, parsed.data)) : parsed;
    if (done.ok) return reply.redirect('/meetings/requests?done=declined', 303);
    return renderDecline(deps, req, reply, { values: keepValues(body), fields: formFields(done.fields) });
  });
}
