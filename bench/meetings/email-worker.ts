// A worker process for the email benchmark: works only the email.send job against PostgreSQL and the benchmark's
// SMTP server, until the benchmark kills it (SIGKILL: a crash) or stops it (SIGTERM: a graceful stop).
// Env: DATABASE_URL, BENCH_SMTP_URL.
import { openDatabase } from '#src/db/client.ts';
import { DEFAULT_MAIL_FROM } from '#src/features/email/mail-settings.ts';
import { createSmtpMailer } from '#src/features/email/mailer.ts';
import { sendEmailJob } from '#src/features/email/send-email.job.ts';
import { systemClock } from '#src/lib/clock.ts';
import { createLogger } from '#src/lib/logger.ts';
import { createWorker } from '#src/jobs/worker.ts';

const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL!, poolSize: 2 });
const mailer = createSmtpMailer({ url: process.env.BENCH_SMTP_URL!, from: DEFAULT_MAIL_FROM });
const worker = createWorker({ db: database.db, clock: systemClock, log: createLogger('silent'), jobs: [sendEmailJob], mailer, pollMs: 50 });
worker.start();
process.once('SIGTERM', async () => {
  await worker.stop();
  mailer.close();
  await database.close();
  process.exit(0);
});
console.log('ready');
