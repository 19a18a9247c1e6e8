// The public side of the referral journeys in Chromium: a member of the public checks their postcode, someone
// refers themselves with JavaScript turned off, and a professional refers by the online form and by the API.
// Axe checks every page visited.
import { expect as pw } from '@playwright/test';
import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, INSTALL_HINT } from './browser.ts';
import { EMERGENCY, longDate, REFERRAL_REFERENCE, SERVICE, SIGNPOSTING, SLUG, ServiceUnderTest, ukDate, WEALD } from './service-setup.ts';

const runs = chromiumAvailable();

// In CI a missing Chromium is a failure, not a skip.
if (!runs && process.env.CI)
  it('has Chromium to run the journeys in', () => {
    throw new Error(INSTALL_HINT);
  });

describe.skipIf(!runs)('browser journey: check a postcode, refer yourself without JavaScript, refer as a professional', () => {
  let s: ServiceUnderTest;
  const references: Record<string, string> = {};

  beforeAll(async () => {
    s = await ServiceUnderTest.start();
  });

  afterAll(async () => {
    await s?.close();
  });

  const continueButton = (page: Page) => page.getByRole('button', { name: 'Continue', exact: true });
  const h1 = (page: Page, name: string) => pw(page.getByRole('heading', { level: 1, name, exact: true })).toBeVisible();

  it('checks postcodes: covered by postcode area, covered by local authority, not covered, and not a postcode', async () => {
    const page = await s.newPage();
    await page.goto(`${s.origin}/s/${SLUG}`);
    await h1(page, SERVICE);
    await s.watch.check(page, 'service home');
    await page.getByRole('link', { name: 'Check if we cover your area' }).click();

    await pw(page.getByLabel('Check if we cover your area', { exact: true })).toBeVisible();
    await s.watch.check(page, 'coverage');
    await page.getByLabel('Check if we cover your area', { exact: true }).fill('ct1 2ab');
    await page.getByRole('button', { name: 'Check postcode' }).click();
    await h1(page, 'We cover CT1 2AB');
    await pw(page.getByText('CT1 2AB is in Riverside District (fictional).')).toBeVisible();
    await pw(page.getByRole('link', { name: 'Refer yourself' })).toBeVisible();
    await s.watch.check(page, 'coverage: covered by postcode area');

    // Covered by the name of the local authority, from the postcode lookup.
    await page.getByLabel('Check another postcode', { exact: true }).fill('TN9 2RW');
    await page.getByRole('button', { name: 'Check postcode' }).click();
    await h1(page, 'We cover TN9 2RW');
    await pw(page.getByText(`TN9 2RW is in ${WEALD}.`)).toBeVisible();
    await s.watch.check(page, 'coverage: covered by local authority');

    await page.getByLabel('Check another postcode', { exact: true }).fill('ME4 4AA');
    await page.getByRole('button', { name: 'Check postcode' }).click();
    await h1(page, 'We do not cover ME4 4AA');
    await pw(page.getByText('ME4 4AA is in Harbour City Council (fictional).')).toBeVisible();
    await pw(page.getByText(SIGNPOSTING)).toBeVisible();
    await pw(page.getByRole('link', { name: 'Refer yourself' })).toHaveCount(0);
    await s.watch.check(page, 'coverage: not covered, with signposting');

    await page.getByLabel('Check another postcode', { exact: true }).fill('my house');
    await page.getByRole('button', { name: 'Check postcode' }).click();
    await pw(page.getByRole('alert').getByRole('heading', { name: 'There is a problem' })).toBeVisible();
    await pw(page.getByRole('alert').getByRole('link', { name: 'Enter a real postcode, like CT1 2AB' })).toHaveAttribute('href', '#postcode');
    await pw(page.getByLabel('Check if we cover your area', { exact: true })).toHaveValue('my house');
    await pw(page).toHaveTitle(/^Error: /);
    await s.watch.check(page, 'coverage: not a postcode');
  });

  // Refer yourself with JavaScript turned off, in two parts (axe checks each page in a copy, which takes a while).
  let visitor: Page; // the person referring themselves

  it('refers yourself with JavaScript turned off: the start, the kind of help, about you (with a problem), the other people, the situation', async () => {
    visitor = await s.newPage({ javaScriptEnabled: false });
    await visitor.goto(`${s.origin}/s/${SLUG}`);
    await s.watch.check(visitor, 'service home without JavaScript');
    await visitor.getByRole('link', { name: 'Refer yourself' }).click();

    await h1(visitor, `Refer yourself to ${SERVICE}`);
    await pw(visitor.getByText(EMERGENCY)).toBeVisible();
    await pw(visitor.locator('body')).not.toHaveClass(/govuk-frontend-supported/);
    await s.watch.check(visitor, 'refer: start');
    await visitor.getByRole('button', { name: 'Start now' }).click();

    await pw(visitor.getByRole('group', { name: 'What kind of help do you need?' })).toBeVisible();
    await s.watch.check(visitor, 'refer: kind of help');
    await visitor.getByRole('radio', { name: 'Community mediation' }).check();
    await continueButton(visitor).click();

    // About you: everything but the name, so the page comes back with the problem and what was typed.
    await h1(visitor, 'About you');
    await s.watch.check(visitor, 'refer: about you');
    await visitor.getByLabel('Phone number', { exact: true }).fill('07700 900123');
    await visitor.getByLabel('Email address', { exact: true }).fill('sam.patel@example.org');
    await visitor.getByLabel('Postcode', { exact: true }).fill('ct1 2ab');
    await continueButton(visitor).click();
    const summary = visitor.getByRole('alert');
    await pw(summary.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
    await pw(summary.getByRole('link', { name: 'Enter your name' })).toHaveAttribute('href', '#name');
    await pw(visitor.getByText('Error: Enter your name')).toBeVisible();
    await pw(visitor).toHaveTitle(/^Error: About you/);
    await pw(visitor.getByLabel('Phone number', { exact: true })).toHaveValue('07700 900123');
    await pw(visitor.getByLabel('Email address', { exact: true })).toHaveValue('sam.patel@example.org');
    await pw(visitor.getByLabel('Postcode', { exact: true })).toHaveValue('ct1 2ab');
    await s.watch.check(visitor, 'refer: about you, with a problem');
    await visitor.getByLabel('Your name', { exact: true }).fill('Sam Patel');
    await continueButton(visitor).click();

    // The other people, one at a time.
    await h1(visitor, 'Who else is involved?');
    await s.watch.check(visitor, 'refer: first other person');
    await visitor.getByLabel('Their name', { exact: true }).fill('Jo Okafor');
    await visitor.getByRole('group', { name: 'How are they involved?' }).getByRole('radio', { name: 'They are part of the disagreement' }).check();
    await visitor.getByLabel('Their postcode, if you know it', { exact: true }).fill('CT1 3XY');
    await continueButton(visitor).click();
    await h1(visitor, 'You have told us about 1 person');
    await s.watch.check(visitor, 'refer: 1 person');
    await visitor.getByRole('group', { name: 'Do you need to tell us about another person?' }).getByRole('radio', { name: 'Yes' }).check();
    await continueButton(visitor).click();
    await h1(visitor, 'Add another person');
    await s.watch.check(visitor, 'refer: add another person');
    await visitor.getByLabel('Their name', { exact: true }).fill('Ray Patel');
    await visitor.getByRole('radio', { name: 'They support me' }).check();
    await continueButton(visitor).click();
    await h1(visitor, 'You have told us about 2 people');
    await pw(visitor.getByRole('term').filter({ hasText: 'Ray Patel' })).toBeVisible();
    await s.watch.check(visitor, 'refer: 2 people');
    await visitor.getByRole('group', { name: 'Do you need to tell us about another person?' }).getByRole('radio', { name: 'No' }).check();
    await continueButton(visitor).click();

    await pw(visitor.getByLabel('What is happening?', { exact: true })).toBeVisible();
    await s.watch.check(visitor, 'refer: what is happening');
    await visitor
      .getByLabel('What is happening?', { exact: true })
      .fill('Loud music from next door most nights since March. We argued on the doorstep last week.');
    await continueButton(visitor).click();
    await pw(visitor.getByLabel('What would help?', { exact: true })).toBeVisible();
    await s.watch.check(visitor, 'refer: what would help');
    await visitor.getByLabel('What would help?', { exact: true }).fill('Quiet after 11pm.');
    await continueButton(visitor).click();
  });

  it('refers yourself with JavaScript turned off: safety and urgent help, contact, check your answers, a change, the reference', async () => {
    // Someone is at risk: the page with the emergency contacts comes next.
    await pw(visitor.getByRole('group', { name: 'Is anyone at risk of harm now?' })).toBeVisible();
    await s.watch.check(visitor, 'refer: safety');
    await visitor.getByRole('radio', { name: 'Yes' }).check();
    await visitor.getByLabel('If yes, tell us what is happening (optional)', { exact: true }).fill('He said he would smash my car.');
    await continueButton(visitor).click();
    await h1(visitor, 'Get help now if anyone is in danger');
    await pw(visitor.getByRole('region', { name: 'Important' }).getByText(EMERGENCY)).toBeVisible();
    await s.watch.check(visitor, 'refer: urgent help');
    await continueButton(visitor).click();

    await h1(visitor, 'Contacting you safely');
    await s.watch.check(visitor, 'refer: contacting you safely');
    await visitor
      .getByRole('group', { name: /^Can we leave you a message/ })
      .getByRole('radio', { name: 'No' })
      .check();
    await visitor.getByLabel('When is the best time to contact you? (optional)', { exact: true }).fill('Weekday mornings');
    await continueButton(visitor).click();
    await h1(visitor, 'Access, language and interpreters');
    await s.watch.check(visitor, 'refer: access and interpreters');
    await visitor.getByRole('group', { name: 'Do you need an interpreter?' }).getByRole('radio', { name: 'No' }).check();
    await continueButton(visitor).click();
    await h1(visitor, 'Agreeing to be contacted');
    await s.watch.check(visitor, 'refer: consent');
    await visitor.getByRole('checkbox', { name: `I agree that ${SERVICE} may contact me about this referral` }).check();
    await continueButton(visitor).click();

    // Check your answers, change one, and send.
    await h1(visitor, 'Check your answers before sending your referral');
    const row = (key: string) =>
      visitor
        .getByRole('term')
        .filter({ hasText: new RegExp(`^\\s*${key}\\s*$`) })
        .locator('xpath=..');
    await pw(row('Name')).toContainText('Sam Patel');
    await pw(row('Contact details')).toContainText('07700 900123');
    await pw(row('Contact details')).toContainText('CT1 2AB');
    await pw(row('Jo Okafor')).toContainText('They are part of the disagreement');
    await pw(row('Ray Patel')).toContainText('They support me');
    await pw(row('Anyone at risk of harm now')).toContainText('He said he would smash my car.');
    await pw(row('What would help')).toContainText('Quiet after 11pm.');
    await pw(visitor.getByText(EMERGENCY)).toBeVisible();
    await s.watch.check(visitor, 'refer: check your answers');
    await visitor.getByRole('link', { name: 'Change what would help' }).click();
    await pw(visitor.getByLabel('What would help?', { exact: true })).toHaveValue('Quiet after 11pm.');
    await s.watch.check(visitor, 'refer: change what would help');
    await visitor.getByLabel('What would help?', { exact: true }).fill('Quiet after 11pm, and a way to talk without shouting.');
    await continueButton(visitor).click();
    await h1(visitor, 'Check your answers before sending your referral');
    await pw(row('What would help')).toContainText('Quiet after 11pm, and a way to talk without shouting.');
    await s.watch.check(visitor, 'refer: check your answers after the change');
    await visitor.screenshot({ path: '/tmp/self-referral-check.png', fullPage: true });
    await visitor.getByRole('button', { name: 'Send referral' }).click();

    await pw(visitor.getByRole('heading', { level: 1, name: 'Referral sent' })).toBeVisible();
    const reference = (await visitor.locator('#reference').textContent())?.trim() ?? '';
    expect(reference).toMatch(REFERRAL_REFERENCE);
    await pw(visitor.getByText(EMERGENCY)).toBeVisible();
    await s.watch.check(visitor, 'refer: referral sent');
    references.self = reference;

    // What arrived: an urgent self-referral with the three people and the changed answer.
    const { rows } = await s.h.deps.referrals.list(s.coordinator.actor, { status: 'new' });
    const sent = rows.find((r) => r.reference === reference);
    expect(sent).toMatchObject({ source: 'self', caseType: 'community', urgent: true, risks: ['anyone_at_risk'] });
    expect(sent?.parties.map((p) => [p.name, p.role])).toEqual([
      ['Sam Patel', 'party'],
      ['Jo Okafor', 'party'],
      ['Ray Patel', 'supporter'],
    ]);
    expect(sent?.answers).toMatchObject({ whatWouldHelp: 'Quiet after 11pm, and a way to talk without shouting.' });
  });

  it('refers by the professional form (SEND) and is told the 2-month deadline from the decision letter', async () => {
    const today = ukDate(s.h.clock.now());
    // The 15th of last month: the deadline is the 15th of next month, whatever the day today.
    const letter = today.month === 1 ? { year: today.year - 1, month: 12 } : { year: today.year, month: today.month - 1 };
    const deadline = letter.month >= 11 ? { year: letter.year + 1, month: letter.month - 10 } : { year: letter.year, month: letter.month + 2 };
    const deadlineIso = `${deadline.year}-${String(deadline.month).padStart(2, '0')}-15`;

    const page = await s.newPage();
    await page.goto(`${s.origin}/s/${SLUG}`);
    await s.watch.check(page, 'service home (professional)');
    await page.getByRole('link', { name: 'Make a referral as a professional' }).click();
    await pw(page.getByRole('group', { name: 'What kind of case are you referring?' })).toBeVisible();
    await s.watch.check(page, 'professional: kind of case');
    await page.getByRole('radio', { name: 'SEND mediation' }).check();
    await continueButton(page).click();

    // A start page, then one question group per page, with JavaScript as the visitor has it.
    await h1(page, 'SEND mediation');
    await s.watch.check(page, 'professional: SEND start');
    await page.getByRole('button', { name: 'Start now' }).click();

    await h1(page, 'About you');
    await s.watch.check(page, 'professional: about you');
    await page.getByLabel('Organisation', { exact: true }).fill('Oakfield Primary School (fictional)');
    await page.getByLabel('Your role', { exact: true }).fill('SENCO');
    await page.getByLabel('Your name', { exact: true }).fill('Priya Shah');
    await page.getByLabel('Your work email address', { exact: true }).fill('priya.shah@oakfield');
    await continueButton(page).click();
    // Refused with a specific message, keeping what was typed.
    await pw(page.locator('.govuk-error-summary')).toContainText('Enter the referrer’s email address in the correct format');
    await pw(page.getByLabel('Your name', { exact: true })).toHaveValue('Priya Shah');
    await s.watch.check(page, 'professional: about you, refused');
    await page.getByLabel('Your work email address', { exact: true }).fill('priya.shah@oakfield.example');
    await continueButton(page).click();

    await s.watch.check(page, 'professional: the person’s agreement');
    await page.getByRole('checkbox', { name: /^The person I am referring knows about this referral, has agreed to it/ }).check();
    await continueButton(page).click();

    await h1(page, 'The person you are referring');
    await s.watch.check(page, 'professional: the person referred');
    await page.getByLabel('Name', { exact: true }).fill('Alex Morgan');
    // No role is chosen for the referrer (a wrong guess once saved the person who harmed as the victim).
    await pw(page.getByLabel('Role', { exact: true })).toHaveValue('');
    await page.getByLabel('Role', { exact: true }).selectOption('parent');
    await page.getByLabel('Phone number (optional)', { exact: true }).fill('07700 900456');
    await page.getByLabel('Postcode (optional)', { exact: true }).fill('ME14 1AA');
    await continueButton(page).click();

    await h1(page, 'The other people involved');
    await s.watch.check(page, 'professional: the other people');
    const person2 = page.getByRole('group', { name: 'Person 2', exact: true });
    await person2.getByLabel('Name', { exact: true }).fill('Weald Valley Borough Council (fictional)');
    await person2.getByLabel('Role', { exact: true }).selectOption('local_authority');
    await continueButton(page).click();

    await h1(page, 'The situation');
    await s.watch.check(page, 'professional: the situation');
    await page.getByLabel('What is happening?', { exact: true }).fill('The council refused to name a specialist school in section I of the EHC plan.');
    await continueButton(page).click();

    await h1(page, 'About the decision');
    await s.watch.check(page, 'professional: about the decision');
    await page.getByRole('group', { name: 'Which local authority decision is disputed?' }).getByRole('radio', { name: 'The contents of the EHC plan' }).check();
    const issues = page.getByRole('group', { name: 'Which parts of the EHC plan are disputed? (optional)' });
    await issues.getByRole('checkbox', { name: 'Section F: special educational provision' }).check();
    await issues.getByRole('checkbox', { name: /^Section I: the school or college named/ }).check();
    const letterDate = page.getByRole('group', { name: 'Date of the decision letter (optional)' });
    await letterDate.getByLabel('Day', { exact: true }).fill('15');
    await letterDate.getByLabel('Month', { exact: true }).fill(String(letter.month));
    await letterDate.getByLabel('Year', { exact: true }).fill(String(letter.year));
    await continueButton(page).click();

    await h1(page, 'Risks and contact');
    await s.watch.check(page, 'professional: risks');
    await continueButton(page).click();

    await h1(page, 'Check your answers before sending your referral');
    await pw(page.getByText('Alex Morgan')).toBeVisible();
    await s.watch.check(page, 'professional: check your answers');
    await page.getByRole('button', { name: 'Send referral' }).click();

    await pw(page.getByRole('heading', { level: 1, name: 'Referral sent' })).toBeVisible();
    const reference = (await page.locator('#reference').textContent())?.trim() ?? '';
    expect(reference).toMatch(REFERRAL_REFERENCE);
    await pw(page.locator('#send-deadline')).toHaveText(longDate(deadlineIso));
    await pw(page.getByText('This is 2 months after the date of the decision letter.')).toBeVisible();
    await s.watch.check(page, 'professional: referral sent');
    references.send = reference;
    expect(reference).not.toBe(references.self);
  });

  it('refers by the API with a referrer key, which can send referrals and read only their status', async () => {
    const { key } = await s.h.deps.apiKeys.createForOrg(s.orgId, { name: 'Harbour Homes case system', role: 'referrer' }, { type: 'system' });
    const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
    const res = await fetch(`${s.origin}/api/v1/referrals`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        caseType: 'community',
        description: 'Two tenants in the same block disagree about a shared garden.',
        consentToContact: true,
        personAgreed: true,
        referrer: { organisation: 'Harbour Homes (fictional)', role: 'Housing officer', name: 'Hal Jones', email: 'hal.jones@harbour.example' },
        parties: [
          { name: 'Lee Chen', role: 'party', phone: '07700 900789', isReferredPerson: true },
          { name: 'Kim Evans', role: 'party' },
        ],
        details: { kind: 'neighbour' },
      }),
    });
    expect(res.status).toBe(201);
    const { reference } = (await res.json()) as { reference: string };
    expect(reference).toMatch(REFERRAL_REFERENCE);
    expect(Object.values(references)).not.toContain(reference);

    const list = await fetch(`${s.origin}/api/v1/referrals`, { headers });
    expect(list.status).toBe(200);
    expect(await list.json()).toMatchObject({ total: 1, referrals: [{ reference, status: 'new' }] });
    const { rows } = await s.h.deps.referrals.list(s.coordinator.actor, { status: 'new' });
    expect(rows.find((r) => r.reference === reference)).toMatchObject({ source: 'api', caseType: 'community', urgent: false });
  });

  it('asks the restorative justice questions without JavaScript, saying it is voluntary', async () => {
    const person = await s.newPage({ javaScriptEnabled: false });
    await person.goto(`${s.origin}/s/${SLUG}/refer`);
    await s.watch.check(person, 'refer: start (restorative justice)');
    await person.getByRole('button', { name: 'Start now' }).click();
    await s.watch.check(person, 'refer: kind of help (restorative justice)');
    await person.getByRole('radio', { name: 'Restorative justice' }).check();
    await continueButton(person).click();
    await pw(person.getByRole('group', { name: 'How are you involved?' })).toBeVisible();
    await pw(person.getByText('Restorative justice is voluntary.', { exact: false })).toBeVisible();
    await s.watch.check(person, 'refer: your part in what happened');
    await person.getByRole('radio', { name: 'I was affected by what happened, for example as a family member of someone harmed' }).check();
    await continueButton(person).click();
    await h1(person, 'About what happened');
    await s.watch.check(person, 'refer: about what happened');
    await person.getByRole('group', { name: 'Was what happened reported to the police?' }).getByRole('radio', { name: 'Yes' }).check();
    await continueButton(person).click();
    await pw(person.getByRole('alert').getByRole('link', { name: 'Select whether anyone involved is in prison, or ‘I am not sure’' })).toBeVisible();
    await pw(person.getByRole('group', { name: 'Was what happened reported to the police?' }).getByRole('radio', { name: 'Yes' })).toBeChecked();
    await s.watch.check(person, 'refer: about what happened, with a problem');
    await person.getByRole('group', { name: 'Is anyone involved in prison now?' }).getByRole('radio', { name: 'I am not sure' }).check();
    await continueButton(person).click();
    await h1(person, 'About you');
    await s.watch.check(person, 'refer: about you (restorative justice)');
  });

  it('checked every page it visited with axe, and saw no Content-Security-Policy errors', () => {
    expect(s.watch.uncheckedVisits).toEqual([]);
    expect(s.watch.cspMessages).toEqual([]);
    expect(s.watch.checkedPages.length).toBeGreaterThanOrEqual(30);
  });
});
