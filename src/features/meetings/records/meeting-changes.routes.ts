// Changing a meeting, each on its own page: move it (new date, time and length, and why), cancel it (why), record
// that it did not take place (who did not come, why), and record it (attendance, and for joint meetings and RJ
// conferences the ground rules agreed, issues, options, outcome; the next step).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '#src/deps.ts';
import { caseIdParam } from '#src/features/cases/case-page.routes.ts';
import type { CasePagesService } from '#src/features/cases/case-pages.service.ts';
import { authorise } from '#src/access/permissions.ts';
import { asBody, dateParts, type FormBody, isTicked, listOf, optionalText } from '#src/http/page-form.ts';
import { keepValues, parseForm } from '#src/http/forms.ts';
import { msg } from '#src/i18n/i18n.ts';
import { type FieldErrors, forbidden } from '#src/lib/app-error.ts';
import { attempt, errorItems, formFields, readMinutes, readStart } from './meeting-forms.ts';
import { JOINT_KINDS } from './meeting-outcomes.service.ts';
import { londonParts, minutesBetween } from '#src/domain/meeting-times.ts';
import { NEXT_STEP_LABELS, NEXT_STEPS } from '#src/domain/meeting-words.ts';
import { mailDoneKey, meetingIdParam, meetingsHeader } from './meetings.routes.ts';
import { ZCancel, ZNoShow, ZRecordMeeting, ZReschedule } from './meetings.schemas.ts';
import { meetingRow } from './meetings.present.ts';

type Change = 'reschedule' | 'cancel' | 'no-show' | 'record';
type State = { values: Record<string, string>; lists: Record<string, string[]>; fields: FieldErrors };

const TITLES: Record<Change, string> = {
  reschedule: msg('Move this meeting'),
  cancel: msg('Cancel this meeting'),
  'no-show': msg('The meeting did not take place'),
  record: msg('Record the meeting'),
};
const ORDER: Record<Change, string[]> = {
  reschedule: ['date', 'startTime', 'durationMinutes', 'reason', 'shortNoticeAgreed', '_'],
  cancel: ['reason', '_'],
  'no-show': ['absentParticipantIds', 'reason', '_'],
  record: ['attendedParticipantIds', 'groundRules', 'issues', 'options', 'outcome', 'nextStep', 'notes', '_'],
};

/** What each form sends to the service, read from the page's fields. */
function readChange(change: Change, body: FormBody): { input: unknown; problems: FieldErrors } {
  if (change === 'reschedule') {
    const { start, problems } = readStart(body);
    return {
      input: {
        start,
        durationMinutes: readMinutes(body, problems),
        reason: optionalText(body, 'reason') ?? '',
        shortNoticeAgreed: isTicked(body, 'shortNoticeAgreed'),
      },
      problems,
    };
  }
  if (change === 'cancel') return { input: { reason: optionalText(body, 'reason') ?? '' }, problems: {} };
  if (change === 'no-show')
    return { input: { absentParticipantIds: listOf(body, 'absentParticipantIds'), reason: optionalText(body, 'reason') ?? '' }, problems: {} };
  return {
    input: {
      attendedParticipantIds: listOf(body, 'attendedParticipantIds'),
      groundRules: listOf(body, 'groundRules'),
      issues: optionalText(body, 'issues') ?? '',
      options: optionalText(body, 'options') ?? '',
      outcome: optionalText(body, 'outcome') ?? '',
      nextStep: optionalText(body, 'nextStep'),
      notes: optionalText(body, 'notes'),
    },
    problems: {},
  };
}

async function renderChange(deps: Pick<Deps, 'meetings'>, pages: CasePagesService, req: FastifyRequest, reply: FastifyReply, change: Change, state?: State) {
  // Moving and cancelling are for the people who book; a mediator is told so before filling in a form they cannot send.
  if (change === 'reschedule' || change === 'cancel') authorise(req.actor!, 'meetings.book');
  const caseId = caseIdParam(req);
  const { header } = await meetingsHeader(pages, req, caseId);
  if (!header.canWork) throw forbidden(msg('Only the case team and coordinators record what happened at a meeting'), 'NOT_ON_CASE');
  const { meeting: m, groundRules } = await deps.meetings.meeting(req.actor!, caseId, meetingIdParam(req));
  const start = londonParts(m.startsAt);
  const parts = dateParts(start.date);
  const values = state?.values ?? {
    'date-day': parts.day,
    'date-month': parts.month,
    'date-year': parts.year,
    startTime: start.time,
    durationMinutes: String(minutesBetween(m.startsAt, m.endsAt)),
  };
  const lists = state?.lists ?? { attendedParticipantIds: m.participants.map((p) => p.id), groundRules: [], absentParticipantIds: [] };
  const people = (key: string) => m.participants.map((p) => ({ value: p.id, text: p.name, checked: (lists[key] ?? []).includes(p.id) }));
  const fields = state?.fields ?? {};
  return reply.page('meetings/records/views/meeting-change.njk', {
    pageTitle: `${header.reference} – ${req.t(TITLES[change])}`,
    header,
    change,
    title: req.t(TITLES[change]),
    meeting: { ...meetingRow(req.t, m), isSend: m.caseKind === 'send', isJoint: JOINT_KINDS.includes(m.kind) },
    action: `/cases/${caseId}/meetings/${m.id}/${change}`,
    attendedItems: people('attendedParticipantIds'),
    absentItems: people('absentParticipantIds'),
    groundRuleItems: groundRules.map((r) => ({ value: r, text: r, checked: (lists.groundRules ?? []).includes(r) })),
    nextStepItems: NEXT_STEPS.map((s) => ({ value: s, text: req.t(NEXT_STEP_LABELS[s]), checked: values.nextStep === s })),
    values,
    fields,
    errors: Object.keys(fields).length ? errorItems(fields, ORDER[change]) : undefined,
  });
}

const SCHEMAS = { reschedule: ZReschedule, cancel: ZCancel, 'no-show': ZNoShow, record: ZRecordMeeting };
const DONE: Record<Change, string> = { reschedule: 'moved', cancel: 'cancelled', 'no-show': 'noShow', record: 'recorded' };

export function registerMeetingChangePages(app: FastifyInstance, deps: Pick<Deps, 'meetings'>, pages: CasePagesService) {
  for (const change of Object.keys(TITLES) as Change[]) {
    app.get(`/cases/:id/meetings/:meetingId/${change}`, (req, reply) => renderChange(deps, pages, req, reply, change));

    app.post(`/cases/:id/meetings/:meetingId/${change}`, async (req, reply) => {
      const caseId = caseIdParam(req);
      const meetingId = meetingIdParam(req);
      const body = asBody(req.body);
      const { input, problems } = readChange(change, body);
      const parsed = parseForm(SCHEMAS[change], input);
      let fields: FieldErrors = { ...(parsed.ok ? {} : formFields(parsed.fields)), ...problems };
      if (parsed.ok && Object.keys(problems).length === 0) {
        const actor = req.actor!;
        const done = await attempt(reply, async () => {
          const data = parsed.data as never;
          if (change === 'reschedule') return deps.meetings.reschedule(actor, caseId, meetingId, data);
          if (change === 'cancel') return deps.meetings.cancel(actor, caseId, meetingId, data);
          if (change === 'no-show') return deps.meetings.noShow(actor, caseId, meetingId, data);
          return deps.meetings.record(actor, caseId, meetingId, data);
        });
        if (done.ok) {
          const value = done.value as { requestId?: string | null; noLetters?: string[]; noAddress?: string[]; lettersWithoutAddress?: number };
          const mailed = { reschedule: 'moved', cancel: 'cancelled' } as const;
          const key =
            change === 'reschedule' || change === 'cancel'
              ? mailDoneKey(mailed[change], value)
              : change === 'record' && value.requestId
                ? 'recordedRequest'
                : DONE[change];
          return reply.redirect(`/cases/${caseId}/meetings/${meetingId}?done=${key}`, 303);
        }
        fields = done.fields;
      } else reply.status(422);
      const lists = Object.fromEntries(['attendedParticipantIds', 'absentParticipantIds', 'groundRules'].map((k) => [k, listOf(body, k)]));
      return renderChange(deps, pages, req, reply, change, { values: keepValues(body), lists, fields });
    });
  }
}
