// Delivering one outbox message: at least once, never twice on a graceful stop.
// - Already sent: nothing to do (a retried job, or "Try again" racing the queue).
// - No mail server configured: the message is held in the in-app outbox, with a line in its delivery log.
// - Otherwise it is marked `sending` in its own committed transaction, sent with its fixed Message-ID, then marked
//   `sent` with the server's reply. A refusal or error is logged ('retrying', or 'failed' on the last attempt) and
//   rethrown so the queue tries again with back-off.
// A worker that dies between sending and marking `sent` leaves the message `sending`; once that is older than the
// job lease the job runs again and sends it again, so a crash can duplicate a message but never lose one. Receivers
// can drop the copy by its Message-ID. A graceful stop (SIGTERM: worker.stop() waits for the jobs in hand) never
// duplicates. SMTP time limits (mailer.ts) keep every attempt well inside the lease.
import type { Db } from '#src/db/client.ts';
import { asSystem, inOrg } from '#src/db/tenant.ts';
import type { JobContext } from '#src/jobs/job.ts';
import { safeErrorReason } from '#src/lib/safe-error.ts';
import type { OutgoingMail } from './mailer.ts';
import { claimForSending, findMessage, insertDelivery, markSent, markUnsent, type OutboxRow } from './outbox.repo.ts';

/** As long as the job queue's lease (jobs/queue.ts): a `sending` mark older than this was interrupted. */
export const SENDING_STALE_MS = 300_000;
/** Attempts in all: at least 25.5 hours of retries (jobs/backoff.ts), so a day-long mail-server outage loses no email. */
export const SEND_EMAIL_ATTEMPTS = 40;

/** A delivery that did not happen, with a fixed code that is safe to store and log. */
export class DeliveryError extends Error {
  readonly code: 'SENDING_ELSEWHERE' | 'NOT_ACCEPTED';
  constructor(message: string, code: 'SENDING_ELSEWHERE' | 'NOT_ACCEPTED') {
    super(message);
    this.code = code;
  }
}

export async function deliverOutboxMessage(outboxId: string, ctx: JobContext): Promise<'sent' | 'held' | 'skipped'> {
  const within = <T>(work: (tx: Db) => Promise<T>) => (ctx.orgId ? inOrg(ctx.db, ctx.orgId, work) : asSystem(ctx.db, work));
  const mailer = ctx.mailer;

  if (!mailer) {
    const message = await within((tx) => findMessage(tx, ctx.orgId, outboxId));
    // A letter to post is never delivered (a person posts it), nor held.
    if (!message || message.status === 'sent' || message.channel === 'post') return 'skipped';
    await within(async (tx) => {
      await markUnsent(tx, message.id, 'held', null);
      await insertDelivery(tx, { orgId: message.orgId, outboxId: message.id, at: ctx.clock.now(), outcome: 'held', detail: 'No mail server is set up' });
    });
    return 'held';
  }

  const now = ctx.clock.now();
  const claimed = await within((tx) => claimForSending(tx, outboxId, ctx.orgId, now, new Date(now.getTime() - SENDING_STALE_MS)));
  if (!claimed) {
    const message = await within((tx) => findMessage(tx, ctx.orgId, outboxId));
    if (!message || message.status === 'sent' || message.channel === 'post') return 'skipped';
    // Another worker is sending it right now; the next attempt will find it sent.
    throw new DeliveryError('The message is being sent by another worker', 'SENDING_ELSEWHERE');
  }

  try {
    const result = await mailer.send(outgoing(claimed));
    if (!result.accepted) throw new DeliveryError('The mail server did not accept it', 'NOT_ACCEPTED');
    await within(async (tx) => {
      const at = ctx.clock.now();
      await markSent(tx, claimed.id, at, result.response);
      await insertDelivery(tx, { orgId: claimed.orgId, outboxId: claimed.id, at, outcome: 'sent', detail: result.response.slice(0, 500) });
    });
    return 'sent';
  } catch (err) {
    // Shown to staff on the Email page: the SMTP reply code and error code, never the server's text (it quotes addresses).
    const detail = safeErrorReason(err);
    const last = (ctx.attempt ?? 1) >= (ctx.maxAttempts ?? SEND_EMAIL_ATTEMPTS);
    await within(async (tx) => {
      await markUnsent(tx, claimed.id, last ? 'failed' : 'queued', detail);
      await insertDelivery(tx, { orgId: claimed.orgId, outboxId: claimed.id, at: ctx.clock.now(), outcome: last ? 'failed' : 'retrying', detail });
    });
    throw err;
  }
}

/** What the mail server is given: the stored message, word for word, with its Message-ID. */
export function outgoing(row: OutboxRow): OutgoingMail {
  return {
    messageId: row.messageId,
    to: { name: row.toName, address: row.toAddress },
    subject: row.subject,
    text: row.textBody,
    html: row.htmlBody,
    ics: row.ics ? { content: row.ics, method: row.icsMethod === 'CANCEL' ? 'CANCEL' : 'REQUEST' } : null,
  };
}
