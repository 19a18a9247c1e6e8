// After a meeting is booked: answers taken by phone, a meeting that did not take place, and the record of one that
// did (attendance; for joint meetings and RJ conferences the ground rules agreed, issues, options, outcome; the next
// step, where "another joint meeting" opens a further-meeting request). The case team and coordinators do this.
import { msg, worded } from '#src/i18n/i18n.ts';
import type { Db } from '#src/db/client.ts';
import { inOrg } from '#src/db/tenant.ts';
import type { MeetingRecord } from '#src/db/schema/meetings.ts';
import type { OrgActor } from '#src/access/actor.ts';
import { authorise } from '#src/access/permissions.ts';
import { AppError, inEnglish, notFound } from '#src/lib/app-error.ts';
import { newId } from '#src/lib/ids.ts';
import { changedMeanwhile, notBooked } from '../booking/meeting-booking.ts';
import { meetingEvent } from './meeting-events.ts';
import { readMeetingPolicy } from '#src/features/settings/meeting-policy.ts';
import { kindInWords, namesInWords, startInWords } from '../meeting-text.ts';
import { NEXT_STEP_LABELS, RESPONSE_LABELS } from '#src/domain/meeting-words.ts';
import { findMeeting, updateMeeting, updateParticipantAttendance, updateParticipantResponse } from './meetings.repo.ts';
import type { NoShow, RecordMeeting, ResponseInput } from './meetings.schemas.ts';
import type { LoadMeeting, MeetingDeps } from './meetings.service.ts';
import { insertRequest } from '../requests/requests.repo.ts';

/** Kinds whose record has the ground rules, issues and options. */
export const JOINT_KINDS: readonly string[] = ['joint', 'rj_conference'];

const RESPONSE_VERBS: Record<string, string> = { accepted: 'accepted', declined: 'declined', tentative: 'said maybe to' };

const notStarted = (what: string) =>
  new AppError('UNPROCESSABLE', msg('You can record {what} once the meeting’s start time has passed'), {
    reason: 'MEETING_NOT_STARTED',
    fields: { _: inEnglish({ text: msg('You can record {what} once the meeting has started'), params: { what } }) },
    fieldParams: { _: { text: msg('You can record {what} once the meeting has started'), params: { what: worded(what) } } },
    params: { what: worded(what) },
  });

function unknownParticipants(m: { participants: { id: string }[] }, ids: readonly string[], field: string) {
  if (ids.some((id) => !m.participants.some((p) => p.id === id)))
    throw new AppError('UNPROCESSABLE', msg('Choose only people invited to this meeting'), {
      reason: 'VALIDATION_FAILED',
      fields: { [field]: 'Choose only people invited to this meeting' },
    });
}

export function createMeetingOutcomeService({ db, clock, audit, settings, loadMeeting }: MeetingDeps & { loadMeeting: LoadMeeting }) {
  const by = (actor: OrgActor) => actor.label ?? actor.id;

  async function setAttendance(tx: Db, orgId: string, m: { id: string; participants: { id: string }[] }, attended: (id: string) => boolean) {
    for (const p of m.participants) await updateParticipantAttendance(tx, orgId, m.id, p.id, attended(p.id));
  }

  return {
    /** An answer someone gave by phone or in person: accepted, declined or maybe. */
    async recordResponse(actor: OrgActor, caseId: string, meetingId: string, input: ResponseInput) {
      authorise(actor, 'cases.view');
      return inOrg(db, actor.orgId, async (tx) => {
        const { m } = await loadMeeting(tx, actor, caseId, meetingId, 'work');
        const who = m.participants.find((p) => p.id === input.participantId);
        if (!who) throw notFound(msg('That person on this meeting was not found'));
        if (m.status !== 'booked') throw notBooked(m, msg('answered'));
        const now = clock.now();
        await updateParticipantResponse(tx, actor.orgId, m.id, who.id, input.response, now);
        await meetingEvent(tx, actor, now, m, {
          summary: `${who.name} ${RESPONSE_VERBS[input.response]} the ${kindInWords(m.kind).toLowerCase()} on ${startInWords(m.startsAt)}`,
          data: { participantId: who.id, response: input.response },
        });
        await audit.record(tx, actor, actor.orgId, {
          action: 'meeting.response_recorded',
          entityType: 'meeting',
          entityId: m.id,
          detail: { caseId, participantId: who.id, response: input.response },
        });
        return { participantId: who.id, response: input.response, label: RESPONSE_LABELS[input.response] };
      });
    },

    /** The meeting did not take place: who did not come and why. */
    async noShow(actor: OrgActor, caseId: string, meetingId: string, input: NoShow) {
      authorise(actor, 'cases.view');
      return inOrg(db, actor.orgId, async (tx) => {
        const { m } = await loadMeeting(tx, actor, caseId, meetingId, 'work');
        if (m.status !== 'booked') throw notBooked(m, msg('marked as not taking place'));
        const now = clock.now();
        if (m.startsAt.getTime() > now.getTime()) throw notStarted(msg('that a meeting did not take place'));
        unknownParticipants(m, input.absentParticipantIds, 'absentParticipantIds');
        if (
          !(await updateMeeting(
            tx,
            actor.orgId,
            m.id,
            { status: 'booked', sequence: m.sequence },
            { status: 'no_show', cancelReason: input.reason, updatedAt: now },
          ))
        )
          throw changedMeanwhile();
        await setAttendance(tx, actor.orgId, m, (id) => !input.absentParticipantIds.includes(id));
        const absent = m.participants.filter((p) => input.absentParticipantIds.includes(p.id)).map((p) => p.name);
        await meetingEvent(tx, actor, now, m, {
          summary: `${kindInWords(m.kind)} on ${startInWords(m.startsAt)} did not take place${absent.length ? `: ${namesInWords(absent)} did not come` : ''}`,
          body: input.reason,
          data: { absentParticipantIds: input.absentParticipantIds },
        });
        await audit.record(tx, actor, actor.orgId, {
          action: 'meeting.no_show',
          entityType: 'meeting',
          entityId: m.id,
          detail: { caseId, absent: absent.length },
        });
        return { id: m.id, status: 'no_show' as const };
      });
    },

    /** The record of a meeting that took place; it becomes "held". */
    async record(actor: OrgActor, caseId: string, meetingId: string, input: RecordMeeting) {
      authorise(actor, 'cases.view');
      const policy = readMeetingPolicy(await settings.forWork(actor.orgId));
      return inOrg(db, actor.orgId, async (tx) => {
        const { m } = await loadMeeting(tx, actor, caseId, meetingId, 'work');
        if (m.status !== 'booked') throw notBooked(m, msg('recorded'));
        const now = clock.now();
        if (m.startsAt.getTime() > now.getTime()) throw notStarted(msg('a meeting'));
        unknownParticipants(m, input.attendedParticipantIds, 'attendedParticipantIds');
        const joint = JOINT_KINDS.includes(m.kind);
        if (joint && input.groundRules.some((r) => !policy.groundRules.includes(r)))
          throw new AppError('UNPROCESSABLE', msg('Choose ground rules from the service’s list'), {
            reason: 'VALIDATION_FAILED',
            fields: { groundRules: 'Choose ground rules from the service’s list' },
          });
        const record: MeetingRecord = {
          groundRules: joint ? input.groundRules : [],
          issues: joint ? input.issues : '',
          options: joint ? input.options : '',
          outcome: input.outcome,
          nextStep: input.nextStep,
          ...(input.notes ? { notes: input.notes } : {}),
          recordedAt: now.toISOString(),
          recordedBy: by(actor),
        };
        if (!(await updateMeeting(tx, actor.orgId, m.id, { status: 'booked', sequence: m.sequence }, { status: 'held', record, updatedAt: now })))
          throw changedMeanwhile();
        await setAttendance(tx, actor.orgId, m, (id) => input.attendedParticipantIds.includes(id));
        const came = m.participants.filter((p) => input.attendedParticipantIds.includes(p.id)).map((p) => p.name);
        await meetingEvent(tx, actor, now, m, {
          summary: `${kindInWords(m.kind)} held on ${startInWords(m.startsAt)}: next step, ${NEXT_STEP_LABELS[input.nextStep].toLowerCase()}`,
          body: [came.length ? `Attended: ${namesInWords(came)}` : 'Nobody was recorded as attending', `Outcome: ${input.outcome}`].join('\n\n'),
          data: { nextStep: input.nextStep },
        });
        let requestId: string | null = null;
        if (input.nextStep === 'another_joint') {
          requestId = newId();
          await insertRequest(tx, {
            id: requestId,
            orgId: actor.orgId,
            caseId,
            requestedBy: actor.role === 'mediator' ? 'mediator' : 'staff',
            requesterName: by(actor),
            kind: 'joint',
            reason: `Agreed at the ${kindInWords(m.kind).toLowerCase()} on ${startInWords(m.startsAt)}: another joint meeting`,
            status: 'open',
            createdAt: now,
            createdBy: by(actor),
          });
          await meetingEvent(tx, actor, now, m, { summary: 'Further joint meeting requested', data: { requestId } });
        }
        await audit.record(tx, actor, actor.orgId, {
          action: 'meeting.recorded',
          entityType: 'meeting',
          entityId: m.id,
          detail: { caseId, nextStep: input.nextStep, attended: came.length, requestId },
        });
        return { meeting: (await findMeeting(tx, actor.orgId, caseId, m.id))!, requestId };
      });
    },
  };
}
