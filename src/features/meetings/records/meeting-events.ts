// What every change to a meeting leaves behind, in the same transaction: an entry on the case timeline and the
// emails to the people invited (through the outbox, so mail goes out only if the change is committed).
import type { Db } from '#src/db/client.ts';
import type { OrgActor } from '#src/access/actor.ts';
import { insertEvent, type NewEvent } from '#src/features/cases/case-timeline.ts';
import { type MeetingChange, type MeetingMailOutcome, queueMeetingMail } from '#src/features/meetings/records/meeting-mail.ts';
import { addressLines } from '#src/features/email/letter-words.ts';
import { findOrgById } from '#src/features/orgs/org-records.ts';
import { localeOr } from '#src/i18n/i18n.ts';
import type { MeetingPolicy } from '#src/features/settings/meeting-policy.ts';
import { whereInWords } from '../meeting-text.ts';
import { type MeetingWithParticipants, participantLanguages, participantPostalDetails } from './meetings.repo.ts';

/** A meeting's entry on the case timeline (kind 'meeting', seen by the case team). */
export async function meetingEvent(
  tx: Db,
  actor: OrgActor,
  at: Date,
  m: { caseId: string; id: string },
  entry: { summary: string; body?: string | null; data?: Record<string, unknown>; kind?: NewEvent['kind'] } & Partial<Pick<NewEvent, 'visibility' | 'partyId'>>,
) {
  await insertEvent(tx, {
    orgId: actor.orgId,
    caseId: m.caseId,
    at,
    actorId: actor.id,
    actorLabel: actor.label ?? null,
    kind: entry.kind ?? 'meeting',
    summary: entry.summary,
    body: entry.body ?? null,
    data: { meetingId: m.id, ...(entry.data ?? {}) },
    visibility: entry.visibility ?? 'team',
    partyId: entry.partyId ?? null,
  });
}

/**
 * Queues the invitation, change or cancellation for everyone invited: an email to each with an address, a letter to
 * post to each without (to their address on the case, when it has one), unless they must not be sent letters.
 */
export async function mailParticipants(
  tx: Db,
  orgId: string,
  policy: MeetingPolicy,
  change: MeetingChange,
  m: MeetingWithParticipants & { homePartyName?: string | null },
  reason?: string,
  /** Who to write to; everyone invited when left out. */
  include: (p: MeetingWithParticipants['participants'][number]) => boolean = () => true,
): Promise<MeetingMailOutcome> {
  const org = await findOrgById(tx, orgId);
  const invited = m.participants.filter(include);
  const languages = await participantLanguages(tx, orgId, invited);
  const withoutEmail = invited.filter((p) => !p.email?.trim());
  const postal = change === 'reminder' || !withoutEmail.length ? new Map() : await participantPostalDetails(tx, orgId, withoutEmail);
  return queueMeetingMail(tx, {
    orgId,
    service: { name: org?.name ?? 'Parley', email: org?.email ?? null, phone: org?.phone ?? null },
    policy,
    change,
    meeting: {
      id: m.id,
      caseId: m.caseId,
      caseReference: m.caseReference,
      kind: m.kind,
      mode: m.mode,
      startsAt: m.startsAt,
      endsAt: m.endsAt,
      icsUid: m.icsUid,
      sequence: m.sequence,
      where: whereInWords(m),
      videoLink: m.videoLink,
    },
    recipients: invited.map((p) => ({
      participantId: p.id,
      name: p.name,
      email: p.email,
      response: p.response,
      locale: localeOr(languages.get(p.id)),
      addressLines: addressLines(postal.get(p.id)?.address, postal.get(p.id)?.postcode),
      partyId: p.partyId,
      canSendLetters: postal.get(p.id)?.canSendLetters ?? null,
    })),
    ...(reason ? { reason } : {}),
  });
}
