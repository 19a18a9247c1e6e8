// The staff side of the referral journeys in Chromium: a coordinator signs in through the pages, triages the
// new referrals, accepts the urgent self-referral and takes the case to Ready (and is told why not, first);
// finds it again from the case list; then a disclosure reaches the safeguarding lead, who records a decision,
// while the coordinator sees only that there is a restricted record. Axe checks every page visited.
import { expect as pw } from '@playwright/test';
import type { Locator, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toSelfReferral } from '#src/features/public/self-referral.journey.ts';
import { ZSelfReferral } from '#src/features/referrals/referrals.schemas.ts';
import { chromiumAvailable, INSTALL_HINT } from './browser.ts';
import { longDate, ServiceUnderTest, ukDate } from './service-setup.ts';

const runs = chromiumAvailable();

// In CI a missing Chromium is a failure, not a skip.
if (!runs && process.env.CI)
  it('has Chromium to run the journeys in', () => {
    throw new Error(INSTALL_HINT);
  });

const DISCLOSED = 'Sam said Jo’s brother threatened to hurt Sam’s children on the way to school.';
const REFERRED_TO = 'Weald Valley children’s social care front door (fictional)';
const LEGAL_BASIS = 'Children Act 1989 s.47; UK GDPR Art. 6(1)(e) and 9(2)(g)';

describe.skipIf(!runs)('browser journey: triage a referral into a case, take it to Ready, and a disclosure to the safeguarding lead', () => {
  let s: ServiceUnderTest;
  let cora: Page;
  let selfReference = '';
  let otherCase = '';
  let caseReference = '';

  beforeAll(async () => {
    s = await ServiceUnderTest.start();
    const anonymous = { type: 'anonymous' as const };
    // The self-referral as the journey saves it (see public-journey.test.ts): urgent, three people.
    const draft = {
      caseType: 'community' as const,
      me: { name: 'Sam Patel', phone: '07700 900123', email: 'sam.patel@example.org', postcode: 'CT1 2AB' },
      others: [
        { name: 'Jo Okafor', role: 'party' as const, postcode: 'CT1 3XY' },
        { name: 'Ray Patel', role: 'supporter' as const },
      ],
      description: 'Loud music from next door most nights since March. We argued on the doorstep last week.',
      whatWouldHelp: 'Quiet after 11pm, and a way to talk without shouting.',
      anyoneAtRisk: true,
      safetyDetails: 'He said he would smash my car.',
      canLeaveMessages: false,
      bestTimes: 'Weekday mornings',
      interpreter: false,
      consentToContact: true,
    };
    ({ reference: selfReference } = await s.h.deps.referrals.createFromPublic(s.orgId, ZSelfReferral.parse(toSelfReferral(draft)), anonymous));
    await s.h.deps.referrals.createFromProfessional(
      s.orgId,
      {
        caseType: 'send',
        description: 'The council refused to name a specialist school in section I of the EHC plan.',
        consentToContact: true,
        personAgreed: true,
        referrer: { organisation: 'Oakfield Primary School (fictional)', role: 'SENCO', name: 'Priya Shah', email: 'priya.shah@oakfield.example' },
        parties: [
          { name: 'Alex Morgan', role: 'parent', isReferredPerson: true },
          { name: 'Weald Valley Borough Council (fictional)', role: 'local_authority' },
        ],
        details: { decisionType: 'plan_contents', issues: ['F', 'I'] },
      },
      anonymous,
    );
    // A case the service already has, which the searches below must not find.
    const earlier = await s.h.deps.referrals.createFromPublic(
      s.orgId,
      {
        caseType: 'community',
        description: 'A shared garden.',
        consentToContact: true,
        parties: [
          { name: 'Lee Chen', role: 'party' },
          { name: 'Kim Evans', role: 'party' },
        ],
      },
      anonymous,
    );
    const { rows } = await s.h.deps.referrals.list(s.coordinator.actor, { status: 'new' });
    ({ reference: otherCase } = await s.h.deps.referrals.accept(s.coordinator.actor, rows.find((r) => r.reference === earlier.reference)!.id));
    cora = await s.newPage();
  });

  afterAll(async () => {
    await s?.close();
  });

  const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
  const caseSection = (page: Page, name: RegExp) => page.getByRole('navigation', { name: 'Case sections' }).getByRole('link', { name });
  /** One of several forms on a page, by its submit button. */
  const form = (page: Page, button: string) => page.locator('form').filter({ has: page.getByRole('button', { name: button, exact: true }) });
  /** The summary card of one person on the case's People page. */
  const personCard = (page: Page, name: string): Locator =>
    page.locator('.govuk-summary-card').filter({ has: page.getByRole('heading', { name, exact: true }) });

  async function saveIntake(page: Page, name: string, answers: { now: string; future: string; ideas: string }) {
    await page.getByRole('link', { name: `Record intake record for ${name}` }).click();
    await pw(h1(page)).toHaveText(`Intake record for ${name}`);
    await s.watch.check(page, `intake record for ${name}`);
    const today = ukDate(s.h.clock.now());
    const met = page.getByRole('group', { name: 'Date met' });
    await met.getByLabel('Day', { exact: true }).fill(String(today.day));
    await met.getByLabel('Month', { exact: true }).fill(String(today.month));
    await met.getByLabel('Year', { exact: true }).fill(String(today.year));
    await page.getByRole('group', { name: 'How you met' }).getByRole('radio', { name: 'Home visit' }).check();
    await page.getByLabel('How do they see the situation now?', { exact: true }).fill(answers.now);
    await page.getByLabel('How would they like it to be in the future?', { exact: true }).fill(answers.future);
    await page.getByLabel('What ideas do they have for sorting it out?', { exact: true }).fill(answers.ideas);
    await page.getByRole('group', { name: 'Is mediation suitable for them?' }).getByRole('radio', { name: 'Suitable for mediation', exact: true }).check();
    await page.getByRole('button', { name: 'Save intake record' }).click();
    await pw(page.getByText('Intake record saved.')).toBeVisible();
    await pw(personCard(page, name)).toContainText(`Recorded – met on ${longDate(today.iso)} – Suitable for mediation`);
    await s.watch.check(page, `people: intake record saved for ${name}`);
  }

  async function recordConsent(page: Page, name: string) {
    // From the person's card: the page of its own, with the person already chosen.
    await personCard(page, name)
      .getByRole('link', { name: `Record consent (${name})` })
      .click();
    await pw(h1(page)).toHaveText('Record consent');
    await s.watch.check(page, `record consent for ${name}`);
    const consent = form(page, 'Record consent');
    await pw(consent.getByLabel('Person', { exact: true })).toHaveValue(/[0-9a-f-]{36}/);
    await consent.getByRole('radio', { name: 'Consent given' }).check();
    await consent.getByRole('radio', { name: 'Verbally' }).check();
    await consent.getByRole('button', { name: 'Record consent' }).click();
    await pw(page.getByText('Consent recorded.')).toBeVisible();
    await pw(personCard(page, name)).toContainText('Consent given');
    await s.watch.check(page, `people: consent recorded for ${name}`);
  }

  async function moveTo(page: Page, status: string) {
    await page.getByRole('group', { name: 'Where should the case move?' }).getByRole('radio', { name: status, exact: true }).check();
    await page.getByRole('button', { name: 'Move the case' }).click();
  }

  it('signs the coordinator in through the pages and shows the new referrals, the urgent one flagged', async () => {
    await s.signIn(cora, s.coordinator, 'coordinator');
    const newReferrals = cora.getByRole('region', { name: /^New referrals/ });
    await pw(newReferrals.getByRole('listitem').filter({ hasText: selfReference })).toContainText('Urgent');
    await pw(newReferrals.getByRole('listitem')).toHaveCount(2);
    await s.watch.check(cora, 'coordinator home');

    await cora.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Referrals' }).click();
    await pw(h1(cora)).toHaveText('Referrals');
    await pw(cora.getByRole('table')).toContainText('New referrals (2)');
    const rows = cora.getByRole('table').getByRole('row');
    // Urgent first, with its risk.
    await pw(rows.nth(1)).toContainText(selfReference);
    await pw(rows.nth(1)).toContainText('Urgent');
    await pw(rows.nth(1)).toContainText('Someone at risk of harm');
    await pw(rows.nth(1)).toContainText('Self-referral');
    await pw(rows.nth(2)).toContainText('SEND mediation');
    await pw(rows.nth(2)).toContainText('None noted');
    await s.watch.check(cora, 'referrals');
  });

  it('opens the self-referral and accepts it into a new case', async () => {
    await cora.getByRole('link', { name: selfReference }).click();
    await pw(h1(cora)).toContainText(`Referral ${selfReference}`);
    await pw(cora.getByText('Community mediation – Self-referral')).toBeVisible();
    await pw(cora.getByRole('heading', { name: 'Sam Patel – the person referred' })).toBeVisible();
    await pw(cora.getByRole('heading', { name: 'Jo Okafor', exact: true })).toBeVisible();
    await pw(cora.getByRole('heading', { name: 'Ray Patel', exact: true })).toBeVisible();
    await pw(cora.getByText('He said he would smash my car.')).toBeVisible();
    await pw(cora.getByLabel('Coordinator for the case', { exact: true })).toHaveValue(s.coordinator.actor.id);
    await s.watch.check(cora, 'self-referral');
    await cora.screenshot({ path: '/tmp/referral.png', fullPage: true });
    await cora.getByRole('button', { name: 'Accept and open a case' }).click();

    await pw(cora.getByText('Referral accepted. This is the new case.')).toBeVisible();
    caseReference = /\b[A-Z]{2,6}-\d{4}-\d{4}\b/.exec((await h1(cora).textContent()) ?? '')?.[0] ?? '';
    expect(caseReference).toMatch(/^RIV-\d{4}-\d{4}$/);
    expect(caseReference).not.toBe(otherCase);
    await pw(h1(cora)).toContainText('Intake');
    await pw(h1(cora)).toContainText('Urgent');
    const overview = cora.locator('.govuk-summary-list').first();
    await pw(overview).toContainText('Cora Coordinator');
    await pw(overview).toContainText('Riverside District (fictional)');
    await s.watch.check(cora, 'new case');
  });

  it('records first contact, an intake record for each party and one consent; Ready is refused, in words', async () => {
    await caseSection(cora, /^People \(3\)/).click();
    await pw(cora.getByRole('heading', { level: 2, name: 'People' })).toBeVisible();
    await s.watch.check(cora, 'people');

    await cora.getByRole('link', { name: 'Record a contact attempt', exact: true }).click();
    await pw(h1(cora)).toHaveText('Record a contact attempt');
    await s.watch.check(cora, 'record a contact attempt');
    const contact = form(cora, 'Record contact attempt');
    // Refused without the person and what happened, keeping the notes typed.
    await contact.getByLabel('Notes (optional)', { exact: true }).fill('Explained how mediation works. Sam would like to go ahead.');
    await contact.getByRole('button', { name: 'Record contact attempt' }).click();
    await pw(cora.locator('.govuk-error-summary')).toContainText('Choose the person contacted');
    await pw(contact.getByLabel('Notes (optional)', { exact: true })).toHaveValue('Explained how mediation works. Sam would like to go ahead.');
    await s.watch.check(cora, 'record a contact attempt: refused');
    await contact.getByLabel('Person', { exact: true }).selectOption({ label: 'Sam Patel (Party)' });
    await contact.getByRole('group', { name: 'How did you try to make contact?' }).getByRole('radio', { name: 'Phone call' }).check();
    await contact.getByRole('group', { name: 'What happened?' }).getByRole('radio', { name: 'Spoke to them' }).check();
    await contact.getByLabel('Notes (optional)', { exact: true }).fill('Explained how mediation works. Sam would like to go ahead.');
    await contact.getByRole('button', { name: 'Record contact attempt' }).click();
    await pw(cora.getByText('Contact attempt recorded.')).toBeVisible();
    await s.watch.check(cora, 'people: contact recorded');

    await saveIntake(cora, 'Sam Patel', {
      now: 'Cannot sleep; feels unsafe at the front door.',
      future: 'Quiet after 11pm and able to say hello.',
      ideas: 'Agree times for music; a number to text instead of knocking.',
    });
    await saveIntake(cora, 'Jo Okafor', {
      now: 'Works nights and plays music to wind down; feels picked on.',
      future: 'To be left alone, and warned before complaints go to the council.',
      ideas: 'Headphones after midnight if Sam stops banging on the wall.',
    });
    await recordConsent(cora, 'Sam Patel');

    await caseSection(cora, /^Overview$/).click();
    const blocked = 'Ready needs consent from every party: Jo Okafor has not consented';
    await pw(cora.getByText(`Not possible yet: ${blocked}`)).toBeVisible();
    await s.watch.check(cora, 'overview: Ready not possible yet');
    await moveTo(cora, 'Ready');
    await pw(cora.getByRole('alert').getByRole('heading', { name: 'There is a problem' })).toBeVisible();
    await pw(cora.getByRole('alert').getByRole('link', { name: blocked })).toBeVisible();
    await pw(cora).toHaveTitle(/^Error: /);
    await pw(h1(cora)).toContainText('Intake');
    await s.watch.check(cora, 'overview: move to Ready refused');
  });

  it('records the other consent and moves the case to Ready', async () => {
    await caseSection(cora, /^People \(3\)/).click();
    await s.watch.check(cora, 'people, for the second consent');

    // Adding, changing and removing a person are pages of their own: a refused form keeps what was typed.
    await cora.getByRole('link', { name: 'Add a person', exact: true }).click();
    await pw(h1(cora)).toHaveText('Add a person');
    await s.watch.check(cora, 'add a person');
    await cora.getByLabel('Full name', { exact: true }).fill('Kit Example');
    await cora.getByRole('button', { name: 'Add the person' }).click();
    await pw(cora.locator('.govuk-error-summary')).toContainText('Choose the person’s role in the case');
    await pw(cora.getByLabel('Full name', { exact: true })).toHaveValue('Kit Example');
    await s.watch.check(cora, 'add a person: refused');
    await cora.getByRole('link', { name: 'Back', exact: true }).click();
    await s.watch.check(cora, 'people, back from adding');
    await personCard(cora, 'Ray Patel').getByRole('link', { name: 'Change the details (Ray Patel)' }).click();
    await pw(h1(cora)).toHaveText('Change Ray Patel’s details');
    await s.watch.check(cora, 'change a person’s details');
    await cora.getByLabel('Phone number (optional)', { exact: true }).fill('07700 900777');
    await cora.getByRole('button', { name: 'Save the changes' }).click();
    await pw(cora.getByText('Details saved.')).toBeVisible();
    await pw(personCard(cora, 'Ray Patel')).toContainText('07700 900777');
    await s.watch.check(cora, 'people: details saved');
    await personCard(cora, 'Ray Patel').getByRole('link', { name: 'Remove from the case (Ray Patel)' }).click();
    await pw(h1(cora)).toHaveText('Remove Ray Patel');
    await s.watch.check(cora, 'remove a person');
    await cora.getByRole('link', { name: 'Back', exact: true }).click();
    await s.watch.check(cora, 'people, back from removing');

    await recordConsent(cora, 'Jo Okafor');
    // A supporter takes part with Sam, so Ready does not wait for their consent or an intake record.
    await pw(personCard(cora, 'Ray Patel')).toContainText('Not asked yet');

    await caseSection(cora, /^Overview$/).click();
    await pw(cora.getByText(/^Not possible yet/)).toHaveCount(0);
    await s.watch.check(cora, 'overview: Ready possible');
    await moveTo(cora, 'Ready');
    await pw(cora.getByText('The case has moved.')).toBeVisible();
    await pw(h1(cora)).toContainText('Ready');
    await s.watch.check(cora, 'overview: moved to Ready');
  });

  it('finds the case again from the case list, by a party’s surname and by its reference', async () => {
    await cora.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Cases' }).click();
    await pw(h1(cora)).toHaveText('Cases');
    await pw(cora.getByRole('link', { name: otherCase })).toBeVisible();
    await s.watch.check(cora, 'cases');

    await cora.getByLabel('Search cases', { exact: true }).fill('okafor');
    await cora.getByRole('button', { name: 'Search', exact: true }).click();
    await pw(cora.getByRole('table')).toContainText('Cases found');
    const found = cora.getByRole('table').getByRole('row');
    await pw(found).toHaveCount(2);
    await pw(found.nth(1)).toContainText(caseReference);
    await pw(found.nth(1)).toContainText('Sam Patel, Jo Okafor, Ray Patel');
    await pw(found.nth(1)).toContainText('Ready');
    await s.watch.check(cora, 'cases: search by surname');

    await cora.getByLabel('Search cases', { exact: true }).fill(caseReference);
    await cora.getByRole('button', { name: 'Search', exact: true }).click();
    await pw(found).toHaveCount(2);
    await pw(cora.getByRole('link', { name: otherCase })).toHaveCount(0);
    await s.watch.check(cora, 'cases: search by reference');
    await cora.getByRole('link', { name: caseReference }).click();
    await pw(h1(cora)).toContainText(caseReference);
    await s.watch.check(cora, 'case found again');
  });

  it('takes a disclosure to the safeguarding lead, and shows the coordinator only that there is a restricted record', async () => {
    await caseSection(cora, /^Timeline$/).click();
    await s.watch.check(cora, 'timeline');
    await cora.getByLabel('Note', { exact: true }).fill(DISCLOSED);
    await cora.getByLabel('About', { exact: true }).selectOption({ label: 'Sam Patel (Party)' });
    await cora.getByRole('checkbox', { name: 'This is a disclosure of risk of serious harm' }).check();
    await cora.getByRole('button', { name: 'Add note' }).click();
    await pw(cora.getByText('Note added. The safeguarding lead has been told about the disclosure.')).toBeVisible();
    await pw(cora.getByText('A safeguarding disclosure on this case is waiting for a decision by a safeguarding lead.')).toBeVisible();
    await pw(cora.getByText('Restricted safeguarding record')).toHaveCount(2);
    await pw(cora.getByText(DISCLOSED)).toHaveCount(0);
    await s.watch.check(cora, 'timeline: disclosure added');

    const sal = await s.newPage();
    await s.signIn(sal, s.safeguardingLead, 'safeguarding lead');
    const waiting = sal.getByRole('region', { name: /^Safeguarding disclosures waiting for a decision/ });
    await pw(waiting.getByRole('listitem')).toHaveCount(1);
    await pw(waiting.getByRole('listitem')).toContainText('Decision needed');
    await s.watch.check(sal, 'safeguarding lead home');
    await waiting.getByRole('link', { name: new RegExp(`^${caseReference}: disclosure recorded`) }).click();

    await pw(h1(sal)).toHaveText('Safeguarding');
    await pw(sal.getByRole('heading', { name: 'Waiting for a decision (1)' })).toBeVisible();
    await pw(sal.getByText(DISCLOSED)).toBeVisible();
    await s.watch.check(sal, 'safeguarding');
    const today = ukDate(s.h.clock.now());
    await sal.getByLabel('Decision', { exact: true }).fill('Risk to children: referred to children’s social care the same day.');
    await sal.getByLabel('Referred to (optional)', { exact: true }).fill(REFERRED_TO);
    const referredAt = sal.getByRole('group', { name: 'Date referred (optional)' });
    await referredAt.getByLabel('Day', { exact: true }).fill(String(today.day));
    await referredAt.getByLabel('Month', { exact: true }).fill(String(today.month));
    await referredAt.getByLabel('Year', { exact: true }).fill(String(today.year));
    await sal.getByLabel('Legal basis for sharing (optional)', { exact: true }).fill(LEGAL_BASIS);
    await sal.getByRole('radio', { name: 'Yes, close it: nothing more to do' }).check();
    await sal.getByRole('button', { name: 'Record decision' }).click();

    await pw(sal.getByText('Decision recorded.')).toBeVisible();
    await pw(sal.getByText('No disclosures are waiting for a decision.')).toBeVisible();
    const decided = sal.locator('.govuk-summary-card').filter({ has: sal.getByRole('heading', { name: `Disclosure on case ${caseReference}` }) });
    await pw(decided).toContainText(`${REFERRED_TO} – ${longDate(today.iso)}`);
    await pw(decided).toContainText(LEGAL_BASIS);
    await pw(decided).toContainText('Sal Safeguarding');
    await s.watch.check(sal, 'safeguarding: decision recorded');
    await sal.screenshot({ path: '/tmp/safeguarding.png', fullPage: true });

    // The coordinator: three restricted events (the note, the disclosure, the decision), none of their words.
    await caseSection(cora, /^Timeline$/).click();
    await pw(cora.getByText('Restricted safeguarding record')).toHaveCount(3);
    await pw(cora.getByText(DISCLOSED)).toHaveCount(0);
    await pw(cora.getByText(REFERRED_TO)).toHaveCount(0);
    await pw(cora.getByText(/waiting for a decision by a safeguarding lead/)).toHaveCount(0);
    await s.watch.check(cora, 'timeline after the decision');
    await cora.screenshot({ path: '/tmp/timeline-coordinator.png', fullPage: true });
    await caseSection(cora, /^Overview$/).click();
    await s.watch.check(cora, 'case overview at the end');
    await cora.screenshot({ path: '/tmp/case.png', fullPage: true });
  });

  it('checked every page it visited with axe, and saw no Content-Security-Policy errors', () => {
    expect(s.watch.uncheckedVisits).toEqual([]);
    expect(s.watch.cspMessages).toEqual([]);
    expect(s.watch.checkedPages.length).toBeGreaterThanOrEqual(30);
  });
});
