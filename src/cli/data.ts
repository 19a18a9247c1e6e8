// parley migrate | audit verify | backup FILE | restore FILE | worker
import { existsSync } from 'node:fs';
import { asSystem } from '#src/db/tenant.ts';
import { organisations } from '#src/db/schema/organisations.ts';
import { verifyAudit } from '#src/features/audit/audit-verify.ts';
import { systemActor } from '#src/features/auth/actor.ts';
import { writeBackup, restoreBackup } from '#src/backup/backup.ts';
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
    const counts = await writeBackup(deps.db, file);
    await asSystem(deps.db, (tx) => deps.audit.record(tx, systemActor('parley backup'), null, { action: 'instance.backup_created', detail: { counts } }));
    console.log(
      `Backup written to ${file}: ${Object.entries(counts)
        .map(([t, n]) => `${t} ${n}`)
        .join(', ')}`,
    );
  });
}

export async function restore(file: string | undefined) {
  if (!file) throw new UsageError('Name the backup to restore: npx parley restore FILE');
  if (!existsSync(file)) throw new UsageError(`There is no file ${file}`);
  await withCli(async (deps) => {
    const counts = await restoreBackup(deps.db, file);
    await asSystem(deps.db, (tx) => deps.audit.record(tx, systemActor('parley restore'), null, { action: 'instance.restored', detail: { counts } }));
    const where = deps.database.kind === 'postgres' ? 'PostgreSQL' : `the embedded database in ${deps.config.dataDir}`;
    console.log(
      `Restored into ${where}: ${Object.entries(counts)
        .map(([t, n]) => `${t} ${n}`)
        .join(', ')}`,
    );
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
