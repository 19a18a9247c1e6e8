// The audit trail's pages: as it opens (no filter) a page is a range of the chain's numbers and the count is the
// chain's head, so it costs the same however long the trail grows; it must show what searching every entry shows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '#src/db/orm.ts';
import { asSystem, inOrg } from '#src/db/tenant.ts';
import { searchEvents } from '#src/features/audit/audit.repo.ts';
import { makeMember, makeOrg, signIn } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { actorFor } from '../support/volunteers.ts';

let h: Harness;
afterAll(() => h?.close());
beforeAll(async () => {
  h = await startHarness();
});

describe('the audit trail’s pages', () => {
  it('show, page by page, the entries and the count that searching every entry gives', async () => {
    const org = await makeOrg(h.deps, 'trail-pages');
    const admin = await makeMember(h.deps, org.orgId, 'admin', 'ada@trail-pages.example', { name: 'Ada Trailwright' });
    const actor = actorFor(org.orgId, admin.userId, 'admin', 'Ada Trailwright');
    await inOrg(h.deps.db, org.orgId, async (tx) => {
      for (let i = 0; i < 120; i++) await h.deps.audit.record(tx, actor, org.orgId, { action: 'test.viewed', entityType: 'case', entityId: `c-${i}` });
    });
    const everything = { orgId: org.orgId, from: new Date('2000-01-01T00:00:00Z') }; // a filter every entry matches
    await inOrg(h.deps.db, org.orgId, async (tx) => {
      const searched = await searchEvents(tx, everything, 50, 0);
      expect(searched.total).toBeGreaterThanOrEqual(120);
      for (const offset of [0, 50, 100, searched.total - 1, searched.total, searched.total + 50]) {
        expect(await searchEvents(tx, { orgId: org.orgId }, 50, offset)).toStrictEqual(await searchEvents(tx, everything, 50, offset));
      }
    });
    // The count as it opens is the chain's length, read from its head, not counted row by row: with a row removed
    // from the middle (which the chain's check reports, audit-chain.test.ts) the head still says how long it was.
    const head = (await inOrg(h.deps.db, org.orgId, (tx) => searchEvents(tx, { orgId: org.orgId }, 50, 0))).total;
    await asSystem(h.deps.db, (tx) => tx.execute(sql`DELETE FROM audit_events WHERE org_id = ${org.orgId} AND seq = 10`));
    await inOrg(h.deps.db, org.orgId, async (tx) => {
      expect((await searchEvents(tx, { orgId: org.orgId }, 50, 0)).total).toBe(head);
      expect((await searchEvents(tx, everything, 50, 0)).total).toBe(head - 1);
    });
    // Another service's trail is its own: its own count, none of these entries.
    const other = await makeOrg(h.deps, 'trail-pages-other');
    const theirs = await inOrg(h.deps.db, other.orgId, (tx) => searchEvents(tx, { orgId: other.orgId }, 50, 0));
    expect(theirs.rows.some((r) => r.action === 'test.viewed')).toBe(false);
    expect(theirs.total).toBe(theirs.rows.length);

    const web = await signIn(h, admin);
    const signedIn = (await inOrg(h.deps.db, org.orgId, (tx) => searchEvents(tx, { orgId: org.orgId }, 1, 0))).total; // signing in is audited
    const first = await web.get('/audit');
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain(`${signedIn} entries`);
    expect(first.body).toContain('/audit?&amp;page=2');
    const beyond = await web.get('/audit?page=99');
    expect(beyond.statusCode).toBe(200);
    expect(beyond.body).toContain('No entries match.');
  });
});
