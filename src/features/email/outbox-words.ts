// The states an email passes through in the outbox, in words; and a letter's (to post, then posted; or withdrawn when
// the person asked for nothing to be posted to them before it went).
import { msg } from '#src/i18n/i18n.ts';

export const OUTBOX_STATUSES = ['queued', 'sending', 'sent', 'failed', 'held', 'to_post', 'posted', 'withdrawn'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
export const OUTBOX_STATUS_LABELS: Record<OutboxStatus, string> = {
  queued: msg('Queued'),
  sending: msg('Sending'),
  sent: msg('Sent'),
  failed: msg('Failed'),
  held: msg('Held in the outbox (no mail server set up)'),
  to_post: msg('Letter to post'),
  posted: msg('Letter posted'),
  withdrawn: msg('Letter withdrawn: the person asked for nothing to be posted to them'),
};
