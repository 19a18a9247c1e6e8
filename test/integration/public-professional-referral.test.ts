// The professional referral form: choose the kind of case, then one form per case type with the referrer,
// the person's agreement, the people, risks and the case type's own questions; the SEND deadline on confirmation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../support/harness.ts';
import { WebClient } from '../support/web-client.ts';
import { postRepeated, publicService } from './public-support.ts';

let h: Harness;
let s: Awaited<ReturnType<typeof publicService>>;
const P = '/s/kids/professional-referral';

beforeAll(async () => {
  h = await startHarness();
  s = await publicService(h, 'kids', { caseTypes: ['send', 'restorative_justice', 'social_care', 'community'] });
});
afterAll(() => h?.close());

const referrer = {
  referrerOrganisation: 'Riverside Primary School (fictional)',
  referrerRole: 'SENCO',
  referrerName: 'Sena Coordinator',
  referrerEmail: 'senco@riverside.example',
};

/** A date as the three boxes of a GOV.UK date input. */
const dateBoxes = (d: Date) => ({
  'decisionLetterDate-day': String(d.getUTCDate()),
  'decisionLetterDate-month': String(d.getUTCMonth() + 1),
  'decisionLetterDate-year': String(d.getUTCFullYear()),
});

describe('professional referral', () => {
  it('asks which kind of case first, offering only what the service offers', async () => {
    const web = new WebClient(h.app);
    const choose = await web.get(P);
    expect(choose.body).toContain('What kind of case are you referring?');
    const none = await web.post(P, {});
    expect(none.statusCode).toBe(422);
    expect(none.body).toContain('Select the kind of case you are referring');
    expect((await web.post(P, { caseType: 'send' })).headers.location).toBe(`${P}/send`);
    expect((await web.post(P, { caseType: 'social_care' })).headers.location).toBe(`${P}/social-care`);
    expect((await web.get(`${P}/family-law`)).statusCode).toBe(404);
  });

  it('refuses an incomplete SEND referral field by field, keeping everything typed', async () => {
    const web = new WebClient(h.app);
    await web.get(`${P}/send`);
    const res = await postRepeated(web, `${P}/send`, [
      ['referrerOrganisation', referrer.referrerOrganisation],
      ['referrerEmail', 'senco-at-riverside'],
      ['person1Name', 'Parent Example'],
      ['person1Role', 'parent'],
      ['person3Phone', '01632 960 444'],
      ['person3Role', ''],
      ['description', 'Parents disagree with the refusal to assess.'],
      ['risks', 'mental_health'],
      ['risks', 'domestic_abuse'],
      ['issues', 'B'],
      ['issues', 'F'],
      ['decisionLetterDate-day', '30'],
      ['decisionLetterDate-month', '2'],
      ['decisionLetterDate-year', '2026'],
    ]);
    expect(res.statusCode).toBe(422);
    const messages = [
      'Enter the referrer’s role',
      'Enter the referrer’s name',
      'Enter the referrer’s email address in the correct format',
      'Confirm that the person knows about this referral and has agreed to it',
      'Enter the name of person 3, or clear their details',
      'Select the role of person 3',
      'Select the decision being disputed',
      'The date of the decision letter must be a real date',
    ];
    for (const m of messages) expect(res.body).toContain(m);
    expect(res.body).toContain('href="#decisionLetterDate-day"');
    expect(res.body).toContain('href="#person3Name"');
    for (const kept of [
      'value="Riverside Primary School (fictional)"',
      'value="senco-at-riverside"',
      'value="Parent Example"',
      'value="01632 960 444"',
      'value="30"',
    ])
      expect(res.body).toContain(kept);
    expect(res.body).toContain('Parents disagree with the refusal to assess.');
    expect(res.body).toMatch(/value="mental_health" checked/);
    expect(res.body).toMatch(/value="domestic_abuse" checked/);
    expect(res.body).toMatch(/value="F" checked/);
    expect(res.body).toMatch(/<option value="parent" selected>/);
  });

  it('takes a SEND referral and shows the 2-month deadline from the decision letter', async () => {
    const web = new WebClient(h.app);
    await web.get(`${P}/send`);
    const letter = new Date(h.clock.now().getTime() - 10 * 86_400_000);
    const res = await postRepeated(web, `${P}/send`, [
      ...Object.entries({ ...referrer, ...dateBoxes(letter) }),
      ['personAgreed', 'yes'],
      ['lineManagerAware', 'yes'],
      ['person1Name', 'Parent Example'],
      ['person1Role', 'parent'],
      ['person1Phone', '07700 900 555'],
      ['person2Name', 'Riverside County Council (fictional)'],
      ['person2Role', 'local_authority'],
      ['description', 'The council refused to carry out an EHC needs assessment.'],
      ['decisionType', 'refusal_to_assess'],
      ['issues', 'B'],
      ['issues', 'F'],
    ]);
    expect(res.statusCode, res.body.match(/govuk-error-summary[\s\S]*?<\/ul>/)?.[0]).toBe(303);
    expect(res.headers.location).toBe(`${P}/confirmation`);
    const page = await web.get(`${P}/confirmation`);
    const reference = /id="reference">([^<]+)</.exec(page.body)?.[1];
    expect(reference).toMatch(/^CDM-R-\d{4}-\d{4}$/);
    const deadline = /id="send-deadline">([^<]+)</.exec(page.body)?.[1];
    const expected = new Date(Date.UTC(letter.getUTCFullYear(), letter.getUTCMonth() + 2, 1));
    expect(deadline).toContain(expected.toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }));
    expect(page.body).not.toContain('passed on');

    const { rows } = await h.deps.referrals.list(s.coordinator, {});
    const referral = rows.find((r) => r.reference === reference)!;
    expect(referral).toMatchObject({ source: 'professional', caseType: 'send', urgent: false });
    expect(referral.referrer).toMatchObject({
      organisation: referrer.referrerOrganisation,
      name: 'Sena Coordinator',
      personAgreed: true,
      lineManagerAware: true,
    });
    expect(referral.parties.map((p) => [p.name, p.role, p.isReferredPerson])).toEqual([
      ['Parent Example', 'parent', true],
      ['Riverside County Council (fictional)', 'local_authority', false],
    ]);
    expect(referral.answers.details).toEqual({ decisionType: 'refusal_to_assess', issues: ['B', 'F'], decisionLetterDate: letter.toISOString().slice(0, 10) });
  });

  it('warns when the SEND deadline has already passed', async () => {
    const web = new WebClient(h.app);
    await web.get(`${P}/send`);
    const letter = new Date(h.clock.now().getTime() - 100 * 86_400_000);
    const res = await web.post(`${P}/send`, {
      ...referrer,
      ...dateBoxes(letter),
      personAgreed: 'yes',
      person1Name: 'Young Person Example',
      person1Role: 'young_person',
      person2Name: 'Riverside County Council (fictional)',
      person2Role: 'local_authority',
      description: 'The council wants to stop maintaining the plan.',
      decisionType: 'cease_to_maintain',
    });
    expect(res.headers.location).toBe(`${P}/confirmation`);
    expect((await web.get(`${P}/confirmation`)).body).toContain('The 2-month deadline to contact a mediation adviser about this decision passed on');
  });

  it('asks the restorative justice questions, including where the person who harmed is held', async () => {
    const web = new WebClient(h.app);
    const form = await web.get(`${P}/restorative-justice`);
    // Every role starts unselected (a pre-selected role saved a probation officer's person who harmed as the victim),
    // and only the roles of a restorative justice case are offered.
    expect(form.body).not.toMatch(/<option value="[a-z_]+" selected>/);
    expect(form.body).toContain('<option value="person_who_harmed">');
    expect(form.body).not.toContain('<option value="local_authority">');
    const base = {
      referrerOrganisation: 'Probation Service (fictional)',
      referrerRole: 'Offender manager',
      referrerName: 'Olu Manager',
      referrerEmail: 'olu@probation.example',
      personAgreed: 'yes',
      person1Name: 'Vic Tim',
      person1Role: 'victim',
      person2Name: 'Harry Harmer',
      person2Role: 'person_who_harmed',
      description: 'The victim of a burglary would like to meet the person responsible.',
      offenceType: 'Burglary',
      sentencingStage: 'custody',
      inCustody: 'yes',
      initiatedBy: 'victim',
      risks: 'anyone_at_risk',
    };
    const missing = await web.post(`${P}/restorative-justice`, base);
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain('Enter the prison or establishment where the person who harmed is held');
    const ok = await web.post(`${P}/restorative-justice`, { ...base, establishment: 'HMP Example (fictional)', prisonNumber: 'A1234BC' });
    expect(ok.headers.location).toBe(`${P}/confirmation`);
    const page = await web.get(`${P}/confirmation`);
    expect(page.body).toContain('We will treat this referral as urgent');
    const reference = /id="reference">([^<]+)</.exec(page.body)?.[1];
    const referral = (await h.deps.referrals.list(s.coordinator, {})).rows.find((r) => r.reference === reference)!;
    expect(referral).toMatchObject({ caseType: 'restorative_justice', urgent: true, risks: ['anyone_at_risk'] });
    expect(referral.answers.details).toMatchObject({
      inCustody: true,
      establishment: 'HMP Example (fictional)',
      prisonNumber: 'A1234BC',
      initiatedBy: 'victim',
    });
  });

  it('asks the social care and community questions', async () => {
    const web = new WebClient(h.app);
    await web.get(`${P}/social-care`);
    const social = {
      ...referrer,
      personAgreed: 'yes',
      person1Name: 'Ada Service-User',
      person1Role: 'service_user',
      description: 'Disagreement about contact arrangements.',
    };
    const noArea = await web.post(`${P}/social-care`, social);
    expect(noArea.statusCode).toBe(422);
    expect(noArea.body).toContain('Select children and families or adult social care');
    expect(noArea.body).toContain('Enter at least one other person involved, such as the other party');
    const other = { person2Name: 'Sam Social-Worker', person2Role: 'staff_member' };
    const ok = await web.post(`${P}/social-care`, { ...social, ...other, area: 'adult_social_care', capacityConcerns: 'no' });
    expect(ok.headers.location).toBe(`${P}/confirmation`);

    await web.get(`${P}/community`);
    const community = {
      ...referrer,
      personAgreed: 'yes',
      person1Name: 'Nia Neighbour',
      person1Role: 'party',
      person2Name: 'Ned Neighbour',
      person2Role: 'party',
    };
    const noKind = await web.post(`${P}/community`, { ...community, description: 'Parking' });
    expect(noKind.body).toContain('Select what the disagreement is between');
    expect((await web.post(`${P}/community`, { ...community, description: 'Parking', kind: 'neighbour' })).headers.location).toBe(`${P}/confirmation`);
    const kinds = (await h.deps.referrals.list(s.coordinator, {})).rows.map((r) => r.caseType);
    expect(kinds).toEqual(expect.arrayContaining(['social_care', 'community']));
  });

  it('stores nothing when the honeypot is filled in', async () => {
    const before = (await h.deps.referrals.list(s.coordinator, {})).total;
    const web = new WebClient(h.app);
    await web.get(`${P}/community`);
    const res = await web.post(`${P}/community`, { website: 'http://spam.example', description: 'Spam' });
    expect(res.headers.location).toBe(`${P}/confirmation`);
    expect((await web.get(`${P}/confirmation`)).body).toMatch(/id="reference">CDM-R-\d{4}-\d{4}</);
    expect((await h.deps.referrals.list(s.coordinator, {})).total).toBe(before);
  });
});
