// Read config → open db → migrate → start web + worker. Stops gracefully on SIGINT/SIGTERM. Started by main.js (npm start) or `parley serve`.
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { DataDirLockedError } from './db/data-dir-lock.ts';
import { createDeps } from './deps.ts';

export async function serve() {
  const config = loadConfig();
  const deps = await createDeps(config);
  const app = await buildApp(deps);
  await app.listen({ port: config.port, host: config.host });
  if (config.runWorker) deps.worker.start();
  const setupToken = await deps.orgs.issueSetupToken();
  const where = config.databaseUrl ? 'PostgreSQL' : `the embedded database in ${config.dataDir}`;
  console.log(`Parley is running at ${config.baseUrl} (on ${where}, ready in ${Math.round(process.uptime() * 1000)} ms)`);
  if (setupToken) console.log(`No service exists yet. Set one up with this one-time link:\n  ${config.baseUrl}/setup?token=${setupToken}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    deps.log.info({ signal }, 'stopping');
    await app.close(); // finishes in-flight requests
    await deps.worker.stop(); // finishes in-flight jobs
    await deps.database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

export function explainStartupError(err: unknown): never {
  if (err instanceof ConfigError || err instanceof DataDirLockedError) console.error(err.message);
  else console.error('Parley could not start:', err instanceof Error ? err.message : err);
  process.exit(1);
}
