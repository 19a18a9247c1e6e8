// View models for the outbox pages: fields picked one by one, statuses and templates in words, bodies as paragraphs.
import { SENDING_STALE_MS } from './delivery.ts';
import { OUTBOX_STATUS_LABELS, type OutboxStatus } from './outbox-words.ts';
import { translator, msg } from '#src/i18n/i18n.ts';
import { summariseIcs } from './ics-summary.ts';
import { addressNotice, lacksAddress } from './letter-address.ts';
import type { OutboxListRow, OutboxRow } from './outbox.repo.ts';
import { TEMPLATE_LABELS, type TemplateName } from './templates.ts';

const t = translator('en');

export const STATUS_BADGES: Record<OutboxStatus, string> = {
  queued: 'moj-badge--blue',
  sending: 'moj-badge--purple',
  sent: 'moj-badge--green',
  failed: 'moj-badge--red',
  held: 'moj-badge--grey',
  to_post: 'moj-badge--orange',
  posted: 'moj-badge--green',
  withdrawn: 'moj-badge--grey',
};

export const OUTCOME_LABELS: Record<string, string> = { sent: msg('Sent'), failed: msg('Failed'), retrying: msg('Will try again'), held: msg('Held') };

/** Short words for a badge; the full label (OUTBOX_STATUS_LABELS) in the filter and on the message page. */
const SHORT_STATUS: Record<OutboxStatus, string> = {
  queued: msg('Queued'),
  sending: msg('Sending'),
  sent: msg('Sent'),
  failed: msg('Failed'),
  held: msg('Held'),
  to_post: msg('To post'),
  posted: msg('Posted'),
  withdrawn: msg('Withdrawn'),
};
export const statusWords = (s: string) => t(OUTBOX_STATUS_LABELS[s as OutboxStatus] ?? s);
const statusBadge = (s: string) => t(SHORT_STATUS[s as OutboxStatus] ?? s);
export const templateWords = (name: string) => t(TEMPLATE_LABELS[name as TemplateName] ?? name);
const recipient = (name: string | null, address: string) => (name ? `${name} <${address}>` : address);
/** A letter's recipient: their name and "by post", or that there is no address to post it to. */
const addressee = (name: string | null, postal: string | null) =>
  postal?.trim()
    ? t('{name}, by post: {address}', { name: name ?? '', address: postal.split('\n').join(', ') })
    : t('{name}, by post: no address to post it to', { name: name ?? '' });
const isLetter = (m: { channel: string }) => m.channel === 'post';

export function messageRow(m: OutboxListRow) {
  const noAddress = lacksAddress(m);
  return {
    id: m.id,
    href: `/email/${m.id}`,
    // A letter that cannot be posted yet says so where a letter to post would say "To post".
    status: noAddress ? t('No address') : statusBadge(m.status),
    statusClass: noAddress ? 'moj-badge--red' : (STATUS_BADGES[m.status as OutboxStatus] ?? ''),
    template: templateWords(m.template),
    to: isLetter(m) ? addressee(m.toName, m.postalAddress) : recipient(m.toName, m.toAddress),
    isLetter: isLetter(m),
    letterHref: isLetter(m) ? `/email/letters/${m.id}.pdf` : undefined,
    subject: m.subject,
    caseReference: m.caseReference,
    caseHref: m.caseId && m.caseReference ? `/cases/${m.caseId}` : undefined,
    createdAt: m.createdAt,
    sentAt: m.postedAt ?? m.sentAt,
  };
}

/** A plain-text body as paragraphs of lines, for a page that shows it as written. */
export const paragraphsOf = (text: string) =>
  text
    .trim()
    .split(/\n\s*\n/)
    .map((p) => p.split('\n'));

export function messageView(m: OutboxRow, caseReference: string | null, now: Date = new Date()) {
  const ics = m.ics ? summariseIcs(m.ics) : null;
  const notice = addressNotice(m);
  return {
    id: m.id,
    status: m.status,
    statusText: statusWords(m.status),
    statusClass: STATUS_BADGES[m.status as OutboxStatus] ?? '',
    canRetry: m.status === 'failed' || m.status === 'held' || (m.status === 'sending' && (m.sendingSince?.getTime() ?? 0) < now.getTime() - SENDING_STALE_MS),
    template: templateWords(m.template),
    to: isLetter(m) ? (m.toName ?? '') : recipient(m.toName, m.toAddress),
    isLetter: isLetter(m),
    postalLines: m.postalAddress?.trim() ? m.postalAddress.split('\n') : [],
    letterHref: isLetter(m) ? `/email/letters/${m.id}.pdf` : undefined,
    // Only a letter with an address to post it to can be marked as posted; the notice says what to do otherwise.
    canMarkPosted: isLetter(m) && m.status === 'to_post' && !lacksAddress(m),
    // i18n-dynamic: the notices are msg() literals (letter-address.ts)
    addressNotice: notice ? t(notice) : null,
    peopleHref: lacksAddress(m) && m.partyId && m.caseId ? `/cases/${m.caseId}/people/${m.partyId}/edit` : undefined,
    postedAt: m.postedAt,
    postedBy: m.postedBy,
    subject: m.subject,
    messageId: m.messageId,
    caseReference,
    caseHref: m.caseId && caseReference ? `/cases/${m.caseId}` : undefined,
    meetingHref: m.caseId && m.meetingId ? `/cases/${m.caseId}/meetings/${m.meetingId}` : undefined,
    attempts: m.attempts,
    lastError: m.lastError,
    smtpResponse: m.smtpResponse,
    createdAt: m.createdAt,
    sentAt: m.sentAt,
    paragraphs: paragraphsOf(m.textBody),
    ics: ics && {
      method: ics.method ?? '',
      action: ics.method === 'CANCEL' ? t('Removes the meeting from the calendar') : t('Adds or updates the meeting in the calendar'),
      uid: ics.uid ?? '',
      sequence: ics.sequence ?? 0,
      start: ics.start,
      end: ics.end,
      summary: ics.summary ?? '',
      location: ics.location ?? '',
      attendees: ics.attendees.join(', '),
    },
  };
}
