// How the cases benchmark takes its figures, as written under its section of bench/results.md.

/** The "How these were measured" part of the section; `otherCases` is the size of the second service, already formatted. */
export function howMeasured(otherCases: string): string[] {
  return [
    '### How these were measured',
    '',
    `- Data: \`bench/cases/generate.ts\` makes the services through the app's services (service, settings, coordinators, API key) and the rows with ` +
      '`INSERT … SELECT generate_series` as the owner, at most about 50,000 rows per statement: cases over five years (busier lately; references `BEN-YYYY-0001` on, ' +
      'like the app), statuses by age (recent cases active, older ones mostly closed or withdrawn), types community 55 %, restorative justice 20 %, SEND 15 %, ' +
      'social care 10 %; three parties a case with fictional names from word lists (skewed, 40 first names × 600 surnames), phone numbers in the Ofcom drama range, ' +
      'postcodes in a dozen districts of CT, ME and TN; ten timeline events a case; tasks on a third (some overdue); the accepted referral behind each case with its match keys. ' +
      `A second service of ${otherCases} cases shares the tables. Then the worker's recurring jobs once (the retention schedule anonymises the cases closed longer ago than it keeps them) and VACUUM ANALYZE, as a server that has been running would have done by the next morning (autovacuum on PostgreSQL; on PGlite, which has none, the worker's nightly \`database.vacuum\` job).`,
    '- PGlite: the data is generated in a temporary PARLEY_DATA_DIR by opening it directly (createPglite + runMigrations), closed, then served by `node src/main.js`. ' +
      'PostgreSQL: a fresh database parley_bench_cases_<random> on DATABASE_URL, dropped at the end.',
    '- Search words come from the generated data: a surname prefix chosen to match about 500 parties (so runs compare), a reference a third of the way ' +
      'back, a full postcode and its district.',
    '- Each check first sends one request that must answer 2xx (and, for lists, find at least one case: the "First page" column), then autocannon drives it from a worker thread with a heap of its own ' +
      '(the benchmark process has just generated the service, and its garbage collection must not pause the clock). ' +
      'Lists use a coordinator API key of the generated service (`Authorization: Bearer`). requests/s counts 2xx responses; p50/p95/p99 are nearest-rank percentiles ' +
      'of every 2xx response time (autocannon itself reports no p95).',
    '- Referral submission: the public routes allow 20 requests a minute per client address, and the server trusts X-Forwarded-For only with ' +
      'PARLEY_TRUST_PROXY=on. The benchmark starts the server with PARLEY_TRUST_PROXY=on and gives every request its own X-Forwarded-For (10.x.y.z from a counter), ' +
      'so the limiter sees each as a new address and the figure is the cost of taking a referral, not of refusing one. Every measured request created a referral.',
    '',
  ];
}
