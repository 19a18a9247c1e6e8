// View models for the meeting pages and the API's meeting shape, picked field by field from the service's answers,
// so a new column never reaches a page or the API by default. Times are shown in London time.
import { z } from 'zod';
import { PARTY_ROLE_LABELS, type PartyRole } from '#src/domain/case-words.ts';
import { msg, type Translate, translator } from '#src/i18n/i18n.ts';
import { clockTime, dayInWords, durationInWords, minutesBetween, whenInWords } from '#src/domain/meeting-times.ts';
import { kindInWords, whereInWords } from '../meeting-text.ts';
import {
  MEETING_MODE_LABELS,
  MEETING_STATUS_LABELS,
  type MeetingMode,
  type MeetingStatus,
  NEXT_STEP_LABELS,
  type NextStep,
  REQUEST_STATUS_LABELS,
  REQUESTER_LABELS,
  type RequestStatus,
  type Requester,
  RESPONSE_LABELS,
  type Response,
} from '#src/domain/meeting-words.ts';
import type { MeetingWithParticipants, ParticipantRow } from './meetings.repo.ts';
import type { RequestView } from '../requests/requests.repo.ts';

export type ShownMeeting = MeetingWithParticipants & { homePartyName?: string | null };

export const STATUS_CLASSES: Record<MeetingStatus, string> = {
  booked: 'moj-badge--blue',
  held: 'moj-badge--green',
  cancelled: 'moj-badge--grey',
  no_show: 'moj-badge--red',
};
const RESPONSE_CLASSES: Record<Response, string> = {
  needs_action: 'govuk-tag--grey',
  accepted: 'govuk-tag--green',
  declined: 'govuk-tag--red',
  tentative: 'govuk-tag--yellow',
};

export const statusLabel = (t: Translate, s: string) => t(MEETING_STATUS_LABELS[s as MeetingStatus] ?? s);
export const responseLabel = (t: Translate, r: string) => t(RESPONSE_LABELS[r as Response] ?? r);

/** "2 accepted, 1 not yet answered". */
export function responsesInWords(t: Translate, participants: readonly Pick<ParticipantRow, 'response'>[]): string {
  const counts = new Map<string, number>();
  for (const p of participants) counts.set(p.response, (counts.get(p.response) ?? 0) + 1);
  return (['accepted', 'tentative', 'declined', 'needs_action'] as Response[])
    .filter((r) => counts.get(r))
    .map((r) => `${counts.get(r)} ${responseLabel(t, r).toLowerCase()}`)
    .join(', ');
}

/** One meeting as a row of the case's list. */
export function meetingRow(t: Translate, m: ShownMeeting) {
  return {
    id: m.id,
    href: `/cases/${m.caseId}/meetings/${m.id}`,
    kind: t(kindInWords(m.kind)),
    when: whenInWords(m.startsAt, m.endsAt),
    where: whereInWords(m, t),
    who: m.participants.map((p) => p.name).join(', '),
    status: statusLabel(t, m.status),
    statusClass: STATUS_CLASSES[m.status as MeetingStatus] ?? 'moj-badge--grey',
    responses: m.status === 'booked' ? responsesInWords(t, m.participants) : '',
  };
}

/** Whom a participant is, in words: "Mediator", "Party", "Parent", "Other". */
export function participantRole(t: Translate, p: Pick<ParticipantRow, 'kind' | 'partyId'>, partyRoles: ReadonlyMap<string, string> = new Map()) {
  if (p.kind === 'volunteer') return t('Mediator');
  if (p.kind === 'party') return t(PARTY_ROLE_LABELS[(partyRoles.get(p.partyId ?? '') ?? 'party') as PartyRole] ?? 'Party');
  if (p.kind === 'staff') return t('Staff');
  return t('Other');
}

/** How someone without an email address hears of the meeting: a letter to post, or why not (yet). */
function byPostWords(
  t: Translate,
  p: { id: string; kind: string; partyId: string | null; volunteerId: string | null },
  noLetters: ReadonlySet<string>,
  noAddress: ReadonlySet<string>,
  notWrittenTo: ReadonlySet<string>,
) {
  if (p.partyId && noLetters.has(p.partyId)) return t('No email address, and their safe-contact instructions say no letters: tell them another way');
  if (p.partyId && noAddress.has(p.partyId))
    return t('No email or postal address: their letter waits in the outbox, and cannot be posted, until you add their address on the People tab');
  if ((!p.partyId && !p.volunteerId) || notWrittenTo.has(p.id)) return t('No email or postal address: no letter can be written, so tell them another way');
  return t('No email address: a letter to post is in the outbox');
}

export function participantRows(
  t: Translate,
  m: ShownMeeting,
  partyRoles: ReadonlyMap<string, string> = new Map(),
  noLetters: ReadonlySet<string> = new Set(),
  /** The parties the case has no postal address for. */
  noAddress: ReadonlySet<string> = new Set(),
  /** Participants (by id) with neither an email nor a postal address who are not on the case: no letter was written. */
  notWrittenTo: ReadonlySet<string> = new Set(),
) {
  return m.participants.map((p) => ({
    id: p.id,
    name: p.name,
    role: participantRole(t, p, partyRoles),
    hasEmail: Boolean(p.email),
    /** Without an email address: whether they were written to by post, must not be, or cannot be yet. */
    byPost: p.email ? undefined : byPostWords(t, p, noLetters, noAddress, notWrittenTo),
    response: responseLabel(t, p.response),
    responseClass: RESPONSE_CLASSES[p.response as Response] ?? 'govuk-tag--grey',
    attended: p.attended === null ? '' : p.attended ? t('Attended') : t('Did not attend'),
  }));
}

/** The meeting's details as summary list rows. */
export function meetingSummaryRows(t: Translate, m: ShownMeeting) {
  const row = (key: string, text: string, html?: string) => ({ key: { text: t(key) }, value: html ? { html } : { text } });
  const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const rows = [
    row(msg('Kind'), t(kindInWords(m.kind))),
    row(msg('When'), whenInWords(m.startsAt, m.endsAt)),
    row(msg('How long'), durationInWords(minutesBetween(m.startsAt, m.endsAt))),
    row(msg('How'), t(MEETING_MODE_LABELS[m.mode as MeetingMode] ?? m.mode)),
    row(msg('Where'), whereInWords(m, t)),
  ];
  if (m.videoLink)
    rows.push(row(msg('Video link'), '', `<a class="govuk-link" href="${escapeHtml(m.videoLink)}" rel="noreferrer noopener">${escapeHtml(m.videoLink)}</a>`));
  if (m.shortNoticeAgreed) rows.push(row(msg('Notice'), t('The parent agreed to shorter notice')));
  if (m.notes) rows.push(row(msg('Notes'), m.notes));
  if (m.cancelReason) rows.push(row(m.status === 'no_show' ? msg('Why it did not take place') : msg('Why it was cancelled'), m.cancelReason));
  for (const c of m.changes)
    rows.push(
      row(msg('Moved'), t('From {from} to {to} by {by}: {reason}', { from: whenStart(c.fromStart), to: whenStart(c.toStart), by: c.by, reason: c.reason })),
    );
  if (m.createdBy) rows.push(row(msg('Booked by'), m.createdBy));
  return rows;
}

const whenStart = (iso: string) => `${dayInWords(new Date(iso))}, ${clockTime(new Date(iso))}`;

/** The record of a held meeting as summary list rows. */
export function recordRows(t: Translate, m: ShownMeeting) {
  const r = m.record;
  if (!r) return [];
  const row = (key: string, text: string) => ({ key: { text: t(key) }, value: { text } });
  // What was typed keeps its lines: the issues are one per line, and each becomes an issue the Outcome gate asks about.
  const typed = (key: string, text: string) => ({ key: { text: t(key) }, value: { text }, typed: true });
  return [
    ...(r.groundRules.length ? [row(msg('Ground rules agreed'), r.groundRules.join('; '))] : []),
    ...(r.issues ? [typed(msg('Issues identified'), r.issues)] : []),
    ...(r.options ? [typed(msg('Options discussed'), r.options)] : []),
    typed(msg('Outcome'), r.outcome),
    row(msg('Next step'), t(NEXT_STEP_LABELS[r.nextStep as NextStep] ?? r.nextStep)),
    ...(r.notes ? [typed(msg('Notes'), r.notes)] : []),
    row(msg('Recorded by'), r.recordedBy),
  ];
}

export function requestRow(t: Translate, r: RequestView, now: Date) {
  const days = Math.floor((now.getTime() - r.createdAt.getTime()) / 86_400_000);
  return {
    id: r.id,
    caseId: r.caseId,
    caseReference: r.caseReference,
    caseHref: `/cases/${r.caseId}/meetings`,
    requester: r.requesterName,
    requestedBy: t(REQUESTER_LABELS[r.requestedBy as Requester] ?? r.requestedBy),
    kind: t(kindInWords(r.kind)),
    kindValue: r.kind,
    reason: r.reason,
    preferredTimes: r.preferredTimes ?? '',
    status: t(REQUEST_STATUS_LABELS[r.status as RequestStatus] ?? r.status),
    resolution: r.resolution ?? '',
    received: days <= 0 ? t('Received today') : t('{days, plural, one {Received # day ago} other {Received # days ago}}', { days }),
    bookHref: `/cases/${r.caseId}/meetings/new?requestId=${r.id}&kind=${encodeURIComponent(r.kind)}`,
    declineHref: `/meetings/requests/${r.id}/decline`,
    meetingHref: r.meetingId ? `/cases/${r.caseId}/meetings/${r.meetingId}` : undefined,
  };
}

// The API's shapes.

export const ZParticipantOut = z.object({
  id: z.string(),
  kind: z.string().describe('volunteer, party, staff or other'),
  volunteerId: z.string().nullable(),
  partyId: z.string().nullable(),
  name: z.string(),
  email: z.string().nullable(),
  response: z.string().describe('needs_action, accepted, declined or tentative'),
  respondedAt: z.string().nullable(),
  attended: z.boolean().nullable(),
});

export const ZMeetingOut = z.object({
  id: z.string(),
  caseId: z.string(),
  caseReference: z.string(),
  kind: z.string(),
  mode: z.string(),
  place: z.string().nullable(),
  venue: z.object({ id: z.string(), name: z.string() }).nullable(),
  room: z.object({ id: z.string(), name: z.string() }).nullable(),
  homePartyId: z.string().nullable(),
  where: z.string().describe('Where, in words (never a party’s address)'),
  locationText: z.string().nullable(),
  videoLink: z.string().nullable(),
  start: z.string(),
  end: z.string(),
  status: z.string().describe('booked, held, cancelled or no_show'),
  icsUid: z.string(),
  sequence: z.number(),
  shortNoticeAgreed: z.boolean(),
  notes: z.string().nullable(),
  cancelReason: z.string().nullable(),
  changes: z.array(z.object({ at: z.string(), by: z.string(), reason: z.string(), fromStart: z.string(), toStart: z.string() })),
  record: z
    .object({
      groundRules: z.array(z.string()),
      issues: z.string(),
      options: z.string(),
      outcome: z.string(),
      nextStep: z.string(),
      notes: z.string().optional(),
      recordedAt: z.string(),
      recordedBy: z.string(),
    })
    .nullable(),
  requestId: z.string().nullable(),
  participants: z.array(ZParticipantOut),
});

export function presentMeeting(m: ShownMeeting): z.infer<typeof ZMeetingOut> {
  return {
    id: m.id,
    caseId: m.caseId,
    caseReference: m.caseReference,
    kind: m.kind,
    mode: m.mode,
    place: m.place,
    venue: m.venueId && m.venueName ? { id: m.venueId, name: m.venueName } : null,
    room: m.roomId && m.roomName ? { id: m.roomId, name: m.roomName } : null,
    homePartyId: m.homePartyId,
    where: whereInWords(m, translator()), // the API's words are English
    locationText: m.locationText,
    videoLink: m.videoLink,
    start: m.startsAt.toISOString(),
    end: m.endsAt.toISOString(),
    status: m.status,
    icsUid: m.icsUid,
    sequence: m.sequence,
    shortNoticeAgreed: m.shortNoticeAgreed,
    notes: m.notes,
    cancelReason: m.cancelReason,
    changes: m.changes,
    record: m.record ?? null,
    requestId: m.requestId,
    participants: m.participants.map((p) => ({
      id: p.id,
      kind: p.kind,
      volunteerId: p.volunteerId,
      partyId: p.partyId,
      name: p.name,
      email: p.email,
      response: p.response,
      respondedAt: p.respondedAt?.toISOString() ?? null,
      attended: p.attended,
    })),
  };
}

export const ZRequestOut = z.object({
  id: z.string(),
  caseId: z.string(),
  caseReference: z.string(),
  requestedBy: z.string().describe('party, referrer, mediator or staff'),
  partyId: z.string().nullable(),
  requesterName: z.string(),
  kind: z.string(),
  reason: z.string(),
  preferredTimes: z.string().nullable(),
  status: z.string().describe('open, booked or declined'),
  resolution: z.string().nullable(),
  meetingId: z.string().nullable(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
});

export const presentRequest = (r: RequestView): z.infer<typeof ZRequestOut> => ({
  id: r.id,
  caseId: r.caseId,
  caseReference: r.caseReference,
  requestedBy: r.requestedBy,
  partyId: r.partyId,
  requesterName: r.requesterName,
  kind: r.kind,
  reason: r.reason,
  preferredTimes: r.preferredTimes,
  status: r.status,
  resolution: r.resolution,
  meetingId: r.meetingId,
  createdAt: r.createdAt.toISOString(),
  resolvedAt: r.resolvedAt?.toISOString() ?? null,
});
