// The meeting pages: the case's Meetings tab, one meeting (with answers taken by phone), and the registration of
// every meeting page and API route (booking, changes, records, the shuttle log, further-meeting requests).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '#src/deps.ts';
import { can } from '#src/access/permissions.ts';
import { caseIdParam } from '#src/features/cases/case-page.routes.ts';
import { caseHeader } from '#src/features/cases/case-pages.present.ts';
import { type CasePagesService, createCasePagesService } from '#src/features/cases/case-pages.service.ts';
import { asBody, optionalText } from '#src/http/page-form.ts';
import { keepValues, parseForm } from '#src/http/forms.ts';
import { msg } from '#src/i18n/i18n.ts';
import type { FieldErrors } from '#src/lib/app-error.ts';
import { registerBookingPages } from '../booking/meeting-booking.routes.ts';
import { registerMeetingChangePages } from './meeting-changes.routes.ts';
import { attempt, errorItems } from './meeting-forms.ts';
import { JOINT_KINDS } from './meeting-outcomes.service.ts';
import { RECORDABLE_RESPONSES, ZResponse } from './meetings.schemas.ts';
import { registerMeetingApi } from './meetings.api.ts';
import { meetingRow, meetingSummaryRows, participantRows, recordRows, requestRow, responseLabel, STATUS_CLASSES, statusLabel } from './meetings.present.ts';
import type { MeetingStatus } from '#src/domain/meeting-words.ts';
import { registerRequestApi } from '../requests/requests.api.ts';
import { registerRequestPages } from '../requests/requests.routes.ts';
import { registerShuttleApi } from '../shuttle/shuttle.api.ts';
import { registerShuttlePages } from '../shuttle/shuttle.routes.ts';
import { doneOf, uuidParam } from '#src/http/page-input.ts';
import { addressLines } from '#src/features/email/letter-words.ts';

/** What a form did, shown after the redirect back. Keys only: nothing typed travels in the URL. */
export const MEETING_DONE: Record<string, string> = {
  booked: msg('Meeting booked. Invitations are in the outbox: by email, or as a letter to post for anyone without an email address.'),
  bookedNoLetters: msg(
    'Meeting booked. Invitations are in the outbox, but someone without an email address cannot be sent a letter (their safe-contact instructions say no letters, or there is no address for them): tell them another way.',
  ),
  movedNoLetters: msg(
    'Meeting moved. Someone without an email address cannot be sent a letter (their safe-contact instructions say no letters, or there is no address for them): tell them the new time another way.',
  ),
  cancelledNoLetters: msg(
    'Meeting cancelled. Someone without an email address cannot be sent a letter (their safe-contact instructions say no letters, or there is no address for them): tell them another way.',
  ),
  bookedNoAddress: msg(
    'Meeting booked. Invitations are in the outbox, but the case has no postal address for someone without an email address: their letter waits in the outbox, and cannot be posted, until you add their address on the People tab.',
  ),
  movedNoAddress: msg(
    'Meeting moved. The case has no postal address for someone without an email address: their letter waits in the outbox, and cannot be posted, until you add their address on the People tab.',
  ),
  cancelledNoAddress: msg(
    'Meeting cancelled. The case has no postal address for someone without an email address: their letter waits in the outbox, and cannot be posted, until you add their address on the People tab.',
  ),
  moved: msg('Meeting moved. Everyone invited has been sent the new time.'),
  cancelled: msg('Meeting cancelled. Everyone invited has been told.'),
  noShow: msg('Recorded that the meeting did not take place.'),
  recorded: msg('Meeting recorded.'),
  recordedRequest: msg('Meeting recorded. A request for another joint meeting is in the coordinators’ queue.'),
  response: msg('Answer recorded.'),
  requested: msg('Request for a further meeting recorded. It is in the coordinators’ queue.'),
};

export const flashOf = (req: FastifyRequest) => MEETING_DONE[doneOf(req)];

/**
 * The key of what a booking, move or cancellation did, for the page after it: someone who could not be written to
 * first (they must be told another way), then a letter waiting for an address, else all written.
 */
export function mailDoneKey(base: 'booked' | 'moved' | 'cancelled', done: { noLetters?: string[]; noAddress?: string[]; lettersWithoutAddress?: number }) {
  if (done.noLetters?.length || done.noAddress?.length) return `${base}NoLetters`;
  return done.lettersWithoutAddress ? `${base}NoAddress` : base;
}

/** The meeting id in the path, or 404. */
export function meetingIdParam(req: FastifyRequest): string {
  return uuidParam(req, 'meetingId', msg('That meeting was not found'));
}

/** The case's heading and sub navigation, with the Meetings tab active, and what this person may do. */
export async function meetingsHeader(pages: CasePagesService, req: FastifyRequest, caseId: string) {
  const view = await pages.casePage(req.actor!, caseId);
  const header = caseHeader(req.t, view, 'meetings');
  return { view, header, canBook: header.canWork && can(req.actor!.role, 'meetings.book') };
}

type Extra = { values?: Record<string, string>; fields?: FieldErrors };

async function renderCaseMeetings(deps: Pick<Deps, 'meetings'>, pages: CasePagesService, req: FastifyRequest, reply: FastifyReply) {
  const caseId = caseIdParam(req);
  const { header, canBook } = await meetingsHeader(pages, req, caseId);
  const list = await deps.meetings.caseMeetings(req.actor!, caseId);
  const now = list.now.getTime();
  const upcoming = list.meetings.filter((m) => m.status === 'booked' && m.endsAt.getTime() > now);
  const past = list.meetings.filter((m) => !upcoming.includes(m)).reverse();
  return reply.page('meetings/records/views/case-meetings.njk', {
    pageTitle: `${header.reference} – ${req.t('Meetings')}`,
    header,
    canBook,
    upcoming: upcoming.map((m) => meetingRow(req.t, m)),
    // A booked meeting that has ended is waiting for its record, not for answers.
    past: past.map((m) =>
      m.status === 'booked'
        ? { ...meetingRow(req.t, m), status: req.t('Not recorded yet'), statusClass: 'moj-badge--orange', responses: '' }
        : meetingRow(req.t, m),
    ),
    openRequests: list.requests.filter((r) => r.status === 'open').map((r) => requestRow(req.t, r, list.now)),
    flash: flashOf(req),
  });
}

async function renderMeeting(deps: Pick<Deps, 'meetings'>, pages: CasePagesService, req: FastifyRequest, reply: FastifyReply, extra: Extra = {}) {
  const caseId = caseIdParam(req);
  const meetingId = meetingIdParam(req);
  const { header, canBook, view } = await meetingsHeader(pages, req, caseId);
  const { meeting: m, now, notWrittenTo } = await deps.meetings.meeting(req.actor!, caseId, meetingId);
  const booked = m.status === 'booked';
  const started = m.startsAt.getTime() <= now.getTime();
  const values = extra.values ?? {};
  const fields = extra.fields ?? {};
  const base = `/cases/${caseId}/meetings/${m.id}`;
  return reply.page('meetings/records/views/meeting.njk', {
    pageTitle: `${header.reference} – ${req.t('Meeting')}`,
    header,
    meeting: {
      id: m.id,
      href: base,
      title: meetingRow(req.t, m).kind,
      when: meetingRow(req.t, m).when,
      status: statusLabel(req.t, m.status),
      statusClass: STATUS_CLASSES[m.status as MeetingStatus] ?? 'moj-badge--grey',
      isShuttle: m.kind === 'shuttle',
      isJoint: JOINT_KINDS.includes(m.kind),
    },
    summaryRows: meetingSummaryRows(req.t, m),
    recordRows: recordRows(req.t, m),
    participants: participantRows(
      req.t,
      m,
      new Map(view.parties.map((p) => [p.id, p.role])),
      new Set(view.parties.filter((p) => p.canSendLetters === false).map((p) => p.id)),
      new Set(view.parties.filter((p) => !addressLines(p.address, p.postcode).length).map((p) => p.id)),
      new Set(notWrittenTo),
    ),
    canRespond: header.canWork && booked,
    canChange: canBook && booked,
    canRecord: header.canWork && booked && started,
    recordLater: header.canWork && booked && !started,
    canShuttle: header.canWork && m.kind === 'shuttle' && m.status !== 'cancelled',
    participantItems: [
      { value: '', text: req.t('Choose a person') },
      ...m.participants.map((p) => ({ value: p.id, text: p.name, selected: values.participantId === p.id })),
    ],
    responseItems: RECORDABLE_RESPONSES.map((r) => ({ value: r, text: responseLabel(req.t, r), checked: values.response === r })),
    values,
    fields,
    errors: Object.keys(fields).length ? errorItems(fields, ['participantId', 'response']) : undefined,
    flash: flashOf(req),
  });
}

export function registerMeetingPages(app: FastifyInstance, deps: Pick<Deps, 'cases' | 'clock' | 'db' | 'meetings'>, pages: CasePagesService) {
  app.get('/cases/:id/meetings', (req, reply) => renderCaseMeetings(deps, pages, req, reply));
  app.get('/cases/:id/meetings/:meetingId', (req, reply) => renderMeeting(deps, pages, req, reply));

  app.post('/cases/:id/meetings/:meetingId/responses', async (req, reply) => {
    const caseId = caseIdParam(req);
    const meetingId = meetingIdParam(req);
    const body = asBody(req.body);
    const parsed = parseForm(ZResponse, { participantId: optionalText(body, 'participantId'), response: optionalText(body, 'response') });
    if (!parsed.ok) reply.status(422);
    const done = parsed.ok ? await attempt(reply, () => deps.meetings.recordResponse(req.actor!, caseId, meetingId, parsed.data)) : parsed;
    if (done.ok) return reply.redirect(`/cases/${caseId}/meetings/${meetingId}?done=response`, 303);
    const fields = done.fields;
    return renderMeeting(deps, pages, req, reply, { values: keepValues(body), fields });
  });
}

/** Every meeting page and API route, registered once from app.ts. */
export function registerMeetings(app: FastifyInstance, deps: Pick<Deps, 'cases' | 'clock' | 'db' | 'meetings'>) {
  const pages = createCasePagesService(deps);
  registerMeetingPages(app, deps, pages);
  registerBookingPages(app, deps, pages);
  registerMeetingChangePages(app, deps, pages);
  registerShuttlePages(app, deps, pages);
  registerRequestPages(app, deps, pages);
  registerMeetingApi(app, deps);
  registerShuttleApi(app, deps);
  registerRequestApi(app, deps);
}
