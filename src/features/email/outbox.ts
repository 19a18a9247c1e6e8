// The transactional outbox: a message is written, and its delivery job enqueued, in the caller's transaction, so
// mail goes out exactly when the change it reports is committed. The Message-ID is fixed here: every retry of the
// same message carries it, and a receiver can drop a second copy.
import { and, eq } from '#src/db/orm.ts';
import type { Db } from '#src/db/client.ts';
import { emailOutbox } from '#src/db/schema/meetings.ts';
import { newId } from '#src/lib/ids.ts';
import { enqueue } from '#src/jobs/queue.ts';
import { mailSettings } from './mail-settings.ts';
import { setLetterAddress, withdrawLetters } from './outbox.repo.ts';
import { sendEmailJob } from './send-email.job.ts';

export type QueueEmailInput = {
  /** The service it belongs to; null for mail about a person's own account, which no service's staff may read. */
  orgId: string | null;
  /** A TEMPLATE_NAMES value (templates.ts), kept to filter the outbox. */
  template: string;
  to: string;
  toName?: string | null;
  subject: string;
  text: string;
  html?: string | null;
  /** An iCalendar attachment and its METHOD. */
  ics?: string | null;
  icsMethod?: 'REQUEST' | 'CANCEL' | null;
  caseId?: string | null;
  meetingId?: string | null;
  /** One message per key per service: queueing the same key again does nothing. */
  dedupeKey?: string | null;
  /** When it was queued; defaults to now. */
  at?: Date;
};

export const newMessageId = (id: string) => `<${id}@${mailSettings().messageIdDomain}>`;

/** Inserts one outbox row, once per dedupe key when there is one: its id, or null when the key was used already. */
async function insertOnce(tx: Db, values: typeof emailOutbox.$inferInsert): Promise<string | null> {
  const insert = tx.insert(emailOutbox).values(values);
  const rows = values.dedupeKey
    ? await insert.onConflictDoNothing({ target: [emailOutbox.orgId, emailOutbox.dedupeKey] }).returning({ id: emailOutbox.id })
    : await insert.returning({ id: emailOutbox.id });
  return rows[0]?.id ?? null;
}

/** Queues one message and its delivery job. Returns the outbox id, or null when the dedupe key was used already. */
export async function queueEmail(tx: Db, input: QueueEmailInput): Promise<string | null> {
  const id = newId();
  const inserted = await insertOnce(tx, {
    id,
    orgId: input.orgId,
    messageId: newMessageId(id),
    dedupeKey: input.dedupeKey ?? null,
    template: input.template,
    toAddress: input.to.trim(),
    toName: input.toName ?? null,
    subject: input.subject,
    textBody: input.text,
    htmlBody: input.html ?? null,
    ics: input.ics ?? null,
    icsMethod: input.ics ? (input.icsMethod ?? 'REQUEST') : null,
    caseId: input.caseId ?? null,
    meetingId: input.meetingId ?? null,
    status: 'queued',
    createdAt: input.at ?? new Date(),
  });
  if (!inserted) return null;
  await enqueue(tx, sendEmailJob, { outboxId: id }, { orgId: input.orgId });
  return id;
}

/** Is this dedupe key used in the service already? (For callers that want to skip building a message.) */
export async function isQueued(tx: Db, orgId: string, dedupeKey: string): Promise<boolean> {
  const rows = await tx
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.orgId, orgId), eq(emailOutbox.dedupeKey, dedupeKey)))
    .limit(1);
  return rows.length > 0;
}

export type QueueLetterInput = {
  orgId: string;
  template: string;
  toName: string;
  /** The person on the case it is for: while it waits to be posted, it takes their address as the case changes it. */
  partyId?: string | null;
  /** The address's lines, postcode last; empty when the case has none. */
  addressLines: string[];
  subject: string;
  /** The letter's text (letter-words.ts: the email's, less what only an email says). */
  text: string;
  caseId?: string | null;
  meetingId?: string | null;
  dedupeKey?: string | null;
  at?: Date;
};

/**
 * Puts a letter in the outbox for someone without an email address: `to_post` until staff print it and mark it posted.
 * No delivery job: a person posts it. Returns the outbox id, or null when the dedupe key was used already.
 */
export async function queueLetter(tx: Db, input: QueueLetterInput): Promise<string | null> {
  const id = newId();
  return insertOnce(tx, {
    id,
    orgId: input.orgId,
    messageId: newMessageId(id),
    dedupeKey: input.dedupeKey ?? null,
    template: input.template,
    channel: 'post',
    toAddress: '',
    toName: input.toName,
    postalAddress: input.addressLines.length ? input.addressLines.join('\n') : null,
    partyId: input.partyId ?? null,
    subject: input.subject,
    textBody: input.text,
    caseId: input.caseId ?? null,
    meetingId: input.meetingId ?? null,
    status: 'to_post',
    createdAt: input.at ?? new Date(),
  });
}

/**
 * For the People tab, when a person's address or postcode changes: their letters still to post take the address as it
 * now is (its lines, postcode last: letter-words.ts addressLines; none when it was taken away, so it is not posted to
 * where they no longer are). How many letters changed.
 */
export async function readdressLetters(tx: Db, orgId: string, partyId: string, addressLines: string[]): Promise<number> {
  return setLetterAddress(tx, orgId, partyId, addressLines.length ? addressLines.join('\n') : null);
}

/**
 * For the People tab, when a person's answer becomes "never post anything to them": their letters still to post are
 * withdrawn, so none is printed and posted by mistake. How many letters were withdrawn.
 */
export async function withdrawLettersTo(tx: Db, orgId: string, partyId: string): Promise<number> {
  return withdrawLetters(tx, orgId, partyId);
}
