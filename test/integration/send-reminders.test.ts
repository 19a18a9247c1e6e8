// Reminders of the SEND clocks and of the local authority's duties after an agreement: emailed by the daily job to the
// case's coordinator and the mediators on the case (not to every coordinator), once per clock, due date and stage,
// however often the job runs, and delivered through the outbox to a real (in-process) SMTP server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from '#src/db/orm.ts';
import { emailOutbox } from '#src/db/schema/meetings.ts';
import { asSystem } from '#src/db/tenant.ts';
import { sendRemindersJob } from '#src/features/send/send-reminders.job.ts';
import { ZCertificate, ZSendDetails } from '#src/features/send/send.schemas.ts';
import { signAgreementOnCase } from '../support/agreements.ts';
import { makeMember, makeOrg } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { makeSendCase } from '../support/send-cases.ts';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink.ts';
import { actorFor, insertAssignment, makeVolunteer } from '../support/volunteers.ts';

let sink: SmtpSink;
let h: Harness;
let orgId: string;
let admins: ReturnType<typeof actorFor>;
const ids: Record<string, string> = {};

const reminders = () =>
  asSystem(h.deps.db, (tx) =>
    tx
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.orgId, orgId), eq(emailOutbox.template, 'send_reminder')))
      .orderBy(asc(emailOutbox.createdAt), asc(emailOutbox.toAddress)),
  );
const run = () => sendRemindersJob.run({}, { db: h.deps.db, clock: h.clock, orgId: null });
const at = (iso: string) => {
  h.clock.current = new Date(`${iso}T07:00:00Z`);
};

beforeAll(async () => {
  sink = await startSmtpSink();
  h = await startHarness({ smtpUrl: sink.url });
  at('2026-12-22');
  ({ orgId } = await makeOrg(h.deps, 'remind', 'Remind Mediation (fictional)'));
  const ada = await makeMember(h.deps, orgId, 'admin', 'ada@remind.example', { name: 'Ada Admin', twoFactor: false });
  await makeMember(h.deps, orgId, 'coordinator', 'cora@remind.example', { name: 'Cora Coordinator', twoFactor: false });
  admins = actorFor(orgId, ada.userId, 'admin', 'Ada Admin');
  await h.deps.settings.update(admins, { caseTypes: ['community', 'send'] });
  const make = (name: string) => makeSendCase(h.deps, orgId, admins, name);
  ids.declined = await make('Declined');
  ids.agreed = await make('Agreed');
  const mel = await makeVolunteer(h.deps, orgId, { name: 'Mel Mediator', areas: ['send'] });
  await insertAssignment(h.deps, orgId, ids.declined, mel);
  await insertAssignment(h.deps, orgId, ids.agreed, mel);
});
afterAll(async () => {
  h?.deps.mailer?.close();
  await h?.close();
  await sink?.close();
});

describe('SEND reminders', () => {
  it('reminds the case’s coordinator and mediator 2 working days before the declined certificate is due, once', async () => {
    await h.deps.send.saveDetails(admins, ids.declined!, ZSendDetails.parse({ issues: ['B', 'F'], decisionLetterOn: '2026-12-01' }));
    // Told on Monday 21 December: due Thursday 24 December (3 working days), 2 working days left on the 22nd.
    await h.deps.send.recordMias(admins, ids.declined!, { miasOn: '2026-12-21', decision: 'declines' });
    await run();
    await run();
    const first = await reminders();
    expect(first.map((r) => r.toAddress).sort()).toEqual(['ada@remind.example', 'mel.mediator@volunteers.example']);
    expect(first[0]!.subject).toMatch(/^SEND deadline soon on case .+: Certificate: mediation declined \(3 working days\)$/);
    expect(first[0]!.textBody).toContain('falls due on 24 December 2026.');
    expect(first[0]!.textBody).toContain(`/cases/${ids.declined}/send`);
    expect(first.every((r) => r.caseId === ids.declined)).toBe(true);
  });

  it('reminds again on the day it falls due and once when it has passed, never twice for a stage', async () => {
    at('2026-12-24');
    await run();
    at('2026-12-29');
    await run();
    await run();
    at('2026-12-30');
    await run();
    const all = await reminders();
    const toAda = all.filter((r) => r.toAddress === 'ada@remind.example').map((r) => r.subject.split(' on case')[0]);
    expect(toAda).toEqual(['SEND deadline soon', 'SEND deadline today', 'SEND deadline passed']);
    expect(all).toHaveLength(6);
  });

  it('stops when the certificate is issued', async () => {
    await h.deps.send.issueCertificate(admins, ids.declined!, ZCertificate.parse({ kind: 'declined', adviserName: 'Mo Adviser', issuedOn: '2026-12-30' }));
    at('2027-01-04');
    await run();
    expect(await reminders()).toHaveLength(6);
  });

  it('follows up the local authority’s duty after a signed agreement with the case team', async () => {
    at('2027-01-04');
    await h.deps.send.saveDetails(admins, ids.agreed!, ZSendDetails.parse({ issues: ['F'], decisionLetterOn: '2026-12-01' }));
    await h.deps.send.recordMias(admins, ids.agreed!, { miasOn: '2026-12-10', decision: 'wants_mediation' });
    await h.deps.send.saveProgress(admins, ids.agreed!, {
      mediationHeldOn: '2027-01-04',
      laAttendeeName: 'Lee Officer',
      laAttendeeRole: 'SEN team manager',
      laAttendeeHasAuthority: true,
      delayReason: undefined,
    });
    await h.deps.send.issueCertificate(
      admins,
      ids.agreed!,
      ZCertificate.parse({ kind: 'after_mediation', adviserName: 'Mel Mediator', issueOutcomes: ['agreed'] }),
    );
    await signAgreementOnCase(h, admins, ids.agreed!, {
      who: ['local_authority'],
      what: 'Send the amended plan',
      dueKind: 'date',
      dueOn: '2027-01-15',
      checkHow: 'The amended plan is received',
      appealable: true,
      sendAction: 'amend_plan',
    });
    const due = (await h.deps.send.get(admins, ids.agreed!)).duties[0]!.due!;
    // A week before the duty falls due: one follow-up each to the coordinator and the mediator.
    const weekBefore = new Date(Date.parse(`${due}T00:00:00Z`) - 7 * 86_400_000).toISOString().slice(0, 10);
    at(weekBefore);
    await run();
    await run();
    const duty = (await reminders()).filter((r) => r.caseId === ids.agreed);
    expect(duty.map((r) => r.toAddress).sort()).toEqual(['ada@remind.example', 'mel.mediator@volunteers.example']);
    expect(duty[0]!.subject).toContain('Local authority duty after the agreement: Send the amended plan');
    // Met: no further follow-up when it would have fallen due.
    await h.deps.send.recordDutyMet(admins, ids.agreed!, (await h.deps.send.get(admins, ids.agreed!)).duties[0]!.termId, weekBefore);
    at(due);
    await run();
    expect((await reminders()).filter((r) => r.caseId === ids.agreed)).toHaveLength(2);
  });

  it('delivers them to the mail server', async () => {
    await h.deps.worker.runOnce();
    await h.deps.worker.runOnce();
    expect(sink.received.filter((m) => m.to.includes('ada@remind.example'))).toHaveLength(4);
    expect(sink.received.some((m) => m.to.includes('cora@remind.example'))).toBe(false);
  });
});
