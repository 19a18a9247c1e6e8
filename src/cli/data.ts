// parley migrate | audit verify | backup FILE | restore FILE | secret rotate | worker
import { existsSync, readFileSync } from 'node:fs';
import { asSystem } from '#src/db/tenant.ts';
import { organisations } from '#src/db/schema/organisations.ts';
import { verifyAudit } from '#src/features/audit/audit-verify.ts';
import { systemActor } from '#src/access/actor.ts';
import { writeBackup, restoreBackup } from '#src/backup/backup.ts';
import { reencryptFields } from '#src/backup/encrypted-fields.ts';
import { keyringFrom } from '#src/lib/field-crypto.ts';
import { resealAll, type ResealCounts, SEALED_COLUMNS } from '#src/backup/sealed-columns.ts';
import { createSecretBox } from '#src/lib/tokens.ts';
import { orgBySlug, openCli, UsageError, withCli } from './context.ts';

type Flags = Record<string, string | boolean | undefined>;

export async function migrate() {
  await withCli(async (deps) => console.log(`Database is up to date (${deps.database.kind}).`));
}

/** Exit code 0 when every chain is intact; 1 naming the first broken row otherwise. */
export async function auditVerify(flags: Flags): Promise<number> {
  return withCli(async (deps) => {
    const only = flags.org ? (await orgBySlug(deps, flags.org as string)).id : undefined;
    const slugs = new Map(
      (await asSystem(deps.db, (tx) => tx.select({ id: organisations.id, slug: organisations.slug }).from(organisations))).map((o) => [o.id, o.slug]),
    );
    const reports = await verifyAudit(deps.db, only);
    let broken = 0;
    for (const r of reports) {
      const label = slugs.get(r.chain) ?? r.chain;
      if (r.ok) console.log(`ok      ${label}: ${r.rows} entries, chain intact`);
      else {
        broken++;
        console.log(`BROKEN  ${label}: ${r.problem}`);
      }
    }
    if (reports.length === 0) console.log('No audit entries yet.');
    console.log(broken ? `Audit trail check failed: ${broken} chain(s) broken.` : 'Audit trail intact.');
    return broken ? 1 : 0;
  });
}

export async function backup(file: string | undefined) {
  if (!file) throw new UsageError('Say where to write the backup: npx parley backup FILE');
  await withCli(async (deps) => {
    const counts = await writeBackup(deps.db, file, deps.config.secret);
    await asSystem(deps.db, (tx) => deps.audit.record(tx, systemActor('parley backup'), null, { action: 'instance.backup_created', detail: { counts } }));
    console.log(
      `Backup written to ${file}: ${Object.entries(counts)
        .map(([t, n]) => `${t} ${n}`)
        .join(', ')}`,
    );
  });
}

/**
 * The old secret comes from a file (--old-secret-file), never from the command line: a command's arguments are
 * visible to every user of the machine (ps, /proc) and are kept in shell history. The file may be the old data
 * directory's own `secret` file.
 */
function oldSecretOf(flags: Flags): string | undefined {
  const path = flags['old-secret-file'];
  if (path === undefined) return undefined;
  if (typeof path !== 'string' || !path) throw new UsageError('Name the file that holds the old secret: --old-secret-file FILE');
  if (!existsSync(path)) throw new UsageError(`There is no file ${path}`);
  const secret = readFileSync(path, 'utf8').trim();
  if (!secret) throw new UsageError(`${path} is empty: it should hold the old PARLEY_SECRET`);
  return secret;
}

const describeResealed = (counts: ResealCounts) =>
  SEALED_COLUMNS.map(({ table, column, what }) => `${what} ${counts[`${table}.${column}`]?.resealed ?? 0}`).join(', ');

export async function restore(file: string | undefined, flags: Flags = {}) {
  if (!file) throw new UsageError('Name the backup to restore: npx parley restore FILE');
  if (!existsSync(file)) throw new UsageError(`There is no file ${file}`);
  const oldSecret = oldSecretOf(flags);
  await withCli(async (deps) => {
    const { counts, resealed, warnings } = await restoreBackup(deps.db, file, {
      secret: deps.config.secret,
      oldSecret,
      allowUnsigned: flags['allow-unsigned'] === true,
    });
    await asSystem(deps.db, (tx) =>
      deps.audit.record(tx, systemActor('parley restore'), null, { action: 'instance.restored', detail: { counts, ...(resealed ? { resealed } : {}) } }),
    );
    const where = deps.database.kind === 'postgres' ? 'PostgreSQL' : `the embedded database in ${deps.config.dataDir}`;
    for (const w of warnings) console.warn(`Warning: ${w}`);
    console.log(
      `Restored into ${where}: ${Object.entries(counts)
        .map(([t, n]) => `${t} ${n}`)
        .join(', ')}`,
    );
    if (oldSecret !== undefined && resealed) console.log(`Re-encrypted with this instance’s secret: ${describeResealed(resealed)}.`);
  });
}

/** Re-seals every encrypted value from the old secret to the current one, in one transaction. */
export async function secretRotate(flags: Flags) {
  const oldSecret = oldSecretOf(flags);
  if (oldSecret === undefined)
    throw new UsageError(
      'Set the new PARLEY_SECRET (or the data directory’s secret file) first, then name a file holding the old one: npx parley secret rotate --old-secret-file FILE',
    );
  await withCli(async (deps) => {
    if (oldSecret === deps.config.secret) throw new UsageError('The old secret is the same as the current one: set the new PARLEY_SECRET first.');
    const counts = await asSystem(deps.db, async (tx) => {
      const c = await resealAll(tx, createSecretBox(oldSecret), createSecretBox(deps.config.secret));
      const fields = await reencryptFields(tx, keyringFrom(deps.config.secret, [oldSecret]));
      await deps.audit.record(tx, systemActor('parley secret rotate'), null, { action: 'instance.secret_rotated', detail: { counts: c, fields } });
      return { c, fields };
    });
    console.log(`Re-encrypted with the current secret: ${describeResealed(counts.c)}.`);
    console.log(
      `Encrypted fields moved to the new key: ${Object.entries(counts.fields)
        .map(([f, n]) => `${f} ${n}`)
        .join(', ')}.`,
    );
    console.log('Start every Parley process with the new secret. Everyone signs in again (sessions were signed with the old one).');
  });
}

export async function worker() {
  const deps = await openCli();
  if (deps.database.kind !== 'postgres') {
    await deps.database.close();
    throw new UsageError('A separate worker needs PostgreSQL (set DATABASE_URL). With the embedded database, `npm start` runs the worker in the same process.');
  }
  deps.worker.start();
  console.log('Parley worker is running. Stop it with Ctrl+C; jobs in hand are finished first.');
  const stop = async () => {
    await deps.worker.stop();
    await deps.database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}
