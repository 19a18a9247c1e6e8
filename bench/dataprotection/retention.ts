// The retention job anonymising 10,000 due cases (issue 20): how long the run takes, and whether the service stays
// responsive meanwhile — the case list through the API (an API key, `app.inject` in the same process, as the
// embedded install runs its worker in the web process) timed one request after another before and during the run.
// A generated service (bench/cases/generate.ts: 3 parties and 10 timeline events per case, referrals, tasks) of
// 20,000 cases, of which the 10,000 oldest are made closed eight years ago (past every default retention period) and
// every other closed case last month, so exactly 10,000 are due.
import { availableParallelism, loadavg } from 'node:os';
import { buildApp } from '#src/app.ts';
import { systemActor } from '#src/access/actor.ts';
import { createPglite, type Database, openDatabase } from '#src/db/client.ts';
import { runMigrations } from '#src/db/migrate.ts';
import { RETENTION_BATCH, runRetention } from '#src/features/dataprotection/retention/anonymiser.ts';
import { systemClock } from '#src/lib/clock.ts';
import { benchDeps, generateService, runnerFor } from '../cases/generate.ts';
import { percentile } from '../load.ts';
import { adminStatement } from '../pg-admin.ts';
import { writeSection } from '../results-file.ts';

const CASES = 20_000;
const DUE = 10_000;
const BASELINE_REQUESTS = 100;
/** The issue asks for the figure; this is the bar the case list is held to elsewhere under load (bench/cases). */
const LIST_TARGET_MS = 500;

type Result = { backend: string; seconds: number; anonymised: number; baseline: number[]; during: number[]; leftDue: number; namesLeft: number };

async function measure(backend: string, database: Database): Promise<Result> {
  await runMigrations(database);
  const deps = benchDeps(database);
  const db = runnerFor(database);
  const app = await buildApp(deps);
  try {
    console.log(`  ${backend}: generating ${CASES.toLocaleString('en-GB')} cases…`);
    const service = await generateService(deps, db, {
      slug: 'retention',
      name: 'Retention Mediation (fictional)',
      prefix: 'RET',
      cases: CASES,
      years: 6,
      coordinators: 2,
    });
    const org = service.orgId;
    await db.query(`UPDATE cases SET closed_at = now() - interval '30 days' WHERE org_id = $1 AND closed_at IS NOT NULL`, [org]);
    await db.query(
      `UPDATE cases SET status = 'closed', outcome = coalesce(outcome, 'full_agreement'), closing_reason = coalesce(closing_reason, 'agreement_kept'),
              closed_at = now() - interval '8 years' - (random() * 300) * interval '1 day', status_changed_at = now() - interval '8 years'
        WHERE id IN (SELECT id FROM cases WHERE org_id = $1 ORDER BY opened_at, id LIMIT ${DUE})`,
      [org],
    );
    await db.query('ANALYZE');
    const key = (await deps.apiKeys.createForOrg(org, { name: 'bench', role: 'coordinator' }, systemActor('bench'))).key;
    const list = async () => {
      const t = performance.now();
      const res = await app.inject({ method: 'GET', url: '/api/v1/cases', headers: { authorization: `Bearer ${key}` } });
      if (res.statusCode !== 200) throw new Error(`the case list answered ${res.statusCode}`);
      return performance.now() - t;
    };
    for (let i = 0; i < 10; i++) await list(); // warm up
    const baseline: number[] = [];
    for (let i = 0; i < BASELINE_REQUESTS; i++) baseline.push(await list());

    console.log(`  ${backend}: running retention over ${DUE.toLocaleString('en-GB')} due cases…`);
    const during: number[] = [];
    let running = true;
    const started = performance.now();
    const run = runRetention({ db: database.backgroundDb, clock: systemClock, audit: deps.audit }, org, systemActor('bench retention')).finally(() => {
      running = false;
    });
    const poll = (async () => {
      while (running) during.push(await list());
    })();
    const result = await run;
    const seconds = (performance.now() - started) / 1000;
    await poll;
    const [left] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM cases WHERE org_id = $1 AND closed_at < now() - interval '7 years' AND anonymised_at IS NULL`,
      [org],
    );
    const [names] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM parties p JOIN cases c ON c.id = p.case_id WHERE c.org_id = $1 AND c.anonymised_at IS NOT NULL AND p.name <> 'Anonymised'`,
      [org],
    );
    return {
      backend,
      seconds,
      anonymised: result.reduce((s, r) => s + r.anonymised, 0),
      baseline: baseline.sort((a, b) => a - b),
      during: during.sort((a, b) => a - b),
      leftDue: left?.n ?? -1,
      namesLeft: names?.n ?? -1,
    };
  } finally {
    await app.close();
  }
}

const fmt = (n: number) => `${n.toFixed(1)} ms`;

export async function runRetentionBench(): Promise<number> {
  const startedAt = new Date();
  const loadAtStart = loadavg();
  const results: Result[] = [];
  const pglite = await openDatabase({ pglite: await createPglite() });
  try {
    results.push(await measure('PGlite', pglite));
  } finally {
    await pglite.close();
  }
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `parley_bench_retention_${process.pid}`;
    await adminStatement(url, `CREATE DATABASE ${name}`);
    const target = new URL(url);
    target.pathname = `/${name}`;
    const postgres = await openDatabase({ databaseUrl: target.toString(), poolSize: 4 });
    try {
      results.push(await measure('PostgreSQL', postgres));
    } finally {
      await postgres.close();
      await adminStatement(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  }
  for (const r of results)
    console.log(
      `  ${r.backend}: ${r.anonymised} anonymised in ${r.seconds.toFixed(1)} s; case list p95 ${fmt(percentile(r.during, 95))} during (${fmt(percentile(r.baseline, 95))} before)`,
    );
  const ok = results.every((r) => r.anonymised === DUE && r.leftDue === 0 && r.namesLeft === 0 && percentile(r.during, 95) <= LIST_TARGET_MS);
  writeSection('retention', [
    '## Data protection: the retention job',
    '',
    `Run ${startedAt.toISOString()} by \`node bench/run.ts retention\` — nproc ${availableParallelism()}, Node ${process.version}, load average ${loadAtStart.map((n) => n.toFixed(2)).join(' ')} at the start.`,
    '',
    `A generated service of ${CASES.toLocaleString('en-GB')} cases (3 parties, 10 timeline events each, referrals and tasks); the ${DUE.toLocaleString('en-GB')} oldest closed eight years ago, so past every default retention period, and no other case due. The job (\`runRetention\`, batches of ${RETENTION_BATCH} cases, each its own transaction with its destruction-log line and audit record) runs in the same process as the app, on the worker's database, as the worker does (on the embedded database its work waits while the list's does: db/turns.ts). Meanwhile the case list (\`GET /api/v1/cases\`, a coordinator's API key, \`app.inject\`) is asked for again as soon as each answer comes; "before" is ${BASELINE_REQUESTS} such requests with nothing else running.`,
    '',
    '| Database | Cases anonymised | Time | Per 1,000 cases | Case list p50 / p95 before | Case list p50 / p95 / max during | Requests during | Left due / names left | Target (p95 during) | Result |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...results.map(
      (r) =>
        `| ${r.backend} | ${r.anonymised.toLocaleString('en-GB')} | ${r.seconds.toFixed(1)} s | ${((r.seconds / r.anonymised) * 1000).toFixed(2)} s | ${fmt(percentile(r.baseline, 50))} / ${fmt(percentile(r.baseline, 95))} | ${fmt(percentile(r.during, 50))} / ${fmt(percentile(r.during, 95))} / ${fmt(r.during.at(-1) ?? 0)} | ${r.during.length} | ${r.leftDue} / ${r.namesLeft} | ≤ ${LIST_TARGET_MS} ms | ${r.anonymised === DUE && r.leftDue === 0 && r.namesLeft === 0 && percentile(r.during, 95) <= LIST_TARGET_MS ? 'PASS' : '**MISS**'} |`,
    ),
    ...(url ? [] : ['', '- PostgreSQL skipped: DATABASE_URL is not set.']),
  ]);
  return ok ? 0 : 1;
}
export const cleanUpRetentionBench = async () => {};
