// The email page's count of messages: when the list is filtered by status alone or not at all it comes from the
// counts by status the page reads anyway (outbox.repo.ts); it must be the number that counting the list gives.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from '#src/db/orm.ts';
import { emailOutbox } from '#src/db/schema/meetings.ts';
import { asSystem, inOrg } from '#src/db/tenant.ts';
import { queueEmail } from '#src/features/email/outbox.ts';
import { countByStatus, listMessages, type OutboxFilter } from '#src/features/email/outbox.repo.ts';
import { makeOrg } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';

let h: Harness;
afterAll(() => h?.close());
beforeAll(async () => {
  h = await startHarness();
});

describe('the email page’s counts', () => {
  it('are what counting the list gives, for every status and with no filter; other filters are counted', async () => {
    const { orgId } = await makeOrg(h.deps, 'outbox-counts');
    const statuses = ['queued', 'sent', 'sent', 'failed', 'held', 'to_post', 'to_post', 'posted', 'withdrawn', 'sent'];
    for (let i = 0; i < 30; i++) {
      await inOrg(h.deps.db, orgId, (tx) =>
        queueEmail(tx, { orgId, template: i % 3 ? 'dbs_alert' : 'meeting_invitation', to: `person${i}@example.org`, subject: `Message ${i}`, text: 'Hello' }),
      );
    }
    const ids = await asSystem(h.deps.db, (tx) => tx.select({ id: emailOutbox.id }).from(emailOutbox).where(eq(emailOutbox.orgId, orgId)));
    await asSystem(h.deps.db, async (tx) => {
      for (const [i, { id }] of ids.entries()) await tx.execute(sql`UPDATE email_outbox SET status = ${statuses[i % statuses.length]} WHERE id = ${id}`);
    });
    const filters: OutboxFilter[] = [
      {},
      ...['queued', 'sent', 'failed', 'held', 'to_post', 'posted', 'withdrawn', 'sending'].map((status) => ({ status })),
      { template: 'dbs_alert' },
      { q: 'Message 1' },
      { status: 'sent', q: 'person' },
    ];
    await inOrg(h.deps.db, orgId, async (tx) => {
      const counts = await countByStatus(tx, orgId);
      expect(counts.sent).toBe(9);
      for (const filter of filters) {
        for (const page of [1, 2]) {
          const fromCounts = await listMessages(tx, orgId, filter, page, 10, counts);
          expect(fromCounts, JSON.stringify({ filter, page })).toStrictEqual(await listMessages(tx, orgId, filter, page, 10));
        }
      }
      expect((await listMessages(tx, orgId, {}, 1, 10, counts)).total).toBe(30);
    });
  });
});
