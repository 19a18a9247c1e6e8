// The reports benchmark (`node bench/run.ts reports`): every standard report over a generated service of 100k cases
// and 1M timeline events (bench/cases/generate.ts), a year's period, read as the reports service reads it (one query
// per metric, inside inOrg), on PGlite and, with DATABASE_URL, on PostgreSQL (targets p95 ≤ 1 s and ≤ 500 ms); and an
// XLSX of 100k and 300k rows written as the export job writes it (exceljs's streaming writer to a temporary file, then
// read back once to keep), with the growth of the process's RSS while it writes (target ≤ 50 MB at 100k rows, and
// flat: no more at 300k). BENCH_CASES sets the size of the service (default 100000); BENCH_RUNS the runs per report
// (20); BENCH_XLSX_ROWS the XLSX sizes (100000,300000); BENCH_XLSX_ONLY=1 measures the XLSX alone and prints it;
// BENCH_REPORTS a comma-separated list of the reports to time (BENCH_REPORTS=timeliness), every one when not set.
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { type Database, openDatabase } from '#src/db/client.ts';
import { inOrg } from '#src/db/tenant.ts';
import { REPORT_IDS } from '#src/features/reports/report-list.ts';
import { computeReport } from '#src/features/reports/reports.service.ts';
import { withXlsxFile } from '#src/features/reports/xlsx-temp-file.ts';
import { analyse, generateService, onMigratedDatabase } from './cases/generate.ts';
import { timeRuns } from './measured-runs.ts';
import { scratchDatabase } from './pg-admin.ts';
import { writeSection } from './results-file.ts';
import { scratchDir } from './run-steps.ts';
import { type Cleanup, runCleanups } from './server-process.ts';

const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const XLSX_ROWS = (process.env.BENCH_XLSX_ROWS ?? '100000,300000').split(',').map(Number);
const ONLY = process.env.BENCH_REPORTS?.split(',').map((r) => r.trim());
const unknownReports = ONLY?.filter((r) => !(REPORT_IDS as readonly string[]).includes(r)) ?? [];
const REPORTS_TIMED = ONLY ? REPORT_IDS.filter((r) => ONLY.includes(r)) : REPORT_IDS;
type Row = { backend: string; report: string; p50: number; p95: number; target: number };
const rows: Row[] = [];
const notes: string[] = [];
const cleanups: Cleanup[] = [];

function measure(backend: string, database: Database, target: number) {
  return onMigratedDatabase(database, async (deps, db) => {
    const t = performance.now();
    const main = await generateService(
      deps,
      db,
      { slug: 'bench', name: 'Benchmark Mediation (fictional)', prefix: 'BEN', cases: CASES, years: 5, coordinators: 4 },
      (l) => console.log(l),
    );
    await analyse(db, deps);
    notes.push(
      `${backend}: ${main.cases.toLocaleString('en-GB')} cases, ${main.events.toLocaleString('en-GB')} timeline events, ${main.referrals.toLocaleString('en-GB')} referrals generated in ${((performance.now() - t) / 1000).toFixed(0)} s.`,
    );
    const now = new Date();
    for (const report of REPORTS_TIMED) {
      // RUNS timed runs after two untimed warm-up runs
      const { p50, p95 } = await timeRuns(RUNS, 2, () => inOrg(database.db, main.orgId, (tx) => computeReport(tx, main.orgId, report, {}, now)));
      rows.push({ backend, report, p50, p95, target });
      console.log(`  ${backend} ${report}: p50 ${p50.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms`);
    }
  });
}

type XlsxFigure = { rows: number; growthMb: number; keptGrowthMb: number; seconds: number; fileMb: number };

/** Rows through the export job's writer to a temporary file, then read back as the job keeps it; RSS sampled every 20 ms. */
// Each size is measured in a fresh process (xlsxChild), with exceljs already loaded.
async function xlsxMemory(rowCount: number): Promise<XlsxFigure> {
  globalThis.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const rowsOf = function* () {
    for (let i = 0; i < rowCount; i++) yield { row: [`Row ${i + 1}`, i % 7 === 0 ? 'fewer than 5' : i % 1000, i % 13, 'A definition of the figure'] };
  };
  const t = performance.now();
  let written = 0;
  const kept = await withXlsxFile('Benchmark', rowsOf(), undefined, async (file) => {
    written = Math.max(peak, process.memoryUsage().rss);
    const content = (await file.read()).toString('base64');
    return content.length;
  });
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  return {
    rows: rowCount,
    growthMb: (written - before) / 1048576,
    keptGrowthMb: (peak - before) / 1048576,
    seconds: (performance.now() - t) / 1000,
    fileMb: (kept * 0.75) / 1048576,
  };
}

/** In a process of its own (BENCH_XLSX_CHILD rows), so one size's heap does not carry over to the next. */
async function xlsxChild(rowCount: number) {
  // exceljs is loaded first, as a worker holds it after its first export; its own cost is reported apart.
  globalThis.gc?.();
  const unloaded = process.memoryUsage().rss;
  await import('exceljs');
  globalThis.gc?.();
  const moduleMb = (process.memoryUsage().rss - unloaded) / 1048576;
  console.log(`XLSX_FIGURE ${JSON.stringify({ ...(await xlsxMemory(rowCount)), moduleMb })}`);
}

async function xlsxFigures() {
  const figures: XlsxFigure[] = [];
  let moduleMb = 0;
  for (const n of XLSX_ROWS) {
    const out = execFileSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
      env: { ...process.env, BENCH_XLSX_CHILD: String(n) },
      encoding: 'utf8',
    });
    const line = out.split('\n').find((l) => l.startsWith('XLSX_FIGURE '));
    if (!line) throw new Error(`the XLSX measurement of ${n} rows printed no figure`);
    const f = JSON.parse(line.slice('XLSX_FIGURE '.length)) as XlsxFigure & { moduleMb: number };
    moduleMb = f.moduleMb;
    console.log(
      `  XLSX ${n} rows: RSS +${f.growthMb.toFixed(1)} MB writing, +${f.keptGrowthMb.toFixed(1)} MB with the file read back to keep; ${f.seconds.toFixed(1)} s, ${f.fileMb.toFixed(1)} MB`,
    );
    figures.push(f);
  }
  return { figures, moduleMb };
}

export async function runReports(): Promise<number> {
  if (process.env.BENCH_XLSX_CHILD) {
    await xlsxChild(Number(process.env.BENCH_XLSX_CHILD));
    return 0;
  }
  if (unknownReports.length) {
    console.error(`Unknown report ${unknownReports.join(', ')} in BENCH_REPORTS: choose from ${REPORT_IDS.join(', ')}.`);
    return 64;
  }
  const load = loadavg()[0]!.toFixed(2);
  console.log(`  load average ${load}`);
  const xlsx = await xlsxFigures();
  if (process.env.BENCH_XLSX_ONLY === '1') return xlsx.figures.some((f) => f.rows <= 100_000 && f.growthMb > 50) ? 1 : 0;
  await measure('PGlite', await openDatabase({ dataDir: scratchDir('parley-bench-reports-', cleanups) }), 1000);
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    const url = await scratchDatabase(databaseUrl, 'parley_bench_reports', cleanups);
    await measure('PostgreSQL', await openDatabase({ databaseUrl: url, poolSize: 4 }), 500);
  } else notes.push('PostgreSQL figures skipped: DATABASE_URL is not set.');
  const failed = rows.filter((r) => r.p95 > r.target).length + xlsx.figures.filter((f) => f.rows <= 100_000 && f.growthMb > 50).length;
  writeSection('reports', [
    '## Reports (issue 20)',
    '',
    `\`node bench/run.ts reports\`, load average ${load} at the start. Every standard report over a year to today, read as the reports service reads it (one query per metric in one transaction, suppression included), ${RUNS} runs after two warm-up runs.`,
    '',
    ...notes.map((n) => `- ${n}`),
    '',
    '| Database | Report | p50 | p95 | Target p95 |',
    '|---|---|---|---|---|',
    ...rows.map(
      (r) => `| ${r.backend} | ${r.report} | ${r.p50.toFixed(0)} ms | ${r.p95.toFixed(0)} ms | ≤ ${r.target} ms${r.p95 > r.target ? ' (missed)' : ''} |`,
    ),
    '',
    `XLSX written as the export job writes it (exceljs's streaming WorkbookWriter, each row committed, to a temporary file), then read back once to keep it, each size in a fresh process: RSS growth at its peak (target ≤ 50 MB at 100,000 rows; garbage not yet collected included). Loading exceljs itself, once per process, adds ${xlsx.moduleMb.toFixed(1)} MB.`,
    '',
    '| Rows | RSS growth writing | With the file read back to keep | Time | File |',
    '|---|---|---|---|---|',
    ...xlsx.figures.map(
      (f) =>
        `| ${f.rows.toLocaleString('en-GB')} | ${f.growthMb.toFixed(1)} MB | ${f.keptGrowthMb.toFixed(1)} MB | ${f.seconds.toFixed(1)} s | ${f.fileMb.toFixed(1)} MB |`,
    ),
    '',
  ]);
  await runCleanups(cleanups);
  return failed ? 1 : 0;
}

export async function cleanUpReports() {
  await runCleanups(cleanups);
}
