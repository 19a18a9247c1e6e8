// What every CLI command opens: the configuration, the database (migrated) and the services.
import { msg } from '#src/i18n/i18n.ts';
import { loadConfig } from '#src/config.ts';
import { createDeps, type Deps } from '#src/deps.ts';
import { createLogger } from '#src/lib/logger.ts';
import { AppError } from '#src/lib/app-error.ts';
import { findOrgBySlug } from '#src/features/orgs/org-records.ts';
import { asSystem } from '#src/db/tenant.ts';

export class UsageError extends Error {}

export async function openCli(): Promise<Deps> {
  const config = loadConfig();
  return createDeps({ ...config, logLevel: 'warn' }, { log: createLogger('warn') });
}

export async function withCli<T>(work: (deps: Deps) => Promise<T>): Promise<T> {
  const deps = await openCli();
  try {
    return await work(deps);
  } finally {
    await deps.database.close();
  }
}

export async function orgBySlug(deps: Deps, slug: string | undefined) {
  if (!slug) throw new UsageError('Name the service with --org SHORT-NAME');
  const org = await asSystem(deps.db, (tx) => findOrgBySlug(tx, slug));
  if (!org) throw new AppError('NOT_FOUND', msg('No service has the short name "{slug}"'), { params: { slug } });
  return org;
}

export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}
