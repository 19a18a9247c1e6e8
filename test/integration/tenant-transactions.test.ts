// Tenant transactions (src/db/tenant.ts) on both databases: the role and service id hold for the transaction and no
// longer, and a failure keeps nothing: the transaction's first statement sets them (set_config(…, true)).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Database, openDatabase } from '#src/db/client.ts';
import { sql } from '#src/db/orm.ts';
import { asSystem, inOrg } from '#src/db/tenant.ts';
import { freshDatabase, testDbKind } from '../support/databases.ts';

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
