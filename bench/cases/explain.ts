// EXPLAIN (ANALYZE, BUFFERS) of the case list's queries exactly as the app sends them: searchCases runs once through a
// recording Drizzle driver inside inOrg (so the SQL and parameters are the app's own), then the captured statement
// is explained under the app's role with row-level security in effect (SET ROLE parley_app, parley.org_id set).
// On PGlite a statement marked GENERIC_PLAN is explained as the app runs it: prepared, on its generic plan.
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { Db } from '#src/db/client.ts';
import { loadNodePgDriver, loadPgliteDriver } from '#src/db/orm.ts';
import * as schema from '#src/db/schema/index.ts';
import { wantsGenericPlan } from '#src/db/statements.ts';
import { inOrg } from '#src/db/tenant.ts';
import { searchCases } from '#src/features/cases/cases.repo.ts';
import { interpretSearch, PAGE_SIZE } from '#src/features/cases/cases.service.ts';

export type ListQuery = { id: string; label: string; path: string; status?: string; type?: string; q?: string };
export type Plan = { id: string; label: string; sql: string; params: unknown[]; text: string; executionMs: number[]; planningMs: number[]; generic: boolean };

type Captured = { sql: string; params: unknown[] };
type Explainer = {
  kind: 'pglite' | 'postgres';
  db: Db;
  captured: Captured[];
  /** Runs statements on the one connection the plans are taken on. */
  query(text: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
};

function recordingLogger(captured: Captured[]) {
  return { logQuery: (sql: string, params: unknown[]) => void captured.push({ sql, params }) };
}

async function postgresExplainer(url: string): Promise<Explainer> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  const captured: Captured[] = [];
  const db = loadNodePgDriver().drizzle(client, { schema, logger: recordingLogger(captured) }) as unknown as Db;
  return { kind: 'postgres', db, captured, query: async (text, params) => (await client.query(text, params)).rows, close: () => client.end() };
}

function pgliteExplainer(lite: PGlite): Explainer {
  const captured: Captured[] = [];
  const db = loadPgliteDriver().drizzle(lite, { schema, logger: recordingLogger(captured) }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    captured,
    query: async (text, params) => (await lite.query<Record<string, unknown>>(text, params)).rows,
    close: async () => {},
  };
}

/** The filter CaseService.list builds for a coordinator's GET /api/v1/cases?… (first page, newest first). */
function filterFor(orgId: string, q: ListQuery) {
  return {
    orgId,
    status: q.status ? [q.status] : undefined,
    caseType: q.type,
    overdueTasks: false,
    search: q.q ? interpretSearch(q.q) : undefined,
    today: new Date().toISOString().slice(0, 10),
    sort: 'opened_desc' as const,
    limit: PAGE_SIZE,
    offset: 0,
  };
}

/** A parameter written into EXECUTE's argument list (EXECUTE takes no bind parameters); the values are the bench's own. */
const literal = (v: unknown) => (v === null || v === undefined ? 'NULL' : typeof v === 'number' ? String(v) : `'${String(v).replaceAll("'", "''")}'`);

/** EXPLAIN's text for one run: of the statement with its parameters, or, generic, of EXECUTE on its generic plan. */
async function explainOnce(ex: Explainer, statement: Captured, generic: boolean): Promise<string> {
  const rows = generic
    ? await ex.query(`EXPLAIN (ANALYZE, BUFFERS) EXECUTE bench_plan(${statement.params.map(literal).join(', ')})`)
    : await ex.query(`EXPLAIN (ANALYZE, BUFFERS) ${statement.sql}`, statement.params);
  return rows.map((r) => String(Object.values(r)[0])).join('\n');
}

const ms = (text: string, what: string) => Number(text.match(new RegExp(`${what} Time: ([\\d.]+) ms`))?.[1] ?? Number.NaN);

async function explainAll(ex: Explainer, orgId: string, queries: ListQuery[], runs: number): Promise<Plan[]> {
  const plans: Plan[] = [];
  for (const q of queries) {
    ex.captured.length = 0;
    await inOrg(ex.db, orgId, (tx) => searchCases(tx, filterFor(orgId, q)));
    const statement = ex.captured.find((c) => /from "cases"/i.test(c.sql));
    if (!statement) throw new Error(`searchCases sent no query on cases for ${q.label}`);
    const executionMs: number[] = [];
    const planningMs: number[] = [];
    let text = '';
    const generic = ex.kind === 'pglite' && wantsGenericPlan(statement.sql);
    await ex.query('SET ROLE parley_app');
    try {
      await ex.query(`SELECT set_config('parley.org_id', $1, false)`, [orgId]);
      if (generic) {
        await ex.query(`PREPARE bench_plan AS ${statement.sql}`);
        await ex.query('SET plan_cache_mode = force_generic_plan');
      }
      for (let run = 0; run < runs; run++) {
        text = await explainOnce(ex, statement, generic);
        executionMs.push(ms(text, 'Execution'));
        planningMs.push(ms(text, 'Planning'));
      }
    } finally {
      if (generic) {
        await ex.query('DEALLOCATE bench_plan');
        await ex.query('RESET plan_cache_mode');
      }
      await ex.query('RESET ROLE');
      await ex.query(`SELECT set_config('parley.org_id', '', false)`);
    }
    plans.push({ id: q.id, label: q.label, sql: statement.sql, params: statement.params, text, executionMs, planningMs, generic });
  }
  return plans;
}

/** Plans on PostgreSQL (its own connection to the database at `url`), the last of `runs` runs of each. */
export async function explainOnPostgres(url: string, orgId: string, queries: ListQuery[], runs = 3): Promise<Plan[]> {
  const ex = await postgresExplainer(url);
  try {
    return await explainAll(ex, orgId, queries, runs);
  } finally {
    await ex.close();
  }
}

/** Plans on an open PGlite database (before the server takes the data directory). */
export function explainOnPglite(lite: PGlite, orgId: string, queries: ListQuery[], runs = 3): Promise<Plan[]> {
  return explainAll(pgliteExplainer(lite), orgId, queries, runs);
}

/** A plan file: what was asked, the exact SQL and parameters, the timings of every run and the last plan. */
export function planFile(p: Plan, where: string, rows: string): string {
  return [
    `-- ${p.label} on ${where}`,
    `-- ${rows}`,
    `-- Run as SET ROLE parley_app; SELECT set_config('parley.org_id', <org id>, false) so row-level security applies, as in the app.`,
    ...(p.generic ? ['-- Planned once, as the app runs it on PGlite: PREPARE, then EXPLAIN EXECUTE on its generic plan (so no planning time per run).'] : []),
    `-- Execution times of ${p.executionMs.length} runs (ms): ${p.executionMs.map((n) => n.toFixed(2)).join(', ')}; planning (ms): ${p.planningMs.map((n) => n.toFixed(2)).join(', ')}`,
    `-- Parameters: ${JSON.stringify(p.params)}`,
    '',
    `${p.sql};`,
    '',
    p.text,
    '',
  ].join('\n');
}
