// View models for the outbox pages: fields picked one by one, statuses and templates in words, bodies as paragraphs.
import { SENDING_STALE_MS } from './delivery.ts';
import { OUTBOX_STATUS_LABELS, type OutboxStatus } from './outbox-words.ts';
import { translator, msg } from '#src/i18n/i18n.ts';
import { summariseIcs } from './ics-summary.ts';
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
};
export const statusWords = (s: string) => t(OUTBOX_STATUS_LABELS[s as OutboxStatus] ?? s);
const statusBadge = (s: string) => t(SHORT_STATUS[s as OutboxStatus] ?? s);
export const templateWords = (name: string) => t(TEMPLATE_LABELS[name as TemplateName] ?? name);
const recipient = (name: string | null, address: string) => (name ? `${name} <${address}>` : address);
/** A letter's recipient: their name and "by post", or that the case had no address for them. */
const addressee = (name: string | null, postal: string | null) =>
  postal
    ? t('{name}, by post: {address}', { name: name ?? '', address: postal.split('\n').join(', ') })
    : t('{name}, by post (no address on the case)', { name: name ?? '' });
const isLetter = (m: { channel: string }) => m.channel === 'post';

export function messageRow(m: OutboxListRow) {
  return {
    id: m.id,
    href: `/email/${m.id}`,
    status: statusBadge(m.status),
    statusClass: STATUS_BADGES[m.status as OutboxStatus] ?? '',
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
  return {
    id: m.id,
    status: m.status,
    statusText: statusWords(m.status),
    statusClass: STATUS_BADGES[m.status as OutboxStatus] ?? '',
    canRetry: m.status === 'failed' || m.status === 'held' || (m.status === 'sending' && (m.sendingSince?.getTime() ?? 0) < now.getTime() - SENDING_STALE_MS),
    template: templateWords(m.template),
    to: isLetter(m) ? (m.toName ?? '') : recipient(m.toName, m.toAddress),
    isLetter: isLetter(m),
    postalLines: m.postalAddress ? m.postalAddress.split('\n') : [],
    letterHref: isLetter(m) ? `/email/letters/${m.id}.pdf` : undefined,
    canMarkPosted: isLetter(m) && m.status === 'to_post',
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
