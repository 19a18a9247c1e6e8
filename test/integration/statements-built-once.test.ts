// Statements built once (src/db/prepared.ts): each runs on the connection of the transaction that asks for it, with
// that transaction's role and service, on either database; anywhere else it runs as an ordinary query.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepared } from '#src/db/prepared.ts';
import { asSystem, inOrg } from '#src/db/tenant.ts';
import { eq, sql } from '#src/db/orm.ts';
import { caseTypes } from '#src/db/schema/case-types.ts';
import type { Db } from '#src/db/client.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { makeOrg } from '../support/factories.ts';

// Every case type the caller may see: no filter by service, so only row-level security keeps others out.
const visibleTypes = prepared('test_visible_case_types', (db) =>
  db
    .select({ orgId: caseTypes.orgId, code: caseTypes.code })
    .from(caseTypes)
    .where(sql`${caseTypes.code} = ${sql.placeholder('code')}`),
);
const serviceInSession = prepared('test_service_in_session', (db) =>
  db
    .select({ orgId: sql<string>`current_setting('parley.org_id', true)` })
    .from(caseTypes)
    .where(eq(caseTypes.code, sql.placeholder('code')))
    .limit(1),
);

describe('statements built once', () => {
  let h: Harness;
  let db: Db;
  let a: string;
  let b: string;

  beforeAll(async () => {
    h = await startHarness();
    db = h.deps.db;
    a = (await makeOrg(h.deps, 'prepared-a')).orgId;
    b = (await makeOrg(h.deps, 'prepared-b')).orgId;
  });
  afterAll(() => h.close());

  it('run with the transaction’s role and service: row-level security applies', async () => {
    const rows = await inOrg(db, a, (tx) => visibleTypes(tx, { code: 'community' }));
    expect(rows).toEqual([{ orgId: a, code: 'community' }]);
    const all = await asSystem(db, (tx) => visibleTypes(tx, { code: 'community' }));
    expect(all.map((r) => r.orgId).sort()).toEqual(expect.arrayContaining([a, b].sort()));
  });

  it('see what the transaction wrote before them, and it is gone when the transaction rolls back', async () => {
    const seen = await inOrg(db, a, async (tx) => {
      await tx.insert(caseTypes).values({ orgId: a, code: 'prepared_only', name: 'Only in this transaction', kind: 'community' });
      const inside = await visibleTypes(tx, { code: 'prepared_only' });
      throw Object.assign(new Error('roll back'), { inside });
    }).catch((err: { inside?: unknown }) => err.inside);
    expect(seen).toEqual([{ orgId: a, code: 'prepared_only' }]);
    expect(await asSystem(db, (tx) => visibleTypes(tx, { code: 'prepared_only' }))).toEqual([]);
  });

  it('keep transactions that run at once apart', async () => {
    const runs = Array.from({ length: 12 }, (_, i) => (i % 2 ? a : b));
    const answers = await Promise.all(
      runs.map((orgId) =>
        inOrg(db, orgId, async (tx) => {
          const first = await serviceInSession(tx, { code: 'community' });
          await new Promise((resolve) => setTimeout(resolve, 5));
          const second = await serviceInSession(tx, { code: 'community' });
          return [first[0]?.orgId, second[0]?.orgId];
        }),
      ),
    );
    expect(answers).toEqual(runs.map((orgId) => [orgId, orgId]));
  });

  it('run outside a transaction on the app’s database, and as ordinary queries in a nested one', async () => {
    const outside = await visibleTypes(db, { code: 'community' });
    expect(outside.map((r) => r.orgId)).toEqual(expect.arrayContaining([a, b]));
    const nested = await inOrg(db, a, (tx) => tx.transaction((inner) => visibleTypes(inner as unknown as Db, { code: 'community' })));
    expect(nested).toEqual([{ orgId: a, code: 'community' }]);
  });

  it('are built once, not for each run; an ordinary query builds each time', async () => {
    let builds = 0;
    const counted = prepared('test_counted', (d) => {
      builds++;
      return d
        .select({ code: caseTypes.code })
        .from(caseTypes)
        .where(eq(caseTypes.code, sql.placeholder('code')));
    });
    for (let i = 0; i < 3; i++) await inOrg(db, a, (tx) => counted(tx, { code: 'community' }));
    await counted(db, { code: 'community' });
    expect(builds).toBe(1);
    await inOrg(db, a, (tx) => tx.transaction((inner) => counted(inner as unknown as Db, { code: 'community' })));
    expect(builds).toBe(2);
  });

  it('refuse a second statement with the same name', () => {
    expect(() => prepared('test_visible_case_types', (d) => d.select().from(caseTypes))).toThrow(/Two prepared statements/);
  });
});
