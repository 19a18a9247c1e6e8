// The pages benchmark (`node bench/run.ts pages`): what one signed-in page costs the app, in process, on the embedded
// database with the demo service loaded (`npx parley demo`'s data). For each role's home and the staff pages of the
// foundation mix: the statements it runs (counted with Drizzle's documented logger) and the CPU time of one request
// (the process's user and system time over BENCH_PAGE_RUNS requests one after another, default 200). At 50 requests
// at once on one process, each request waits for the CPU time of those ahead of it, so the home's p95 target of
// 100 ms (issue 13) needs about 2 ms of CPU a request. BENCH_PAGE_SHOW=1 prints each statement's first words.
import { loadavg } from 'node:os';
import { buildApp } from '#src/app.ts';
import { createPglite, openDatabase } from '#src/db/client.ts';
import { runMigrations } from '#src/db/migrate.ts';
import { createServices } from '#src/deps.ts';
import { loadDemo } from '#src/demo/load-demo.ts';
import { createLogger } from '#src/lib/logger.ts';
import type { Config } from '#src/config.ts';
import { systemClock } from '#src/lib/clock.ts';
import { WebClient } from '../test/support/web-client.ts';
import { writeSection } from './results-file.ts';

const RUNS = Number(process.env.BENCH_PAGE_RUNS ?? 200);
const PAGES = ['/home', '/cases', '/referrals', '/volunteers', '/calendar', '/people', '/settings', '/email', '/audit'];
const ROLES = ['admin', 'coordinator', 'supervisor', 'mediator'] as const;

const config: Config = {
  port: 0,
  host: '127.0.0.1',
  dataDir: '/nonexistent',
  databaseUrl: undefined,
  baseUrl: 'http://localhost:3000',
  secret: 'bench-secret-that-is-long-enough-for-parley-0123456789',
  logLevel: 'silent',
  runWorker: false,
  idleMinutes: 600,
  sessionHours: 12,
  secureCookies: false,
  trustProxy: false,
  passwordHashCost: 12,
};

type Row = { role: string; page: string; statements: number; cpuMs: number; wallMs: number };

export async function runPages(): Promise<number> {
  if (!Number.isInteger(RUNS) || RUNS < 10 || RUNS > 10_000) throw new Error('BENCH_PAGE_RUNS must be a whole number from 10 to 10000');
  const load = loadavg()[0]!.toFixed(2);
  let counting = false;
  let statements = 0;
  const database = await openDatabase({
    pglite: await createPglite(),
    logQuery: (query) => {
      if (!counting) return;
      statements++;
      if (process.env.BENCH_PAGE_SHOW) console.log(`    ${query.replace(/\s+/g, ' ').slice(0, 140)}`);
    },
  });
  await runMigrations(database);
  const deps = createServices(config, database, systemClock, createLogger('silent'));
  const app = await buildApp(deps);
  const { accounts } = await loadDemo(deps);
  const rows: Row[] = [];
  try {
    for (const role of ROLES) {
      const account = accounts.find((a) => a.role === role);
      if (!account) throw new Error(`the demo has no ${role}`);
      const web = new WebClient(app);
      const signedIn = await web.submit('/sign-in', { email: account.email, password: account.password });
      if (signedIn.statusCode !== 303) throw new Error(`the demo ${role} could not sign in (${signedIn.statusCode})`);
      for (const page of role === 'admin' ? PAGES : ['/home']) {
        for (let i = 0; i < 10; i++) await web.get(page); // warm: templates compiled, statements prepared
        statements = 0;
        counting = true;
        const one = await web.get(page);
        counting = false;
        if (one.statusCode !== 200) throw new Error(`${role} ${page}: ${one.statusCode}`);
        const cpu0 = process.cpuUsage();
        const t0 = performance.now();
        for (let i = 0; i < RUNS; i++) await web.get(page);
        const cpu = process.cpuUsage(cpu0);
        rows.push({ role, page, statements, cpuMs: (cpu.user + cpu.system) / 1000 / RUNS, wallMs: (performance.now() - t0) / RUNS });
        console.log(`  ${role} ${page}: ${statements} statements, ${rows.at(-1)!.cpuMs.toFixed(2)} ms CPU a request`);
      }
    }
  } finally {
    await app.close();
    await database.close();
  }
  writeSection('pages', [
    '## What a signed-in page costs (issue 13)',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)}, load average ${load} at the start: \`node bench/run.ts pages\` (in process, the embedded database in memory on its fast path, the demo service loaded; ${RUNS} requests one after another per row).`,
    '',
    '| Who | Page | Statements | CPU a request | Time a request |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.role} | ${r.page} | ${r.statements} | ${r.cpuMs.toFixed(2)} ms | ${r.wallMs.toFixed(2)} ms |`),
    '',
    '- Statements: what Drizzle runs for the page, the session lookup included; the transaction’s BEGIN and COMMIT are not counted.',
    '- CPU a request: the process’s user and system time (the app and the embedded database share the one process) divided by the requests. At 50 requests at once each waits for those ahead of it, so a p95 of 100 ms needs about 2 ms.',
    '',
  ]);
  return 0;
}
