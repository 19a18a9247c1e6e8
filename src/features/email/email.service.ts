// The outbox as staff see it: the list of messages, one message with its delivery log (viewing a body is
// audited), and "Try again" for a failed or held message; a letter to post as a PDF, and "Mark as posted" (who and
// when, audited). Admins and coordinators only (email.view).
import { msg } from '#src/i18n/i18n.ts';
import type { Db } from '#src/db/client.ts';
import { inOrg } from '#src/db/tenant.ts';
import { enqueue } from '#src/jobs/queue.ts';
import { AppError, notFound } from '#src/lib/app-error.ts';
import type { Clock } from '#src/lib/clock.ts';
import type { Audit } from '#src/features/audit/audit.service.ts';
import type { OrgActor } from '#src/access/actor.ts';
import { authorise } from '#src/access/permissions.ts';
import { SENDING_STALE_MS } from './delivery.ts';
import { findOrgById } from '#src/features/orgs/org-records.ts';
import { addressNotice, NO_ADDRESS_PARTY } from './letter-address.ts';
import { renderLetterPdf } from './letter-pdf.ts';
import {
  caseReferenceOf,
  countByStatus,
  findMessage,
  insertDelivery,
  listDeliveries,
  listMessages,
  markPosted,
  type OutboxFilter,
  type OutboxRow,
  requeueMessage,
} from './outbox.repo.ts';
import { sendEmailJob } from './send-email.job.ts';

export const OUTBOX_PAGE_SIZE = 50;

const notALetter = () => notFound(msg('That letter was not found'));
const isLetter = (m: OutboxRow | undefined): m is OutboxRow => m?.channel === 'post';

export function createEmailService({ db, clock, audit, smtpConfigured }: { db: Db; clock: Clock; audit: Audit; smtpConfigured: boolean }) {
  return {
    smtpConfigured,

    async list(actor: OrgActor, filter: OutboxFilter, page = 1) {
      authorise(actor, 'email.view');
      const safePage = Number.isInteger(page) && page > 0 ? page : 1;
      return inOrg(db, actor.orgId, async (tx) => {
        const counts = await countByStatus(tx, actor.orgId);
        const { rows, total } = await listMessages(tx, actor.orgId, filter, safePage, OUTBOX_PAGE_SIZE, counts);
        // Last, so the audit chain's head is held until the COMMIT only.
        await audit.record(tx, actor, actor.orgId, {
          action: 'email.list_viewed',
          entityType: 'organisation',
          entityId: actor.orgId,
          detail: { page: safePage, count: rows.length },
        });
        return { messages: rows, total, page: safePage, pageSize: OUTBOX_PAGE_SIZE, counts, smtpConfigured };
      });
    },

    /** One message with its body and delivery log; the viewing is audited. */
    async message(actor: OrgActor, id: string) {
      authorise(actor, 'email.view');
      return inOrg(db, actor.orgId, async (tx) => {
        const message = await findMessage(tx, actor.orgId, id);
        if (!message) throw notFound(msg('The message was not found'));
        const deliveries = await listDeliveries(tx, actor.orgId, id);
        const caseReference = await caseReferenceOf(tx, actor.orgId, message.caseId);
        await audit.record(tx, actor, actor.orgId, { action: 'email.viewed', entityType: 'email', entityId: id, detail: { template: message.template } });
        return { message, deliveries, caseReference, smtpConfigured };
      });
    },

    /** Puts a failed or held message back in the queue, or one whose sending was interrupted (a worker stopped mid-send). */
    async retry(actor: OrgActor, id: string) {
      authorise(actor, 'email.view');
      return inOrg(db, actor.orgId, async (tx) => {
        const message = await findMessage(tx, actor.orgId, id);
        if (!message) throw notFound(msg('The message was not found'));
        if (!(await requeueMessage(tx, actor.orgId, id, new Date(clock.now().getTime() - SENDING_STALE_MS))))
          throw new AppError('CONFLICT', msg('Only a message that failed, is held, or whose sending was interrupted can be tried again'), {
            reason: 'EMAIL_NOT_RETRYABLE',
          });
        await insertDelivery(tx, {
          orgId: actor.orgId,
          outboxId: id,
          at: clock.now(),
          outcome: 'retrying',
          detail: `Tried again by ${actor.label ?? 'staff'}`,
        });
        await enqueue(tx, sendEmailJob, { outboxId: id }, { orgId: actor.orgId });
        await audit.record(tx, actor, actor.orgId, { action: 'email.retried', entityType: 'email', entityId: id });
        return { id, status: 'queued' as const };
      });
    },

    /** A letter to post as a PDF, from the text the outbox holds (so it says what the email would have). Audited. */
    async letterPdf(actor: OrgActor, id: string) {
      authorise(actor, 'email.view');
      return inOrg(db, actor.orgId, async (tx) => {
        const letter = await findMessage(tx, actor.orgId, id);
        if (!isLetter(letter)) throw notALetter();
        const org = await findOrgById(tx, actor.orgId);
        await audit.record(tx, actor, actor.orgId, {
          action: 'email.letter_downloaded',
          entityType: 'email',
          entityId: id,
          detail: { template: letter.template },
        });
        const bytes = await renderLetterPdf({
          service: { name: org?.name ?? 'Parley', address: org?.address ?? null, phone: org?.phone ?? null, email: org?.email ?? null },
          toName: letter.toName ?? '',
          addressLines: letter.postalAddress ? letter.postalAddress.split('\n') : [],
          subject: letter.subject,
          text: letter.textBody,
          date: letter.createdAt,
        });
        return { bytes, filename: `letter-${letter.createdAt.toISOString().slice(0, 10)}-${id.slice(0, 8)}.pdf` };
      });
    },

    /**
     * Records that a letter was printed and posted, by whom and when. Audited. Refused (409) for a letter with no
     * address to post it to, saying what to do, and for one marked as posted already.
     */
    async markPosted(actor: OrgActor, id: string) {
      authorise(actor, 'email.view');
      return inOrg(db, actor.orgId, async (tx) => {
        const letter = await findMessage(tx, actor.orgId, id);
        if (!isLetter(letter)) throw notALetter();
        const now = clock.now();
        if (!(await markPosted(tx, actor.orgId, id, now, actor.label ?? actor.id))) {
          if (letter.status === 'withdrawn')
            throw new AppError('CONFLICT', msg('That letter was withdrawn, because the person asked for nothing to be posted to them'), {
              reason: 'LETTER_WITHDRAWN',
            });
          if (letter.status !== 'to_post')
            throw new AppError('CONFLICT', msg('That letter has been marked as posted already'), { reason: 'LETTER_ALREADY_POSTED' });
          throw new AppError('CONFLICT', addressNotice({ ...letter, postalAddress: null }) ?? NO_ADDRESS_PARTY, { reason: 'LETTER_HAS_NO_ADDRESS' });
        }
        await audit.record(tx, actor, actor.orgId, {
          action: 'email.letter_posted',
          entityType: 'email',
          entityId: id,
          detail: { postedAt: now.toISOString() },
        });
        return { id, status: 'posted' as const, postedAt: now };
      });
    },
  };
}
export type EmailService = ReturnType<typeof createEmailService>;
