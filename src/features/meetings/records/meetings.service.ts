// Meetings of a case: the list and one meeting (the case team and case readers), and booking, moving and cancelling
// (meetings.book: coordinators and admins). Every change is checked by the booking rules in one transaction (the
// room's row locked first, then the people's), goes on the case timeline, is audited and queues the emails. What happens after a
// meeting (answers, attendance, records) is in meeting-outcomes.service.ts, the shuttle log in shuttle.service.ts and
// further-meeting requests in requests.service.ts; all are reached through this service.
import { msg } from '#src/i18n/i18n.ts';
import type { Db } from '#src/db/client.ts';
import { inOrg } from '#src/db/tenant.ts';
import type { Audit } from '#src/features/audit/audit.service.ts';
import type { OrgActor } from '#src/access/actor.ts';
import { authorise } from '#src/access/permissions.ts';
import { type CaseRow, listParties } from '#src/features/cases/case-reads.ts';
import type { CaseService } from '#src/features/cases/cases.service.ts';
import type { SettingsService } from '#src/features/settings/settings.service.ts';
import { notFound } from '#src/lib/app-error.ts';
import type { Clock } from '#src/lib/clock.ts';
import { newId } from '#src/lib/ids.ts';
import {
  changedMeanwhile,
  checkBookable,
  type ContactCheck,
  checkChoices,
  notBooked,
  openRequestOf,
  participantRows,
  videoLinkFor,
  withHomeName,
} from '../booking/meeting-booking.ts';
import { listBookableRooms, listCaseMediators } from '../booking/meeting-choices.repo.ts';
import { mailParticipants, meetingEvent } from './meeting-events.ts';
import { addressLines } from '#src/features/email/letter-words.ts';
import { createMeetingOutcomeService } from './meeting-outcomes.service.ts';
import { readMeetingPolicy } from '#src/features/settings/meeting-policy.ts';
import { bookedSummary, cancelledSummary, movedSummary, namesInWords } from '../meeting-text.ts';
import {
  findMeeting,
  insertMeeting,
  insertParticipants,
  listMeetingsOfCase,
  type MeetingWithParticipants,
  participantPostalDetails,
  resetResponses,
  updateMeeting,
} from './meetings.repo.ts';
import type { BookMeeting, Cancel, Reschedule } from './meetings.schemas.ts';
import { listRequestsOfCase, resolveRequest } from '../requests/requests.repo.ts';
import { createRequestService } from '../requests/requests.service.ts';
import { createShuttleService } from '../shuttle/shuttle.service.ts';

export type MeetingDeps = {
  db: Db;
  clock: Clock;
  audit: Audit;
  cases: CaseService;
  settings: SettingsService;
  /** Another feature's say on booking (features/rj's contact gate), given in deps.ts. */
  contactCheck?: ContactCheck;
};
export type LoadMeeting = (
  tx: Db,
  actor: OrgActor,
  caseId: string,
  meetingId: string,
  need: 'view' | 'work',
) => Promise<{ c: CaseRow; m: MeetingWithParticipants }>;

const minutes = (n: number) => n * 60_000;
const by = (actor: OrgActor) => actor.label ?? actor.id;

export function createMeetingService(deps: MeetingDeps) {
  const { db, clock, audit, cases, settings } = deps;

  async function workSettings(orgId: string) {
    const s = await settings.forWork(orgId);
    return { policy: readMeetingPolicy(s), notices: s.notices };
  }

  /** A meeting of the case, for people who may see the case (view) or record work on it (work). */
  const loadMeeting: LoadMeeting = async (tx, actor, caseId, meetingId, need) => {
    const c = need === 'view' ? await cases.caseFor(tx, actor, caseId, 'view') : await cases.caseFor(tx, actor, caseId, 'work');
    const m = await findMeeting(tx, actor.orgId, caseId, meetingId);
    if (!m) throw notFound(msg('That meeting was not found'));
    return { c, m };
  };

  return {
    loadMeeting,

    /** The case's meetings, soonest first, and its requests for a further meeting. Audited. */
    async caseMeetings(actor: OrgActor, caseId: string) {
      authorise(actor, 'cases.view');
      return inOrg(db, actor.orgId, async (tx) => {
        const c = await cases.caseFor(tx, actor, caseId, 'view');
        const parties = await listParties(tx, actor.orgId, caseId);
        const meetings = (await listMeetingsOfCase(tx, actor.orgId, caseId)).map((m) => withHomeName(m, parties));
        const requests = await listRequestsOfCase(tx, actor.orgId, caseId);
        await audit.record(tx, actor, actor.orgId, { action: 'meeting.list_viewed', entityType: 'case', entityId: caseId });
        return { case: { id: c.id, reference: c.reference, caseType: c.caseType }, meetings, requests, now: clock.now() };
      });
    },

    /** One meeting with everyone invited and their answers. Audited. */
    async meeting(actor: OrgActor, caseId: string, meetingId: string) {
      authorise(actor, 'cases.view');
      const { policy } = await workSettings(actor.orgId);
      return inOrg(db, actor.orgId, async (tx) => {
        const { c, m } = await loadMeeting(tx, actor, caseId, meetingId, 'view');
        const parties = await listParties(tx, actor.orgId, caseId);
        // Mediators without an email or a postal address were not written to (a party's letter waits for their address).
        const unwritten = m.participants.filter((p) => !p.email?.trim() && p.volunteerId);
        const postal = unwritten.length ? await participantPostalDetails(tx, actor.orgId, unwritten) : new Map();
        const notWrittenTo = unwritten.filter((p) => !addressLines(postal.get(p.id)?.address, postal.get(p.id)?.postcode).length).map((p) => p.id);
        await audit.record(tx, actor, actor.orgId, { action: 'meeting.viewed', entityType: 'meeting', entityId: m.id, detail: { caseId } });
        return {
          case: { id: c.id, reference: c.reference, caseType: c.caseType, caseKind: c.caseKind },
          meeting: withHomeName(m, parties),
          notWrittenTo,
          groundRules: policy.groundRules,
          now: clock.now(),
        };
      });
    },

    /** What the booking form offers: the case's mediators and people, the rooms, and the service's video link rule. */
    async bookingForm(actor: OrgActor, caseId: string) {
      authorise(actor, 'meetings.book');
      const { policy } = await workSettings(actor.orgId);
      return inOrg(db, actor.orgId, async (tx) => {
        const c = await cases.caseFor(tx, actor, caseId, 'work');
        await audit.record(tx, actor, actor.orgId, { action: 'meeting.booking_form_viewed', entityType: 'case', entityId: caseId });
        return {
          case: { id: c.id, reference: c.reference, caseType: c.caseType, caseKind: c.caseKind },
          mediators: await listCaseMediators(tx, actor.orgId, caseId),
          parties: (await listParties(tx, actor.orgId, caseId)).map((p) => ({
            id: p.id,
            name: p.name,
            role: p.role,
            consent: p.consent,
            hasEmail: Boolean(p.email),
            hasAddress: addressLines(p.address, p.postcode).length > 0,
            canSendLetters: p.canSendLetters,
          })),
          rooms: await listBookableRooms(tx, actor.orgId),
          hasVideoTemplate: Boolean(policy.videoLinkTemplate),
          sendNoticeWorkingDays: policy.sendNoticeWorkingDays,
        };
      });
    },

    /** Books a meeting, or refuses (422) with every reason by field. */
    async book(actor: OrgActor, caseId: string, input: BookMeeting) {
      authorise(actor, 'meetings.book');
      const { policy, notices } = await workSettings(actor.orgId);
      return inOrg(db, actor.orgId, async (tx) => {
        const c = await cases.caseFor(tx, actor, caseId, 'work');
        const now = clock.now();
        const parties = await listParties(tx, actor.orgId, caseId);
        const mediators = await listCaseMediators(tx, actor.orgId, caseId);
        checkChoices(input, mediators, parties);
        const videoLink = videoLinkFor(input.mode, input.videoLink, policy);
        const request = input.requestId ? await openRequestOf(tx, actor.orgId, caseId, input.requestId) : undefined;
        const start = new Date(input.start);
        const end = new Date(start.getTime() + minutes(input.durationMinutes));
        const place = input.mode === 'in_person' ? (input.place ?? null) : null;
        const checked = await checkBookable(
          tx,
          { orgId: actor.orgId, now, c, policy, notices, parties, contactCheck: deps.contactCheck },
          {
            kind: input.kind,
            mode: input.mode,
            place,
            roomId: input.roomId ?? null,
            start,
            end,
            volunteerIds: input.volunteerIds,
            partyIds: input.partyIds,
            invited: new Set(input.volunteerIds).size + new Set(input.partyIds).size + input.others.length,
            shortNoticeAgreed: input.shortNoticeAgreed,
          },
        );
        const id = newId();
        await insertMeeting(tx, {
          id,
          orgId: actor.orgId,
          caseId,
          kind: input.kind,
          mode: input.mode,
          place,
          venueId: checked.venue?.venueId ?? null,
          roomId: checked.venue?.roomId ?? null,
          homePartyId: place === 'home' ? (input.homePartyId ?? null) : null,
          locationText: input.locationText || null,
          videoLink,
          startsAt: start,
          endsAt: end,
          status: 'booked',
          icsUid: `${id}@parley`,
          sequence: 0,
          shortNoticeAgreed: input.shortNoticeAgreed,
          notes: input.notes || null,
          requestId: request?.id ?? null,
          createdBy: by(actor),
          createdAt: now,
          updatedAt: now,
        });
        await insertParticipants(
          tx,
          participantRows(
            { orgId: actor.orgId, caseId, meetingId: id, now },
            {
              mediators: mediators.filter((m) => input.volunteerIds.includes(m.volunteerId)),
              parties: parties.filter((p) => input.partyIds.includes(p.id)),
              others: input.others,
            },
          ),
        );
        if (
          request &&
          !(await resolveRequest(tx, actor.orgId, request.id, { status: 'booked', resolution: null, meetingId: id, resolvedAt: now, resolvedBy: by(actor) }))
        )
          throw changedMeanwhile();
        const m = withHomeName((await findMeeting(tx, actor.orgId, caseId, id))!, parties);
        await meetingEvent(tx, actor, now, m, {
          summary: bookedSummary(m.kind, m.startsAt, m),
          body: [`Invited: ${namesInWords(m.participants.map((p) => p.name))}`, input.notes].filter(Boolean).join('\n\n'),
          data: { kind: m.kind, startsAt: m.startsAt.toISOString(), requestId: request?.id ?? null },
        });
        await audit.record(tx, actor, actor.orgId, {
          action: 'meeting.booked',
          entityType: 'meeting',
          entityId: id,
          detail: { caseId, kind: m.kind, mode: m.mode, roomId: m.roomId, startsAt: m.startsAt.toISOString(), participants: m.participants.length },
        });
        const mail = await mailParticipants(tx, actor.orgId, policy, 'invitation', m);
        return { meeting: m, ...mail };
      });
    },

    /** Moves a booked meeting (the same rules as booking, itself left out of the clashes); everyone is asked again. */
    async reschedule(actor: OrgActor, caseId: string, meetingId: string, input: Reschedule) {
      authorise(actor, 'meetings.book');
      const { policy, notices } = await workSettings(actor.orgId);
      return inOrg(db, actor.orgId, async (tx) => {
        const { c, m } = await loadMeeting(tx, actor, caseId, meetingId, 'work');
        if (m.status !== 'booked') throw notBooked(m, msg('moved'));
        const now = clock.now();
        const parties = await listParties(tx, actor.orgId, caseId);
        const start = new Date(input.start);
        const end = new Date(start.getTime() + minutes(input.durationMinutes));
        const ids = (kind: 'volunteerId' | 'partyId') => m.participants.flatMap((p) => (p[kind] ? [p[kind]] : []));
        await checkBookable(
          tx,
          { orgId: actor.orgId, now, c, policy, notices, parties, contactCheck: deps.contactCheck },
          {
            kind: m.kind,
            mode: m.mode,
            place: m.place,
            roomId: m.roomId,
            start,
            end,
            volunteerIds: ids('volunteerId'),
            partyIds: ids('partyId'),
            invited: m.participants.length,
            shortNoticeAgreed: input.shortNoticeAgreed,
          },
          m.id,
        );
        const change = { at: now.toISOString(), by: by(actor), reason: input.reason, fromStart: m.startsAt.toISOString(), toStart: start.toISOString() };
        const moved = await updateMeeting(
          tx,
          actor.orgId,
          m.id,
          { status: 'booked', sequence: m.sequence },
          {
            startsAt: start,
            endsAt: end,
            sequence: m.sequence + 1,
            changes: [...m.changes, change],
            shortNoticeAgreed: input.shortNoticeAgreed,
            updatedAt: now,
          },
        );
        if (!moved) throw changedMeanwhile();
        await resetResponses(tx, actor.orgId, m.id);
        const after = withHomeName((await findMeeting(tx, actor.orgId, caseId, m.id))!, parties);
        await meetingEvent(tx, actor, now, m, {
          summary: movedSummary(m.kind, m.startsAt, start),
          body: input.reason,
          data: { from: change.fromStart, to: change.toStart },
        });
        await audit.record(tx, actor, actor.orgId, {
          action: 'meeting.rescheduled',
          entityType: 'meeting',
          entityId: m.id,
          detail: { caseId, from: change.fromStart, to: change.toStart, sequence: after.sequence },
        });
        const mail = await mailParticipants(tx, actor.orgId, policy, 'changed', after, input.reason);
        return { meeting: after, ...mail };
      });
    },

    /** Cancels a booked meeting with the reason; everyone invited is told, with a calendar cancellation. */
    async cancel(actor: OrgActor, caseId: string, meetingId: string, input: Cancel) {
      authorise(actor, 'meetings.book');
      const { policy } = await workSettings(actor.orgId);
      return inOrg(db, actor.orgId, async (tx) => {
        const { m } = await loadMeeting(tx, actor, caseId, meetingId, 'work');
        if (m.status !== 'booked') throw notBooked(m, msg('cancelled'));
        const now = clock.now();
        const done = await updateMeeting(
          tx,
          actor.orgId,
          m.id,
          { status: 'booked', sequence: m.sequence },
          { status: 'cancelled', cancelReason: input.reason, sequence: m.sequence + 1, updatedAt: now },
        );
        if (!done) throw changedMeanwhile();
        const parties = await listParties(tx, actor.orgId, caseId);
        const after = withHomeName((await findMeeting(tx, actor.orgId, caseId, m.id))!, parties);
        await meetingEvent(tx, actor, now, m, { summary: cancelledSummary(m.kind, m.startsAt), body: input.reason });
        await audit.record(tx, actor, actor.orgId, { action: 'meeting.cancelled', entityType: 'meeting', entityId: m.id, detail: { caseId } });
        const mail = await mailParticipants(tx, actor.orgId, policy, 'cancelled', after, input.reason);
        return { meeting: after, ...mail };
      });
    },

    ...createMeetingOutcomeService({ ...deps, loadMeeting }),
    shuttle: createShuttleService({ ...deps, loadMeeting }),
    requests: createRequestService(deps),
  };
}
export type MeetingService = ReturnType<typeof createMeetingService>;
