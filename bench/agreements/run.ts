// The agreements benchmark (`node bench/run.ts agreements`, part of `npm run bench`):
// 1. the final PDF of a four-page agreement with 12 terms and 6 signatures (two drawn): 1,000 renders one after another,
//    p50/p95 (target p95 ≤ 150 ms) and the process's RSS growth over them after a garbage collection (target ≤ 20 MB);
// 2. signing at 20 concurrent signers through HTTP (app.inject, an admin API key): each signer loads the signing page
//    (GET …/sign/{signerId}, the whole agreement) and submits a typed signature (POST …/signatures/{signerId});
//    the last signer of each agreement also makes its PDF. p95 of each (target ≤ 100 ms) on PGlite and, with
//    DATABASE_URL, PostgreSQL.
import { availableParallelism, loadavg } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { PDFDocument } from 'pdf-lib';
import { buildApp } from '#src/app.ts';
import { createPglite, type Database, openDatabase } from '#src/db/client.ts';
import { runMigrations } from '#src/db/migrate.ts';
import { systemActor } from '#src/access/actor.ts';
import { type AgreementPdfInput, renderAgreementPdf } from '#src/features/agreements/pdf/agreement-pdf.ts';
import { makeMember, PASSWORD } from '../../test/support/factories.ts';
import { insertAssignment, makeVolunteer } from '../../test/support/volunteers.ts';
import { WebClient } from '../../test/support/web-client.ts';
import { currentTotp } from '#src/lib/totp.ts';
import { benchDeps } from '../cases/generate.ts';
import { percentile } from '../load.ts';
import { adminStatement } from '../pg-admin.ts';
import { writeSection } from '../results-file.ts';

export const PDF_TARGET_MS = 150;
export const RSS_TARGET_MB = 20;
export const SIGNING_TARGET_MS = 100;
const PDFS = Number(process.env.BENCH_PDFS ?? 1000);
const CONCURRENT = 20;
const AGREEMENTS = 40;

const DRAWN = 'M 20 150 L 60 40 L 100 150 L 140 60 L 180 140 L 220 50 L 260 150 M 300 120 L 360 100 L 420 130 L 480 90 L 560 120';
const words = (n: number, seed: number) =>
  Array.from({ length: n }, (_, i) => ['agree', 'to', 'keep', 'the', 'shared', 'path', 'clear', 'of', 'bins', 'ŵ', 'ŷ', 'â'][(i * 7 + seed) % 12]).join(' ');

export function fourPageAgreement(): AgreementPdfInput {
  const names = ['Rhiannon Ŵyn (fictional)', 'Sam Example', 'Alex Example', 'Jo Example', 'Vera Volunteer', 'Leo Volunteer'];
  // Sized to four A4 pages: three of agreement and signatures, one of evidence.
  const at = new Date('2026-12-03T10:00:00Z');
  return {
    serviceName: 'Riverside Community Mediation (fictional)',
    caseReference: 'RCM-2026-0042',
    caseTypeLabel: 'Community mediation',
    reference: 'AGR-BENCHMARK001',
    version: 2,
    hash: 'a'.repeat(64),
    frozenAt: at,
    signedAt: at,
    statements: { notBinding: words(25, 1), confidentiality: words(30, 2), monitoring: words(20, 3) },
    issues: Array.from({ length: 3 }, (_, i) => ({ issue: `Issue ${i + 1}: ${words(8, i)}`, outcome: 'agreed' as const })),
    terms: Array.from({ length: 12 }, (_, i) => ({
      who: [{ kind: 'party' as const, name: names[i % 4]! }],
      what: words(9, i),
      dueKind: i % 3 === 0 ? 'date' : 'ongoing',
      dueOn: i % 3 === 0 ? '2027-01-31' : null,
      checkHow: words(5, i + 5),
      appealable: null,
    })),
    signers: names.map((name, i) => ({
      name,
      kind: i < 4 ? 'party' : 'mediator',
      status: 'signed',
      method: i < 2 ? 'drawn' : 'typed',
      channel: 'in_person',
      typedName: i < 2 ? null : name,
      drawing: i < 2 ? DRAWN : null,
      declineReason: null,
      at,
      versionHash: 'a'.repeat(64),
      witnessName: 'Vera Volunteer',
      addressHash: null,
      browser: null,
    })),
    verifyUrl: 'https://parley.example/s/riverside/verify',
  };
}

const gc = (): (() => void) => {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
};

async function measurePdf() {
  const input = fourPageAgreement();
  const pages = (await PDFDocument.load(await renderAgreementPdf(input))).getPageCount();
  // Warm up to a steady state (JIT, the parsed fonts, V8's heap sizes), then measure growth from there.
  for (let i = 0; i < 100; i++) await renderAgreementPdf(input);
  const collect = gc();
  collect();
  const before = process.memoryUsage();
  const times: number[] = [];
  for (let i = 0; i < PDFS; i++) {
    const started = performance.now();
    await renderAgreementPdf(input);
    times.push(performance.now() - started);
  }
  collect();
  const after = process.memoryUsage();
  times.sort((a, b) => a - b);
  const mb = (n: number) => n / 1024 / 1024;
  return {
    pages,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    growthMb: mb(after.rss - before.rss),
    heapGrowthMb: mb(after.heapUsed - before.heapUsed),
  };
}

type SigningTiming = {
  backend: string;
  signers: number;
  pageP50: number;
  pageP95: number;
  signP50: number;
  signP95: number;
  alonePageP50: number;
  aloneSignP50: number;
};

/** 40 cases, each with two parties and a mediator and an agreement ready to sign: 120 signers, 20 at a time. */
async function measureSigning(backend: string, database: Database): Promise<SigningTiming> {
  await runMigrations(database);
  const deps = benchDeps(database);
  const app = await buildApp(deps);
  try {
    const orgId = await deps.orgs.createOrg({ slug: 'bench', name: 'Bench Mediation (fictional)' }, systemActor('bench'));
    const key = await deps.apiKeys.createForOrg(orgId, { name: 'bench', role: 'admin' }, systemActor('bench'));
    const actor = (await deps.apiKeys.authenticate(key.key, {}))!;
    const volunteerId = await makeVolunteer(deps, orgId, { name: 'Vera Benchvolunteer' });
    // The signing page is a staff page: a coordinator signed in with a password and the next step's code.
    const member = await makeMember(deps, orgId, 'coordinator', 'cora@bench.example');
    const web = new WebClient(app);
    await web.submit('/sign-in', { email: member.email, password: PASSWORD });
    await web.submit('/sign-in/code', { code: currentTotp(member.totpSecret!, Date.now() + 30_000) });
    const cookie = [...web.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const signers: { url: string; page: string; name: string; hash: string }[] = [];
    for (let i = 0; i < AGREEMENTS; i++) {
      const made = await deps.referrals.createFromPublic(
        orgId,
        {
          caseType: 'community',
          description: `Bench dispute ${i}`,
          consentToContact: true,
          parties: [
            { name: `Pat Bench${i}`, role: 'party' },
            { name: `Lee Bench${i}`, role: 'party' },
          ],
        },
        { type: 'anonymous' },
      );
      const referral = (await deps.referrals.list(actor, { status: 'new' })).rows.find((r) => r.reference === made.reference)!;
      const { caseId } = await deps.referrals.accept(actor, referral.id);
      await insertAssignment(deps, orgId, caseId, volunteerId);
      const { id } = await deps.agreements.drafting.create(actor, caseId, { from: 'scratch' });
      for (let t = 0; t < 6; t++)
        await deps.agreements.drafting.addTerm(actor, caseId, id, { who: ['service'], what: words(30, t), dueKind: 'ongoing', checkHow: words(8, t) });
      const ready = await deps.agreements.drafting.readyToSign(actor, caseId, id);
      for (const s of (await deps.agreements.drafting.version(actor, caseId, id)).signers)
        signers.push({
          page: `/cases/${caseId}/agreement/${id}/versions/${ready.versionId}/sign/${s.id}`,
          url: `/api/v1/cases/${caseId}/agreements/${id}/versions/${ready.versionId}/signatures/${s.id}`,
          name: s.name,
          hash: ready.hash,
        });
    }
    const headers = { authorization: `Bearer ${key.key}` };
    const pages: number[] = [];
    const signs: number[] = [];
    // The first 10 signers one at a time (what one signer waits for alone), then the rest 20 at a time.
    const alonePages: number[] = [];
    const aloneSigns: number[] = [];
    let next = 0;
    const worker = async (alone = false) => {
      while (next < signers.length && (!alone || next < 10)) {
        const s = signers[next++]!;
        let started = performance.now();
        const page = await app.inject({ method: 'GET', url: s.page, headers: { cookie } });
        (alone ? alonePages : pages).push(performance.now() - started);
        if (page.statusCode !== 200) throw new Error(`The signing page answered ${page.statusCode}`);
        started = performance.now();
        const done = await app.inject({
          method: 'POST',
          url: s.url,
          headers,
          payload: { method: 'typed', typedName: s.name, confirmName: true, agree: true, seenHash: s.hash },
        });
        (alone ? aloneSigns : signs).push(performance.now() - started);
        if (done.statusCode !== 201) throw new Error(`A signature answered ${done.statusCode}: ${done.body}`);
      }
    };
    await worker(true);
    await Promise.all(Array.from({ length: CONCURRENT }, () => worker()));
    for (const list of [pages, signs, alonePages, aloneSigns]) list.sort((a, b) => a - b);
    return {
      backend,
      signers: pages.length,
      pageP50: percentile(pages, 50),
      pageP95: percentile(pages, 95),
      signP50: percentile(signs, 50),
      signP95: percentile(signs, 95),
      alonePageP50: percentile(alonePages, 50),
      aloneSignP50: percentile(aloneSigns, 50),
    };
  } finally {
    await app.close();
  }
}

async function measureSigningEverywhere(): Promise<SigningTiming[]> {
  const results: SigningTiming[] = [];
  const pglite = await openDatabase({ pglite: await createPglite() });
  try {
    results.push(await measureSigning('PGlite', pglite));
  } finally {
    await pglite.close();
  }
  const url = process.env.DATABASE_URL;
  if (!url) return results;
  const name = `parley_bench_agreements_${process.pid}`;
  await adminStatement(url, `CREATE DATABASE ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const postgres = await openDatabase({ databaseUrl: target.toString(), poolSize: 8 });
  try {
    results.push(await measureSigning('PostgreSQL', postgres));
  } finally {
    await postgres.close();
    await adminStatement(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
  return results;
}

const fmt = (n: number) => `${n.toFixed(1)} ms`;

export async function runAgreements(): Promise<number> {
  const startedAt = new Date();
  const loadAtStart = loadavg();
  console.log(`  the final PDF: ${PDFS} renders…`);
  const pdf = await measurePdf();
  console.log(`  PDF (${pdf.pages} pages): p95 ${fmt(pdf.p95)}, RSS growth ${pdf.growthMb.toFixed(1)} MB`);
  console.log(`  signing: ${AGREEMENTS} agreements, ${CONCURRENT} signers at a time…`);
  const signing = await measureSigningEverywhere();
  for (const r of signing) console.log(`  ${r.backend}: page p95 ${fmt(r.pageP95)}, signature p95 ${fmt(r.signP95)}`);
  const signingOk = signing.every((r) => r.pageP95 <= SIGNING_TARGET_MS && r.signP95 <= SIGNING_TARGET_MS);
  writeSection('agreements', [
    '## Agreements: the final PDF and signing',
    '',
    `Run ${startedAt.toISOString()} by \`npm run bench\` (or \`node bench/run.ts agreements\`) — nproc ${availableParallelism()}, Node ${process.version}, load average ${loadAtStart.map((n) => n.toFixed(2)).join(' ')} at the start.`,
    '',
    `The final PDF of a ${pdf.pages}-page agreement with 12 terms and 6 signatures (two drawn from SVG path data), DejaVu Sans embedded and subset: ${PDFS.toLocaleString('en-GB')} renders one after another in one process, after 100 to warm up. RSS growth is measured after a garbage collection before and after.`,
    '',
    '| Measure | p50 | p95 | p99 | Target | Result |',
    '| --- | --- | --- | --- | --- | --- |',
    `| PDF render | ${fmt(pdf.p50)} | ${fmt(pdf.p95)} | ${fmt(pdf.p99)} | p95 ≤ ${PDF_TARGET_MS} ms | ${pdf.p95 <= PDF_TARGET_MS ? 'PASS' : '**MISS**'} |`,
    `| RSS growth over ${PDFS.toLocaleString('en-GB')} PDFs (V8 heap: ${pdf.heapGrowthMb.toFixed(1)} MB) | ${pdf.growthMb.toFixed(1)} MB | | | ≤ ${RSS_TARGET_MB} MB | ${pdf.growthMb <= RSS_TARGET_MB ? 'PASS' : '**MISS**'} |`,
    '',
    `Signing at ${CONCURRENT} concurrent signers, through HTTP in one process (\`app.inject\`, no network: the page with a signed-in coordinator's session, the signature through the API with an admin key): ${AGREEMENTS} cases, each with two parties and a mediator and a six-term agreement ready to sign. Each signer loads the signing page (the whole agreement, audited) and then submits a typed signature through the API; the last signer of each agreement also makes its final PDF in the same request.`,
    '',
    '| Database | Signers | Page p50 | Page p95 | Signature p50 | Signature p95 | One signer alone: page / signature p50 | Target (p95) | Result |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...signing.map(
      (r) =>
        `| ${r.backend} | ${r.signers} | ${fmt(r.pageP50)} | ${fmt(r.pageP95)} | ${fmt(r.signP50)} | ${fmt(r.signP95)} | ${fmt(r.alonePageP50)} / ${fmt(r.aloneSignP50)} | ≤ ${SIGNING_TARGET_MS} ms | ${r.pageP95 <= SIGNING_TARGET_MS && r.signP95 <= SIGNING_TARGET_MS ? 'PASS' : '**MISS**'} |`,
    ),
    ...(process.env.DATABASE_URL ? [] : ['', '- PostgreSQL skipped: DATABASE_URL is not set.']),
  ]);
  return pdf.p95 <= PDF_TARGET_MS && pdf.growthMb <= RSS_TARGET_MB && signingOk ? 0 : 1;
}
export const cleanUpAgreements = async () => {};
