// Email through the outbox: queued in the caller's transaction, delivered by the worker to a real (in-process) SMTP
// server with the invitation attached, retried after a refusal, held in the app when no mail server is set up, and
// shown only to the service's admins and coordinators. Alerts that waited for email: a safeguarding disclosure
// (never its words) and DBS rechecks (each once); meeting reminders (each once per meeting time).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, sql } from '#src/db/orm.ts';
import { emailDeliveries, emailOutbox, meetingParticipants, meetings } from '#src/db/schema/meetings.ts';
import { asSystem, inOrg } from '#src/db/tenant.ts';
import { systemActor } from '#src/access/actor.ts';
import { dbsAlertsJob } from '#src/features/volunteers/dbs/dbs-alerts.job.ts';
import { deliverOutboxMessage } from '#src/features/email/delivery.ts';
import { type MeetingMailInput, queueMeetingMail } from '#src/features/meetings/records/meeting-mail.ts';
import { queueEmail } from '#src/features/email/outbox.ts';
import { DEFAULT_MEETING_POLICY } from '#src/features/settings/meeting-policy.ts';
import { queueReminders } from '#src/features/meetings/records/reminders.job.ts';
import { newId } from '#src/lib/ids.ts';
import { makeMember, makeOrg, signIn } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { headerOf, type SmtpSink, startSmtpSink } from '../support/smtp-sink.ts';
import { actorFor, makeCase, makeVolunteer } from '../support/volunteers.ts';

let sink: SmtpSink;
let h: Harness;
let bare: Harness;

beforeAll(async () => {
  sink = await startSmtpSink();
  h = await startHarness({ smtpUrl: sink.url });
  bare = await startHarness();
});
afterAll(async () => {
  h?.deps.mailer?.close();
  await h?.close();
  await bare?.close();
  await sink?.close();
});

const robin = { participantId: newId(), name: 'Robin Example', email: 'robin@example.org', response: 'needs_action' };
const kit = { participantId: newId(), name: 'Kit Sample', email: 'kit@example.net', response: 'accepted' };
const noEmail = { participantId: newId(), name: 'Lee Nomail', email: null, response: 'needs_action', addressLines: ['7 Letterbox Lane', 'PO3 3CC'] };

/** A case (unless given) and a meeting on record, for mail about it: the outbox may only point at the service's own. */
async function meetingOnRecord(x: Harness, orgId: string, caseId = newId()) {
  const meetingId = newId();
  const at = x.clock.now();
  await asSystem(x.deps.db, async (tx) => {
    await tx.execute(sql`INSERT INTO cases (id, org_id, reference, case_type, status, summary, opened_at, status_changed_at)
      VALUES (${caseId}, ${orgId}, ${`AM-${caseId.slice(0, 8)}`}, 'community', 'intake', 'Mail test', ${at}, ${at}) ON CONFLICT (id) DO NOTHING`);
    await tx.insert(meetings).values({
      id: meetingId,
      orgId,
      caseId,
      kind: 'joint',
      mode: 'phone',
      startsAt: at,
      endsAt: at,
      icsUid: `${meetingId}@parley.invalid`,
      createdAt: at,
      updatedAt: at,
    });
  });
  return { caseId, meetingId };
}

function invitation(orgId: string, on: { caseId: string; meetingId: string }, over: Partial<MeetingMailInput> = {}): MeetingMailInput {
  const caseId = on.caseId;
  return {
    orgId,
    service: { name: 'Alpha Mediation (fictional)', email: 'office@alpha.example', phone: '01632 960000' },
    policy: DEFAULT_MEETING_POLICY,
    change: 'invitation',
    meeting: {
      id: on.meetingId,
      caseId,
      caseReference: 'AM-TEST-1',
      kind: 'joint',
      mode: 'in_person',
      startsAt: new Date('2026-12-15T10:00:00Z'),
      endsAt: new Date('2026-12-15T11:30:00Z'),
      icsUid: `${newId()}@parley.invalid`,
      sequence: 0,
      where: 'Riverside Community Centre (Room 2), 1 River Road',
      videoLink: null,
    },
    recipients: [robin, kit, noEmail],
    ...over,
  };
}

const outboxOf = (x: Harness, orgId: string) =>
  asSystem(x.deps.db, (tx) =>
    tx.select().from(emailOutbox).where(eq(emailOutbox.orgId, orgId)).orderBy(asc(emailOutbox.createdAt), asc(emailOutbox.toAddress)),
  );
const deliveriesOf = (x: Harness, outboxId: string) =>
  asSystem(x.deps.db, (tx) => tx.select().from(emailDeliveries).where(eq(emailDeliveries.outboxId, outboxId)).orderBy(asc(emailDeliveries.at)));
const receivedBy = (address: string) => sink.received.filter((m) => m.to.includes(address));

describe('delivery to an SMTP server', () => {
  let orgId: string;
  beforeAll(async () => {
    ({ orgId } = await makeOrg(h.deps, 'alpha'));
  });

  it('sends one message per recipient with an address, with the invitation attached and as a calendar part', async () => {
    const on = await meetingOnRecord(h, orgId);
    const queued = await inOrg(h.deps.db, orgId, (tx) => queueMeetingMail(tx, invitation(orgId, on)));
    expect(queued).toEqual({ emails: 2, letters: 1, lettersWithoutAddress: 0, noLetters: [], noAddress: [] });
    await h.deps.worker.runOnce();
    const all = await outboxOf(h, orgId);
    // The recipient without an email address gets a letter to post, which no worker ever sends.
    expect(all.filter((r) => r.channel === 'post').map((r) => [r.toName, r.status])).toEqual([[noEmail.name, 'to_post']]);
    const rows = all.filter((r) => r.channel === 'email');
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent']);
    const row = rows.find((r) => r.toAddress === 'robin@example.org')!;
    expect(row.messageId).toMatch(/^<[0-9a-f-]{36}@parley\.invalid>$/);
    expect(row.smtpResponse).toContain('Accepted');

    const [mail] = receivedBy('robin@example.org');
    expect(mail).toBeDefined();
    const raw = mail!.raw;
    expect(headerOf(raw, 'Message-ID')).toBe(row.messageId);
    expect(headerOf(raw, 'Subject')).toBe(row.subject);
    expect(headerOf(raw, 'From')).toBe('Parley <no-reply@localhost>');
    expect(headerOf(raw, 'To')).toBe('Robin Example <robin@example.org>');
    expect(headerOf(raw, 'Auto-Submitted')).toBe('auto-generated');
    expect(raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
    expect(raw).toMatch(/Content-Type: application\/ics; name=invite\.ics/i);
    expect(raw).toMatch(/Content-Disposition: attachment; filename=invite\.ics/i);
    expect(raw).toMatch(/Content-Type: text\/html/i);
    expect(raw).not.toContain('kit@example.net');
    expect(raw).not.toContain('Kit Sample');
    expect((await deliveriesOf(h, row.id)).map((d) => d.outcome)).toEqual(['sent']);
  });

  it('never sends a message twice: a second run and a second delivery of the same message do nothing', async () => {
    const before = sink.received.length;
    await h.deps.worker.runOnce();
    const [row] = (await outboxOf(h, orgId)).filter((r) => r.channel === 'email');
    expect(await deliverOutboxMessage(row!.id, { db: h.deps.db, clock: h.clock, orgId, mailer: h.deps.mailer })).toBe('skipped');
    const [letter] = (await outboxOf(h, orgId)).filter((r) => r.channel === 'post');
    expect(await deliverOutboxMessage(letter!.id, { db: h.deps.db, clock: h.clock, orgId, mailer: h.deps.mailer })).toBe('skipped');
    expect(sink.received.length).toBe(before);
  });

  it('tries again after the server refuses, and the delivery log shows both attempts', async () => {
    sink.refuseNext(1);
    const id = await inOrg(h.deps.db, orgId, (tx) =>
      queueEmail(tx, { orgId, template: 'dbs_alert', to: 'retry@example.org', subject: 'Retry me', text: 'Hello' }),
    );
    await h.deps.worker.runOnce();
    expect(receivedBy('retry@example.org')).toHaveLength(0);
    let [row] = (await outboxOf(h, orgId)).filter((r) => r.id === id);
    expect(row).toMatchObject({ status: 'queued', attempts: 1 });
    expect(row!.lastError).toContain('451');
    h.clock.advance(60_000); // the first retry waits 45 to 60 seconds (jobs/backoff.ts)
    await h.deps.worker.runOnce();
    expect(receivedBy('retry@example.org')).toHaveLength(1);
    [row] = (await outboxOf(h, orgId)).filter((r) => r.id === id);
    expect(row).toMatchObject({ status: 'sent', attempts: 2 });
    const log = await deliveriesOf(h, id!);
    expect(log.map((d) => d.outcome)).toEqual(['retrying', 'sent']);
    expect(log[0]!.detail).toContain('451');
  });

  it('takes over a send interrupted by a dead worker once the lease has passed (at least once, never lost)', async () => {
    const id = (await inOrg(h.deps.db, orgId, (tx) =>
      queueEmail(tx, { orgId, template: 'dbs_alert', to: 'crash@example.org', subject: 'Crash', text: 'Hello' }),
    ))!;
    await asSystem(h.deps.db, (tx) => tx.update(emailOutbox).set({ status: 'sending', sendingSince: h.clock.now() }).where(eq(emailOutbox.id, id)));
    const ctx = { db: h.deps.db, clock: h.clock, orgId, mailer: h.deps.mailer };
    await expect(deliverOutboxMessage(id, ctx)).rejects.toThrow('being sent by another worker');
    h.clock.advance(301_000);
    expect(await deliverOutboxMessage(id, ctx)).toBe('sent');
    expect(receivedBy('crash@example.org')).toHaveLength(1);
  });

  it('lets staff try again a message whose sending was interrupted on its last attempt, once the lease has passed', async () => {
    const id = (await inOrg(h.deps.db, orgId, (tx) =>
      queueEmail(tx, { orgId, template: 'dbs_alert', to: 'stuck@example.org', subject: 'Stuck', text: 'Hello' }),
    ))!;
    await asSystem(h.deps.db, (tx) => tx.update(emailOutbox).set({ status: 'sending', sendingSince: h.clock.now() }).where(eq(emailOutbox.id, id)));
    const staff = actorFor(orgId, newId(), 'coordinator');
    await expect(h.deps.email.retry(staff, id)).rejects.toThrow('whose sending was interrupted');
    h.clock.advance(301_000);
    expect(await h.deps.email.retry(staff, id)).toEqual({ id, status: 'queued' });
    const ctx = { db: h.deps.db, clock: h.clock, orgId, mailer: h.deps.mailer };
    expect(await deliverOutboxMessage(id, ctx)).toBe('sent');
    expect(receivedBy('stuck@example.org')).toHaveLength(1);
  });

  it('queues a message with a dedupe key once', async () => {
    const queue = () =>
      inOrg(h.deps.db, orgId, (tx) =>
        queueEmail(tx, { orgId, template: 'dbs_alert', to: 'once@example.org', subject: 'Once', text: 'x', dedupeKey: 'test:once' }),
      );
    expect(await queue()).not.toBeNull();
    expect(await queue()).toBeNull();
    expect((await outboxOf(h, orgId)).filter((r) => r.toAddress === 'once@example.org')).toHaveLength(1);
  });
});

describe('without a mail server', () => {
  let orgId: string;
  let otherOrgId: string;
  let messageId: string;
  let caseId: string;
  let admin: Awaited<ReturnType<typeof makeMember>>;
  let mediator: Awaited<ReturnType<typeof makeMember>>;
  let outsider: Awaited<ReturnType<typeof makeMember>>;

  beforeAll(async () => {
    ({ orgId } = await makeOrg(bare.deps, 'held'));
    ({ orgId: otherOrgId } = await makeOrg(bare.deps, 'other'));
    admin = await makeMember(bare.deps, orgId, 'admin', 'ada@held.example', { name: 'Ada Admin' });
    mediator = await makeMember(bare.deps, orgId, 'mediator', 'mo@held.example', { name: 'Mo Mediator' });
    outsider = await makeMember(bare.deps, otherOrgId, 'coordinator', 'cy@other.example', { name: 'Cy Coordinator' });
    const actor = actorFor(orgId, admin.userId, 'admin');
    ({ caseId } = await makeCase(bare.deps, orgId, actor, {
      description: 'Noise through the wall',
      parties: [{ name: 'Sam Example' }, { name: 'Jo Example' }],
    }));
    const on = await meetingOnRecord(bare, orgId, caseId);
    await inOrg(bare.deps.db, orgId, (tx) => queueMeetingMail(tx, invitation(orgId, on, { recipients: [robin] })));
    await bare.deps.worker.runOnce();
    messageId = (await outboxOf(bare, orgId))[0]!.id;
  });

  it('holds the message in the outbox, with a line in its delivery log', async () => {
    const [row] = await outboxOf(bare, orgId);
    expect(row!.status).toBe('held');
    expect((await deliveriesOf(bare, messageId)).map((d) => d.outcome)).toEqual(['held']);
  });

  it('shows held messages on /email with a banner, and the message with its invitation and log', async () => {
    const web = await signIn(bare, admin);
    const list = await web.get('/email');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('No mail server is set up, so messages are held here.');
    expect(list.body).toContain(`href="/email/${messageId}"`);
    expect(list.body).toContain(`href="/cases/${caseId}"`);
    expect((await web.get('/email?status=sent')).body).toContain('No messages found');
    expect((await web.get('/email?status=bogus&page=-3')).statusCode).toBe(200);

    const page = await web.get(`/email/${messageId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Dear Robin Example');
    expect(page.body).toContain('Calendar invitation');
    expect(page.body).toContain('REQUEST');
    expect(page.body).toContain('Try again');
    const audited = await asSystem(bare.deps.db, (tx) =>
      tx.execute(sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'email.viewed' AND entity_id = ${messageId}`),
    );
    expect(JSON.stringify(audited)).toContain('"n":1');

    const retried = await web.post(`/email/${messageId}/retry`);
    expect(retried.statusCode).toBe(303);
    expect((await outboxOf(bare, orgId))[0]!.status).toBe('queued');
    await bare.deps.worker.runOnce();
    expect((await deliveriesOf(bare, messageId)).map((d) => d.outcome)).toEqual(['held', 'retrying', 'held']);
  });

  it('is for admins and coordinators of the service only', async () => {
    const mo = await signIn(bare, mediator);
    expect((await mo.get('/email')).statusCode).toBe(403);
    expect((await mo.get(`/email/${messageId}`)).statusCode).toBe(403);
    const cy = await signIn(bare, outsider);
    expect((await cy.get('/email')).body).not.toContain(messageId);
    expect((await cy.get(`/email/${messageId}`)).statusCode).toBe(404);
  });

  it('has an API twin with the same rules', async () => {
    const key = async (org: string, role: 'coordinator' | 'mediator') =>
      (await bare.deps.apiKeys.createForOrg(org, { name: `${role} key`, role }, systemActor('test'))).key;
    const call = async (k: string, url: string) => bare.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${k}` } });
    const coordinatorKey = await key(orgId, 'coordinator');
    const list = await call(coordinatorKey, '/api/v1/email/outbox?status=held');
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ total: 1, page: 1, smtpConfigured: false, messages: [{ id: messageId, status: 'held', to: 'robin@example.org' }] });
    const one = await call(coordinatorKey, `/api/v1/email/outbox/${messageId}`);
    expect(one.json()).toMatchObject({ id: messageId, icsMethod: 'REQUEST', icsSummary: { method: 'REQUEST', sequence: 0 } });
    expect(one.json().deliveries.length).toBeGreaterThan(0);
    expect((await call(await key(orgId, 'mediator'), '/api/v1/email/outbox')).statusCode).toBe(403);
    expect((await call(await key(otherOrgId, 'coordinator'), `/api/v1/email/outbox/${messageId}`)).statusCode).toBe(404);
    expect((await call(coordinatorKey, '/api/v1/email/outbox/not-a-uuid')).statusCode).toBe(422);
  });
});

describe('alerts that waited for email', () => {
  const DISCLOSED = 'Jo said her partner hit her last week and she is frightened to go home';

  it('tells the safeguarding lead that a disclosure was recorded, and never what it was', async () => {
    const { orgId } = await makeOrg(h.deps, 'harbour');
    const admin = await makeMember(h.deps, orgId, 'admin', 'ada@harbour.example', { name: 'Ada Admin', twoFactor: false });
    await makeMember(h.deps, orgId, 'safeguarding_lead', 'sal@harbour.example', { name: 'Sal Lead', twoFactor: false });
    const actor = actorFor(orgId, admin.userId, 'admin');
    const { caseId, reference } = await makeCase(h.deps, orgId, actor, {
      description: 'Shouting over the fence',
      parties: [{ name: 'Sam Patel', address: '1 Fence Lane' }, { name: 'Jo Okafor' }],
    });
    await h.deps.caseActivity.addNote(actor, caseId, { body: DISCLOSED, disclosure: true });
    const alerts = (await outboxOf(h, orgId)).filter((r) => r.template === 'safeguarding_alert');
    expect(alerts.map((r) => r.toAddress)).toEqual(['sal@harbour.example']);
    await h.deps.worker.runOnce();
    const [mail] = receivedBy('sal@harbour.example');
    expect(mail!.raw).toContain(reference);
    for (const secret of ['frightened', 'partner', 'Sam Patel', 'Jo Okafor', 'Fence Lane']) {
      expect(alerts[0]!.textBody).not.toContain(secret);
      expect(alerts[0]!.subject).not.toContain(secret);
      expect(mail!.raw).not.toContain(secret);
    }
  });

  it('tells the admins when the service has no safeguarding lead', async () => {
    const { orgId } = await makeOrg(h.deps, 'nolead');
    const admin = await makeMember(h.deps, orgId, 'admin', 'ada@nolead.example', { name: 'Ada Admin', twoFactor: false });
    const actor = actorFor(orgId, admin.userId, 'admin');
    const { caseId } = await makeCase(h.deps, orgId, actor, { description: 'Parking dispute', parties: [{ name: 'Al Example' }, { name: 'Bo Example' }] });
    await h.deps.caseActivity.addNote(actor, caseId, { body: DISCLOSED, disclosure: true });
    expect((await outboxOf(h, orgId)).filter((r) => r.template === 'safeguarding_alert').map((r) => r.toAddress)).toEqual(['ada@nolead.example']);
  });

  it('emails a DBS recheck alert to the coordinator and the volunteer once, however often the job runs', async () => {
    const { orgId } = await makeOrg(h.deps, 'dbs');
    await makeMember(h.deps, orgId, 'coordinator', 'cora@dbs.example', { name: 'Cora Coordinator', twoFactor: false });
    const today = new Date(h.clock.now().toISOString().slice(0, 10));
    const issued = new Date(Date.UTC(today.getUTCFullYear() - 3, today.getUTCMonth(), today.getUTCDate() + 20)).toISOString().slice(0, 10);
    const volunteerId = await makeVolunteer(h.deps, orgId, { name: 'Val Volunteer', dbs: { issuedOn: issued } });
    await makeVolunteer(h.deps, orgId, { name: 'Fay Fresh', dbs: { yearsAgo: 1 } });
    const ctx = { db: h.deps.db, clock: h.clock, orgId: null };
    await dbsAlertsJob.run({}, ctx);
    await dbsAlertsJob.run({}, ctx);
    const alerts = (await outboxOf(h, orgId)).filter((r) => r.template === 'dbs_alert');
    expect(alerts.map((r) => r.toAddress).sort()).toEqual(['cora@dbs.example', 'val.volunteer@volunteers.example']);
    expect(alerts.every((r) => r.dedupeKey?.startsWith(`dbs:${volunteerId}:`) && r.dedupeKey.includes(':30:'))).toBe(true);
    expect(alerts[0]!.subject).toMatch(/^DBS recheck due in 2\d days: Val Volunteer$/);
    await h.deps.worker.runOnce();
    await dbsAlertsJob.run({}, ctx);
    await h.deps.worker.runOnce();
    expect(receivedBy('cora@dbs.example')).toHaveLength(1);
    expect(receivedBy('val.volunteer@volunteers.example')).toHaveLength(1);
  });
});

describe('meeting reminders', () => {
  it('reminds the participants still invited (not declined, consent not withdrawn, still on the case), once per meeting time', async () => {
    const { orgId } = await makeOrg(h.deps, 'remind');
    const admin = await makeMember(h.deps, orgId, 'admin', 'ada@remind.example', { name: 'Ada Admin', twoFactor: false });
    const adminActor = actorFor(orgId, admin.userId, 'admin');
    const { caseId } = await makeCase(h.deps, orgId, adminActor, {
      description: 'Hedge too tall',
      parties: [{ name: 'Ray Example' }, { name: 'Dee Example' }, { name: 'Wes Example' }],
    });
    const wes = (await h.deps.cases.get(adminActor, caseId)).parties.find((p) => p.name === 'Wes Example')!.id;
    await h.deps.caseActivity.recordConsent(adminActor, caseId, { partyId: wes, status: 'given', method: 'verbal' });
    await h.deps.caseActivity.recordConsent(adminActor, caseId, { partyId: wes, status: 'withdrawn', method: 'verbal' });
    const offCase = await makeVolunteer(h.deps, orgId, { name: 'Otto Offcase' });
    const now = h.clock.now();
    const meetingId = newId();
    const startsAt = new Date(now.getTime() + 10 * 3_600_000);
    await inOrg(h.deps.db, orgId, async (tx) => {
      const booked = new Date(now.getTime() - 3 * 86_400_000);
      await tx.insert(meetings).values({
        id: meetingId,
        orgId,
        caseId,
        kind: 'joint',
        mode: 'online',
        videoLink: 'https://meet.example.org/r-abc123',
        startsAt,
        endsAt: new Date(startsAt.getTime() + 3_600_000),
        icsUid: `${meetingId}@parley.invalid`,
        createdAt: booked,
        updatedAt: booked,
      });
      await tx.insert(meetingParticipants).values(
        [
          { name: 'Ray Example', email: 'ray@example.org', response: 'accepted' },
          { name: 'Dee Example', email: 'dee@example.org', response: 'declined' },
          { name: 'Pat Nomail', email: null, response: 'needs_action' },
          { name: 'Wes Example', email: 'wes@example.org', response: 'accepted', partyId: wes },
          { name: 'Otto Offcase', email: 'otto@example.org', response: 'accepted', kind: 'volunteer', volunteerId: offCase },
        ].map((p) => ({ id: newId(), orgId, meetingId, caseId, kind: 'party', ...p, createdAt: booked })),
      );
    });
    expect(await inOrg(h.deps.db, orgId, (tx) => queueReminders(tx, orgId, now))).toBe(1);
    expect(await inOrg(h.deps.db, orgId, (tx) => queueReminders(tx, orgId, now))).toBe(0);
    const [reminder] = (await outboxOf(h, orgId)).filter((r) => r.template === 'meeting_reminder');
    expect(reminder).toMatchObject({ toAddress: 'ray@example.org', icsMethod: 'REQUEST', meetingId });
    expect(reminder!.textBody).toContain('https://meet.example.org/r-abc123');
    const [m] = await asSystem(h.deps.db, (tx) =>
      tx
        .select()
        .from(meetings)
        .where(and(eq(meetings.id, meetingId))),
    );
    expect(m!.reminderSentFor?.toISOString()).toBe(startsAt.toISOString());
  });
});
