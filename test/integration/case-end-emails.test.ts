// The emails at the end of a case are editable like the others (Settings → Email wording): the signing link, the
// signed copy, the follow-up check-in and the feedback survey, each with the placeholders check, and a service's own
// wording is what goes out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inOrg } from '#src/db/tenant.ts';
import { desc, eq } from '#src/db/orm.ts';
import { emailOutbox } from '#src/db/schema/meetings.ts';
import { readyAgreement } from '../support/agreements.ts';
import { caseAtOutcome } from '../support/closing.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { type MeetingsWorld, meetingsWorld } from '../support/meetings.ts';
import { errorSummary, pageText } from '../support/page-text.ts';

let h: Harness;
let w: MeetingsWorld;
beforeAll(async () => {
  h = await startHarness();
  w = await meetingsWorld(h, 'wording');
});
afterAll(() => h?.close());

const lastMailTo = async (to: string) =>
  (
    await inOrg(h.deps.db, w.orgId, (tx) => tx.select().from(emailOutbox).where(eq(emailOutbox.toAddress, to)).orderBy(desc(emailOutbox.createdAt)).limit(1))
  )[0]!;

describe('the emails at the end of a case', () => {
  it('are listed with their placeholders, checked when saved, and sent in the service’s own wording', async () => {
    const admin = await w.signIn(w.members.ada);
    const list = pageText((await admin.get('/settings/emails')).body);
    for (const label of ['Agreement ready to sign (signing link)', 'Copy of the signed agreement', 'Follow-up check-in', 'Feedback survey'])
      expect(list).toContain(label);
    expect(list).toContain('Placeholders: {service}, {recipientName}, {link}, {until}');

    // A placeholder the email does not know is refused, keeping what was typed.
    const bad = await admin.post('/settings/emails/agreement_signing_link', {
      subject: 'Sign with {service}',
      body: 'Hello {recipientName}, your code is {code}',
    });
    expect(bad.statusCode).toBe(422);
    expect(errorSummary(bad.body)).toContain('This email does not know {code}. Use only {service}, {recipientName}, {link}, {until}');
    expect(bad.body).toContain('your code is {code}');

    const own = await admin.post('/settings/emails/agreement_signing_link', {
      subject: 'Please sign: {service}',
      body: 'Hello {recipientName}, read and sign here: {link} (until {until}). Call us if you get stuck.',
    });
    expect(own.statusCode).toBe(303);
    expect(
      (
        await admin.post('/settings/emails/follow_up_check_in', {
          subject: 'Checking in from {service}',
          body: 'Hi {recipientName}, how is it going? {link} ({days} days)',
        })
      ).statusCode,
    ).toBe(303);

    const r = await readyAgreement(h, w);
    const alex = r.signers.find((s) => s.name === 'Alex Example')!;
    await h.deps.agreements.signing.sendLink(w.coordinator, w.caseId, r.agreementId, r.versionId, alex.id);
    const signing = await lastMailTo('alex@example.org');
    expect(signing.subject).toMatch(/^Please sign: /);
    expect(signing.textBody).toMatch(/^Hello Alex Example, read and sign here: https?:\/\/\S+\/sign\/[A-Za-z0-9_-]+ \(until \d{4}-\d{2}-\d{2}\)\. Call us/);
    expect(signing.htmlBody).toContain('Call us if you get stuck.');

    // The follow-up check-in link goes in the service's wording too; the feedback survey keeps the built-in one.
    const { caseId } = await caseAtOutcome(h, w.orgId, w.admin, { description: 'Hedge', names: ['Pat Pine', 'Rue Rowan'] });
    await h.deps.cases.transition(w.admin, caseId, { to: 'follow_up' });
    h.clock.advance(15 * 86_400_000);
    await h.deps.closing.followUp.sendLinksNow(w.admin, caseId);
    const checkIn = await lastMailTo('pat.pine@example.test');
    expect(checkIn.subject).toBe('Checking in from WORDING Mediation (fictional)');
    expect(checkIn.textBody).toMatch(/^Hi Pat Pine, how is it going\? \S+\/check-in\/[A-Za-z0-9_-]{43} \(\d+ days\)/);
    const view = await h.deps.closing.followUp.ofCase(w.admin, caseId);
    for (const p of view.points)
      await h.deps.closing.followUp.recordCheckIn(w.admin, caseId, {
        pointId: p.id,
        partyId: view.parties[0]!.id,
        source: 'phone',
        answers: [{ answer: 'kept' }],
        wantsMeeting: false,
      });
    await h.deps.cases.transition(w.admin, caseId, { to: 'closed', closingReason: 'agreement_kept' });
    const survey = await lastMailTo('pat.pine@example.test');
    expect(survey.subject).toBe('WORDING Mediation (fictional): tell us how mediation went');
    expect(survey.textBody).toContain('Dear Pat Pine,');
  });
});
