// Booking and moving a meeting inside the caller's transaction: check the chosen people belong to the case, lock the
// room and then the people (so two bookings at once are checked one after the other), gather the facts the booking
// rules read (clashes, consent, notices, the venue's hours, the room's size) and refuse with every reason at once.
// Also the participant rows and the video link a new meeting gets.
import { msg, worded, wordedLower } from '#src/i18n/i18n.ts';
import { randomBytes } from 'node:crypto';
import type { Db } from '#src/db/client.ts';
import type { CaseRow, PartyRow } from '#src/features/cases/case-reads.ts';
import type { Notice } from '#src/features/settings/settings.schemas.ts';
import { AppError, type FieldErrors, inEnglish } from '#src/lib/app-error.ts';
import { newId } from '#src/lib/ids.ts';
import type { CaseMediator } from './meeting-choices.repo.ts';
import type { MeetingPolicy } from '#src/features/settings/meeting-policy.ts';
import { MEETING_STATUS_LABELS, type MeetingStatus } from '#src/domain/meeting-words.ts';
import { type BookingFacts, type BookingProblem, type BookingVenue, bookingProblems, problemFields } from './meeting-rules.ts';
import { findRequest } from '../requests/requests.repo.ts';
import { lockPeople, lockRoom, type MeetingWithParticipants, type NewParticipant, peopleClashes, roomClashes } from '../records/meetings.repo.ts';

export type MeetingPlan = {
  kind: string;
  mode: string;
  place: string | null;
  roomId: string | null;
  start: Date;
  end: Date;
  volunteerIds: string[];
  partyIds: string[];
  /** Everyone invited: the mediators, parties and others. */
  invited: number;
  shortNoticeAgreed: boolean;
};

export type Checked = { venue?: BookingVenue & { venueId: string; roomId: string } };

/**
 * Another feature's say on whether a meeting may be booked, inside the booking's transaction: features/rj gives one
 * (its contact gate and the prison-visit checklist) when the app is built (deps.ts), so meetings never imports it.
 * Returns the reasons it may not, by form field; empty when it may.
 */
export type ContactCheck = (
  tx: Db,
  ask: {
    orgId: string;
    caseId: string;
    caseType: string;
    caseKind: string;
    kind: string;
    partyIds: readonly string[];
    volunteerIds: readonly string[];
    now: Date;
  },
) => Promise<BookingProblem[]>;

const refuse = (fields: FieldErrors, message?: string) =>
  new AppError('UNPROCESSABLE', message ?? Object.values(fields).join('. '), { reason: 'BOOKING_REFUSED', fields });

/** The chosen people and room, checked against the case: unknown ids are refused before any rule is read. */
export function checkChoices(
  plan: { volunteerIds: string[]; partyIds: string[]; homePartyId?: string | null },
  mediators: readonly CaseMediator[],
  parties: readonly PartyRow[],
) {
  const fields: FieldErrors = {};
  if (plan.volunteerIds.some((id) => !mediators.some((m) => m.volunteerId === id))) fields.volunteerIds = 'Choose only mediators who are on this case now';
  if (plan.partyIds.some((id) => !parties.some((p) => p.id === id))) fields.partyIds = 'Choose only people on this case';
  if (plan.homePartyId && !parties.some((p) => p.id === plan.homePartyId)) fields.homePartyId = 'Choose a person on this case';
  if (Object.keys(fields).length) throw refuse(fields);
}

/**
 * Refuses (422, reason BOOKING_REFUSED, the reasons by field) unless the plan may be booked. Locks the room's row
 * first and then the chosen mediators' and parties' rows (always in that order, each by id, so two bookings cannot
 * wait for each other), so two bookings of one room or one person at once are checked one after the other and only
 * one can win.
 */
export async function checkBookable(
  tx: Db,
  ctx: {
    orgId: string;
    now: Date;
    c: CaseRow;
    policy: MeetingPolicy;
    notices: readonly Notice[];
    parties: readonly PartyRow[];
    contactCheck?: ContactCheck | undefined;
  },
  plan: MeetingPlan,
  exceptMeetingId?: string,
): Promise<Checked> {
  let venue: Checked['venue'];
  if (plan.mode === 'in_person' && plan.place === 'venue') {
    const locked = plan.roomId ? await lockRoom(tx, ctx.orgId, plan.roomId) : undefined;
    if (!locked) throw refuse({ roomId: 'That room was not found, or is no longer in use: choose another' });
    venue = {
      venueId: locked.venue.id,
      roomId: locked.room.id,
      name: locked.venue.name,
      roomName: locked.room.name,
      capacity: locked.room.capacity,
      separateWaitingRoom: locked.room.separateWaitingRoom,
      openingHours: locked.venue.openingHours,
      closedDates: locked.venue.closedDates,
    };
  }
  await lockPeople(tx, ctx.orgId, { volunteerIds: plan.volunteerIds, partyIds: plan.partyIds });
  const chosen = ctx.parties.filter((p) => plan.partyIds.includes(p.id));
  const facts: BookingFacts = {
    now: ctx.now,
    start: plan.start,
    end: plan.end,
    kind: plan.kind,
    mode: plan.mode,
    place: plan.mode === 'in_person' ? plan.place : null,
    caseKind: ctx.c.caseKind,
    caseStatus: ctx.c.status,
    invited: plan.invited,
    sendNoticeWorkingDays: ctx.policy.sendNoticeWorkingDays,
    shortNoticeAgreed: plan.shortNoticeAgreed,
    notices: ctx.notices.map((n) => ({ text: n.text, from: n.from, to: n.to, homeVisitsSuspended: n.homeVisitsSuspended, officeClosed: n.officeClosed })),
    venue,
    withdrawn: chosen.filter((p) => p.consent === 'withdrawn').map((p) => ({ name: p.name })),
    roomClashes: venue ? await roomClashes(tx, ctx.orgId, venue.roomId, plan.start, plan.end, exceptMeetingId) : [],
    peopleClashes: (
      await peopleClashes(tx, ctx.orgId, { volunteerIds: plan.volunteerIds, partyIds: plan.partyIds }, plan.start, plan.end, exceptMeetingId)
    ).map((c) => ({ name: c.name, kind: c.volunteerId ? 'volunteer' : 'party', startsAt: c.startsAt, endsAt: c.endsAt })),
  };
  const problems = bookingProblems(facts);
  // A case that has ended gives only that reason (bookingProblems); otherwise the other feature's reasons join the rest.
  if (ctx.contactCheck && !(problems.length === 1 && problems[0]!.field === '_'))
    problems.push(
      ...(await ctx.contactCheck(tx, {
        orgId: ctx.orgId,
        caseId: ctx.c.id,
        caseType: ctx.c.caseType,
        caseKind: ctx.c.caseKind,
        kind: plan.kind,
        partyIds: plan.partyIds,
        volunteerIds: plan.volunteerIds,
        now: ctx.now,
      })),
    );
  if (problems.length) throw refuse(problemFields(problems), problems.map((p) => p.message).join('. '));
  return { venue };
}

/** Everyone invited: the chosen mediators, parties and others by name. */
export function participantRows(
  base: { orgId: string; caseId: string; meetingId: string; now: Date },
  chosen: { mediators: readonly CaseMediator[]; parties: readonly PartyRow[]; others: readonly { name: string; email?: string | undefined }[] },
): NewParticipant[] {
  const row = (i: number, p: Omit<NewParticipant, 'id' | 'orgId' | 'caseId' | 'meetingId' | 'createdAt'>): NewParticipant => ({
    id: newId(),
    orgId: base.orgId,
    caseId: base.caseId,
    meetingId: base.meetingId,
    // A millisecond apart, so the list keeps the order people were chosen in.
    createdAt: new Date(base.now.getTime() + i),
    ...p,
  });
  let i = 0;
  return [
    ...chosen.mediators.map((m) => row(i++, { kind: 'volunteer', volunteerId: m.volunteerId, userId: m.userId, name: m.name, email: m.email })),
    ...chosen.parties.map((p) => row(i++, { kind: 'party', partyId: p.id, name: p.name, email: p.email })),
    ...chosen.others.map((o) => row(i++, { kind: 'other', name: o.name, email: o.email ?? null })),
  ];
}

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** An unguessable room name: 24 base32 characters (120 random bits). */
export function newRoomToken(): string {
  const bytes = randomBytes(15);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

/** The video link of an online meeting: the one pasted, or a new room from the service's template; refused when neither. */
export function videoLinkFor(mode: string, pasted: string | undefined, policy: MeetingPolicy): string | null {
  if (mode !== 'online') return null;
  if (pasted) return pasted;
  if (policy.videoLinkTemplate) return policy.videoLinkTemplate.replaceAll('{room}', newRoomToken());
  throw new AppError('UNPROCESSABLE', msg('Paste the link to the video call: this service has no video link template'), {
    reason: 'BOOKING_REFUSED',
    fields: { videoLink: 'Paste the link to the video call, starting https://' },
  });
}

/** The open further-meeting request of this case a booking answers; refused when it is another case's or settled. */
export async function openRequestOf(tx: Db, orgId: string, caseId: string, requestId: string) {
  const request = await findRequest(tx, orgId, requestId);
  if (!request || request.caseId !== caseId)
    throw new AppError('UNPROCESSABLE', msg('That request for a meeting is not on this case'), {
      reason: 'BOOKING_REFUSED',
      fields: { requestId: 'That request is not on this case' },
    });
  if (request.status !== 'open')
    throw new AppError('CONFLICT', msg('That request has already been booked or declined'), {
      reason: 'REQUEST_SETTLED',
      fields: { requestId: 'That request has already been settled' },
    });
  return request;
}

/** The meeting with the name of the party whose home it is at (for "at Sam Example’s home"). */
export const withHomeName = (m: MeetingWithParticipants, parties: readonly { id: string; name: string }[]) => ({
  ...m,
  homePartyName: m.homePartyId ? (parties.find((p) => p.id === m.homePartyId)?.name ?? null) : null,
});

export const notBooked = (m: { status: string }, doing: string) =>
  new AppError('CONFLICT', msg('Only a booked meeting can be {doing}; this one is {status}'), {
    reason: 'MEETING_NOT_BOOKED',
    params: { doing: worded(doing), status: wordedLower(MEETING_STATUS_LABELS[m.status as MeetingStatus] ?? m.status) },
    fields: { _: inEnglish({ text: msg('Only a booked meeting can be {doing}'), params: { doing: worded(doing) } }) },
    fieldParams: { _: { text: msg('Only a booked meeting can be {doing}'), params: { doing: worded(doing) } } },
  });

export const changedMeanwhile = () =>
  new AppError('CONFLICT', msg('Someone else changed this meeting at the same time; reload the page and try again'), { reason: 'MEETING_CHANGED' });
