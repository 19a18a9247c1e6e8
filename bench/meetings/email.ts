// The email benchmark (`node bench/run.ts email`): 1,000 meeting invitations, each with its .ics, queued through the
// outbox and delivered by the job queue to an in-process SMTP server, with a worker restart in the middle:
//   - graceful: the first worker is stopped with worker.stop() (what SIGTERM does) after ~400 deliveries, and a
//     new worker carries on;
//   - crash: the first worker dies after ~400 deliveries without finishing what it holds. On PostgreSQL it is a
//     child process killed with SIGKILL; on PGlite (one process owns the database) its mail server connection
//     hangs for ever after the server has accepted a message, before Parley records it as sent — the worst moment.
//     The new worker takes over once the job lease (5 minutes) has passed: its clock runs 301 s ahead rather than
//     the benchmark waiting five minutes.
// Every received message is counted by its Message-ID: lost (queued, never received) and duplicated (received more
// than once). Baseline in the same run: nodemailer sending the same 1,000 messages straight to the server.
import { type ChildProcess, spawn } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { adminStatement } from '../pg-admin.ts';
import { createPglite, type Database, openDatabase } from '#src/db/client.ts';
import { runMigrations } from '#src/db/migrate.ts';
import { count, eq } from '#src/db/orm.ts';
import { emailOutbox } from '#src/db/schema/meetings.ts';
import { asSystem, inOrg } from '#src/db/tenant.ts';
import { systemActor } from '#src/access/actor.ts';
import { outgoing } from '#src/features/email/delivery.ts';
import { DEFAULT_MAIL_FROM } from '#src/features/email/mail-settings.ts';
import { createSmtpMailer, type Mailer } from '#src/features/email/mailer.ts';
import { queueMeetingMail } from '#src/features/meetings/records/meeting-mail.ts';
import { sendEmailJob } from '#src/features/email/send-email.job.ts';
import { DEFAULT_MEETING_POLICY } from '#src/features/settings/meeting-policy.ts';
import { createWorker, type Worker } from '#src/jobs/worker.ts';
import { type Clock, systemClock } from '#src/lib/clock.ts';
import { newId } from '#src/lib/ids.ts';
import { createLogger } from '#src/lib/logger.ts';
import { type SmtpSink, startSmtpSink } from '../../test/support/smtp-sink.ts';
import { benchDeps } from '../cases/generate.ts';
import { writeSection } from '../results-file.ts';
import { ROOT } from '../server-process.ts';

const MESSAGES = 1000;
const RESTART_AFTER = 400;
const TIMEOUT_MS = 10 * 60_000;
const LEASE_MS = 300_000;
const log = createLogger('silent');
const say = (line: string) => console.log(line);

type Variant = 'graceful' | 'crash';
type Figures = {
  backend: string;
  variant: string;
  queueMs: number;
  deliverMs: number;
  firstStoppedAt: number;
  received: number;
  lost: number;
  duplicated: number;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const aheadBy = (ms: number): Clock => ({ now: () => new Date(Date.now() + ms) });

/** 500 meetings with two recipients each: 1,000 invitations with their .ics, queued 50 meetings to a transaction. */
async function queueInvitations(database: Database, orgId: string): Promise<{ ms: number; messageIds: string[] }> {
  const started = performance.now();
  for (let batch = 0; batch < MESSAGES / 100; batch++) {
    await inOrg(database.db, orgId, async (tx) => {
      for (let i = 0; i < 50; i++) {
        const n = batch * 50 + i;
        const startsAt = new Date(Date.UTC(2026, 5 + (n % 6), 1 + (n % 28), 9 + (n % 8)));
        await queueMeetingMail(tx, {
          orgId,
          service: { name: 'Bench Mediation (fictional)', email: 'office@bench.example', phone: '01632 960000' },
          policy: DEFAULT_MEETING_POLICY,
          change: 'invitation',
          meeting: {
            id: newId(),
            caseId: newId(),
            caseReference: `BM-2026-${String(n).padStart(4, '0')}`,
            kind: 'joint',
            mode: 'in_person',
            startsAt,
            endsAt: new Date(startsAt.getTime() + 90 * 60_000),
            icsUid: `${newId()}@parley.invalid`,
            sequence: 0,
            where: 'Riverside Community Centre (Room 2), 1 River Road, Marbridge',
            videoLink: null,
          },
          recipients: [
            { participantId: newId(), name: `Party${n} Benchone`, email: `party${n}.one@bench.example`, response: 'needs_action' },
            { participantId: newId(), name: `Party${n} Benchtwo`, email: `party${n}.two@bench.example`, response: 'needs_action' },
          ],
        });
      }
    });
  }
  const ms = performance.now() - started;
  const rows = await asSystem(database.db, (tx) => tx.select({ messageId: emailOutbox.messageId }).from(emailOutbox));
  return { ms, messageIds: rows.map((r) => r.messageId) };
}

const sentCount = async (database: Database) =>
  (await asSystem(database.db, (tx) => tx.select({ n: count() }).from(emailOutbox).where(eq(emailOutbox.status, 'sent'))))[0]?.n ?? 0;

async function waitFor(check: () => boolean | Promise<boolean>, what: string) {
  const until = Date.now() + TIMEOUT_MS;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** A mailer that, once `die()` is called, lets the server accept the next message and then never returns. */
function dyingMailer(inner: Mailer) {
  let dead = false;
  return {
    die: () => {
      dead = true;
    },
    mailer: {
      async send(mail) {
        const result = await inner.send(mail);
        if (dead) await new Promise(() => {});
        return result;
      },
      close: () => inner.close(),
    } satisfies Mailer,
  };
}

function workerOn(database: Database, mailer: Mailer, clock: Clock = systemClock): Worker {
  return createWorker({ db: database.db, clock, log, jobs: [sendEmailJob], mailer, pollMs: 50, batch: 10 });
}

function spawnWorker(databaseUrl: string, smtpUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(ROOT, 'bench', 'meetings', 'email-worker.ts')], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, BENCH_SMTP_URL: smtpUrl },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout?.once('data', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`the worker process exited (${code})`)));
  });
}

async function runVariant(backend: string, variant: Variant, open: () => Promise<{ database: Database; url?: string }>): Promise<Figures> {
  const sink: SmtpSink = await startSmtpSink();
  const { database, url } = await open();
  const mailers: Mailer[] = [];
  const newMailer = () => {
    const m = createSmtpMailer({ url: sink.url, from: DEFAULT_MAIL_FROM });
    mailers.push(m);
    return m;
  };
  try {
    const orgId = await benchDeps(database).orgs.createOrg({ slug: `bench-email-${variant}`, name: 'Bench Mediation (fictional)' }, systemActor('bench'));
    const queued = await queueInvitations(database, orgId);
    const started = performance.now();
    const unique = () => sink.countsById().size;
    let firstStoppedAt: number;
    let second: Worker;
    if (variant === 'crash' && url) {
      const child = await spawnWorker(url, sink.url);
      await waitFor(() => unique() >= RESTART_AFTER, 'the first worker');
      child.kill('SIGKILL');
      firstStoppedAt = unique();
      second = workerOn(database, newMailer(), aheadBy(LEASE_MS + 1000));
    } else if (variant === 'crash') {
      const dying = dyingMailer(newMailer());
      const first = workerOn(database, dying.mailer);
      first.start();
      await waitFor(() => unique() >= RESTART_AFTER, 'the first worker');
      dying.die();
      await waitFor(() => unique() > RESTART_AFTER, 'the last message before the crash');
      void first.stop(); // stops polling; the send in hand never returns: the worker is gone
      firstStoppedAt = unique();
      second = workerOn(database, newMailer(), aheadBy(LEASE_MS + 1000));
    } else {
      const first = workerOn(database, newMailer());
      first.start();
      await waitFor(() => unique() >= RESTART_AFTER, 'the first worker');
      await first.stop();
      firstStoppedAt = unique();
      second = workerOn(database, newMailer());
    }
    second.start();
    await waitFor(async () => unique() >= MESSAGES && (await sentCount(database)) >= MESSAGES, 'every message to be sent');
    await second.stop();
    const deliverMs = performance.now() - started;
    const counts = sink.countsById();
    const lost = queued.messageIds.filter((id) => !counts.has(id)).length;
    const duplicated = [...counts.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
    const figures = { backend, variant, queueMs: queued.ms, deliverMs, firstStoppedAt, received: sink.received.length, lost, duplicated };
    say(`  ${backend} ${variant}: ${JSON.stringify(figures)}`);
    return figures;
  } finally {
    for (const m of mailers) m.close();
    await database.close();
    await sink.close();
  }
}

/** nodemailer straight to the server, one message after another over the same pooled transport: no outbox, no queue. */
async function baseline(): Promise<{ ms: number; received: number }> {
  const sink = await startSmtpSink();
  const pglite = await openDatabase({ pglite: await createPglite() });
  await runMigrations(pglite);
  const orgId = await benchDeps(pglite).orgs.createOrg({ slug: 'bench-email-baseline', name: 'Bench Mediation (fictional)' }, systemActor('bench'));
  await queueInvitations(pglite, orgId);
  const rows = await asSystem(pglite.db, (tx) => tx.select().from(emailOutbox));
  await pglite.close();
  const mailer = createSmtpMailer({ url: sink.url, from: DEFAULT_MAIL_FROM });
  const started = performance.now();
  for (const row of rows) await mailer.send(outgoing(row));
  const ms = performance.now() - started;
  mailer.close();
  const received = sink.received.length;
  await sink.close();
  return { ms, received };
}

let dropPostgres: (() => Promise<void>) | undefined;

export async function cleanUpEmail() {
  await dropPostgres?.();
}

export async function runEmail(): Promise<number> {
  const load = loadavg()[0]!.toFixed(2);
  const results: Figures[] = [];
  const openPglite = async () => {
    const database = await openDatabase({ pglite: await createPglite() });
    await runMigrations(database);
    return { database };
  };
  say('Baseline: nodemailer straight to the server');
  const base = await baseline();
  for (const variant of ['graceful', 'crash'] as const) results.push(await runVariant('PGlite', variant, openPglite));

  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    const admin = (statement: string) => adminStatement(databaseUrl, statement);
    for (const variant of ['graceful', 'crash'] as const) {
      const name = `parley_bench_email_${variant}_${process.pid}`;
      await admin(`CREATE DATABASE ${name}`);
      dropPostgres = () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      const url = new URL(databaseUrl);
      url.pathname = `/${name}`;
      try {
        results.push(
          await runVariant('PostgreSQL', variant, async () => {
            const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
            await runMigrations(database);
            return { database, url: url.toString() };
          }),
        );
      } finally {
        await dropPostgres();
        dropPostgres = undefined;
      }
    }
  }

  const rate = (n: number, ms: number) => `${Math.round((n / ms) * 1000)}/s`;
  const what: Record<string, string> = {
    graceful: 'graceful stop (`worker.stop()`, as on SIGTERM) and a new worker',
    crash: 'crash, then a new worker after the lease',
  };
  const ok = results.every((r) => r.lost === 0 && (r.variant === 'crash' || r.duplicated === 0));
  writeSection('email', [
    '## Meetings: email through the outbox',
    '',
    `${MESSAGES.toLocaleString('en-GB')} meeting invitations (each with its .ics, as an attachment and a text/calendar part) queued through the transactional outbox and delivered by the job queue to an in-process SMTP server on this machine; the first worker is stopped after ${RESTART_AFTER} deliveries and a new one finishes. Messages are counted by Message-ID at the server. Load average at the start: ${load} on ${availableParallelism()} cores.`,
    '',
    '| Database | Restart | Queue 1,000 (in transactions of 100) | Deliver all (from the first worker’s start) | Messages/second | Delivered before the restart | Received | Lost | Duplicated | Result |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...results.map(
      (r) =>
        `| ${r.backend} | ${what[r.variant]} | ${(r.queueMs / 1000).toFixed(2)} s | ${(r.deliverMs / 1000).toFixed(2)} s | ${rate(MESSAGES, r.deliverMs)} | ${r.firstStoppedAt} | ${r.received} | ${r.lost} | ${r.duplicated} | ${r.lost === 0 && (r.variant === 'crash' || r.duplicated === 0) ? 'PASS' : '**MISS**'} |`,
    ),
    `| Baseline | nodemailer straight to the server, no outbox, one after another on a pooled connection | — | ${(base.ms / 1000).toFixed(2)} s | ${rate(base.received, base.ms)} | — | ${base.received} | — | — | no target |`,
    '',
    '- Targets: none lost, none duplicated across a graceful restart. After a crash, delivery is at least once: a message the server accepted just before the worker died (before Parley recorded it as sent) is sent again once the 5-minute job lease has passed, with the same Message-ID, so a receiving system can drop the copy. The crash rows show how many that was.',
    '- PGlite crash: one process owns the embedded database, so the first worker “dies” in-process — its SMTP connection never returns after the server has accepted a message. PostgreSQL crash: the first worker is a separate process killed with SIGKILL. In both, the new worker’s clock runs 301 s ahead instead of the benchmark waiting out the lease; the time column does not include that wait.',
    '- The outbox costs a transaction to claim each message, one to record it sent and a delivery-log row, on top of SMTP; the baseline has none of that and no durability.',
    '',
  ]);
  say(ok ? 'email: PASS' : 'email: MISS');
  return ok ? 0 : 1;
}
