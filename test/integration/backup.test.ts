// Backup → restore loses nothing, from the embedded database into PostgreSQL (or PGlite when none is configured).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from '#src/db/orm.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { restoreBackup, writeBackup } from '#src/backup/backup.ts';
import { BACKED_UP_TABLES, SKIPPED_TABLES } from '#src/backup/tables.ts';
import type { Database } from '#src/db/client.ts';
import * as schema from '#src/db/schema/index.ts';
import { getTableName, isTable } from '#src/db/orm.ts';
import { verifyAudit } from '#src/features/audit/audit-verify.ts';
import { systemActor } from '#src/features/auth/actor.ts';
import { loadDemo } from '#src/features/orgs/demo.ts';
import { freshDatabase, prepareTemplate, testDbKind } from '../support/databases.ts';
import { makeMember, signIn, twoServices } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';

const dir = mkdtempSync(join(tmpdir(), 'parley-backup-'));
const file = join(dir, 'snapshot.parley.gz');
let h: Harness;
let target: Database;
let pgTemplate: string | undefined;

async function snapshot(db: Database['db'], table: string) {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL TIME ZONE 'UTC'`);
    const result = await tx.execute(sql`SELECT row_to_json(t)::text AS r FROM ${sql.identifier(table)} t`);
    return (result as unknown as { rows: { r: string }[] }).rows
      .map((x) => x.r)
      .sort()
      .map((r) => JSON.parse(r));
  });
}

beforeAll(async () => {
  h = await startHarness();
  const s = await twoServices(h);
  await makeMember(h.deps, s.a.orgId, 'mediator', 'mo.mediator@alpha.example');
  await h.deps.apiKeys.createForOrg(s.b.orgId, { name: 'Bravo website', role: 'viewer' }, systemActor('test'));
  await h.deps.people.addMemberAsSystem(s.a.orgId, { email: 'ina.invitee@alpha.example', name: 'Ina Invitee', role: 'viewer' }, systemActor('test'));
  await signIn(h, s.adminA);
  const referral = await h.deps.referrals.createFromPublic(
    s.a.orgId,
    {
      caseType: 'community',
      description: 'Hedge dispute',
      consentToContact: true,
      parties: [
        { name: 'Hal Hedge', role: 'party', postcode: 'CT1 2AB' },
        { name: 'Nia Neighbour', role: 'party' },
      ],
    },
    { type: 'anonymous' },
  );
  const coordinator = {
    type: 'user' as const,
    id: s.adminA.userId,
    label: 'Ada',
    orgId: s.a.orgId,
    orgSlug: 'alpha',
    orgName: s.a.name,
    role: 'admin' as const,
  };
  const { caseId } = await h.deps.referrals.accept(coordinator, referral.id);
  await h.deps.caseActivity.addNote(coordinator, caseId, { body: 'Spoke to both; a disclosure', disclosure: true });
  await h.deps.caseActivity.addTask(coordinator, caseId, { title: 'Call Hal back', dueOn: '2026-12-01' });
  await h.deps.publicIntake.createEnquiry(s.a.orgId, { name: 'Eve Enquirer', email: 'eve@alpha.example', message: 'Do you cover CT1?' }, { type: 'anonymous' });
  await h.deps.publicIntake.createVolunteerApplication(s.a.orgId, { name: 'Val Volunteer', email: 'val@alpha.example', why: 'To help' }, { type: 'anonymous' });
  await loadDemo(h.deps); // volunteers, training, DBS checks, assignments, hours, claims and a receipt
  if (process.env.DATABASE_URL) {
    pgTemplate = await prepareTemplate('postgres', `bk_${process.pid}_${Date.now()}`, '');
    target = await freshDatabase('postgres', pgTemplate);
  } else target = await freshDatabase('pglite', inject('dbTemplate'));
});
afterAll(async () => {
  await target?.close();
  await h?.close();
  if (pgTemplate) await (await import('../support/databases.ts')).dropTemplate('postgres', pgTemplate);
});

describe('backup and restore', () => {
  it('covers every table in the schema, or leaves it out on purpose', () => {
    const tables = Object.values(schema)
      .filter((v) => isTable(v))
      .map((t) => getTableName(t as never));
    expect([...tables].sort()).toEqual([...BACKED_UP_TABLES, ...SKIPPED_TABLES].sort());
  });

  it('restores every row exactly, and the audit chains still verify', async () => {
    const counts = await writeBackup(h.deps.db, file);
    expect(counts.audit_events).toBeGreaterThan(10);
    for (const table of BACKED_UP_TABLES) if (table !== 'jobs') expect(counts[table] ?? 0, `${table} has rows to back up`).toBeGreaterThan(0);
    const restored = await restoreBackup(target.db, file);
    for (const table of BACKED_UP_TABLES) {
      expect(restored[table] ?? 0, table).toBe(counts[table]);
      expect(await snapshot(target.db, table), table).toEqual(await snapshot(h.deps.db, table));
    }
    const reports = await verifyAudit(target.db);
    expect(reports.length).toBeGreaterThanOrEqual(2);
    expect(reports.every((r) => r.ok)).toBe(true);
  });

  it('refuses to restore over existing data, and changes nothing', async () => {
    await expect(restoreBackup(target.db, file)).rejects.toThrow(/already holds data/);
  });

  it('refuses a truncated backup and restores nothing', async () => {
    const lines = gunzipSync(readFileSync(file)).toString('utf8').trim().split('\n');
    const cut = join(dir, 'cut.parley.gz');
    writeFileSync(cut, gzipSync(lines.slice(0, -1).join('\n')));
    const empty = await freshDatabase(testDbKind(), inject('dbTemplate'));
    try {
      await expect(restoreBackup(empty.db, cut)).rejects.toThrow(/incomplete/);
      expect(await snapshot(empty.db, 'organisations')).toEqual([]);
    } finally {
      await empty.close();
    }
  });

  it('refuses a file that is not a backup', async () => {
    const junk = join(dir, 'junk.gz');
    writeFileSync(junk, gzipSync('hello'));
    await expect(restoreBackup(target.db, junk)).rejects.toThrow(/not a Parley backup/);
  });
});
