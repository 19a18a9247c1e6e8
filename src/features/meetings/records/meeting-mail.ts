// Invitations, changes, cancellations and reminders for a meeting: one message per recipient with an address, each
// with its own .ics that names only that recipient. The body says when, where, how to join and whom to contact; it
// never names the other people invited or gives their addresses. Someone invited without an email address gets a
// letter to post instead (the outbox's "to post"), written from the same template and values, unless their
// safe-contact instructions say no letters; reminders are not posted (a letter would come after the meeting). A letter
// to someone on the case with no address yet is still written, linked to them: it waits in the outbox, saying so, and
// takes their address when it is added on the People tab. Anyone else with neither an email nor a postal address
// cannot be written to at all: they are named, so staff tell them another way.
import type { Db } from '#src/db/client.ts';
import { invitationIcs } from '#src/features/meetings/feeds/ics.ts';
import type { MeetingPolicy } from '#src/features/settings/meeting-policy.ts';
import { MEETING_KIND_LABELS, type MeetingKind } from '#src/domain/meeting-words.ts';
import { mailSettings } from '#src/features/email/mail-settings.ts';
import { contactInWords, lowerFirst, reasonSentence, whenInWords } from '#src/features/email/mail-words.ts';
import { letterText } from '#src/features/email/letter-words.ts';
import { queueEmail, queueLetter } from '#src/features/email/outbox.ts';
import { renderEmail, type TemplateName } from '#src/features/email/templates.ts';
import { DEFAULT_LOCALE, type Locale, translator } from '#src/i18n/i18n.ts';

export type MeetingChange = 'invitation' | 'changed' | 'cancelled' | 'reminder';

export type MeetingMailInput = {
  orgId: string;
  service: { name: string; email: string | null; phone: string | null };
  policy: MeetingPolicy;
  change: MeetingChange;
  meeting: {
    id: string;
    /** null for an appointment about an enquiry, which has no case yet. */
    caseId: string | null;
    caseReference: string;
    kind: string;
    /** The kind in words (a msg() key) when it is not one of the meeting kinds: an appointment about an enquiry. */
    kindLabel?: string;
    mode: string;
    startsAt: Date;
    endsAt: Date;
    icsUid: string;
    sequence: number;
    where: string;
    videoLink: string | null;
  };
  /** locale: the language the recipient is written to in (English when left out). */
  recipients: {
    participantId: string;
    name: string;
    email: string | null;
    response: string;
    locale?: Locale;
    /** Their postal address's lines, postcode last (none when not known). */
    addressLines?: string[];
    /** false: their safe-contact instructions say no letters. */
    canSendLetters?: boolean | null;
    /** The person on the case they are, if they are one: their letter takes the address the case gets for them. */
    partyId?: string | null;
  }[];
  /** Why it moved or was cancelled. */
  reason?: string;
};

export type MeetingRecipient = MeetingMailInput['recipients'][number];

const TEMPLATE_OF: Record<MeetingChange, TemplateName> = {
  invitation: 'meeting_invitation',
  changed: 'meeting_changed',
  cancelled: 'meeting_cancelled',
  reminder: 'meeting_reminder',
};

export type MeetingMessage = {
  template: TemplateName;
  to: string;
  toName: string;
  subject: string;
  text: string;
  html: string;
  ics: string;
  icsMethod: 'REQUEST' | 'CANCEL';
  dedupeKey: string | null;
};

/** Pure: the template and the values one recipient's message is written from, email or letter alike. */
function meetingWording(input: MeetingMailInput, recipient: MeetingRecipient) {
  const { meeting, service } = input;
  const locale = recipient.locale ?? DEFAULT_LOCALE;
  const t = translator(locale);
  // i18n-dynamic: kindLabel is a msg() literal of the appointment's kinds
  const kindLabel = t(meeting.kindLabel ?? MEETING_KIND_LABELS[meeting.kind as MeetingKind] ?? meeting.kind);
  const template = TEMPLATE_OF[input.change];
  const videoLink = meeting.videoLink?.trim() || '';
  const values: Record<string, string> = {
    recipientName: recipient.name,
    service: service.name,
    meetingKind: kindLabel,
    meetingKindLower: lowerFirst(kindLabel),
    when: whenInWords(meeting.startsAt, meeting.endsAt, { locale }),
    where: meeting.where,
    videoLink,
    howToJoin: videoLink ? t('Join the video call with this link: {videoLink}', { videoLink }) : '',
    contact: contactInWords(service, t),
    servicePhone: service.phone ?? '',
    serviceEmail: service.email ?? '',
    reason: reasonSentence(input.reason, t),
    caseReference: meeting.caseReference,
  };
  const rendered = renderEmail(template, values, input.policy.emailTemplates, locale);
  return { template, values, rendered, locale, t, kindLabel, videoLink };
}

/** Pure: the letter one recipient without an email address gets: the email's words, less what only an email says. */
export function meetingLetter(input: MeetingMailInput, recipient: MeetingRecipient) {
  const { template, rendered, locale } = meetingWording(input, recipient);
  return { template, subject: rendered.subject, text: letterText(rendered.text, locale) };
}

/** Pure: the message one recipient gets. */
export function meetingMessage(input: MeetingMailInput, recipient: MeetingRecipient & { email: string }, stamp?: Date): MeetingMessage {
  const { meeting, service } = input;
  const { template, values, rendered, t, kindLabel, videoLink } = meetingWording(input, recipient);
  const icsMethod = input.change === 'cancelled' ? 'CANCEL' : 'REQUEST';
  const ics = invitationIcs(
    {
      uid: meeting.icsUid,
      sequence: meeting.sequence,
      start: meeting.startsAt,
      end: meeting.endsAt,
      summary: t('{kind} with {service}', { kind: kindLabel, service: service.name }),
      description: [
        videoLink && t('Video link: {videoLink}', { videoLink }),
        t('To change it, contact {service}: {contact}.', { service: service.name, contact: values.contact }),
      ]
        .filter(Boolean)
        .join('\n'),
      location: meeting.where,
      ...(videoLink ? { url: videoLink } : {}),
      cancelled: icsMethod === 'CANCEL',
      ...(stamp ? { stamp } : {}),
    },
    { name: service.name, email: service.email?.trim() || mailSettings().fromAddress },
    { name: recipient.name, email: recipient.email, response: recipient.response },
    icsMethod,
    // Accept and decline go to the organiser: ask for them only when that is the service's own mailbox.
    Boolean(service.email?.trim()),
  );
  const dedupeKey = input.change === 'reminder' ? `reminder:${meeting.id}:${meeting.startsAt.toISOString()}:${recipient.participantId}` : null;
  return { template, to: recipient.email, toName: recipient.name, ...rendered, ics, icsMethod, dedupeKey };
}

/**
 * What was written: emails queued, letters put in the outbox to post (`lettersWithoutAddress` of them waiting for an
 * address on the case), who was not written to because of their safe-contact instructions (`noLetters`), and who
 * could not be written to at all: no email address, no postal address, and not on the case (`noAddress`).
 */
export type MeetingMailOutcome = { emails: number; letters: number; lettersWithoutAddress: number; noLetters: string[]; noAddress: string[] };

/**
 * Queues one message per recipient with an email address, and a letter to post for each one without (not for a
 * reminder, nor for someone whose safe-contact instructions say no letters: they are named in `noLetters`; nor for
 * someone with no postal address who is not on the case: named in `noAddress`).
 */
export async function queueMeetingMail(tx: Db, input: MeetingMailInput): Promise<MeetingMailOutcome> {
  let queued = 0;
  let letters = 0;
  let lettersWithoutAddress = 0;
  const noLetters: string[] = [];
  const noAddress: string[] = [];
  for (const recipient of input.recipients) {
    const email = recipient.email?.trim();
    if (!email) {
      if (input.change === 'reminder') continue;
      if (recipient.canSendLetters === false) {
        noLetters.push(recipient.name);
        continue;
      }
      const addressLines = recipient.addressLines ?? [];
      const partyId = input.meeting.caseId ? (recipient.partyId ?? null) : null;
      // No address, and none can reach a letter later: write nothing that would wait for ever.
      if (!addressLines.length && !partyId) {
        noAddress.push(recipient.name);
        continue;
      }
      const letter = meetingLetter(input, recipient);
      const id = await queueLetter(tx, {
        orgId: input.orgId,
        ...letter,
        toName: recipient.name,
        addressLines,
        partyId,
        caseId: input.meeting.caseId,
        meetingId: input.meeting.caseId ? input.meeting.id : null,
      });
      if (id) {
        letters += 1;
        if (!addressLines.length) lettersWithoutAddress += 1;
      }
      continue;
    }
    const message = meetingMessage(input, { ...recipient, email });
    const id = await queueEmail(tx, {
      orgId: input.orgId,
      ...message,
      caseId: input.meeting.caseId,
      meetingId: input.meeting.caseId ? input.meeting.id : null,
    });
    if (id) queued += 1;
  }
  return { emails: queued, letters, lettersWithoutAddress, noLetters, noAddress };
}
