// Tenant transactions (src/db/tenant.ts) on both databases: the role and service id hold for the transaction and no
// longer, and a failure keeps nothing: the transaction's first statement sets them (set_config(…, true)). On
// PostgreSQL, that statement goes with the BEGIN, and the round trips are counted (pg-named-statements.ts).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Database, type Db, openDatabase } from '#src/db/client.ts';
import { sql } from '#src/db/orm.ts';
import { GENERIC_PLAN } from '#src/db/statements.ts';
import { asSystem, inOrg } from '#src/db/tenant.ts';
import { freshDatabase, testDbKind } from '../support/databases.ts';
import { type CountingProxy, countingProxy } from '../support/round-trips.ts';

let database: Database & { url?: string };
beforeAll(async () => {
  database = await freshDatabase(testDbKind(), inject('dbTemplate'));
  await database.db.execute(sql`CREATE TABLE tenant_probe (id int PRIMARY KEY)`);
  await database.db.execute(sql`GRANT SELECT, INSERT ON tenant_probe TO parley_app`);
});
afterAll(() => database?.close());

const ORG = '5d0c3e7a-9b1f-4c2d-8e3f-1a2b3c4d5e6f';
type Settings = { who: string; org: string | null };
const settingsNow = sql`SELECT current_user AS who, current_setting('parley.org_id', true) AS org`;
const rows = <T>(result: unknown) => (result as { rows: T[] }).rows;

describe('tenant transactions', () => {
  it('switch the role and set the service for the transaction only', async () => {
    const inside = await inOrg(database.db, ORG, async (tx) => rows<Settings>(await tx.execute(settingsNow))[0]);
    expect(inside).toEqual({ who: 'parley_app', org: ORG });
    const after = rows<Settings>(await database.db.execute(settingsNow))[0]!;
    expect(after.who).not.toBe('parley_app');
    expect(after.org ?? '').toBe('');
  });

  it('keep nothing when the work fails, whatever its first statement', async () => {
    await expect(
      inOrg(database.db, ORG, async (tx) => {
        await tx.execute(sql`INSERT INTO tenant_probe VALUES (1)`);
        throw new Error('the form was not valid');
      }),
    ).rejects.toThrow('the form was not valid');
    await expect(
      asSystem(database.db, async (tx) => {
        await tx.execute(sql`INSERT INTO tenant_probe VALUES (2)`);
        await tx.execute(sql`INSERT INTO tenant_probe VALUES (2)`);
      }),
    ).rejects.toThrow();
    await inOrg(database.db, ORG, async () => {});
    await asSystem(database.db, async (tx) => tx.execute(sql`INSERT INTO tenant_probe VALUES (3)`));
    expect(rows<{ id: number }>(await database.db.execute(sql`SELECT id FROM tenant_probe ORDER BY id`))).toEqual([{ id: 3 }]);
  });

  it('leave nothing behind on the connection: the next transaction on it starts as the owner, with no service', async () => {
    // One connection (PostgreSQL) or the one embedded database: whatever ran before ran here.
    const single = database.kind === 'postgres' ? await openDatabase({ databaseUrl: database.url!, poolSize: 1 }) : database;
    try {
      const inside = await inOrg(single.db, ORG, async (tx) => rows<Settings>(await tx.execute(settingsNow))[0]);
      expect(inside).toEqual({ who: 'parley_app', org: ORG });
      const next = await asSystem(single.db, async (tx) => rows<Settings>(await tx.execute(settingsNow))[0]!);
      expect(next.who).not.toBe('parley_app');
      expect(next.org ?? '').toBe('');
      await expect(inOrg(single.db, ORG, async (tx) => tx.execute(sql`SELECT 1 / 0`))).rejects.toThrow();
      const afterFailure = rows<Settings>(await single.db.execute(settingsNow))[0]!;
      expect(afterFailure.who).not.toBe('parley_app');
    } finally {
      if (single !== database) await single.close();
    }
  });
});

describe('round trips to PostgreSQL', () => {
  // Counted by a proxy between the pool and the server (test/support/round-trips.ts); the embedded database has none.
  let proxy: CountingProxy;
  let through: Database;
  beforeAll(async () => {
    if (database.kind !== 'postgres') return;
    proxy = await countingProxy(database.url!);
    through = await openDatabase({ databaseUrl: proxy.url, poolSize: 1 });
    await through.db.execute(sql`SELECT 1`); // the pool's connection is made
  });
  afterAll(async () => {
    await through?.close();
    await proxy?.close();
  });
  const tripsOf = async (work: () => Promise<unknown>) => {
    const before = proxy.roundTrips();
    await work();
    return proxy.roundTrips() - before;
  };
  const planMode = sql`SELECT current_setting('plan_cache_mode') AS mode`;
  const genericPlanMode = sql`${GENERIC_PLAN}SELECT current_setting('plan_cache_mode') AS mode`;

  it('send a tenant transaction’s BEGIN with its settings, and nothing for a transaction that ran nothing', async (ctx) => {
    if (database.kind !== 'postgres') ctx.skip();
    // BEGIN with the role switch and the service; the statement; COMMIT. One more before, when BEGIN went alone.
    let inside: Settings | undefined;
    expect(await tripsOf(() => inOrg(through.db, ORG, async (tx) => (inside = rows<Settings>(await tx.execute(settingsNow))[0])))).toBe(3);
    expect(inside).toEqual({ who: 'parley_app', org: ORG });
    expect(await tripsOf(() => inOrg(through.db, ORG, async () => {}))).toBe(2);
    // The owner's transactions have no settings to send: BEGIN goes before their first statement, or not at all.
    expect(await tripsOf(() => asSystem(through.db, async (tx) => tx.execute(settingsNow)))).toBe(3);
    expect(await tripsOf(() => asSystem(through.db, async () => {}))).toBe(0);
    const after = rows<Settings>(await through.db.execute(settingsNow))[0]!;
    expect(after.who).not.toBe('parley_app');
    expect(after.org ?? '').toBe('');
  });

  it('set the generic plan mode for a generic statement, and back only when another statement follows', async (ctx) => {
    if (database.kind !== 'postgres') ctx.skip();
    const modes: string[] = [];
    const read = async (tx: Db, statement: typeof planMode) => modes.push(rows<{ mode: string }>(await tx.execute(statement))[0]!.mode);
    // BEGIN with the settings, the mode, the generic statement, COMMIT: the mode ends with the transaction.
    expect(await tripsOf(() => inOrg(through.db, ORG, (tx) => read(tx, genericPlanMode)))).toBe(4);
    // Followed by another statement, the mode goes back to the default before it.
    expect(
      await tripsOf(() =>
        inOrg(through.db, ORG, async (tx) => {
          await read(tx, genericPlanMode);
          await read(tx, genericPlanMode);
          await read(tx, planMode);
        }),
      ),
    ).toBe(7);
    expect(modes).toEqual(['force_generic_plan', 'force_generic_plan', 'force_generic_plan', 'auto']);
    const next = await inOrg(through.db, ORG, async (tx) => rows<{ mode: string }>(await tx.execute(planMode))[0]!.mode);
    expect(next).toBe('auto');
  });

  it('send an id that is not a uuid as a parameter, after a BEGIN of its own; and keep nothing of a failed first statement', async (ctx) => {
    if (database.kind !== 'postgres') ctx.skip();
    let inside: Settings | undefined;
    expect(await tripsOf(() => inOrg(through.db, 'not-a-uuid', async (tx) => (inside = rows<Settings>(await tx.execute(settingsNow))[0])))).toBe(4);
    expect(inside).toEqual({ who: 'parley_app', org: 'not-a-uuid' });
    await expect(asSystem(through.db, async (tx) => tx.execute(sql`INSERT INTO tenant_probe VALUES (3)`))).rejects.toThrow();
    const after = rows<Settings>(await through.db.execute(settingsNow))[0]!;
    expect(after.who).not.toBe('parley_app');
    expect(after.org ?? '').toBe('');
  });
});
