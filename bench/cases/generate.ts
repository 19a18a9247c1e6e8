// Generates a large fictional service in bulk with SQL (INSERT … SELECT generate_series), as the owner role, in
// short statements (at most about 50,000 rows each, one transaction each) so PGlite's single connection copes.
// Service, settings, coordinators and the API key go through the app's services; the bulk rows go straight in.
import { randomBytes } from 'node:crypto';
import type { Config } from '#src/config.ts';
import type { Database } from '#src/db/client.ts';
import { putInstanceSetting } from '#src/db/instance-settings.ts';
import { runMigrations } from '#src/db/migrate.ts';
import { VACUUMED_AT } from '#src/jobs/vacuum.job.ts';
import { asSystem } from '#src/db/tenant.ts';
import { createServices, type Deps } from '#src/deps.ts';
import { systemActor } from '#src/access/actor.ts';
import { updateOrgSettings } from '#src/features/orgs/orgs.repo.ts';
import { systemClock } from '#src/lib/clock.ts';
import { createLogger } from '#src/lib/logger.ts';

/** Raw SQL on either driver; every call is its own statement and transaction. */
export type Runner = { query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]> };

export function runnerFor(database: Database): Runner {
  if (database.pglite) {
    const lite = database.pglite;
    return { query: async <T>(text: string, params?: unknown[]) => (await lite.query<T>(text, params)).rows };
  }
  const pool = database.pool;
  if (!pool) throw new Error('no PostgreSQL pool');
  return { query: async <T>(text: string, params?: unknown[]) => (await pool.query(text, params)).rows as T[] };
}

/** The services the generator uses, on an open database, with a throwaway configuration. */
export function benchDeps(database: Database): Deps {
  const config: Config = {
    port: 0,
    host: '127.0.0.1',
    dataDir: '/nonexistent',
    databaseUrl: undefined,
    baseUrl: 'http://localhost',
    secret: randomBytes(32).toString('hex'),
    logLevel: 'silent',
    runWorker: false,
    idleMinutes: 30,
    sessionHours: 12,
    secureCookies: false,
    trustProxy: false,
  };
  return createServices(config, database, systemClock, createLogger('silent'));
}

/** Migrates an open database, gives `generate` the generator's services and runner, and closes it however that ends. */
export async function onMigratedDatabase<T>(database: Database, generate: (deps: Deps, db: Runner) => Promise<T>): Promise<T> {
  try {
    await runMigrations(database);
    return await generate(benchDeps(database), runnerFor(database));
  } finally {
    await database.close();
  }
}

export type ServiceSpec = { slug: string; name: string; prefix: string; cases: number; years: number; coordinators: number };

export type GeneratedService = {
  orgId: string;
  slug: string;
  cases: number;
  parties: number;
  events: number;
  tasks: number;
  referrals: number;
  /** Seconds per table, and in all. */
  seconds: Record<string, number>;
};

const FIRST = (
  'Sam Jo Alex Charlie Robin Jamie Frankie Kit Morgan Riley Casey Taylor Jordan Drew Rowan Ash Bailey Eden Harper Quinn ' +
  'Reese Sasha Toby Val Wren Billie Dani Ellis Finley Georgie Hayden Indy Jules Kai Lee Max Nico Ollie Pat Remy'
).split(' ');
/** Surnames are a start and an end: 30 × 20 = 600 of them, none meant to be anyone's. */
const SURNAME_START =
  'Ash Birch Brook Cald Cob Dun Elm Fern Glen Hart Holm Ivy Kings Lang Marsh North Oak Pen Red Stone Thorn Wick Yar Frost Mill Quill Rook Sedge Tarn Wold'.split(
    ' ',
  );
const SURNAME_END = 'ford well by ton ley wood field more stead combe gate hurst lock mere ridge shaw worth dale ham bury'.split(' ');
/** Outward codes in a few areas, the busiest first; each maps to a fictional local authority. */
const OUTWARD: [string, string][] = [
  ['CT1', 'Riverside District (fictional)'],
  ['CT2', 'Riverside District (fictional)'],
  ['ME14', 'Hillcrest Borough (fictional)'],
  ['CT5', 'Riverside District (fictional)'],
  ['ME15', 'Hillcrest Borough (fictional)'],
  ['CT9', 'Eastbay District (fictional)'],
  ['TN9', 'Weald Valley (fictional)'],
  ['CT6', 'Riverside District (fictional)'],
  ['ME16', 'Hillcrest Borough (fictional)'],
  ['CT11', 'Eastbay District (fictional)'],
  ['TN10', 'Weald Valley (fictional)'],
  ['CT20', 'Eastbay District (fictional)'],
];
const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';
const SUMMARIES: Record<string, string[]> = {
  community: [
    'Noise from next door late at night',
    'Dispute over a shared driveway and parking',
    'Boundary hedge and fence disagreement',
    'Parent and teenager arguing at home',
    'Rubbish and bins left in a shared yard',
    'Children playing football against a wall',
  ],
  restorative_justice: ['Burglary: the victim would like to meet the young person', 'Criminal damage to a car', 'Assault outside a pub', 'Theft from a shop'],
  send: ['Refusal to carry out an EHC needs assessment', 'Disagreement about the school named in the plan', 'Decision to stop maintaining the plan'],
  social_care: ['Contact arrangements with grandparents', 'Disagreement about a care plan', 'Where an older relative should live'],
};
const CONTACT_OUTCOMES = ['spoke to them', 'no answer', 'left a message', 'sent', 'met'];

/** A number padded to four digits like the app's references (formatReference), never cut short. */
const seq = (n: string) => `CASE WHEN ${n} < 10000 THEN lpad(${n}::text, 4, '0') ELSE ${n}::text END`;
const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;
const arr = (xs: string[]) => `ARRAY[${xs.map(lit).join(',')}]`;
/** One element of a word list, skewed towards the start of the list (a few common values, a long tail). */
const skewed = (xs: string[], power = 1.6) => `(${arr(xs)})[1 + floor(${xs.length} * power(random(), ${power}))::int]`;
const uniform = (xs: string[]) => `(${arr(xs)})[1 + floor(${xs.length} * random())::int]`;
const personName = () => `${skewed(FIRST)} || ' ' || ${skewed(SURNAME_START, 1.3)} || ${uniform(SURNAME_END)}`;
const inward = () =>
  `floor(random() * 10)::int::text || substr('${INWARD_LETTERS}', 1 + floor(random() * ${INWARD_LETTERS.length})::int, 1) || substr('${INWARD_LETTERS}', 1 + floor(random() * ${INWARD_LETTERS.length})::int, 1)`;
/** A display postcode such as 'CT2 7QX'. */
const postcode = () => `${skewed(OUTWARD.map(([o]) => o))} || ' ' || ${inward()}`;
const phone = () => `'07700 900' || lpad(floor(random() * 1000)::int::text, 3, '0')`;
/** The id of case number i (over all years) of a generation seed: stable, so parties and events find their case. */
const caseId = (seed: string, i: string) => `md5(${lit(seed)} || ':c:' || ${i})::uuid`;

type YearBatch = { year: number; from: number; count: number; offset: number; start: Date; end: Date };

/** How many cases each year gets (busier in recent years) and their global numbering; the last year ends now. */
function yearPlan(total: number, years: number, now: Date): YearBatch[] {
  const thisYear = now.getUTCFullYear();
  const spans = Array.from({ length: years }, (_, k) => {
    const year = thisYear - years + 1 + k;
    const start = new Date(Date.UTC(year, 0, 1));
    const end = year === thisYear ? now : new Date(Date.UTC(year + 1, 0, 1));
    return { year, start, end, weight: ((end.getTime() - start.getTime()) / 31_557_600_000) * (1 + 0.15 * k) };
  });
  const sum = spans.reduce((s, y) => s + y.weight, 0);
  let offset = 0;
  return spans.map((y, k) => {
    const count = k === spans.length - 1 ? total - offset : Math.round((total * y.weight) / sum);
    const plan = { year: y.year, from: 1, count, offset, start: y.start, end: y.end };
    offset += count;
    return plan;
  });
}

async function timed<T>(seconds: Record<string, number>, what: string, fn: () => Promise<T>): Promise<T> {
  const t = performance.now();
  const result = await fn();
  seconds[what] = (seconds[what] ?? 0) + (performance.now() - t) / 1000;
  return result;
}

/**
 * Creates one service with `spec.cases` cases, 3 parties each, 10 timeline events each, tasks on about a third,
 * and the accepted referral behind each case. Returns the counts and how long each table took.
 */
export async function generateService(deps: Deps, db: Runner, spec: ServiceSpec, log: (line: string) => void = () => {}): Promise<GeneratedService> {
  const seconds: Record<string, number> = {};
  const started = performance.now();
  const actor = systemActor('parley bench');
  const orgId = await deps.orgs.createOrg({ slug: spec.slug, name: spec.name, email: `hello@${spec.slug}.example.org` }, actor);
  await asSystem(deps.db, (tx) =>
    updateOrgSettings(tx, orgId, {
      twoFactorRoles: [],
      referencePrefix: spec.prefix,
      caseTypes: ['community', 'restorative_justice', 'send', 'social_care'],
      areas: { postcodePrefixes: ['CT', 'ME14', 'ME15', 'ME16', 'TN9', 'TN10'], localAuthorities: [...new Set(OUTWARD.map(([, la]) => la))] },
    }),
  );
  const coordinators: string[] = [];
  for (let k = 1; k <= spec.coordinators; k++) {
    const { userId } = await deps.people.addMemberAsSystem(
      orgId,
      { email: `coordinator${k}@${spec.slug}.example.org`, name: `Coordinator ${k} (fictional)`, role: 'coordinator', password: `bench lantern orchard ${k}` },
      actor,
    );
    if (userId) coordinators.push(userId);
  }
  const seed = `${spec.slug}:${randomBytes(4).toString('hex')}`;
  const org = lit(orgId);
  const now = new Date();
  const plan = yearPlan(spec.cases, spec.years, now);
  const laCase = `CASE ${OUTWARD.map(([o, la]) => `WHEN split_part(pc, ' ', 1) = ${lit(o)} THEN ${lit(la)}`).join(' ')} END`;

  // Cases, a year at a time so each year's references run 0001, 0002, … like the app's counters.
  for (const y of plan) {
    const stepMs = (y.end.getTime() - y.start.getTime()) / Math.max(1, y.count);
    for (let lo = 1; lo <= y.count; lo += 25_000) {
      const hi = Math.min(y.count, lo + 25_000 - 1);
      await timed(seconds, 'cases', () =>
        db.query(`
          INSERT INTO cases (id, org_id, reference, case_type, status, held_from, outcome, urgent, referral_id, coordinator_id, summary, details,
                             local_authority, postcode_norm, opened_at, status_changed_at, closed_at)
          SELECT ${caseId(seed, 'i')}, ${org}, ${lit(spec.prefix)} || '-${y.year}-' || ${seq('j')}, case_type, status,
                 CASE WHEN status = 'on_hold' THEN 'ready' END,
                 CASE WHEN status IN ('outcome', 'follow_up', 'closed') THEN ${uniform(['full_agreement', 'full_agreement', 'partial_agreement', 'no_agreement'])} END,
                 random() < 0.06, NULL, -- its referral is linked once the referrals exist (below)
                 ${coordinators.length ? `(ARRAY[${coordinators.map(lit).join(',')}]::uuid[])[1 + floor(random() * ${coordinators.length})::int]` : 'NULL'},
                 summary, '{}'::jsonb, ${laCase}, replace(pc, ' ', ''), opened_at,
                 least(now(), opened_at + (random() * least(age_days, 120)) * interval '1 day'),
                 CASE WHEN status IN ('closed', 'withdrawn', 'unsuitable') THEN least(now(), opened_at + (30 + random() * 150) * interval '1 day') END
          FROM (
            SELECT j, i, case_type, opened_at, extract(epoch FROM now() - opened_at) / 86400 AS age_days, pc,
                   (CASE case_type
                      ${Object.entries(SUMMARIES)
                        .map(([t, xs]) => `WHEN ${lit(t)} THEN ${uniform(xs)}`)
                        .join(' ')} END) AS summary,
                   CASE
                     WHEN now() - opened_at < interval '90 days' THEN
                       (ARRAY['intake','intake','intake','intake','ready','ready','mediation','mediation','outcome','on_hold','withdrawn','unsuitable'])[1 + floor(random() * 12)::int]
                     WHEN now() - opened_at < interval '1 year' THEN
                       (ARRAY['intake','ready','mediation','outcome','follow_up','on_hold','closed','closed','closed','closed','withdrawn','withdrawn'])[1 + floor(random() * 12)::int]
                     ELSE
                       (ARRAY['closed','closed','closed','closed','closed','closed','closed','closed','closed','closed','closed','closed','closed',
                              'withdrawn','withdrawn','withdrawn','withdrawn','withdrawn','withdrawn','unsuitable','unsuitable','unsuitable','on_hold','intake'])[1 + floor(random() * 24)::int]
                   END AS status
            FROM (
              SELECT j, ${y.offset} + j AS i,
                     timestamptz '${y.start.toISOString()}' + ((j - 1 + random()) * ${stepMs}) * interval '1 millisecond' AS opened_at,
                     (ARRAY['community','community','community','community','community','community','community','community','community','community','community',
                            'restorative_justice','restorative_justice','restorative_justice','restorative_justice','send','send','send','social_care','social_care'])[1 + floor(random() * 20)::int] AS case_type,
                     CASE WHEN random() < 0.85 THEN ${postcode()} END AS pc
              FROM generate_series(${lo}, ${hi}) j
            ) g
          ) s`),
      );
    }
    log(`  ${spec.slug}: ${y.offset + y.count} cases`);
  }

  const batches = (size: number) => {
    const out: [number, number][] = [];
    for (let lo = 1; lo <= spec.cases; lo += size) out.push([lo, Math.min(spec.cases, lo + size - 1)]);
    return out;
  };
  const caseJoin = (lo: number, hi: number) => `generate_series(${lo}, ${hi}) i JOIN cases c ON c.id = ${caseId(seed, 'i')}`;
  const partyId = (k: string) => `md5(${lit(seed)} || ':p:' || i || ':' || ${k})::uuid`;

  // Three parties a case: the person referred (with the case's postcode), the other side, and a supporter or
  // young person; a local authority is a party on SEND and social care cases.
  for (const [lo, hi] of batches(10_000)) {
    await timed(seconds, 'parties', () =>
      db.query(`
        INSERT INTO parties (id, org_id, case_id, name, role, email, phone, postcode, in_custody, consent, name_norm, phone_norm, email_norm, postcode_norm, created_at)
        SELECT id, ${org}, case_id, name, role, email, ph, pc, in_custody, consent,
               trim(regexp_replace(regexp_replace(lower(name), '[^a-z0-9'' -]', ' ', 'g'), '[[:space:]]+', ' ', 'g')),
               replace(ph, ' ', ''), lower(email), replace(pc, ' ', ''), created_at
        FROM (
          SELECT ${partyId('k')} AS id, c.id AS case_id, k,
                 CASE
                   WHEN k = 2 AND c.case_type IN ('send', 'social_care') THEN 'Riverside District Council (fictional)'
                   ELSE ${personName()}
                 END AS name,
                 CASE c.case_type
                   WHEN 'community' THEN (ARRAY['party','party','supporter'])[k]
                   WHEN 'restorative_justice' THEN (ARRAY['victim','person_who_harmed','supporter'])[k]
                   WHEN 'send' THEN (ARRAY['parent','local_authority','young_person'])[k]
                   ELSE (ARRAY['service_user','local_authority','family_member'])[k]
                 END AS role,
                 CASE WHEN k < 3 AND random() < 0.7 THEN ${phone()} END AS ph,
                 CASE WHEN k = 1 THEN (CASE WHEN c.postcode_norm IS NOT NULL THEN left(c.postcode_norm, -3) || ' ' || right(c.postcode_norm, 3) END)
                      WHEN k = 2 AND random() < 0.6 THEN ${postcode()} END AS pc,
                 c.case_type = 'restorative_justice' AND k = 2 AND random() < 0.3 AS in_custody,
                 CASE WHEN c.status IN ('ready', 'mediation', 'outcome', 'follow_up', 'closed') AND k < 3 THEN 'given'
                      WHEN c.status = 'withdrawn' AND k = 1 THEN 'withdrawn' ELSE 'not_asked' END AS consent,
                 c.opened_at + k * interval '1 millisecond' AS created_at,
                 CASE WHEN random() < 0.4 THEN 'person' || substr(md5(random()::text), 1, 6) || '@example.org' END AS email
          FROM ${caseJoin(lo, hi)} CROSS JOIN generate_series(1, 3) k
        ) p`),
    );
  }
  log(`  ${spec.slug}: parties`);

  // Ten timeline events a case, from the accepted referral onwards.
  for (const [lo, hi] of batches(5_000)) {
    await timed(seconds, 'case_events', () =>
      db.query(`
        INSERT INTO case_events (org_id, case_id, party_id, kind, at, actor_id, actor_label, summary, body, data, visibility, disclosure)
        SELECT ${org}, c.id, CASE WHEN e IN (2, 3, 5, 6, 7) THEN ${partyId('1 + (e % 2)')} END, kind,
               least(now(), c.opened_at + (e - 1) * (1 + random() * 6) * interval '1 day'),
               c.coordinator_id::text, 'Coordinator (fictional)',
               CASE kind
                 WHEN 'referral' THEN 'Referral accepted'
                 WHEN 'contact' THEN ${uniform(['Call', 'Letter', 'Email', 'Visit'])} || ': ' || ${uniform(CONTACT_OUTCOMES)}
                 WHEN 'note' THEN 'Note'
                 WHEN 'consent' THEN 'Consent given (verbal)'
                 WHEN 'intake' THEN 'Intake record saved'
                 WHEN 'task' THEN 'Task: call back'
                 ELSE 'Intake → Ready'
               END,
               CASE WHEN kind IN ('note', 'referral') THEN c.summary || '. ' || repeat(md5(random()::text) || ' ', 3) END,
               CASE kind WHEN 'transition' THEN '{"from":"intake","to":"ready"}'::jsonb ELSE '{}'::jsonb END,
               CASE WHEN kind = 'intake' THEN 'party' WHEN kind = 'note' AND random() < 0.05 THEN 'restricted' ELSE 'team' END,
               false
        FROM ${caseJoin(lo, hi)} CROSS JOIN generate_series(1, 10) e
        CROSS JOIN LATERAL (SELECT (ARRAY['referral','contact','contact','note','consent','intake','contact','note','task','transition'])[e] AS kind) k`),
    );
  }
  log(`  ${spec.slug}: timeline`);

  // Tasks on about a third of the cases: done on ended cases, open (some overdue) on the others.
  for (const [lo, hi] of batches(25_000)) {
    await timed(seconds, 'tasks', () =>
      db.query(`
        INSERT INTO tasks (id, org_id, case_id, title, due_on, assignee_id, done_at, created_at, created_by)
        SELECT gen_random_uuid(), ${org}, c.id, ${uniform(['Call the first party back', 'Send the intake letter', 'Book a room for the joint meeting', 'Follow-up call'])},
               CASE WHEN c.status IN ('closed', 'withdrawn', 'unsuitable') THEN (c.opened_at + interval '20 days')::date
                    ELSE current_date + (floor(random() * 40) - 12)::int END,
               c.coordinator_id,
               CASE WHEN c.status IN ('closed', 'withdrawn', 'unsuitable') THEN c.opened_at + interval '19 days' END,
               c.opened_at, 'Coordinator (fictional)'
        FROM ${caseJoin(lo, hi)}
        WHERE random() < 0.33`),
    );
  }

  // The accepted referral behind each case, with its people and match keys (as triage leaves it).
  for (const y of plan) {
    for (let lo = 1; lo <= y.count; lo += 10_000) {
      const hi = Math.min(y.count, lo + 10_000 - 1);
      await timed(seconds, 'referrals', () =>
        db.query(`
          INSERT INTO referrals (id, org_id, reference, source, status, case_type, urgent, description, parties, answers, risks, consent_to_contact, match_keys,
                                 created_at, decided_by, decided_at, case_id)
          SELECT md5(c.id::text || ':r')::uuid, ${org}, ${lit(spec.prefix)} || '-R-${y.year}-' || ${seq('j')},
                 (ARRAY['self','self','professional','professional','api'])[1 + floor(random() * 5)::int], 'accepted', c.case_type, c.urgent, c.summary,
                 (SELECT jsonb_agg(jsonb_strip_nulls(jsonb_build_object('name', p.name, 'role', p.role, 'phone', p.phone, 'postcode', p.postcode)) ORDER BY p.created_at)
                    FROM parties p WHERE p.case_id = c.id),
                 '{}'::jsonb, '[]'::jsonb, true,
                 coalesce((SELECT array_agg(DISTINCT key) FROM parties p
                             CROSS JOIN LATERAL unnest(ARRAY['n:' || p.name_norm, 't:' || p.phone_norm, 'p:' || p.postcode_norm]) key
                             WHERE p.case_id = c.id AND key IS NOT NULL), '{}'),
                 c.opened_at - interval '2 days', c.coordinator_id, c.opened_at, c.id
          FROM generate_series(${lo}, ${hi}) j JOIN cases c ON c.id = ${caseId(seed, `(${y.offset} + j)`)}`),
      );
    }
  }
  // Each case points at its referral: a key within the service (migration 0017), so only now that the referrals exist.
  await timed(seconds, 'referrals', () => db.query(`UPDATE cases SET referral_id = md5(id::text || ':r')::uuid WHERE org_id = ${org} AND referral_id IS NULL`));
  // The counters carry on from the generated numbers, so new referrals and cases get fresh references.
  await db.query(
    `INSERT INTO reference_counters (org_id, kind, year, last)
     SELECT ${org}, kind, year, last FROM (VALUES ${plan.map((y) => `('referral', ${y.year}, ${y.count}), ('case:${spec.prefix}', ${y.year}, ${y.count})`).join(', ')}) v(kind, year, last)
     ON CONFLICT (org_id, kind, year) DO UPDATE SET last = excluded.last`,
  );
  log(`  ${spec.slug}: tasks, referrals`);

  const [counts] = await db.query<{ cases: number; parties: number; events: number; tasks: number; referrals: number }>(
    `SELECT (SELECT count(*)::int FROM cases WHERE org_id = ${org}) AS cases, (SELECT count(*)::int FROM parties WHERE org_id = ${org}) AS parties,
            (SELECT count(*)::int FROM case_events WHERE org_id = ${org}) AS events, (SELECT count(*)::int FROM tasks WHERE org_id = ${org}) AS tasks,
            (SELECT count(*)::int FROM referrals WHERE org_id = ${org}) AS referrals`,
  );
  seconds.total = (performance.now() - started) / 1000;
  return { orgId, slug: spec.slug, ...counts!, seconds };
}

export type SearchTerms = { name: string; nameMatches: number; reference: string; postcode: string; district: string };

/** About how many parties the name searched for should match, so every run searches for a similar name. */
const NAME_MATCHES = 500;

/**
 * Search words that exist in the generated service: a surname prefix (of the candidates from a few parties, the one
 * whose matches come closest to NAME_MATCHES), a case reference a third of the way back, a full postcode and its district.
 */
export async function pickSearchTerms(db: Runner, orgId: string): Promise<SearchTerms> {
  const org = lit(orgId);
  const [size] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM cases WHERE org_id = ${org}`);
  const third = Math.floor((size?.n ?? 0) / 3);
  const candidates = await db.query<{ name: string; postcode: string }>(
    `SELECT name, postcode FROM parties WHERE org_id = ${org} AND role = 'party' AND postcode IS NOT NULL ORDER BY created_at DESC OFFSET ${Math.floor(third / 10)} LIMIT 12`,
  );
  const [c] = await db.query<{ reference: string }>(`SELECT reference FROM cases WHERE org_id = ${org} ORDER BY opened_at DESC OFFSET ${third} LIMIT 1`);
  const party = candidates[0];
  if (!party || !c) throw new Error('the generated service has no parties or cases to search for');
  let best: { name: string; nameMatches: number } | undefined;
  for (const candidate of candidates) {
    const surname = candidate.name.split(' ')[1] ?? candidate.name;
    const name = surname.toLowerCase().slice(0, Math.max(4, surname.length - 2));
    const [m] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM parties WHERE org_id = ${org} AND (name_norm LIKE ${lit(`${name}%`)} OR name_norm LIKE ${lit(`% ${name}%`)})`,
    );
    const nameMatches = m?.n ?? 0;
    if (!best || Math.abs(nameMatches - NAME_MATCHES) < Math.abs(best.nameMatches - NAME_MATCHES)) best = { name, nameMatches };
  }
  return { ...best!, reference: c.reference, postcode: party.postcode, district: party.postcode.split(' ')[0] ?? party.postcode };
}

/**
 * What a running server has done by the next morning: its worker's recurring jobs once, autovacuum on PostgreSQL, the
 * nightly `database.vacuum` job on PGlite. The vacuum is recorded as that job records it, so a server the benchmark
 * starts between 01:00 and 06:00 does not vacuum again under the load being measured.
 */
export async function analyse(db: Runner, deps: Deps) {
  // The worker's first pass over the recurring jobs: the retention schedule anonymises the generated service's cases
  // closed longer ago than it keeps them. A server would do it on its first start, in the worker's share of the
  // database (db/turns.ts), for as long as the catch-up takes, which would leave the first checks measuring it.
  while ((await deps.worker.runOnce()) > 0);
  await db.query('VACUUM ANALYZE');
  await putInstanceSetting(deps.db, VACUUMED_AT, new Date().toISOString());
}
