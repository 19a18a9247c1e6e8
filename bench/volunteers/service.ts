// Pair suggestions as a coordinator gets them: the assignments service reads the case and the pairing view of the
// service's 1,000 volunteers (pairing-inputs.repo.ts, kept while the service's volunteer data version stays the same), runs the pure rules and audits the view — on PGlite and,
// with DATABASE_URL, on PostgreSQL. The baseline, in the same run on the same database, is the smallest tenant
// transaction the app makes (BEGIN, the row-level-security role switch, one SELECT, COMMIT).
import { availableParallelism, loadavg } from 'node:os';
import { adminStatement } from '../pg-admin.ts';
import { createPglite, type Database, openDatabase } from '#src/db/client.ts';
import { runMigrations } from '#src/db/migrate.ts';
import { sql } from '#src/db/orm.ts';
import { postcodeLookup } from '#src/db/schema/referrals.ts';
import { accreditations, caseAssignments, dbsChecks, volunteers } from '#src/db/schema/volunteers.ts';
import { asSystem, inOrg } from '#src/db/tenant.ts';
import type { Deps } from '#src/deps.ts';
import { type OrgActor, systemActor } from '#src/access/actor.ts';
import { newId } from '#src/lib/ids.ts';
import { benchDeps } from '../cases/generate.ts';
import { percentile } from '../load.ts';
import { writeSection } from '../results-file.ts';

export const SERVICE_TARGET_MS = 20;
const VOLUNTEERS = 1000;
const CASES = 60;
const RUNS = 300;
const DISTRICTS = Array.from({ length: 12 }, (_, i) => ({ postcode: `MB${i + 1}1AA`, lat: 51.3 + (i % 4) * 0.05, lng: 0.5 + Math.floor(i / 4) * 0.07 }));
const AREAS = ['community', 'parent_teen', 'restorative_conferencing', 'send', 'social_care', 'group'];

export type ServiceTiming = {
  backend: string;
  p50: number;
  p95: number;
  p99: number;
  baselineP50: number;
  baselineP95: number;
  suggestions: number;
  excluded: number;
  /** The same requests with the pairing view read afresh every time (its data version raised before each). */
  missP50: number;
  missP95: number;
};

/** A seeded pseudo-random sequence, so every run builds the same service. */
function seeded(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function seedService(deps: Deps): Promise<{ actor: OrgActor; caseIds: string[] }> {
  const random = seeded(7);
  const orgId = await deps.orgs.createOrg({ slug: 'bench-pairs', name: 'Bench Pairs Mediation (fictional)' }, systemActor('bench'));
  // A real member: the case's coordinator must belong to the service (same-service keys, migration 0017).
  const { userId } = await deps.people.addMemberAsSystem(
    orgId,
    { email: 'coordinator@bench-pairs.example.org', name: 'Bench coordinator', role: 'coordinator', password: 'bench pairs lantern orchard' },
    systemActor('bench'),
  );
  const actor: OrgActor = { type: 'user', id: userId!, label: 'Bench coordinator', orgId, orgSlug: 'bench-pairs', orgName: 'Bench Pairs', role: 'coordinator' };
  const now = deps.clock.now();
  const today = now.toISOString().slice(0, 10);
  const yearsAgo = (years: number) => `${Number(today.slice(0, 4)) - years}${today.slice(4, 10)}`;
  await asSystem(deps.db, (tx) =>
    tx
      .insert(postcodeLookup)
      .values(DISTRICTS.map((d) => ({ postcode: d.postcode, laCode: 'E0799999', laName: 'Marbridge (fictional)', latitude: d.lat, longitude: d.lng }))),
  );
  const ids = Array.from({ length: VOLUNTEERS }, () => newId());
  await inOrg(deps.db, orgId, async (tx) => {
    await tx.insert(volunteers).values(
      ids.map((id, i) => ({
        id,
        orgId,
        name: `Volunteer${i} Benchname${i % 97}`,
        status: i % 9 === 0 ? 'trainee' : i % 23 === 0 ? 'inactive' : 'accredited',
        postcode: DISTRICTS[i % 12]!.postcode,
        postcodeNorm: DISTRICTS[i % 12]!.postcode,
        languages: i % 8 === 0 ? ['Polish'] : [],
        gender: i % 2 ? 'woman' : 'man',
        travelMiles: 5 + (i % 20),
        maxActiveCases: 1 + (i % 4),
        weeklyAvailability: [1, 2, 3, 4, 5].filter(() => random() < 0.5).map((day) => ({ day, from: '09:00', to: '13:00' })),
        away: i % 19 === 0 ? [{ id: newId(), from: today, to: yearsAgo(-1) }] : [],
        connections: i % 4 === 0 ? [{ id: newId(), kind: 'person' as const, text: `Party${i % 50} Benchparty`, declaredOn: today }] : [],
        createdAt: now,
        updatedAt: now,
      })),
    );
    await tx.insert(accreditations).values(
      ids.flatMap((volunteerId, i) =>
        i % 9 === 0
          ? []
          : AREAS.filter((_, k) => k === 0 || random() < 0.25).map((area) => ({
              id: newId(),
              orgId,
              volunteerId,
              area,
              accreditedOn: yearsAgo(2),
              createdAt: now,
            })),
      ),
    );
    await tx.insert(dbsChecks).values(
      ids.map((volunteerId, i) => ({
        id: newId(),
        orgId,
        volunteerId,
        level: 'enhanced_barred',
        workforce: 'both',
        certificateNumber: 'bench-only',
        certificateLast4: '0000',
        issuedOn: yearsAgo(i % 16 === 0 ? 4 : 1),
        createdAt: now,
      })),
    );
  });
  const caseIds: string[] = [];
  for (let c = 0; c < CASES; c++) {
    const district = DISTRICTS[c % 12]!.postcode.replace(/(\d)(\dAA)$/, '$1 $2');
    const parties = [
      { name: `Party${c} Benchparty`, role: 'party' as const, postcode: district },
      { name: `Other${c} Benchname${c % 97}`, role: 'party' as const, postcode: district },
    ];
    const { id } = await deps.referrals.createFromPublic(
      orgId,
      { caseType: 'community', description: `Bench case ${c}`, consentToContact: true, parties },
      { type: 'anonymous' },
    );
    caseIds.push((await deps.referrals.accept({ ...actor, role: 'admin' }, id)).caseId);
  }
  // A third of the volunteers already on cases, so workload and capacity count.
  await inOrg(deps.db, orgId, (tx) =>
    tx
      .insert(caseAssignments)
      .values(
        ids
          .filter((_, i) => i % 3 === 0)
          .map((volunteerId, i) => ({ id: newId(), orgId, caseId: caseIds[i % CASES]!, volunteerId, role: 'co', assignedAt: now })),
      ),
  );
  return { actor, caseIds };
}

async function time(runs: number, work: (i: number) => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work(i);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

async function measureOn(backend: string, database: Database): Promise<ServiceTiming> {
  await runMigrations(database);
  const deps = benchDeps(database);
  const { actor, caseIds } = await seedService(deps);
  const suggest = (i: number) => deps.assignments.suggest(actor, caseIds[i % caseIds.length]!);
  const baseline = () => inOrg(deps.db, actor.orgId, (tx) => tx.execute(sql`SELECT 1`));
  await time(30, suggest);
  await time(30, baseline);
  const base = await time(RUNS, baseline);
  const times = await time(RUNS, suggest);
  // Without the kept view: the version is raised before each request (not timed), so each reads the view afresh.
  const raise = () => deps.db.execute(sql`UPDATE volunteer_data_versions SET version = version + 1 WHERE org_id = ${actor.orgId}`);
  const misses: number[] = [];
  for (let i = 0; i < RUNS / 3; i++) {
    await raise();
    misses.push((await time(1, () => suggest(i)))[0] ?? 0);
  }
  misses.sort((a, b) => a - b);
  const sample = (await suggest(0)) as { suggestions: unknown[]; excluded: unknown[] };
  return {
    backend,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    baselineP50: percentile(base, 50),
    baselineP95: percentile(base, 95),
    suggestions: sample.suggestions.length,
    excluded: sample.excluded.length,
    missP50: percentile(misses, 50),
    missP95: percentile(misses, 95),
  };
}

/** PGlite in memory, and PostgreSQL in a fresh database when DATABASE_URL is set (dropped at the end). */
export async function measureService(): Promise<ServiceTiming[]> {
  const results: ServiceTiming[] = [];
  const pglite = await openDatabase({ pglite: await createPglite() });
  try {
    results.push(await measureOn('PGlite', pglite));
  } finally {
    await pglite.close();
  }
  const url = process.env.DATABASE_URL;
  if (!url) return results;
  const name = `parley_bench_pairs_${process.pid}`;
  const admin = (statement: string) => adminStatement(url, statement);
  await admin(`CREATE DATABASE ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const postgres = await openDatabase({ databaseUrl: target.toString(), poolSize: 4 });
  try {
    results.push(await measureOn('PostgreSQL', postgres));
  } finally {
    await postgres.close();
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
  return results;
}

const fmt = (n: number) => `${n.toFixed(2)} ms`;

/** `node bench/run.ts pairs`: its own section, so it runs without waiting for HiGHS. */
export async function runPairsService(): Promise<number> {
  const startedAt = new Date();
  const loadAtStart = loadavg();
  console.log('  pair suggestions through the service: 1,000 volunteers in the database…');
  const results = await measureService();
  for (const r of results) console.log(`  ${r.backend}: p95 ${fmt(r.p95)} (baseline transaction p95 ${fmt(r.baselineP95)})`);
  writeSection('pairs', [
    '## Volunteers and co-mediator pairs: suggestions through the service',
    '',
    `Run ${startedAt.toISOString()} by \`npm run bench\` (or \`node bench/run.ts pairs\`) — nproc ${availableParallelism()}, Node ${process.version}, load average ${loadAtStart.map((n) => n.toFixed(2)).join(' ')} at the start.`,
    '',
    `What a coordinator waits for on a case's Mediators page or \`GET /api/v1/cases/{id}/pair-suggestions\`, less HTTP: the assignments service checks the service's volunteer data version (one small query), reads the case, takes the pairing view of the service's ${VOLUNTEERS.toLocaleString('en-GB')} volunteers (accreditations, DBS checks, availability, connections, workload: read in one query and kept while the version stays the same), runs the pairing rules, and audits the view. ${RUNS} requests one after another over ${CASES} cases, after a warm-up. Baseline in the same run, on the same database: the smallest tenant transaction (BEGIN, the row-level-security role switch, \`SELECT 1\`, COMMIT).`,
    '',
    '| Database | p50 | p95 | p99 | Baseline p50 / p95 | p95 ÷ baseline p95 | Target (p95) | Result |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...results.map(
      (r) =>
        `| ${r.backend} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.p99)} | ${fmt(r.baselineP50)} / ${fmt(r.baselineP95)} | ${(r.p95 / r.baselineP95).toFixed(1)} × | ≤ ${SERVICE_TARGET_MS} ms | ${r.p95 <= SERVICE_TARGET_MS ? 'PASS' : '**MISS**'} |`,
    ),
    '',
    `- What the kept pairing view earns: with the view read afresh on every request (the data version raised before each, ${Math.floor(RUNS / 3)} requests), ${results.map((r) => `${r.backend} p50 ${fmt(r.missP50)}, p95 ${fmt(r.missP95)}`).join('; ')}.`,
    `- Each answer held ${results[0]?.suggestions ?? 0} suggested pairs and ${results[0]?.excluded ?? 0} volunteers left out, each with their reasons.`,
    ...(process.env.DATABASE_URL ? [] : ['- PostgreSQL skipped: DATABASE_URL is not set.']),
    '',
  ]);
  return 0;
}
