// The only file that reads and updates email_outbox and email_deliveries (outbox.ts inserts). Scoped by the
// service in every query the pages use; the worker's queries go by the message's id inside its service.
import type { Db } from '#src/db/client.ts';
import { pageWindow, prepared, preparedShapes } from '#src/db/prepared.ts';
import { and, asc, desc, eq, ilike, inArray, lt, ne, or, sql } from '#src/db/orm.ts';
import { cases } from '#src/db/schema/cases.ts';
import { emailDeliveries, emailOutbox } from '#src/db/schema/meetings.ts';
import { isUuid, newId } from '#src/lib/ids.ts';

export type OutboxRow = typeof emailOutbox.$inferSelect;
export type DeliveryOutcome = 'sent' | 'failed' | 'retrying' | 'held';

export async function findMessage(tx: Db, orgId: string | null, id: string): Promise<OutboxRow | undefined> {
  if (!isUuid(id)) return undefined;
  const byOrg = orgId ? eq(emailOutbox.orgId, orgId) : undefined;
  const rows = await tx
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.id, id), byOrg))
    .limit(1);
  return rows[0];
}

/**
 * Marks the message as being sent, unless it was sent already or another worker is sending it now. A `sending`
 * mark older than `staleBefore` is a send that was interrupted (the worker died): it is taken over. A letter to post
 * is never claimed: a person posts it.
 */
export async function claimForSending(tx: Db, id: string, orgId: string | null, now: Date, staleBefore: Date): Promise<OutboxRow | undefined> {
  if (!isUuid(id)) return undefined;
  const byOrg = orgId ? eq(emailOutbox.orgId, orgId) : undefined;
  const rows = await tx
    .update(emailOutbox)
    .set({ status: 'sending', sendingSince: now, attempts: sql`${emailOutbox.attempts} + 1` })
    .where(
      and(
        eq(emailOutbox.id, id),
        byOrg,
        eq(emailOutbox.channel, 'email'),
        ne(emailOutbox.status, 'sent'),
        or(ne(emailOutbox.status, 'sending'), lt(emailOutbox.sendingSince, staleBefore)),
      ),
    )
    .returning();
  return rows[0];
}

export async function markSent(tx: Db, id: string, at: Date, response: string) {
  await tx.update(emailOutbox).set({ status: 'sent', sentAt: at, smtpResponse: response, lastError: null, sendingSince: null }).where(eq(emailOutbox.id, id));
}

export async function markUnsent(tx: Db, id: string, status: 'queued' | 'failed' | 'held', error: string | null) {
  await tx.update(emailOutbox).set({ status, lastError: error, sendingSince: null }).where(eq(emailOutbox.id, id));
}

/** Back to the queue: a failed or held message, or one whose sending was interrupted (`sending` since before `staleBefore`). */
export async function requeueMessage(tx: Db, orgId: string, id: string, staleBefore: Date): Promise<boolean> {
  const rows = await tx
    .update(emailOutbox)
    .set({ status: 'queued', attempts: 0, lastError: null, sendingSince: null })
    .where(
      and(
        eq(emailOutbox.orgId, orgId),
        eq(emailOutbox.id, id),
        or(inArray(emailOutbox.status, ['failed', 'held']), and(eq(emailOutbox.status, 'sending'), lt(emailOutbox.sendingSince, staleBefore))),
      ),
    )
    .returning({ id: emailOutbox.id });
  return rows.length > 0;
}

/**
 * A letter printed and posted: `to_post` becomes `posted`, with when and who. False when it was not a letter to post,
 * or has no address to post it to (checked here too, so an address taken away meanwhile is not posted to).
 */
export async function markPosted(tx: Db, orgId: string, id: string, at: Date, by: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  const rows = await tx
    .update(emailOutbox)
    .set({ status: 'posted', postedAt: at, postedBy: by })
    .where(
      and(
        eq(emailOutbox.orgId, orgId),
        eq(emailOutbox.id, id),
        eq(emailOutbox.channel, 'post'),
        eq(emailOutbox.status, 'to_post'),
        sql`trim(coalesce(${emailOutbox.postalAddress}, '')) <> ''`,
      ),
    )
    .returning({ id: emailOutbox.id });
  return rows.length > 0;
}

/**
 * The address of a person's letters still to post, as it now is on their case (null when it was taken away): a letter
 * waiting for an address gets it, and one whose person moved goes to where they live now. How many letters changed.
 */
export async function setLetterAddress(tx: Db, orgId: string, partyId: string, postalAddress: string | null): Promise<number> {
  const rows = await tx
    .update(emailOutbox)
    .set({ postalAddress })
    .where(
      and(
        eq(emailOutbox.orgId, orgId),
        eq(emailOutbox.partyId, partyId),
        eq(emailOutbox.channel, 'post'),
        eq(emailOutbox.status, 'to_post'),
        sql`${emailOutbox.postalAddress} IS DISTINCT FROM ${postalAddress}`,
      ),
    )
    .returning({ id: emailOutbox.id });
  return rows.length;
}

/** A person's letters still to post become withdrawn (they asked for nothing to be posted to them); how many. */
export async function withdrawLetters(tx: Db, orgId: string, partyId: string): Promise<number> {
  const rows = await tx
    .update(emailOutbox)
    .set({ status: 'withdrawn' })
    .where(and(eq(emailOutbox.orgId, orgId), eq(emailOutbox.partyId, partyId), eq(emailOutbox.channel, 'post'), eq(emailOutbox.status, 'to_post')))
    .returning({ id: emailOutbox.id });
  return rows.length;
}

export async function insertDelivery(tx: Db, row: { orgId: string | null; outboxId: string; at: Date; outcome: DeliveryOutcome; detail: string | null }) {
  await tx.insert(emailDeliveries).values({ id: newId(), ...row });
}

export async function listDeliveries(tx: Db, orgId: string, outboxId: string) {
  return tx
    .select({ at: emailDeliveries.at, outcome: emailDeliveries.outcome, detail: emailDeliveries.detail })
    .from(emailDeliveries)
    .where(and(eq(emailDeliveries.orgId, orgId), eq(emailDeliveries.outboxId, outboxId)))
    .orderBy(asc(emailDeliveries.at), asc(emailDeliveries.id));
}

export type OutboxFilter = { status?: string | undefined; template?: string | undefined; q?: string | undefined };

type OutboxShape = { status: boolean; template: boolean; q: boolean };

/** The conditions of a list of this shape, each value a placeholder. */
function outboxWhere(shape: OutboxShape) {
  const orgId = sql.placeholder('orgId');
  const like = sql.placeholder('like');
  return and(
    eq(emailOutbox.orgId, orgId),
    shape.status ? eq(emailOutbox.status, sql.placeholder('status')) : undefined,
    shape.template ? eq(emailOutbox.template, sql.placeholder('template')) : undefined,
    shape.q
      ? or(ilike(emailOutbox.toAddress, like), ilike(emailOutbox.toName, like), ilike(emailOutbox.subject, like), ilike(cases.reference, like))
      : undefined,
  );
}
const withCase = () => and(eq(cases.id, emailOutbox.caseId), eq(cases.orgId, sql.placeholder('orgId')));

/** Built once for each combination of filters (db/prepared.ts). */
const messagePage = preparedShapes('outbox_page', (db, shape: OutboxShape & { later: boolean }) =>
  pageWindow(
    db
      .select({
        id: emailOutbox.id,
        status: emailOutbox.status,
        template: emailOutbox.template,
        toAddress: emailOutbox.toAddress,
        toName: emailOutbox.toName,
        channel: emailOutbox.channel,
        postalAddress: emailOutbox.postalAddress,
        partyId: emailOutbox.partyId,
        subject: emailOutbox.subject,
        caseId: emailOutbox.caseId,
        caseReference: cases.reference,
        attempts: emailOutbox.attempts,
        createdAt: emailOutbox.createdAt,
        sentAt: emailOutbox.sentAt,
        postedAt: emailOutbox.postedAt,
      })
      .from(emailOutbox)
      .leftJoin(cases, withCase())
      .where(outboxWhere(shape))
      .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
      .$dynamic(),
    shape.later,
  ),
);
const messageCount = preparedShapes('outbox_count', (db, shape: OutboxShape) =>
  db
    .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
    .from(emailOutbox)
    .leftJoin(cases, withCase())
    .where(outboxWhere(shape)),
);

/**
 * A page of the service's messages, newest first, without their bodies; and how many match in all. `counts` (countByStatus, read for the same page) gives the
 * number when the list is filtered by status alone or not at all, so the messages are not counted twice.
 */
export async function listMessages(tx: Db, orgId: string, filter: OutboxFilter, page: number, pageSize: number, counts?: Record<string, number>) {
  const shape = { status: Boolean(filter.status), template: Boolean(filter.template), q: Boolean(filter.q) };
  const values = {
    orgId,
    status: filter.status,
    template: filter.template,
    like: filter.q ? `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined,
  };
  const rows = await messagePage(tx, { ...shape, later: page > 1 }, { ...values, limit: pageSize, offset: (page - 1) * pageSize });
  if (counts && !filter.template && !filter.q) {
    const byStatus = Object.entries(counts).filter(([key]) => key !== NO_ADDRESS);
    return { rows, total: byStatus.reduce((n, [status, count]) => (!filter.status || status === filter.status ? n + count : n), 0) };
  }
  const [total] = await messageCount(tx, shape, values);
  return { rows, total: total?.n ?? 0 };
}
export type OutboxListRow = Awaited<ReturnType<typeof listMessages>>['rows'][number];

/** The case reference of a message, for its page. */
export async function caseReferenceOf(tx: Db, orgId: string, caseId: string | null): Promise<string | null> {
  if (!caseId) return null;
  const rows = await tx
    .select({ reference: cases.reference })
    .from(cases)
    .where(and(eq(cases.orgId, orgId), eq(cases.id, caseId)))
    .limit(1);
  return rows[0]?.reference ?? null;
}

/** How many of the service's messages are in each status; `to_post_no_address`: letters to post with no address yet. */
const statusCounts = prepared('outbox_status_counts', (db) =>
  db
    .select({
      status: emailOutbox.status,
      n: sql<number>`count(*)::int`.mapWith(Number),
      noAddress: sql<number>`count(*) FILTER (WHERE ${emailOutbox.channel} = 'post' AND trim(coalesce(${emailOutbox.postalAddress}, '')) = '')::int`.mapWith(
        Number,
      ),
    })
    .from(emailOutbox)
    .where(eq(emailOutbox.orgId, sql.placeholder('orgId')))
    .groupBy(emailOutbox.status),
);

const NO_ADDRESS = 'to_post_no_address';

export async function countByStatus(tx: Db, orgId: string): Promise<Record<string, number>> {
  const rows = await statusCounts(tx, { orgId });
  return Object.fromEntries([...rows.map((r) => [r.status, r.n]), [NO_ADDRESS, rows.find((r) => r.status === 'to_post')?.noAddress ?? 0]]);
}
