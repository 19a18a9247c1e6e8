// The `parley` command as a person runs it: a real process on an embedded data directory.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const dataDir = mkdtempSync(join(tmpdir(), 'parley-cli-'));
const env = { ...process.env, PARLEY_DATA_DIR: dataDir, DATABASE_URL: '', PARLEY_LOG_LEVEL: 'silent' };
delete (env as Record<string, string | undefined>).DATABASE_URL;

async function parley(args: string[], input?: string, inDataDir = dataDir) {
  const child = run(process.execPath, ['bin/parley.js', ...args], { env: { ...env, PARLEY_DATA_DIR: inDataDir }, timeout: 60_000 });
  if (input !== undefined) {
    child.child.stdin!.end(input);
  }
  try {
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; signal?: string; stdout: string; stderr: string };
    // A failure the test did not expect then explains itself in the test's output.
    console.error(`parley ${args[0]} ended with ${e.code ?? e.signal}:\n${e.stderr}`);
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Expects the command to have succeeded; if it did not, the failure's own summary quotes what it printed. */
function expectSuccess(res: { code: number; stderr: string }) {
  expect(res.code, `the command ended with ${res.code}: ${res.stderr.trim()}`).toBe(0);
}

async function tamper(statement: string) {
  const db = await PGlite.create(join(dataDir, 'pglite'));
  try {
    await db.exec(statement);
  } finally {
    await db.close();
  }
}

const movedTo = mkdtempSync(join(tmpdir(), 'parley-cli-moved-'));
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(movedTo, { recursive: true, force: true });
});

describe('parley CLI', { timeout: 120_000 }, () => {
  // Each step starts a Parley process of its own (Node, the embedded database, migrations): give a busy machine time.
  it('creates a service, a person with a password from stdin, an invitation and an API key', async () => {
    expect((await parley(['org', 'create', '--slug', 'cli-test', '--name', 'CLI Test Mediation (fictional)'])).stdout).toContain('Created service');
    const withPassword = await parley(
      ['user', 'create', '--org', 'cli-test', '--email', 'pat@example.org', '--name', 'Pat Example', '--role', 'admin', '--password-stdin'],
      'plum tractor evening glass\n',
    );
    expect(withPassword.stdout).toContain('Pat Example <pat@example.org> is now admin');
    const invited = await parley(['user', 'create', '--org', 'cli-test', '--email', 'kim@example.org', '--name', 'Kim Example', '--role', 'mediator']);
    expect(invited.stdout).toMatch(/\/invitations\/[A-Za-z0-9_-]{40,}/);
    const key = await parley(['apikey', 'create', '--org', 'cli-test', '--name', 'Website', '--role', 'viewer']);
    expect(key.stdout.trim().split('\n').at(-1)).toMatch(/^pk_[a-z0-9]{8}_[A-Za-z0-9_-]{43}$/);
  });

  it('makes a person an instance operator and takes it back, on the platform audit chain', async () => {
    const granted = await parley(['operator', 'grant', 'pat@example.org']);
    expect(granted.stdout).toContain('Pat Example <pat@example.org> is now an instance operator');
    expect((await parley(['operator', 'list'])).stdout).toContain('Pat Example <pat@example.org>');
    expect((await parley(['operator', 'revoke', 'pat@example.org'])).stdout).toContain('is no longer an instance operator');
    const nobody = await parley(['operator', 'grant', 'nobody@example.org']);
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toContain('No account has the email address nobody@example.org');
    expect((await parley(['operator', 'grant'])).code).toBe(2);
    const db = await PGlite.create(join(dataDir, 'pglite'));
    try {
      const { rows } = await db.query<{ action: string }>("SELECT action FROM audit_events WHERE org_id IS NULL AND action LIKE 'operator.%' ORDER BY seq");
      expect(rows.map((r) => r.action)).toEqual(['operator.granted', 'operator.revoked']);
    } finally {
      await db.close();
    }
  });

  it('explains bad input and exits non-zero', async () => {
    const weak = await parley(
      ['user', 'create', '--org', 'cli-test', '--email', 'lee@example.org', '--name', 'Lee', '--role', 'admin', '--password-stdin'],
      'password123\n',
    );
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/too easy to guess|at least 10/);
    const badRole = await parley(['apikey', 'create', '--org', 'cli-test', '--name', 'x', '--role', 'king']);
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain('--role must be one of');
    expect((await parley(['user', 'create', '--org', 'nope', '--email', 'a@b.example', '--name', 'A', '--role', 'viewer'])).stderr).toContain(
      'No service has the short name "nope"',
    );
  });

  it('user reset-password emails a single-use link and prints it; an unknown address is refused', async () => {
    const res = await parley(['user', 'reset-password', '--email', 'pat@example.org']);
    expectSuccess(res);
    expect(res.stdout).toContain('A link to set a new password has been emailed to pat@example.org');
    const token = /\/reset-password\/([A-Za-z0-9_-]{40,})/.exec(res.stdout)?.[1];
    expect(token).toBeDefined();
    const db = await PGlite.create(join(dataDir, 'pglite'));
    try {
      const { rows } = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM password_resets r JOIN users u ON u.id = r.user_id WHERE u.email = 'pat@example.org' AND r.used_at IS NULL AND r.expires_at > now()`,
      );
      expect(rows[0]?.n).toBe(1);
      const mail = await db.query<{ text_body: string }>(
        `SELECT text_body FROM email_outbox WHERE template = 'password_reset' AND to_address = 'pat@example.org'`,
      );
      expect(mail.rows[0]?.text_body).toContain(`/reset-password/${token}`);
    } finally {
      await db.close();
    }
    const unknown = await parley(['user', 'reset-password', '--email', 'nobody@example.org']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No account has the email address nobody@example.org');
  });

  it('audit verify exits 0 when intact, and 1 naming the row when one was altered or removed', async () => {
    const ok = await parley(['audit', 'verify']);
    expectSuccess(ok);
    expect(ok.stdout).toContain('Audit trail intact.');

    await tamper(`UPDATE audit_events SET actor_label = 'someone else' WHERE seq = 2 AND org_id IS NOT NULL`);
    const altered = await parley(['audit', 'verify', '--org', 'cli-test']);
    expect(altered.code).toBe(1);
    expect(altered.stdout).toMatch(/BROKEN {2}cli-test: row 2 \(id \d+\) does not match its hash/);

    await tamper(`UPDATE audit_events SET actor_label = NULL WHERE seq = 2 AND org_id IS NOT NULL`);
    await tamper(`DELETE FROM audit_events WHERE seq = 3 AND org_id IS NOT NULL`);
    const removed = await parley(['audit', 'verify']);
    expect(removed.code).toBe(1);
    expect(removed.stdout).toMatch(/row [23]/);
  });

  it('refuses to open a data directory another process is using, with a clear message', async () => {
    const { acquireDataDirLock } = await import('#src/db/data-dir-lock.ts');
    const { spawn } = await import('node:child_process');
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dataDir, 'parley.lock'), String(holder.pid));
    try {
      const res = await parley(['audit', 'verify']);
      expect(res.code).toBe(1);
      expect(res.stderr).toContain(`Another Parley process (pid ${holder.pid}) is using the data directory`);
    } finally {
      holder.kill();
      await new Promise((resolve) => holder.once('exit', resolve));
    }
    // A lock left by a process that has gone is taken over.
    const release = acquireDataDirLock(dataDir);
    release();
  });

  it('moves an install by backup and restore with another secret only when given the old one, and rotates the secret', async () => {
    expectSuccess(await parley(['demo'])); // DBS certificate numbers, sealed with this data directory's secret
    const file = join(movedTo, 'moved.parley.gz');
    expectSuccess(await parley(['backup', file]));
    const target = join(movedTo, 'data');

    const edited = join(movedTo, 'edited.parley.gz');
    writeFileSync(edited, gzipSync(gunzipSync(readFileSync(file)).toString('utf8').replace('Riverside Community Mediation', 'Rivershire Community Mediation')));
    const refusedEdit = await parley(['restore', edited, '--old-secret-file', join(dataDir, 'secret')], undefined, target);
    expect(refusedEdit.code).toBe(1);
    expect(refusedEdit.stderr).toContain('The backup has been changed since it was made');

    const refused = await parley(['restore', file], undefined, target); // a new data directory: a new generated secret
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('This backup was made with a different PARLEY_SECRET');
    const moved = await parley(['restore', file, '--old-secret-file', join(dataDir, 'secret')], undefined, target);
    expect(moved.stderr).toBe('');
    expect(moved.stdout).toMatch(/Re-encrypted with this instance’s secret: two-factor keys \d+, DBS certificate numbers [1-9]\d*\./);

    const old = join(movedTo, 'old-secret');
    copyFileSync(join(target, 'secret'), old);
    writeFileSync(join(target, 'secret'), 'a-new-secret-for-the-moved-install-0123456789\n');
    const rotated = await parley(['secret', 'rotate', '--old-secret-file', old], undefined, target);
    expect(rotated.stdout).toMatch(/Re-encrypted with the current secret: two-factor keys \d+, DBS certificate numbers [1-9]\d*\./);
    // The demo's safeguarding disclosures and RJ assessments move to the new key too; the second run moves nothing.
    expect(rotated.stdout).toMatch(/safeguarding_records\.disclosed [1-9]\d*, .*rj_risk_assessments\.areas [1-9]\d*\./);
    const again = (await parley(['secret', 'rotate', '--old-secret-file', old], undefined, target)).stdout;
    expect(again).toContain('DBS certificate numbers 0.');
    expect(again).toMatch(/safeguarding_records\.disclosed 0, .*rj_risk_assessments\.areas 0\./);
    expect((await parley(['secret', 'rotate'], undefined, target)).code).toBe(2);
  }, 300_000);
});
