// References count up per service, kind and year, and keep every digit past 9999.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from '#src/db/orm.ts';
import { makeOrg } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

it('numbers referrals 0001, 0002 … and past 9999 without truncating', async () => {
  const org = await makeOrg(h.deps, 'refs');
  const refer = () =>
    h.deps.referrals.createFromPublic(
      org.orgId,
      { caseType: 'community', description: 'x', consentToContact: true, parties: [{ name: 'Ann Example', role: 'party' }] },
      { type: 'anonymous' },
    );
  const year = h.clock.now().getUTCFullYear();
  expect((await refer()).reference).toBe(`REF-R-${year}-0001`);
  expect((await refer()).reference).toBe(`REF-R-${year}-0002`);
  await h.deps.db.execute(sql`UPDATE reference_counters SET last = 9999 WHERE org_id = ${org.orgId} AND kind = 'referral'`);
  expect((await refer()).reference).toBe(`REF-R-${year}-10000`);
  const other = await makeOrg(h.deps, 'refs-other');
  const theirs = await h.deps.referrals.createFromPublic(
    other.orgId,
    { caseType: 'community', description: 'y', consentToContact: true, parties: [{ name: 'Bo Example', role: 'party' }] },
    { type: 'anonymous' },
  );
  expect(theirs.reference).toBe(`REF-R-${year}-0001`);
});
