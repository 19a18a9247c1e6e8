// npm run bench: every benchmark, one after the other, each writing its own section of bench/results.md.
//   node bench/run.ts foundation   start-up, memory, /healthz and /home (bench/foundation.ts)
//   node bench/run.ts compare      this code side by side with another checkout or other Node options (bench/compare.ts)
//   node bench/run.ts pages        statements and CPU time of one request to each role's home and the staff pages (bench/pages.ts)
//   node bench/run.ts cases        "Referrals and the case": a generated service of 100k cases (bench/cases/run.ts)
//   node bench/run.ts volunteers   "Volunteers and co-mediator pairs": pair suggestions, batch allocation vs HiGHS (bench/volunteers/run.ts)
//   node bench/run.ts pairs        the same suggestions through the service and the database (bench/volunteers/service.ts)
//   node bench/run.ts email        1,000 invitations through the outbox with a worker restart, vs nodemailer alone (bench/meetings/email.ts)
//   node bench/run.ts slots        the slot finder: 2,000 generated cases, findSlots vs a naive step-by-step finder (bench/meetings/slots.ts)
//   node bench/run.ts agreements   the final PDF (12 terms, 6 signatures) and signing at 20 concurrent signers (bench/agreements/run.ts)
//   node bench/run.ts retention    the retention job over 10,000 due cases, and the case list meanwhile (bench/dataprotection/retention.ts)
//   node bench/run.ts send         10,000 SEND cases over five years: the deadlines queue at 20 concurrent users (bench/send/run.ts)
//   node bench/run.ts reports      every standard report over 100k cases and 1M events, and an XLSX of 100k rows (bench/reports.ts)
//   node bench/run.ts durability   20 writers through the API, `kill -9` mid-load, restart, acknowledged writes lost (bench/durability.ts)
// BENCH_SECONDS sets each load run's length (default 10). DATABASE_URL adds the PostgreSQL figures.
import { cleanUpAgreements, runAgreements } from './agreements/run.ts';
import { cleanUpCases, runCases } from './cases/run.ts';
import { cleanUpCompare, runCompare } from './compare.ts';
import { cleanUpDurability, runDurability } from './durability.ts';
import { cleanUpEmail, runEmail } from './meetings/email.ts';
import { cleanUpRetentionBench, runRetentionBench } from './dataprotection/retention.ts';
import { runSlots } from './meetings/slots.ts';
import { cleanUpFoundation, runFoundation } from './foundation.ts';
import { killAll } from './server-process.ts';
import { cleanUpVolunteers, runVolunteers } from './volunteers/run.ts';
import { cleanUpReports, runReports } from './reports.ts';
import { runPairsService } from './volunteers/service.ts';
import { runPages } from './pages.ts';
import { cleanUpSend, runSend } from './send/run.ts';

const BENCHMARKS = {
  foundation: { run: runFoundation, cleanUp: cleanUpFoundation },
  pages: { run: runPages, cleanUp: async () => {} },
  compare: { run: runCompare, cleanUp: cleanUpCompare },
  cases: { run: runCases, cleanUp: cleanUpCases },
  volunteers: { run: runVolunteers, cleanUp: cleanUpVolunteers },
  pairs: { run: runPairsService, cleanUp: async () => {} },
  email: { run: runEmail, cleanUp: cleanUpEmail },
  slots: { run: runSlots, cleanUp: async () => {} },
  durability: { run: runDurability, cleanUp: cleanUpDurability },
  agreements: { run: runAgreements, cleanUp: cleanUpAgreements },
  retention: { run: runRetentionBench, cleanUp: cleanUpRetentionBench },
  send: { run: runSend, cleanUp: cleanUpSend },
  reports: { run: runReports, cleanUp: cleanUpReports },
} as const;
type Name = keyof typeof BENCHMARKS;

const asked = process.argv.slice(2);
const unknown = asked.filter((a) => !(a in BENCHMARKS));
if (unknown.length) {
  console.error(`Unknown benchmark ${unknown.join(', ')}. Usage: node bench/run.ts [${Object.keys(BENCHMARKS).join('|')}]…`);
  process.exit(64);
}
// `npm run bench` runs every benchmark but the comparison, which needs something to compare with.
const names = (asked.length ? asked : Object.keys(BENCHMARKS).filter((name) => name !== 'compare')) as Name[];

let current: Name | undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    killAll(); // then drop the PostgreSQL databases and temp directories, giving up after 20 s
    setTimeout(() => process.exit(130), 20_000).unref();
    void (current ? BENCHMARKS[current].cleanUp() : Promise.resolve()).finally(() => process.exit(130));
  });
}
process.once('exit', killAll);

let code = 0;
for (const name of names) {
  current = name;
  console.log(`\n=== ${name} benchmark ===`);
  code = Math.max(code, await BENCHMARKS[name].run());
}
current = undefined;
process.exitCode = code;
