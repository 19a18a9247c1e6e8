// A mail server down for a whole day loses no email: two workers (separate connections on PostgreSQL) keep retrying
// with capped back-off, and the message is sent once, soon after the server is back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from '#src/db/orm.ts';
import { jobs } from '#src/db/schema/jobs.ts';
import { emailDeliveries, emailOutbox } from '#src/db/schema/meetings.ts';
import { asSystem, inOrg } from '#src/db/tenant.ts';
import { SEND_EMAIL_ATTEMPTS } from '#src/features/email/delivery.ts';
import { mailerFromConfig } from '#src/features/email/mailer.ts';
import { queueEmail } from '#src/features/email/outbox.ts';
import { JOBS } from '#src/jobs/registry.ts';
import { createWorker } from '#src/jobs/worker.ts';
import type { Database } from '#src/db/client.ts';
import { makeOrg } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { secondConnection } from '../support/second-instance.ts';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink.ts';

let sink: SmtpSink;
let h: Harness;
let other: Database;
const otherMailer = () => mailerFromConfig(h.deps.config);
let mailerB: ReturnType<typeof otherMailer>;

beforeAll(async () => {
  sink = await startSmtpSink();
  h = await startHarness({ smtpUrl: sink.url });
  other = await secondConnection(h);
  mailerB = otherMailer();
});
afterAll(async () => {
  h?.deps.mailer?.close();
  mailerB?.close();
  await other?.close();
  await h?.close();
  await sink?.close();
});

describe('a day-long mail-server outage', () => {
  it('keeps retrying for over 24 hours across two workers and then sends the message exactly once', async () => {
    const { orgId } = await makeOrg(h.deps, 'outage');
    const a = createWorker({ db: h.deps.db, clock: h.clock, log: h.deps.log, jobs: JOBS, mailer: h.deps.mailer });
    const b = createWorker({ db: other.db, clock: h.clock, log: h.deps.log, jobs: JOBS, mailer: mailerB });
    const id = (await inOrg(h.deps.db, orgId, (tx) =>
      queueEmail(tx, { orgId, template: 'dbs_alert', to: 'patient@example.org', subject: 'After the outage', text: 'Hello' }),
    ))!;
    const start = h.clock.now().getTime();
    sink.refuseNext(1_000_000);
    while (h.clock.now().getTime() - start < 24 * 3_600_000) {
      await Promise.all([a.runOnce(), b.runOnce()]);
      h.clock.advance(15 * 60_000);
    }
    const [during] = await asSystem(h.deps.db, (tx) => tx.select().from(emailOutbox).where(eq(emailOutbox.id, id)));
    expect(during!.status).toBe('queued');

    sink.refuseNext(0);
    for (let hour = 0; hour < 2; hour++) {
      await Promise.all([a.runOnce(), b.runOnce()]);
      h.clock.advance(60 * 60_000);
    }
    expect(sink.received.filter((m) => m.to.includes('patient@example.org'))).toHaveLength(1);
    const [after] = await asSystem(h.deps.db, (tx) => tx.select().from(emailOutbox).where(eq(emailOutbox.id, id)));
    expect(after!.status).toBe('sent');
    const log = await asSystem(h.deps.db, (tx) =>
      tx.select({ outcome: emailDeliveries.outcome }).from(emailDeliveries).where(eq(emailDeliveries.outboxId, id)).orderBy(asc(emailDeliveries.at)),
    );
    expect(log.at(-1)!.outcome).toBe('sent');
    expect(log.filter((l) => l.outcome === 'retrying').length).toBeGreaterThan(20);
    expect(log.some((l) => l.outcome === 'failed')).toBe(false);
    const [job] = await h.deps.db.select().from(jobs).where(eq(jobs.name, 'email.send'));
    expect(job!.doneAt).not.toBeNull();
    expect(job!.attempts).toBeLessThan(SEND_EMAIL_ATTEMPTS);
  });
});
