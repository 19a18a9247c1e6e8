// Statements a page runs again and again keep one plan. PostgreSQL plans a prepared statement afresh on each of its
// first five runs, then keeps its generic plan unless that looks dearer than planning each time. A statement whose
// generic plan always looks dearer (an OFFSET given as a parameter does that: db/prepared.ts, pageWindow) is planned
// on every run, which on the embedded database cost the signed-in home page's case queue four times its running.
// Read from PostgreSQL's own count of each prepared statement's generic and custom plans (pg_prepared_statements).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../support/harness.ts';
import { makeMember, makeOrg, signIn } from '../support/factories.ts';
import type { WebClient } from '../support/web-client.ts';
import { planCounts } from '../support/plan-counts.ts';

const PAGES = ['/home', '/cases', '/cases?status=intake', '/referrals', '/email', '/audit', '/calendar', '/people', '/settings', '/volunteers'];

describe('plans kept', () => {
  let h: Harness;
  let web: WebClient;

  beforeAll(async () => {
    h = await startHarness();
    const org = await makeOrg(h.deps, 'plans');
    web = await signIn(h, await makeMember(h.deps, org.orgId, 'admin', 'ada.admin@plans.example'));
  });
  afterAll(() => h.close());

  it('runs the staff pages’ statements on one plan each, not planned again on every request', async () => {
    for (let i = 0; i < 12; i++) {
      for (const page of PAGES) expect((await web.get(page)).statusCode, page).toBe(200);
    }
    const counts = await planCounts(h.deps.database);
    // Statements run often enough that PostgreSQL has chosen (a sixth run on one connection).
    const chosen = counts.filter((c) => c.generic_plans + c.custom_plans > 6 && /^\s*(select|with)/i.test(c.statement));
    expect(chosen.length).toBeGreaterThan(10);
    const replanned = chosen.filter((c) => c.generic_plans === 0).map((c) => c.statement.replace(/\s+/g, ' ').slice(0, 160));
    expect(replanned).toEqual([]);
  });
});
