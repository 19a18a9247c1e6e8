// Backup → restore loses nothing, from the embedded database into PostgreSQL (or PGlite when none is configured);
// a backup is tied to the instance secret: edited files and restores under another secret are refused, and with the
// old secret given everything sealed is re-encrypted, so two-factor sign-in and DBS numbers still work.
import { readdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from '#src/db/orm.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { restoreBackup, writeBackup } from '#src/backup/backup.ts';
import { resealAll, SEALED_COLUMNS } from '#src/backup/sealed-columns.ts';
import { BACKED_UP_TABLES, SKIPPED_TABLES } from '#src/backup/tables.ts';
import { buildApp } from '#src/app.ts';
import { createServices } from '#src/deps.ts';
import { createLogger } from '#src/lib/logger.ts';
import { createSecretBox } from '#src/lib/tokens.ts';
import type { Database } from '#src/db/client.ts';
import * as schema from '#src/db/schema/index.ts';
import { getTableName, isTable } from '#src/db/orm.ts';
import { verifyAudit } from '#src/features/audit/audit-verify.ts';
import { systemActor } from '#src/access/actor.ts';
import { loadDemo } from '#src/demo/load-demo.ts';
import { freshDatabase, prepareTemplate, testDbKind } from '../support/databases.ts';
import { currentTotp } from '#src/lib/totp.ts';
import { makeMember, PASSWORD, signIn, twoServices } from '../support/factories.ts';
import { WebClient } from '../support/web-client.ts';
import { type Harness, startHarness, TestClock, testConfig } from '../support/harness.ts';

const dir = mkdtempSync(join(tmpdir(), 'parley-backup-'));
const file = join(dir, 'snapshot.parley.gz');
let h: Harness;
let s: Awaited<ReturnType<typeof twoServices>>;
let target: Database;
const SECRET = testConfig().secret;
const OTHER = 'another-secret-for-the-new-install-abcdefghijklmnop';
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
  s = await twoServices(h);
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
  // What the demo leaves empty: a consent to share the outcome, a retention schedule, a legal hold, an RJ policy.
  const [hal] = (await h.deps.cases.get(coordinator, caseId)).parties;
  await h.deps.agreements.sharing.recordConsent(coordinator, caseId, { partyId: hal!.id, consents: true, decidedOn: '2026-11-30' });
  await h.deps.retention.setSchedules(coordinator, { community: 4 });
  const { reference } = (await h.deps.cases.get(coordinator, caseId)).case;
  await h.deps.retention.placeHold(coordinator, { caseReference: reference, reason: 'A complaint is open (fictional)' });
  await h.deps.rj.savePolicy(coordinator, await h.deps.rj.policy(coordinator));
  // The service's own wording for its community agreements (the demo keeps the built-in wording).
  const wording = (await h.deps.agreements.wording.list(coordinator)).find((w) => w.caseType === 'community')!;
  await h.deps.agreements.wording.save(coordinator, 'community', { ...wording.statements, notBinding: 'Our own words: a reminder of what was agreed.' });
  // A party opens the link to their copy of a signed agreement (a signing link and its event).
  const mail = (await h.deps.db.execute(sql`SELECT text_body FROM email_outbox WHERE text_body LIKE ${'%/copy/%'} LIMIT 1`)) as unknown as {
    rows: { text_body: string }[];
  };
  const copy = /\/s\/([^/]+)\/copy\/([A-Za-z0-9_-]+)/.exec(mail.rows[0]!.text_body)!;
  await h.deps.agreements.remote.view(copy[1]!, copy[2]!, 'copy', { ip: '192.0.2.1', userAgent: 'Test' }, undefined);
  if (process.env.DATABASE_URL) {
    pgTemplate = await prepareTemplate('postgres', `bk_${process.pid}_${Date.now()}`, '');
    target = await freshDatabase('postgres', pgTemplate);
  } else target = await freshDatabase('pglite', inject('dbTemplate'));
}, 180_000); // the demo service is large: give a busy machine time
afterAll(async () => {
  await target?.close();
  await h?.close();
  if (pgTemplate) await (await import('../support/databases.ts')).dropTemplate('postgres', pgTemplate);
  rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('covers every table in the schema, or leaves it out on purpose', () => {
    const tables = Object.values(schema)
      .filter((v) => isTable(v))
      .map((t) => getTableName(t as never));
    expect([...tables].sort()).toEqual([...BACKED_UP_TABLES, ...SKIPPED_TABLES].sort());
  });

  it('restores every row exactly, and the audit chains still verify', async () => {
    const counts = await writeBackup(h.deps.db, file, SECRET);
    expect(counts.audit_events).toBeGreaterThan(10);
    // Jobs come and go; the destruction log needs cases years past closing (retention.test.ts writes one).
    for (const table of BACKED_UP_TABLES)
      if (table !== 'jobs' && table !== 'destruction_log') expect(counts[table] ?? 0, `${table} has rows to back up`).toBeGreaterThan(0);
    const { counts: restored } = await restoreBackup(target.db, file, { secret: SECRET });
    for (const table of BACKED_UP_TABLES) {
      expect(restored[table] ?? 0, table).toBe(counts[table]);
      expect(await snapshot(target.db, table), table).toEqual(await snapshot(h.deps.db, table));
    }
    const reports = await verifyAudit(target.db);
    expect(reports.length).toBeGreaterThanOrEqual(2);
    expect(reports.every((r) => r.ok)).toBe(true);
  });

  it('refuses to restore over existing data, and changes nothing', async () => {
    await expect(restoreBackup(target.db, file, { secret: SECRET })).rejects.toThrow(/already holds data/);
  });

  it('refuses a truncated backup and restores nothing', async () => {
    const lines = gunzipSync(readFileSync(file)).toString('utf8').trim().split('\n');
    const cut = join(dir, 'cut.parley.gz');
    writeFileSync(cut, gzipSync(lines.slice(0, -1).join('\n')));
    const empty = await freshDatabase(testDbKind(), inject('dbTemplate'));
    try {
      await expect(restoreBackup(empty.db, cut, { secret: SECRET })).rejects.toThrow(/incomplete/);
      expect(await snapshot(empty.db, 'organisations')).toEqual([]);
    } finally {
      await empty.close();
    }
  });

  it('refuses a file that is not a backup', async () => {
    const junk = join(dir, 'junk.gz');
    writeFileSync(junk, gzipSync('hello'));
    await expect(restoreBackup(target.db, junk, { secret: SECRET })).rejects.toThrow(/not a Parley backup/);
  });
});

let appsMade = 0;
/** The app on a restored database, run with the given secret; its clock is past every code used before. */
async function appOn(database: Database, secret: string): Promise<Harness> {
  const clock = new TestClock(new Date(h.clock.now().getTime() + ++appsMade * 120_000));
  const deps = createServices(testConfig({ secret }), database, clock, createLogger('silent'));
  const app = await buildApp(deps);
  return { app, deps, clock, close: () => app.close() };
}

/** Password then the authenticator's code, through the pages; returns the code step's response. */
async function signInWithCode(app: Harness) {
  const web = new WebClient(app.app);
  const res = await web.submit('/sign-in', { email: s.adminA.email, password: PASSWORD });
  expect(res.headers.location).toMatch(/^\/sign-in\/code/);
  app.clock.advance(30_000);
  return web.submit('/sign-in/code', { code: currentTotp(s.adminA.totpSecret!, app.clock.now().getTime()) });
}

type SealedRow = { id: string; org_id: string; volunteer_id: string; certificate_number: string };

/** Every DBS number as recorded in the source, opened with the source's secret. */
async function sourceNumbers() {
  const rows = (await h.deps.db.execute(sql`SELECT id, org_id, volunteer_id, certificate_number FROM dbs_checks ORDER BY id`)) as unknown as {
    rows: SealedRow[];
  };
  const box = createSecretBox(SECRET);
  return rows.rows.map((r) => ({ ...r, number: box.open(r.certificate_number) }));
}

const adminOf = (orgId: string) => ({ type: 'user', id: s.adminA.userId, label: 'Ada', orgId, orgSlug: 'any', orgName: 'Any', role: 'admin' }) as const;

async function readsEveryNumber(app: Harness) {
  for (const c of await sourceNumbers()) {
    const shown = await app.deps.dbs.reveal(adminOf(c.org_id), c.volunteer_id, c.id);
    expect(shown.certificateNumber.replace(/\s/g, '')).toBe(c.number);
  }
}

async function withEmpty<T>(work: (db: Database) => Promise<T>): Promise<T> {
  const empty = await freshDatabase(testDbKind(), inject('dbTemplate'));
  try {
    return await work(empty);
  } finally {
    await empty.close();
  }
}

/** Rewrites the backup's lines into a new gzip, as someone editing the file would. */
function edited(name: string, edit: (lines: string[]) => string[]): string {
  const lines = gunzipSync(readFileSync(file)).toString('utf8').trim().split('\n');
  const out = join(dir, name);
  writeFileSync(out, gzipSync(`${edit(lines).join('\n')}\n`));
  return out;
}

describe('backups tied to the instance secret', () => {
  it('records every column sealed with the instance secret', () => {
    const sealers: string[] = [];
    const walk = (folder: string) => {
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith('.ts') && /\bbox\.seal\(/.test(readFileSync(path, 'utf8'))) sealers.push(relative(process.cwd(), path));
      }
    };
    walk(join(process.cwd(), 'src'));
    expect(sealers.filter((p) => p !== 'src/backup/sealed-columns.ts').sort()).toEqual([...new Set(SEALED_COLUMNS.map((c) => c.sealedBy))].sort());
  });

  it('refuses a backup edited inside a valid gzip, and restores nothing', async () => {
    const renamed = edited('renamed.parley.gz', (lines) => lines.map((l) => l.replace('Alpha Mediation (fictional)', 'Altered Mediation (fictional)')));
    expect(gunzipSync(readFileSync(renamed)).toString('utf8')).toContain('Altered Mediation');
    await withEmpty(async (empty) => {
      await expect(restoreBackup(empty.db, renamed, { secret: SECRET })).rejects.toThrow(/has been changed since it was made/);
      const noTrailerCheck = edited('forged.parley.gz', (lines) => [...lines.slice(0, -1), '{"hmac":"AAAA"}']);
      await expect(restoreBackup(empty.db, noTrailerCheck, { secret: SECRET })).rejects.toThrow(/has been changed since it was made/);
      expect(await snapshot(empty.db, 'organisations')).toEqual([]);
    });
  });

  it('refuses a restore under another secret, saying why and what to do', async () => {
    await withEmpty(async (empty) => {
      await expect(restoreBackup(empty.db, file, { secret: OTHER })).rejects.toThrow(/made with a different PARLEY_SECRET.*--old-secret-file/);
      const wrongOld = 'not-the-secret-this-backup-was-made-with-0123456789';
      await expect(restoreBackup(empty.db, file, { secret: OTHER, oldSecret: wrongOld })).rejects.toThrow(/not the one this backup was made with/);
      expect(await snapshot(empty.db, 'users')).toEqual([]);
    });
  });

  it('with the old secret given, re-encrypts: two-factor sign-in works and DBS numbers read back', async () => {
    await withEmpty(async (moved) => {
      const { resealed } = await restoreBackup(moved.db, file, { secret: OTHER, oldSecret: SECRET });
      expect(resealed?.['users.totp_secret']?.resealed).toBeGreaterThanOrEqual(3);
      expect(resealed?.['dbs_checks.certificate_number']?.resealed).toBe((await sourceNumbers()).length);
      const app = await appOn(moved, OTHER);
      try {
        const code = await signInWithCode(app);
        expect(code.statusCode).toBe(303);
        expect(code.headers.location).not.toMatch(/sign-in/);
        await readsEveryNumber(app);
      } finally {
        await app.close();
      }

      // Run with yet another secret and nothing re-encrypted: clear refusals, not a 500.
      const wrong = await appOn(moved, 'a-third-secret-nobody-re-encrypted-with-0123456789');
      try {
        const code = await signInWithCode(wrong);
        expect(code.statusCode).toBe(409);
        expect(code.body).toContain('because Parley’s secret key has changed since you set it up');
        const [c] = await sourceNumbers();
        await expect(wrong.deps.dbs.reveal(adminOf(c!.org_id), c!.volunteer_id, c!.id)).rejects.toMatchObject({
          status: 409,
          message: expect.stringMatching(/cannot be read: it was encrypted with a different secret key/),
        });
      } finally {
        await wrong.close();
      }

      // secret rotate: everything re-sealed from OTHER to a new secret reads back with it, and no longer with OTHER.
      const NEWER = 'the-rotated-secret-for-this-install-0123456789abcdef';
      const rotated = await moved.db.transaction((tx) => resealAll(tx as never, createSecretBox(OTHER), createSecretBox(NEWER)));
      expect(rotated['dbs_checks.certificate_number']?.resealed).toBe((await sourceNumbers()).length);
      const after = await appOn(moved, NEWER);
      try {
        expect((await signInWithCode(after)).statusCode).toBe(303);
        await readsEveryNumber(after);
      } finally {
        await after.close();
      }
      const [c] = await sourceNumbers();
      const old = await appOn(moved, OTHER);
      try {
        await expect(old.deps.dbs.reveal(adminOf(c!.org_id), c!.volunteer_id, c!.id)).rejects.toMatchObject({ status: 409 });
      } finally {
        await old.close();
      }
      // Rotating with a secret that opens nothing changes nothing.
      await expect(moved.db.transaction((tx) => resealAll(tx as never, createSecretBox(OTHER), createSecretBox(SECRET)))).rejects.toThrow(
        /Nothing was changed: .*two-factor keys/,
      );
    });
  });

  it('refuses a backup from before backups were signed, unless told; then checks it can read what is sealed', async () => {
    const unsigned = edited('v1.parley.gz', (lines) => {
      const header = JSON.parse(lines[0]!) as Record<string, unknown>;
      delete header.secretFingerprint;
      return [JSON.stringify({ ...header, version: 1 }), ...lines.slice(1, -1)];
    });
    await withEmpty(async (empty) => {
      await expect(restoreBackup(empty.db, unsigned, { secret: SECRET })).rejects.toThrow(/before backups carried an integrity check.*--allow-unsigned/);
      await expect(restoreBackup(empty.db, unsigned, { secret: OTHER, allowUnsigned: true })).rejects.toThrow(/cannot be opened with this instance/);
      expect(await snapshot(empty.db, 'organisations')).toEqual([]);
      const { warnings, counts } = await restoreBackup(empty.db, unsigned, { secret: SECRET, allowUnsigned: true });
      expect(warnings.join()).toMatch(/no integrity check/);
      expect(counts.users).toBeGreaterThan(0);
    });
  });
});
