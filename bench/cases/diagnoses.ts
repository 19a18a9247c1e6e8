// Why the cases benchmark's figures are what they are, written under its section of bench/results.md: read from
// patterns in the query plans and in the measured load runs, so each explanation goes away once its cause does.
import type { LoadFigures } from '../load.ts';
import { ms } from '../measured-runs.ts';
import { type Check, REFERRAL_TARGET_MS } from './checks.ts';
import type { Plan } from './explain.ts';

/** The plans taken on one database. */
export type PlansOf = { backend: string; plans: Plan[] };
/** One check's load run on one database. */
export type MeasuredCheck = { backend: string; check: Check; figures: LoadFigures };

const count = (n: number) => n.toLocaleString('en-GB');

/** Why a plan is slow, from patterns in the plan text (so the words go away once the plans change). */
export function diagnoses(allPlans: PlansOf[], measured: MeasuredCheck[]): string[] {
  const out: string[] = [];
  const texts = allPlans.flatMap(({ backend, plans }) => plans.map((p) => ({ backend, ...p })));
  const uncorrelated = texts.filter((p) => /InitPlan[\s\S]*?Seq Scan on parties p\b/.test(p.text));
  if (uncorrelated.length)
    out.push(
      `- **The party names on every list row are looked up with a full scan of \`parties\`, and come back empty.** In \`searchCases\` the select list has ` +
        '`ARRAY(SELECT p.name FROM "parties" p WHERE p.case_id = "id" …)`: Drizzle writes the `cases.id` column inside a select-list `sql` template as a bare `"id"`, ' +
        'which inside the subquery means `p.id`, not `cases.id`. So the subquery is not correlated: it runs once as an InitPlan that reads every row of ' +
        `\`parties\` (all services) for \`case_id = id\`, finds none, and every case is listed with no party names. Seen in: ${[...new Set(uncorrelated.map((p) => `${p.backend} ${p.id}`))].join(', ')}.`,
    );
  const likeScans = texts.filter((p) => /Seq Scan on parties\b(?! p\b)[\s\S]*?Filter: [^\n]*~~/.test(p.text));
  if (likeScans.length)
    out.push(
      "- **Prefix searches (`LIKE 'x%'`) cannot use their indexes under row-level security.** The LIKE operator (`textlike`) is not leakproof, so " +
        'PostgreSQL must apply the tenant policy (`org_id = parley_current_org()`) before it and will not turn it into an index range: ' +
        '`parties_org_name_idx` and `parties_org_postcode_idx` (text_pattern_ops) go unused and `parties` is scanned in full. The same query as the owner ' +
        `(no RLS) uses the index. \`^@\` (starts_with) and \`~>=~\`/\`~<~\` are leakproof and do use them. Seen in: ${[...new Set(likeScans.map((p) => `${p.backend} ${p.id}`))].join(', ')}.`,
    );
  if (texts.some((p) => p.id === 'name' && /~~ '% /.test(p.text)))
    out.push(
      "- **Name search also matches any later word (`LIKE '% x%'`)**, which no b-tree can serve; a trigram GIN index would not help either " +
        'under row-level security (neither `~~` nor the array operators are leakproof). It needs its own table of name words (see the suggested fix).',
    );
  for (const p of texts.filter(
    (t) => t.id === 'name' && /Index Scan Backward using cases_org_opened_idx/.test(t.text) && /parties_case_idx on parties\b(?! p\b)/.test(t.text),
  )) {
    const walked = Number(p.text.match(/Index Scan Backward using cases_org_opened_idx on cases [^\n]*actual time=[^\n]*?rows=([\d.]+)/)?.[1] ?? Number.NaN);
    out.push(
      `- **${p.backend}: this name search walked ${count(walked)} cases newest-first, looking up the parties of each**, instead of reading the ` +
        `surname index and sorting what it found (a few hundred rows). The planner expects matches to come soon when a name is uncommon but ` +
        'not rare, and which plan it picks changes from one surname to the next: the same kind of search takes 2–4 ms one way and ~20 ms the other on PostgreSQL.',
    );
  }
  const queued = measured.filter(
    (m) =>
      m.backend === 'PGlite' &&
      m.check.targetMs &&
      !m.check.method &&
      m.figures.p95Ms > m.check.targetMs &&
      (texts.find((p) => p.backend === 'PGlite' && p.id === m.check.id)?.executionMs.at(-1) ?? Infinity) <= 10,
  );
  const alone = measured.find((m) => m.backend === 'PGlite' && m.check.id === 'filter-alone');
  if (queued.length)
    out.push(
      `- **On PGlite the misses with fast plans (${queued.map((m) => m.check.id).join(', ')}) are queueing, not the queries.** PGlite is one PostgreSQL ` +
        'backend inside the app process: every request’s statements (BEGIN, set_config, the search’s one or two statements, COMMIT; the API key is remembered) run one after another on one thread, ' +
        'so with 20 requests always in flight each waits for the others and p95 is roughly 20 × the time one request takes' +
        `${alone ? ` (one connection alone: p50 ${ms(alone.figures.p50Ms)}, p95 ${ms(alone.figures.p95Ms)})` : ''}.`,
    );
  for (const backend of ['PGlite', 'PostgreSQL'] as const) {
    const busy = measured.find((m) => m.backend === backend && m.check.id === 'referral');
    const single = measured.find((m) => m.backend === backend && m.check.id === 'referral-alone');
    if (busy && single && busy.figures.p95Ms > REFERRAL_TARGET_MS && single.figures.p95Ms <= REFERRAL_TARGET_MS)
      out.push(
        `- **${backend}: referral submissions wait for each other.** Each takes two locks for its service and holds them until COMMIT: the ` +
          '`reference_counters` row (nextNumber, for the next reference) and the audit chain head (audit.record). So submissions to one service go ' +
          `one at a time; alone, one takes p50 ${ms(single.figures.p50Ms)}, p95 ${ms(single.figures.p95Ms)}, and 20 at once queue to p95 ${ms(busy.figures.p95Ms)}.`,
      );
  }
  return out;
}
