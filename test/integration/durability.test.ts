// One short round of the durability benchmark (bench/durability.ts) in the suite: the real server on a real
// database, 20 writers through the API, `kill -9` mid-load, restart, and no acknowledged write missing.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { cleanUpDurability, rounds } from '../../bench/durability.ts';
import { freshDatabase, testDbKind } from '../support/databases.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'parley-durability-'));
let dropDatabase: (() => Promise<void>) | undefined;

afterAll(async () => {
  await cleanUpDurability();
  await dropDatabase?.();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('durability', () => {
  it('loses no acknowledged write when the server is killed mid-load and restarted', { timeout: 400_000 }, async () => {
    const env: Record<string, string> = { PARLEY_DATA_DIR: dataDir };
    if (testDbKind() === 'postgres') {
      const database = await freshDatabase('postgres', inject('dbTemplate'));
      dropDatabase = () => database.close(); // the server opens its own connections to it
      Object.assign(env, { DATABASE_URL: database.url!, PARLEY_SECRET: randomBytes(32).toString('base64url') });
    }
    const figures = await rounds(testDbKind(), env, { rounds: 1, killAfterMs: [1500, 2500] });
    expect(figures.rounds).toBe(1);
    expect(figures.acknowledged).toBeGreaterThan(0);
    expect(figures.lost).toBe(0);
  });
});
