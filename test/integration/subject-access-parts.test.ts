// A subject access archive (rules.md #55) with every feature's part: the referrals that named the person, their
// restorative justice letters, their SEND record and certificates, and their feedback and check-ins at the end of the
// case, each unzipped and found; the person's consent in words; and none of the other party's, the referrer's or
// anyone else's name, email, phone or address anywhere in the archive.
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from '#src/db/orm.ts';
import { parties } from '#src/db/schema/cases.ts';
import { checkIns, feedbackResponses, followUpPoints } from '#src/db/schema/closing.ts';
import { referrals } from '#src/db/schema/referrals.ts';
import { rjLetters } from '#src/db/schema/rj.ts';
import { sendCases, sendCertificates } from '#src/db/schema/send.ts';
import { inOrg } from '#src/db/tenant.ts';
import { queueLetter } from '#src/features/email/outbox.ts';
import { newId } from '#src/lib/ids.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { type MeetingsWorld, meetingsWorld, pageText } from '../support/meetings.ts';

let h: Harness;
let w: MeetingsWorld;
let html = '';
let all = '';
let data: {
  cases: Record<string, never>[];
  otherReferrals: unknown[];
};

/** The other party, the referrer and others who must appear nowhere in Sam's archive. */
const ALEX = { name: 'Alex Example', email: 'alex@example.org', phone: '07700 900222', address: '7 Marigold Row, Exampleton', postcode: 'ZZ2 2BB' };
const RITA = { name: 'Rita Quillon', email: 'rita.quillon@agency.example', phone: '01632 960123', organisation: 'Exampleton Housing' };
const SAM = { phone: '07700 900111', address: '3 Bramble Close, Exampleton' };

beforeAll(async () => {
  h = await startHarness();
  w = await meetingsWorld(h, 'sarparts');
  const now = h.clock.now();
  await h.deps.caseActivity.recordConsent(w.admin, w.caseId, { partyId: w.parties.sam, status: 'given', method: 'verbal' });
  await inOrg(h.deps.db, w.orgId, async (tx) => {
    await tx.update(parties).set({ role: 'parent', phone: SAM.phone, phoneNorm: '07700900111', address: SAM.address }).where(eq(parties.id, w.parties.sam));
    await tx
      .update(parties)
      .set({ phone: ALEX.phone, phoneNorm: '07700900222', address: ALEX.address, postcode: ALEX.postcode, postcodeNorm: 'ZZ22BB' })
      .where(eq(parties.id, w.parties.alex));
    const referralParty = (p: { name: string; email: string; phone: string; address: string }, role: string) => ({ ...p, role });
    await tx.insert(referrals).values([
      {
        id: newId(),
        orgId: w.orgId,
        reference: 'SARPARTS-R-1',
        source: 'professional',
        status: 'accepted',
        caseType: 'community',
        description: `REFERRAL-WORDS Sam and ${ALEX.name} (${ALEX.phone}) argue about the fence; ${RITA.name} visited`,
        parties: [
          referralParty({ name: 'Sam Example', email: 'sam@example.org', phone: SAM.phone, address: SAM.address }, 'party'),
          referralParty(ALEX, 'party'),
        ],
        answers: { whatWouldHelp: `REFERRAL-HELP a talk without ${ALEX.name} shouting`, bestTimes: 'Evenings' },
        referrer: RITA,
        consentToContact: true,
        createdAt: now,
        caseId: w.caseId,
      },
      {
        id: newId(),
        orgId: w.orgId,
        reference: 'SARPARTS-R-2',
        source: 'self',
        status: 'declined',
        caseType: 'community',
        description: 'EARLIER-REFERRAL a dog barking next door',
        parties: [{ name: 'Sam Example', role: 'party', phone: '+44 7700 900111' }],
        answers: {},
        consentToContact: true,
        matchKeys: ['t:07700900111'],
        createdAt: new Date(now.getTime() - 86_400_000 * 400),
      },
    ]);
    const letter = (from: string, to: string, body: string, passed: boolean) => ({
      id: newId(),
      orgId: w.orgId,
      caseId: w.caseId,
      fromPartyId: from,
      toPartyId: to,
      body,
      passedAt: passed ? now : null,
      createdBy: 'test',
      createdAt: now,
    });
    await tx
      .insert(rjLetters)
      .values([
        letter(w.parties.sam, w.parties.alex, 'SAM-LETTER I am sorry about the fence, Alex', false),
        letter(w.parties.alex, w.parties.sam, `OTHER-PASSED I accept. Write to me at ${ALEX.address} or ring ${ALEX.phone}`, true),
        letter(w.parties.alex, w.parties.sam, 'OTHER-UNPASSED not yet vetted', false),
      ]);
    await tx.insert(sendCases).values({
      caseId: w.caseId,
      orgId: w.orgId,
      decisionType: 'refusal_to_assess',
      issues: ['refusal_to_assess'],
      requestedBy: 'parent',
      childName: 'Robin Example',
      localAuthority: 'Exampleton Council',
      miasOn: '2026-11-02',
      miasDecision: 'wants_mediation',
      attendees: [
        { name: 'Ash Advocate', kind: 'advocate', agreed: true },
        { name: 'Olu Onlooker', kind: 'other', agreed: true },
      ],
      laAttendeeName: 'Lee Councilofficer',
      updatedAt: now,
    });
    await tx.insert(sendCertificates).values({
      id: newId(),
      orgId: w.orgId,
      caseId: w.caseId,
      number: 1,
      kind: 'declined',
      issues: [{ issue: 'refusal_to_assess', outcome: null }],
      issuedOn: '2026-11-03',
      appealDeadline: '2027-01-03',
      adviserName: 'Vera Volunteer',
      adviserOrganisation: 'SARPARTS Mediation (fictional)',
      issuedBy: 'test',
      createdAt: now,
    });
    const feedback = (partyId: string, whatHelped: string) => ({
      id: newId(),
      orgId: w.orgId,
      caseId: w.caseId,
      caseType: 'community',
      partyId,
      source: 'phone',
      satisfaction: 4,
      feltHeard: true,
      wouldRecommend: true,
      whatHelped,
      submittedAt: now,
    });
    await tx
      .insert(feedbackResponses)
      .values([feedback(w.parties.sam, 'SAM-FEEDBACK being listened to, even by Alex'), feedback(w.parties.alex, 'OTHER-FEEDBACK')]);
    const pointId = newId();
    await tx
      .insert(followUpPoints)
      .values({ id: pointId, orgId: w.orgId, caseId: w.caseId, seq: 1, weeks: 6, startOn: '2026-10-01', dueOn: '2026-11-12', createdAt: now });
    await tx.insert(checkIns).values({
      id: newId(),
      orgId: w.orgId,
      caseId: w.caseId,
      pointId,
      partyId: w.parties.sam,
      source: 'visit',
      note: 'SAM-CHECKIN all quiet',
      answeredAt: now,
    });
  });
  await h.deps.caseActivity.addNote(w.admin, w.caseId, { body: 'TEAM-NOTE Sam and Alex both came to the office' });
  await h.deps.caseActivity.addNote(w.admin, w.caseId, { body: 'THIRD-PARTY-NOTE what a neighbour told us', thirdParty: true });
  await inOrg(h.deps.db, w.orgId, async (tx) => {
    const letter = (toName: string, subject: string, partyId?: string) =>
      queueLetter(tx, {
        partyId,
        orgId: w.orgId,
        template: 'meeting_invitation',
        toName,
        addressLines: [SAM.address],
        subject,
        text: `${subject}: see Alex at 10am`,
        caseId: w.caseId,
      });
    await letter('Sam Example', 'SAM-POST-LETTER Invitation to a meeting');
    await letter(ALEX.name, 'OTHER-POST-LETTER Invitation to a meeting');
    // Linked to the person it was written to: found by the link, whatever name it was addressed to.
    await letter('S. Example', 'SAM-LINKED-LETTER Your meeting has moved', w.parties.sam);
    await letter('Sam Example', 'OTHER-LINKED-LETTER Your meeting has moved', w.parties.alex);
  });
  const request = (await h.deps.dataRequests.record(w.admin, { kind: 'access', requesterName: 'Sam Example', receivedOn: '2026-12-01' })).id;
  const ada = await w.signIn(w.members.ada);
  await ada.get(`/data-protection/requests/${request}`);
  const res = await ada.post(`/data-protection/requests/${request}/archive`, { q: 'sam@example.org', partyId: w.parties.sam });
  expect(res.statusCode).toBe(200);
  const files = unzipSync(new Uint8Array(res.rawPayload));
  html = strFromU8(files['summary.html']!);
  data = JSON.parse(strFromU8(files['data.json']!));
  all = `${html}\n${strFromU8(files['data.json']!)}`;
});
afterAll(() => h?.close());

describe('each feature’s part of the archive', () => {
  it('holds the referral that became the case and an earlier one that named the person', () => {
    const text = pageText(html);
    expect(text).toContain('Referral SARPARTS-R-1');
    expect(text).toContain('REFERRAL-WORDS Sam and [redacted] ([redacted]) argue about the fence; [redacted] visited');
    expect(text).toContain('REFERRAL-HELP a talk without [redacted] shouting');
    expect(text).toContain('From a professional, whose details are not included');
    expect(text).toContain('Other referrals that named you');
    expect(text).toContain('EARLIER-REFERRAL');
    expect(text).toContain('Self-referral');
    expect(data.otherReferrals).toHaveLength(1);
  });

  it('holds the letters the person wrote and the one passed to them, as it reached them; not one never passed on', () => {
    const text = pageText(html);
    expect(text).toContain('SAM-LETTER I am sorry about the fence, [redacted]');
    expect(text).toContain('You wrote it');
    expect(text).toMatch(/OTHER-PASSED I accept\. Write to me at \[removed by the facilitators\]/);
    expect(text).toContain('Passed on to you');
    expect(all).not.toContain('OTHER-UNPASSED');
  });

  it('holds the SEND record and its certificate, with those who came with the parent and not the others', () => {
    const text = pageText(html);
    expect(text).toContain('Special educational needs (SEND) mediation');
    expect(text).toContain('Robin Example');
    expect(text).toContain('Ash Advocate');
    expect(text).toContain('Refusal to carry out an EHC needs assessment');
    expect(text).toContain('Wants mediation');
    expect(text).toContain('Mediation declined');
    expect(text).toContain('3 January 2027');
    for (const gone of ['Olu', 'Onlooker', 'Councilofficer']) expect(all, gone).not.toContain(gone);
  });

  it('holds the feedback form and check-in the person gave, not the other party’s', () => {
    const text = pageText(html);
    expect(text).toContain('SAM-FEEDBACK being listened to, even by [redacted]');
    expect(text).toContain('4 out of 5');
    expect(text).toContain('SAM-CHECKIN all quiet');
    expect(text).toContain('At a visit');
    expect(all).not.toContain('OTHER-FEEDBACK');
  });

  it('leaves out a team note marked as about other people and counts it, and keeps an ordinary one redacted', () => {
    const text = pageText(html);
    expect(text).toContain('TEAM-NOTE Sam and [redacted] both came to the office');
    expect(all).not.toContain('THIRD-PARTY-NOTE');
    expect(all).not.toContain('what a neighbour told us');
    expect(text).toContain('1 note that staff marked as about other people was left out.');
    expect(JSON.stringify(data.cases[0])).toContain('"aboutOtherPeople":1');
  });

  it('holds the letter to post addressed to the person, redacted, and not the other party’s', () => {
    const text = pageText(html);
    expect(text).toContain('Letters we wrote to you by post');
    expect(text).toContain('SAM-POST-LETTER Invitation to a meeting');
    expect(text).toContain('To post');
    expect(JSON.stringify(data)).toContain('SAM-POST-LETTER Invitation to a meeting: see [redacted] at 10am');
    expect(all).not.toContain('OTHER-POST-LETTER');
    expect(text).toContain('SAM-LINKED-LETTER Your meeting has moved');
    expect(all).not.toContain('OTHER-LINKED-LETTER');
  });

  it('shows consent in words with its date, not its code', () => {
    const text = pageText(html);
    expect(text).toContain('Agreed on 3 December 2026');
    expect(html).not.toMatch(/<dd>given<\/dd>|not_asked/);
  });

  it('holds no name, email, phone or address of the other party or the referrer anywhere', () => {
    const gone = ['Alex', ALEX.email, '900222', '900 222', 'Marigold', 'ZZ2', 'Rita', 'Quillon', RITA.email, '960123', '960 123', 'Kit Supporter', 'Wren'];
    for (const word of gone) expect(all, word).not.toContain(word);
    expect(all.toLowerCase()).not.toContain('alex');
    // The person's own details stay.
    expect(all).toContain(SAM.address);
  });
});
