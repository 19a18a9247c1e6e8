// The professional referral, without JavaScript: choose the kind of case, a start page, then one question group per
// page (answers kept between pages in a server-side draft), each refusing its own problems with specific messages
// and keeping what was typed; "Check your answers" with Change links; the SEND deadline on the confirmation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../support/harness.ts';
import { errorSummary, pageText } from '../support/page-text.ts';
import { WebClient } from '../support/web-client.ts';
import { publicService } from './public-support.ts';

let h: Harness;
let s: Awaited<ReturnType<typeof publicService>>;
const P = '/s/kids/professional-referral';
let visitors = 0;
/** A visitor of their own address (each public form allows 10 posts a minute from one address). */
const visitor = () => new WebClient(h.app, { remoteAddress: `192.0.2.${++visitors}` });
const PAGES = ['about-you', 'agreement', 'person', 'others', 'situation', 'details', 'risks'];

beforeAll(async () => {
  h = await startHarness();
  s = await publicService(h, 'kids', { caseTypes: ['send', 'restorative_justice', 'social_care', 'community'] });
});
afterAll(() => h?.close());

type Answers = Record<string, string | string[]>;

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

/** Answers every page in turn (each page takes only its own fields); the first refused page, or "Check your answers". */
async function answerAll(web: WebClient, base: string, answers: Answers) {
  for (const slug of PAGES) {
    await web.get(`${base}/${slug}`);
    const res = await web.post(`${base}/${slug}`, answers);
    if (res.statusCode !== 303) return { refused: slug, res };
    expect(res.headers.location).toBe(`${base}/${PAGES[PAGES.indexOf(slug) + 1] ?? 'check'}`);
  }
  return { refused: undefined, res: await web.get(`${base}/check`) };
}

/** Sends from "Check your answers"; the reference on the confirmation. */
async function send(web: WebClient, base: string) {
  const res = await web.post(`${base}/check`, {});
  expect(res.statusCode, errorSummary(res.body)).toBe(303);
  expect(res.headers.location).toBe(`${P}/confirmation`);
  const page = await web.get(`${P}/confirmation`);
  return { page, reference: /id="reference">([^<]+)</.exec(page.body)?.[1] };
}

const referralOf = async (reference: string | undefined) => (await h.deps.referrals.list(s.coordinator, {})).rows.find((r) => r.reference === reference)!;

describe('professional referral', () => {
  it('asks which kind of case first, offering only what the service offers, then a start page', async () => {
    const web = visitor();
    const choose = await web.get(P);
    expect(choose.body).toContain('What kind of case are you referring?');
    const none = await web.post(P, {});
    expect(none.statusCode).toBe(422);
    expect(errorSummary(none.body)).toContain('Select the kind of case you are referring');
    expect((await web.post(P, { caseType: 'send' })).headers.location).toBe(`${P}/send`);
    expect((await web.post(P, { caseType: 'social_care' })).headers.location).toBe(`${P}/social-care`);
    expect((await web.get(`${P}/family-law`)).statusCode).toBe(404);
    expect((await web.get(`${P}/send/no-such-page`)).statusCode).toBe(404);
    const start = await web.get(`${P}/send`);
    expect(start.statusCode).toBe(200);
    expect(pageText(start.body)).toContain('About you The person’s agreement The person you are referring The other people involved');
    expect(start.body).toContain(`href="${P}/send/about-you"`);
  });

  it('keeps to the order of the pages: a page ahead of the first unanswered one sends the visitor back to it', async () => {
    const web = visitor();
    const ahead = await web.get(`${P}/send/situation`);
    expect(ahead.statusCode).toBe(303);
    expect(ahead.headers.location).toBe(`${P}/send/about-you`);
    expect((await web.get(`${P}/send/check`)).headers.location).toBe(`${P}/send/about-you`);
  });

  it('refuses each page’s problems with specific messages, keeping what was typed', async () => {
    const web = visitor();
    const base = `${P}/send`;
    await web.get(`${base}/about-you`);
    const aboutYou = await web.post(`${base}/about-you`, { referrerOrganisation: referrer.referrerOrganisation, referrerEmail: 'senco-at-riverside' });
    expect(aboutYou.statusCode).toBe(422);
    for (const m of ['Enter the referrer’s role', 'Enter the referrer’s name', 'Enter the referrer’s email address in the correct format'])
      expect(errorSummary(aboutYou.body)).toContain(m);
    // Only this page's problems: nothing yet about the people or the decision.
    expect(errorSummary(aboutYou.body)).not.toContain('person');
    expect(aboutYou.body).toContain('value="Riverside Primary School (fictional)"');
    expect(aboutYou.body).toContain('value="senco-at-riverside"');
    expect((await web.post(`${base}/about-you`, referrer)).headers.location).toBe(`${base}/agreement`);

    await web.get(`${base}/agreement`);
    const agreement = await web.post(`${base}/agreement`, { lineManagerAware: 'yes' });
    expect(agreement.statusCode).toBe(422);
    expect(errorSummary(agreement.body)).toContain('Confirm that the person knows about this referral and has agreed to it');
    expect(agreement.body).toMatch(/name="lineManagerAware" type="checkbox" value="yes" checked/);
    await web.post(`${base}/agreement`, { personAgreed: 'yes' });

    const person = await web.get(`${base}/person`);
    // Every role starts unselected, and only the roles of a SEND case are offered.
    expect(person.body).not.toMatch(/<option value="[a-z_]+" selected>/);
    expect(person.body).toContain('<option value="local_authority">');
    expect(person.body).not.toContain('<option value="person_who_harmed">');
    const noRole = await web.post(`${base}/person`, { person1Name: 'Parent Example', person1Phone: '07700 900 555' });
    expect(noRole.statusCode).toBe(422);
    expect(errorSummary(noRole.body)).toContain('Select the role of person 1');
    expect(noRole.body).toContain('value="07700 900 555"');
    await web.post(`${base}/person`, { person1Name: 'Parent Example', person1Role: 'parent', person1Phone: '07700 900 555' });

    await web.get(`${base}/others`);
    const nobody = await web.post(`${base}/others`, {});
    expect(errorSummary(nobody.body)).toContain('Enter at least one other person involved, such as the other party');
    const half = await web.post(`${base}/others`, { person3Phone: '01632 960 444' });
    expect(half.statusCode).toBe(422);
    expect(errorSummary(half.body)).toContain('Enter the name of person 3, or clear their details');
    expect(errorSummary(half.body)).toContain('Select the role of person 3');
    expect(half.body).toContain('href="#person3Name"');
    expect(half.body).toContain('value="01632 960 444"');
    await web.post(`${base}/others`, { person2Name: 'Riverside County Council (fictional)', person2Role: 'local_authority' });

    await web.get(`${base}/situation`);
    const empty = await web.post(`${base}/situation`, { whatWouldHelp: 'A meeting with the council' });
    expect(empty.statusCode).toBe(422);
    expect(errorSummary(empty.body)).toContain('Say what is happening');
    expect(empty.body).toContain('href="#description"');
    expect(empty.body).toContain('A meeting with the council</textarea>');
    await web.post(`${base}/situation`, { description: 'Parents disagree with the refusal to assess.' });

    await web.get(`${base}/details`);
    const details = await web.post(`${base}/details`, {
      issues: ['B', 'F'],
      'decisionLetterDate-day': '30',
      'decisionLetterDate-month': '2',
      'decisionLetterDate-year': '2026',
    });
    expect(details.statusCode).toBe(422);
    expect(errorSummary(details.body)).toContain('Select the decision being disputed');
    expect(errorSummary(details.body)).toContain('The date of the decision letter must be a real date');
    expect(details.body).toContain('href="#decisionLetterDate-day"');
    expect(details.body).toContain('value="30"');
    expect(details.body).toMatch(/value="F" checked/);
    expect(pageText(details.body)).toContain('About the decision');
  });

  it('takes a SEND referral through "Check your answers", and shows the 2-month deadline from the decision letter', async () => {
    const web = visitor();
    const base = `${P}/send`;
    const letter = new Date(h.clock.now().getTime() - 10 * 86_400_000);
    const { refused, res } = await answerAll(web, base, {
      ...referrer,
      ...dateBoxes(letter),
      personAgreed: 'yes',
      lineManagerAware: 'yes',
      person1Name: 'Parent Example',
      person1Role: 'parent',
      person1Phone: '07700 900 555',
      person2Name: 'Riverside County Council (fictional)',
      person2Role: 'local_authority',
      description: 'The council refused to carry out an EHC needs assessment.',
      decisionType: 'refusal_to_assess',
      issues: ['B', 'F'],
      risks: ['mental_health'],
    });
    expect(refused, errorSummary(res.body)).toBeUndefined();
    const check = pageText(res.body);
    expect(check).toContain('Check your answers before sending your referral');
    expect(check).toContain('Your name Sena Coordinator');
    expect(check).toContain('Parent Example Parent 07700 900 555');
    expect(check).toContain('Riverside County Council (fictional) Local authority');
    expect(res.body).toContain(`href="${base}/about-you?change=1"`);

    // Changing an answer goes back to "Check your answers", with what was saved in the form.
    const change = await web.get(`${base}/about-you?change=1`);
    expect(change.body).toContain('value="Sena Coordinator"');
    expect(change.body).toContain(`href="${base}/check"`);
    const changed = await web.post(`${base}/about-you`, { ...referrer, referrerName: 'Sena Newname', change: '1' });
    expect(changed.headers.location).toBe(`${base}/check`);
    expect(pageText((await web.get(`${base}/check`)).body)).toContain('Your name Sena Newname');

    const { page, reference } = await send(web, base);
    expect(reference).toMatch(/^CDM-R-\d{4}-\d{4}$/);
    const deadline = /id="send-deadline">([^<]+)</.exec(page.body)?.[1];
    const expected = new Date(Date.UTC(letter.getUTCFullYear(), letter.getUTCMonth() + 2, 1));
    expect(deadline).toContain(expected.toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }));
    expect(page.body).not.toContain('passed on');

    const referral = await referralOf(reference);
    expect(referral).toMatchObject({ source: 'professional', caseType: 'send', urgent: false });
    expect(referral.referrer).toMatchObject({ organisation: referrer.referrerOrganisation, name: 'Sena Newname', personAgreed: true, lineManagerAware: true });
    expect(referral.parties.map((p) => [p.name, p.role, p.isReferredPerson])).toEqual([
      ['Parent Example', 'parent', true],
      ['Riverside County Council (fictional)', 'local_authority', false],
    ]);
    expect(referral.answers.details).toEqual({ decisionType: 'refusal_to_assess', issues: ['B', 'F'], decisionLetterDate: letter.toISOString().slice(0, 10) });
    // Sent once: the draft is gone, so the pages start again.
    expect((await web.get(`${base}/check`)).headers.location).toBe(`${base}/about-you`);
  });

  it('warns when the SEND deadline has already passed', async () => {
    const web = visitor();
    const base = `${P}/send`;
    const letter = new Date(h.clock.now().getTime() - 100 * 86_400_000);
    const { refused } = await answerAll(web, base, {
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
    expect(refused).toBeUndefined();
    const { page } = await send(web, base);
    expect(page.body).toContain('The 2-month deadline to contact a mediation adviser about this decision passed on');
  });

  it('asks the restorative justice questions, including where the person who harmed is held', async () => {
    const web = visitor();
    const base = `${P}/restorative-justice`;
    const answers: Answers = {
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
    const missing = await answerAll(web, base, answers);
    expect(missing.refused).toBe('details');
    expect(missing.res.statusCode).toBe(422);
    expect(errorSummary(missing.res.body)).toContain('Enter the prison or establishment where the person who harmed is held');
    expect(missing.res.body).toContain('value="Burglary"');
    // The people pages keep the roles chosen, from the roles of a restorative justice case only.
    const others = await web.get(`${base}/others`);
    expect(others.body).toContain('<option value="person_who_harmed" selected>');
    expect(others.body).not.toContain('<option value="local_authority">');
    const ok = await answerAll(web, base, { ...answers, establishment: 'HMP Example (fictional)', prisonNumber: 'A1234BC' });
    expect(ok.refused).toBeUndefined();
    expect(pageText(ok.res.body)).toContain('The person who harmed is in custody Yes');
    const { page, reference } = await send(web, base);
    expect(page.body).toContain('We will treat this referral as urgent');
    const referral = await referralOf(reference);
    expect(referral).toMatchObject({ caseType: 'restorative_justice', urgent: true, risks: ['anyone_at_risk'] });
    expect(referral.parties.map((p) => p.role)).toEqual(['victim', 'person_who_harmed']);
    expect(referral.answers.details).toMatchObject({
      inCustody: true,
      establishment: 'HMP Example (fictional)',
      prisonNumber: 'A1234BC',
      initiatedBy: 'victim',
    });
  });

  it('asks the social care and community questions', async () => {
    const web = visitor();
    const social = {
      ...referrer,
      personAgreed: 'yes',
      person1Name: 'Ada Service-User',
      person1Role: 'service_user',
      person2Name: 'Sam Social-Worker',
      person2Role: 'staff_member',
      description: 'Disagreement about contact arrangements.',
    };
    const noArea = await answerAll(web, `${P}/social-care`, social);
    expect(noArea.refused).toBe('details');
    expect(errorSummary(noArea.res.body)).toContain('Select children and families or adult social care');
    expect((await answerAll(web, `${P}/social-care`, { ...social, area: 'adult_social_care', capacityConcerns: 'no' })).refused).toBeUndefined();
    await send(web, `${P}/social-care`);

    const community = {
      ...referrer,
      personAgreed: 'yes',
      person1Name: 'Nia Neighbour',
      person1Role: 'party',
      person2Name: 'Ned Neighbour',
      person2Role: 'party',
    };
    const noKind = await answerAll(web, `${P}/community`, { ...community, description: 'Parking' });
    expect(noKind.refused).toBe('details');
    expect(errorSummary(noKind.res.body)).toContain('Select what the disagreement is between');
    expect((await answerAll(web, `${P}/community`, { ...community, description: 'Parking', kind: 'neighbour' })).refused).toBeUndefined();
    await send(web, `${P}/community`);
    const kinds = (await h.deps.referrals.list(s.coordinator, {})).rows.map((r) => r.caseType);
    expect(kinds).toEqual(expect.arrayContaining(['social_care', 'community']));
  });

  it('stores nothing when the honeypot is filled in', async () => {
    const before = (await h.deps.referrals.list(s.coordinator, {})).total;
    const web = visitor();
    await web.get(`${P}/community/about-you`);
    const robot = await web.post(`${P}/community/about-you`, { ...referrer, website: 'http://spam.example' });
    expect(robot.statusCode).toBe(303);
    expect((await web.get(`${P}/community/agreement`)).headers.location).toBe(`${P}/community/about-you`); // nothing was saved
    await answerAll(web, `${P}/community`, {
      ...referrer,
      personAgreed: 'yes',
      person1Name: 'Nia Neighbour',
      person1Role: 'party',
      person2Name: 'Ned Neighbour',
      person2Role: 'party',
      description: 'Spam',
      kind: 'neighbour',
    });
    const res = await web.post(`${P}/community/check`, { website: 'http://spam.example' });
    expect(res.headers.location).toBe(`${P}/confirmation`);
    expect((await web.get(`${P}/confirmation`)).body).toMatch(/id="reference">CDM-R-\d{4}-\d{4}</);
    expect((await h.deps.referrals.list(s.coordinator, {})).total).toBe(before);
  });
});
