// The self-referral journey through the real pages with plain form posts (no JavaScript): every page refuses
// bad input with a clear message and keeps what was typed; check your answers; the reference; the referral arrives.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJourneyDrafts } from '#src/features/public/journey-drafts.service.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { WebClient } from '../support/web-client.ts';
import { placePostcodes } from '../support/volunteers.ts';
import { EMERGENCY, publicService, SIGNPOSTING } from './public-support.ts';

let h: Harness;
let s: Awaited<ReturnType<typeof publicService>>;
const R = '/s/cdm/refer';

beforeAll(async () => {
  h = await startHarness();
  s = await publicService(h, 'cdm');
});
afterAll(() => h?.close());

/** Posts one page of the journey from the page itself, and expects to be sent on to `next`. */
// Each visitor comes from an address of their own, as members of the public do: public forms allow 10 posts a
// minute from one address, and this file sends more than that.
let visitors = 0;
const visitor = () => new WebClient(h.app, { remoteAddress: `192.0.2.${++visitors}` });

async function answer(web: WebClient, page: string, form: Record<string, string>, next: string) {
  const res = await web.submit(`${R}/${page}`, form);
  expect(res.statusCode, `${page}: ${res.body.match(/govuk-error-message[\s\S]*?<\/p>/)?.[0] ?? ''}`).toBe(303);
  expect(res.headers.location).toBe(next);
  return res;
}

/** Posts bad input and expects the page again with each message and with what was typed. */
async function refused(web: WebClient, page: string, form: Record<string, string>, messages: string[], kept: string[] = []) {
  const res = await web.submit(`${R}/${page}`, form);
  expect(res.statusCode, page).toBe(422);
  expect(res.body).toContain('There is a problem');
  for (const m of messages) expect(res.body, page).toContain(m);
  for (const k of kept) expect(res.body, `${page} keeps ${k}`).toContain(k);
  return res;
}

/** A quick community referral up to check your answers. */
async function quickJourney(web: WebClient) {
  await answer(web, 'help', { caseType: 'community' }, `${R}/about-you`);
  await answer(web, 'about-you', { name: 'Quinn Quick', phone: '01632 960 111' }, `${R}/people`);
  await answer(web, 'people/add', { name: 'Neighbour at number 9', role: 'party' }, `${R}/people`);
  await answer(web, 'people', { addAnother: 'no' }, `${R}/what-is-happening`);
  await answer(web, 'what-is-happening', { description: 'Loud music every night' }, `${R}/what-would-help`);
  await answer(web, 'what-would-help', { whatWouldHelp: 'Quiet after 11pm' }, `${R}/safety`);
  await answer(web, 'safety', { anyoneAtRisk: 'no' }, `${R}/contact`);
  await answer(web, 'contact', { canLeaveMessages: 'yes' }, `${R}/needs`);
  await answer(web, 'needs', { interpreter: 'no' }, `${R}/consent`);
  await answer(web, 'consent', { consentToContact: 'yes' }, `${R}/check`);
}

describe('self-referral', () => {
  it('goes from the start page through every question to a reference, refusing bad input on each page', async () => {
    const web = visitor();
    const start = await web.get(R);
    expect(start.statusCode).toBe(200);
    expect(start.body).toContain('Refer yourself to CDM Mediation (fictional)');
    expect(start.body).toContain(`href="${R}/help"`);

    await refused(web, 'help', {}, ['Select the kind of help you need']);
    await refused(web, 'help', { caseType: 'social_care' }, ['Select the kind of help you need']); // not offered by this service
    await answer(web, 'help', { caseType: 'restorative_justice' }, `${R}/your-role`);
    expect(web.cookies.get('parley_refer_cdm')).toMatch(/^[\w-]{40,}$/);

    const role = await web.get(`${R}/your-role`);
    expect(role.body).toContain('I was affected by what happened, for example as a family member of someone harmed');
    expect(role.body).toContain('Restorative justice is voluntary.');
    await refused(web, 'your-role', {}, ['Select how you are involved']);
    await answer(web, 'your-role', { myRole: 'victim' }, `${R}/what-happened`);

    const happened = await web.get(`${R}/what-happened`);
    expect(happened.body).toContain('you can withdraw at any time');
    await refused(
      web,
      'what-happened',
      { reportedToPolice: 'yes' },
      ['Select whether anyone involved is in prison, or ‘I am not sure’'],
      ['id="reportedToPolice" name="reportedToPolice" type="radio" value="yes" checked'],
    );
    await refused(web, 'what-happened', { reportedToPolice: 'maybe', anyoneInPrison: 'no' }, [
      'Select whether what happened was reported to the police, or ‘I am not sure’',
    ]);
    await answer(web, 'what-happened', { reportedToPolice: 'yes', anyoneInPrison: 'yes' }, `${R}/about-you`);

    await refused(web, 'about-you', { name: 'Sam Patel' }, ['Enter a phone number, an email address or a postal address'], ['value="Sam Patel"']);
    await refused(
      web,
      'about-you',
      { name: 'Sam Patel', email: 'sam-at-example', postcode: 'NOWHERE', address: '1 Fictional Row' },
      ['Enter an email address in the correct format', 'Enter a real postcode, like CT1 2AB'],
      ['value="sam-at-example"', 'value="NOWHERE"', '1 Fictional Row'],
    );
    await refused(web, 'about-you', { name: '', phone: '07700 900123' }, ['Enter your name'], ['value="07700 900123"']);
    await answer(web, 'about-you', { name: 'Sam Patel', phone: '07700 900123', postcode: 'ct1 2ab' }, `${R}/people`);

    // The other people: one at a time, change, remove, then no more.
    expect((await web.get(`${R}/people`)).body).toContain('Who else is involved?');
    await refused(web, 'people/add', { name: '', phone: '01632 960 222' }, ['Enter their name, or a description'], ['value="01632 960 222"']);
    await refused(web, 'people/add', { name: 'Harry Harmer', role: 'local_authority' }, ['Select how they are involved'], ['value="Harry Harmer"']);
    await answer(web, 'people/add', { name: 'Harry Harmer', role: 'person_who_harmed' }, `${R}/people`);
    await refused(web, 'people', {}, ['Select yes if you need to tell us about another person'], ['Harry Harmer']);
    await answer(web, 'people', { addAnother: 'yes' }, `${R}/people/add`);
    await answer(web, 'people/add', { name: 'Pat Supporter', role: 'supporter' }, `${R}/people`);
    expect((await web.get(`${R}/people`)).body).toContain('You have told us about 2 people');
    await web.post(`${R}/people/2/remove`);
    await refused(web, 'people/1', { name: 'Harry Harmer', role: 'person_who_harmed', email: 'harry@' }, ['Enter an email address in the correct format']);
    await answer(web, 'people/1', { name: 'Harry Harmer', role: 'person_who_harmed', postcode: 'TN9 1AA' }, `${R}/people`);
    const list = await web.get(`${R}/people`);
    expect(list.body).toContain('You have told us about 1 person');
    expect(list.body).not.toContain('Pat Supporter');
    expect((await web.get(`${R}/people/7`)).statusCode).toBe(404);
    await answer(web, 'people', { addAnother: 'no' }, `${R}/what-is-happening`);

    await refused(web, 'what-is-happening', { description: '  ' }, ['Tell us what is happening']);
    await refused(web, 'what-is-happening', { description: `Too long ${'x'.repeat(10_001)}` }, ['must be 10,000 characters or fewer'], ['Too long xxx']);
    await answer(web, 'what-is-happening', { description: 'My shed was broken into and my bike taken.' }, `${R}/what-would-help`);

    await refused(web, 'what-would-help', {}, ['Tell us what would help']);
    await answer(web, 'what-would-help', { whatWouldHelp: 'To ask him why he chose my house.' }, `${R}/safety`);

    await refused(web, 'safety', { safetyDetails: 'He knows where I live' }, ['Select yes if anyone is at risk of harm now'], ['He knows where I live']);
    await answer(web, 'safety', { anyoneAtRisk: 'yes', safetyDetails: 'He knows where I live' }, `${R}/urgent-help`);
    const urgent = await web.get(`${R}/urgent-help`);
    expect(urgent.body).toContain(EMERGENCY);
    expect(urgent.body).toContain(`href="${R}/contact"`);

    await refused(web, 'contact', { bestTimes: 'Weekday mornings' }, ['Select yes if we can leave you a message'], ['value="Weekday mornings"']);
    await answer(web, 'contact', { canLeaveMessages: 'no', bestTimes: 'Weekday mornings', safeContact: 'Text first' }, `${R}/needs`);

    await refused(
      web,
      'needs',
      { interpreter: 'yes', accessNeeds: 'Step-free access' },
      ['Enter the language you need an interpreter for'],
      ['Step-free access'],
    );
    await answer(web, 'needs', { interpreter: 'yes', language: 'Polish', accessNeeds: 'Step-free access' }, `${R}/consent`);

    const consent = await refused(web, 'consent', {}, ['Confirm that we may contact you about your referral']);
    expect(consent.body).toContain('href="/s/cdm/privacy"');
    await answer(web, 'consent', { consentToContact: 'yes' }, `${R}/check`);

    // Check your answers, and change one answer from it.
    const check = await web.get(`${R}/check`);
    for (const shown of [
      'Restorative justice',
      'I was harmed by a crime',
      'Sam Patel',
      '07700 900123',
      'CT1 2AB',
      'Harry Harmer',
      'They caused the harm',
      'TN9 1AA',
    ])
      expect(check.body, shown).toContain(shown);
    for (const shown of ['My shed was broken into', 'He knows where I live', 'Weekday mornings', 'Text first', 'Yes: Polish', 'Step-free access', EMERGENCY])
      expect(check.body, shown).toContain(shown);
    expect(check.body).toContain(`href="${R}/about-you?change=1"`);
    expect(check.body).toContain(`href="${R}/people/1?change=1"`);
    expect(check.body).toContain(`href="${R}/people?change=1"`);
    const change = await web.get(`${R}/about-you?change=1`);
    expect(change.body).toContain('value="Sam Patel"');
    expect(change.body).toContain(`href="${R}/check"`); // back link
    const changed = await web.post(`${R}/about-you`, { change: '1', name: 'Samira Patel', phone: '07700 900123', postcode: 'CT1 2AB' });
    expect(changed.headers.location).toBe(`${R}/check`);
    expect((await web.get(`${R}/check`)).body).toContain('Samira Patel');

    const sent = await web.post(`${R}/check`);
    expect(sent.headers.location).toBe(`${R}/confirmation`);
    const confirmation = await web.get(`${R}/confirmation`);
    const reference = /id="reference">([^<]+)</.exec(confirmation.body)?.[1];
    expect(reference).toMatch(/^CDM-R-\d{4}-0001$/);
    expect(confirmation.body).toContain(EMERGENCY);
    expect(web.cookies.has('parley_refer_cdm')).toBe(false);
    expect((await web.get(`${R}/check`)).headers.location).toBe(`${R}/help`);

    const { rows } = await h.deps.referrals.list(s.coordinator, {});
    const referral = rows.find((r) => r.reference === reference)!;
    expect(referral).toMatchObject({ source: 'self', caseType: 'restorative_justice', urgent: true, consentToContact: true, risks: ['anyone_at_risk'] });
    expect(referral.description).toBe('My shed was broken into and my bike taken.');
    expect(referral.parties).toEqual([
      {
        name: 'Samira Patel',
        role: 'victim',
        phone: '07700 900123',
        postcode: 'CT1 2AB',
        safeContact: 'Text first',
        canLeaveMessages: false,
        needs: 'Interpreter: Polish. Step-free access',
        isReferredPerson: true,
      },
      { name: 'Harry Harmer', role: 'person_who_harmed', postcode: 'TN9 1AA' },
    ]);
    expect(referral.answers).toMatchObject({ whatWouldHelp: 'To ask him why he chose my house.', anyoneAtRisk: true, bestTimes: 'Weekday mornings' });
    // The RJ answers land on the referral's details, and from there on the RJ case.
    expect(referral.answers.details).toEqual({ initiatedBy: 'victim', reportedToPolice: 'yes', inCustody: true });
    const { caseId } = await h.deps.referrals.accept(s.coordinator, referral.id);
    const rj = await h.deps.rj.overview(s.coordinator, caseId);
    expect(rj.case.details).toMatchObject({ initiatedBy: 'victim', reportedToPolice: 'yes', inCustody: true });
  });

  it('asks someone affected by what happened the RJ questions, and records that neither party asked', async () => {
    const web = visitor();
    await web.get(R);
    await answer(web, 'help', { caseType: 'restorative_justice' }, `${R}/your-role`);
    await answer(web, 'your-role', { myRole: 'family_member' }, `${R}/what-happened`);
    await answer(web, 'what-happened', { reportedToPolice: 'not_sure', anyoneInPrison: 'not_sure' }, `${R}/about-you`);
    await answer(web, 'about-you', { name: 'Alex Affected', email: 'alex@example.org' }, `${R}/people`);
    const add = await web.get(`${R}/people/add`);
    expect(add.body).toContain('They were harmed');
    expect(add.body).toContain('They caused the harm');
    await answer(web, 'people/add', { name: 'Robin Harmed', role: 'victim' }, `${R}/people`);
    await answer(web, 'people', { addAnother: 'no' }, `${R}/what-is-happening`);
    await answer(web, 'what-is-happening', { description: 'My brother was attacked on his way home.' }, `${R}/what-would-help`);
    await answer(web, 'what-would-help', { whatWouldHelp: 'To understand why.' }, `${R}/safety`);
    await answer(web, 'safety', { anyoneAtRisk: 'no' }, `${R}/contact`);
    await answer(web, 'contact', { canLeaveMessages: 'yes' }, `${R}/needs`);
    await answer(web, 'needs', { interpreter: 'no' }, `${R}/consent`);
    await answer(web, 'consent', { consentToContact: 'yes' }, `${R}/check`);
    const check = await web.get(`${R}/check`);
    expect(check.body).toMatch(/Reported to the police[\s\S]*?I am not sure/);
    expect(check.body).toContain(`href="${R}/what-happened?change=1"`);
    await web.post(`${R}/check`);
    const { rows } = await h.deps.referrals.list(s.coordinator, {});
    const referral = rows.find((r) => r.description === 'My brother was attacked on his way home.')!;
    expect(referral.parties[0]).toMatchObject({ name: 'Alex Affected', role: 'family_member' });
    expect(referral.answers.details).toEqual({ initiatedBy: 'other', reportedToPolice: 'not_sure' });
  });

  it('asks parents about the SEND decision and shows the 2-month deadline, warning when it has passed', async () => {
    const web = visitor();
    await answer(web, 'help', { caseType: 'send' }, `${R}/your-role`);
    await answer(web, 'your-role', { myRole: 'parent' }, `${R}/send-decision`);
    const date = { 'decisionLetterDate-day': '31', 'decisionLetterDate-month': '2', 'decisionLetterDate-year': '2026' };
    const bad = await refused(
      web,
      'send-decision',
      { decisionType: 'refusal_to_assess', ...date },
      ['The date of the letter must be a real date'],
      ['value="31"'],
    );
    expect(bad.body).toContain('href="#decisionLetterDate-day"');
    await refused(web, 'send-decision', {}, ['Select the decision you disagree with']);
    const old = new Date(h.clock.now().getTime() - 90 * 86_400_000);
    await answer(
      web,
      'send-decision',
      {
        decisionType: 'refusal_to_assess',
        'decisionLetterDate-day': String(old.getUTCDate()),
        'decisionLetterDate-month': String(old.getUTCMonth() + 1),
        'decisionLetterDate-year': String(old.getUTCFullYear()),
      },
      `${R}/about-you`,
    );
    await answer(web, 'about-you', { name: 'Parent Example', email: 'parent@example.org' }, `${R}/people`);
    await answer(web, 'people/add', { name: 'Riverside County Council (fictional)', role: 'local_authority' }, `${R}/people`);
    await answer(web, 'people', { addAnother: 'no' }, `${R}/what-is-happening`);
    await answer(web, 'what-is-happening', { description: 'The council refused to assess my son.' }, `${R}/what-would-help`);
    await answer(web, 'what-would-help', { whatWouldHelp: 'An assessment' }, `${R}/safety`);
    await answer(web, 'safety', { anyoneAtRisk: 'no' }, `${R}/contact`);
    await answer(web, 'contact', { canLeaveMessages: 'yes' }, `${R}/needs`);
    await answer(web, 'needs', { interpreter: 'no' }, `${R}/consent`);
    await answer(web, 'consent', { consentToContact: 'yes' }, `${R}/check`);
    expect((await web.get(`${R}/check`)).body).toContain('Refusal to carry out an EHC needs assessment');
    await web.post(`${R}/check`);
    const confirmation = await web.get(`${R}/confirmation`);
    expect(confirmation.body).toContain('The 2-month deadline to contact a mediation adviser about this decision passed on');
    const { rows } = await h.deps.referrals.list(s.coordinator, {});
    const referral = rows.find((r) => r.caseType === 'send')!;
    expect(referral.parties[0]).toMatchObject({ name: 'Parent Example', role: 'parent', isReferredPerson: true });
    expect(referral.answers.details).toMatchObject({ decisionType: 'refusal_to_assess', decisionLetterDate: old.toISOString().slice(0, 10) });
  });

  it('signposts a SEND parent whose postcode is in a local authority the service does not cover, and lets them carry on', async () => {
    await placePostcodes(h.deps, [
      { postcode: 'TN9 1AA', lat: 51.19, lng: 0.27, laName: 'Faraway District (fictional)' },
      { postcode: 'ME14 1XX', lat: 51.27, lng: 0.52, laName: 'Weald Valley Borough (fictional)' },
    ]);
    const web = visitor();
    await answer(web, 'help', { caseType: 'send' }, `${R}/your-role`);
    await answer(web, 'your-role', { myRole: 'parent' }, `${R}/send-decision`);
    await answer(web, 'send-decision', { decisionType: 'not_sure' }, `${R}/about-you`);
    await answer(web, 'about-you', { name: 'Parent Faraway', email: 'faraway@example.org', postcode: 'TN9 1AA' }, `${R}/send-area`);
    const page = await web.get(`${R}/send-area`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('TN9 1AA is in Faraway District (fictional), which we do not cover.');
    expect(page.body).toContain(SIGNPOSTING);
    expect(page.body).toContain(`href="${R}/people"`);
    // A covered postcode goes straight on; the signposting page then sends them on too.
    await answer(web, 'about-you', { name: 'Parent Faraway', email: 'faraway@example.org', postcode: 'ME14 1XX' }, `${R}/people`);
    expect((await web.get(`${R}/send-area`)).headers.location).toBe(`${R}/people`);
    // Not for other kinds of help: the service's coverage page is for those.
    const other = visitor();
    await answer(other, 'help', { caseType: 'community' }, `${R}/about-you`);
    await answer(other, 'about-you', { name: 'Neighbour Faraway', phone: '01632 960 222', postcode: 'TN9 1AA' }, `${R}/people`);
  });

  it('does not let anyone skip ahead, and starts again once the answers have expired', async () => {
    const web = visitor();
    expect((await web.get(`${R}/safety`)).headers.location).toBe(`${R}/help`);
    await answer(web, 'help', { caseType: 'community' }, `${R}/about-you`);
    expect((await web.get(`${R}/consent`)).headers.location).toBe(`${R}/about-you`);
    // Another visitor has their own answers.
    expect((await visitor().get(`${R}/about-you`)).headers.location).toBe(`${R}/help`);
    h.clock.advance(25 * 3_600_000);
    const gone = await web.get(`${R}/about-you`);
    expect(gone.headers.location).toBe(`${R}?expired=1`);
    expect((await web.get(gone.headers.location as string)).body).toContain('We deleted your earlier answers because more than 24 hours had passed');
    expect(await createJourneyDrafts({ db: h.deps.db, clock: h.clock }).purgeExpired()).toBeGreaterThan(0);
  });

  it('stores nothing when the honeypot is filled in, but looks the same to the robot', async () => {
    const before = (await h.deps.referrals.list(s.coordinator, {})).total;
    const web = visitor();
    await quickJourney(web);
    const res = await web.post(`${R}/check`, { website: 'http://spam.example' });
    expect(res.headers.location).toBe(`${R}/confirmation`);
    expect((await web.get(`${R}/confirmation`)).body).toMatch(/id="reference">CDM-R-\d{4}-\d{4}</);
    expect((await h.deps.referrals.list(s.coordinator, {})).total).toBe(before);
    expect(web.cookies.has('parley_refer_cdm')).toBe(false);

    const robot = visitor();
    await robot.get(`${R}/help`);
    await robot.post(`${R}/help`, { caseType: 'community', website: 'http://spam.example' });
    expect(robot.cookies.has('parley_refer_cdm')).toBe(false);
  });

  it('shows the not-found page for a service that does not exist, and the confirmation only after sending', async () => {
    const res = await visitor().get('/s/no-such-service/refer');
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('Page not found');
    expect((await visitor().get(`${R}/confirmation`)).headers.location).toBe('/s/cdm');
  });
});
