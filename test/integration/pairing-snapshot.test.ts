// The pairing view of a service's volunteers is kept between requests only while nothing it reads has changed:
// every change — through Parley, straight in the database (as another app process would), a case ending, a
// postcode import, or a change rolled back — shows in the next suggestions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '#src/db/orm.ts';
import { asSystem, inOrg } from '#src/db/tenant.ts';
import type { OrgActor } from '#src/access/actor.ts';
import { makeMember, makeOrg } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { actorFor, makeCase, makeVolunteer } from '../support/volunteers.ts';

let h: Harness;
let orgId: string;
let admin: OrgActor;
let caseId: string;
const v: Record<string, string> = {};

const excludedReasons = async (name: string) => {
  const { excluded } = await h.deps.assignments.suggest(admin, caseId);
  return excluded.find((e) => e.volunteerId === v[name])?.reasons ?? [];
};
const version = async () => {
  const rows = await inOrg(h.deps.db, orgId, (tx) => tx.execute(sql`SELECT version FROM volunteer_data_versions`));
  return Number((rows as unknown as { rows: { version: number | string }[] }).rows[0]?.version ?? 0);
};

beforeAll(async () => {
  h = await startHarness();
  ({ orgId } = await makeOrg(h.deps, 'snap', 'Snapshot Mediation (fictional)'));
  const member = await makeMember(h.deps, orgId, 'admin', 'ada.admin@snap.example', { name: 'Ada Admin' });
  admin = actorFor(orgId, member.userId, 'admin', 'Ada Admin');
  for (const name of ['Ana Firstvolunteer', 'Ben Secondvolunteer', 'Cal Thirdvolunteer']) v[name] = await makeVolunteer(h.deps, orgId, { name });
  ({ caseId } = await makeCase(h.deps, orgId, admin, { description: 'Snapshot hedge', parties: [{ name: 'Pat Partyone' }, { name: 'Kim Partytwo' }] }));
});
afterAll(() => h?.close());

describe('the pairing view kept between requests', () => {
  it('is used again while nothing changes, and the counter does not move on reads', async () => {
    const before = await version();
    expect(await excludedReasons('Ana Firstvolunteer')).toEqual([]);
    expect(await excludedReasons('Ana Firstvolunteer')).toEqual([]);
    expect(await version()).toBe(before);
  });

  it('shows a change made straight in the database, as by another app process', async () => {
    await asSystem(h.deps.db, (tx) => tx.execute(sql`UPDATE dbs_checks SET issued_on = '2015-01-01' WHERE volunteer_id = ${v['Ana Firstvolunteer']!}`));
    expect((await excludedReasons('Ana Firstvolunteer')).join(' ')).toMatch(/DBS recheck overdue since/);
  });

  it('shows a declared connection added through Parley', async () => {
    await h.deps.volunteers.addConnection(admin, v['Ben Secondvolunteer']!, { kind: 'person', text: 'Pat Partyone' });
    expect(await excludedReasons('Ben Secondvolunteer')).toContain('declared connection to Pat Partyone');
  });

  it('shows capacity coming back when a case the volunteer is on ends', async () => {
    const other = await makeCase(h.deps, orgId, admin, { description: 'Snapshot bins', parties: [{ name: 'Lou Otherparty' }, { name: 'Max Otherparty' }] });
    await asSystem(h.deps.db, (tx) => tx.execute(sql`UPDATE volunteers SET max_active_cases = 1 WHERE id = ${v['Cal Thirdvolunteer']!}`));
    await h.deps.assignments.assign(admin, other.caseId, { mediatorIds: [v['Cal Thirdvolunteer']!, v['Ben Secondvolunteer']!] });
    expect((await excludedReasons('Cal Thirdvolunteer')).join(' ')).toMatch(/at capacity: 1 of 1/);
    await h.deps.cases.transition(admin, other.caseId, { to: 'withdrawn', reason: 'Both parties sorted it out' });
    expect((await excludedReasons('Cal Thirdvolunteer')).join(' ')).not.toMatch(/at capacity/);
  });

  it('raises the counter on a postcode import, and never repeats a number after a change is rolled back', async () => {
    const before = await version();
    await asSystem(h.deps.db, (tx) => tx.execute(sql`INSERT INTO postcode_lookup (postcode, la_code, la_name) VALUES ('ZZ991ZZ', 'E0', 'Test')`));
    const afterImport = await version();
    expect(afterImport).toBeGreaterThan(before);
    await inOrg(h.deps.db, orgId, async (tx) => {
      await tx.execute(sql`UPDATE volunteers SET travel_miles = 99 WHERE id = ${v['Ana Firstvolunteer']!}`);
      throw new Error('roll back');
    }).catch(() => {});
    expect(await version()).toBe(afterImport);
    await inOrg(h.deps.db, orgId, (tx) => tx.execute(sql`UPDATE volunteers SET travel_miles = 12 WHERE id = ${v['Ana Firstvolunteer']!}`));
    expect(await version()).toBeGreaterThan(afterImport + 1);
  });
});
