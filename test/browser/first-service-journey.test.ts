// A new service's first week in Chromium, from an empty install and using only what is on the screen: the set-up
// link a fresh install prints is the one address typed. The admin sets up the service and two-factor sign-in, works
// through the getting-started checklist by its own links (settings, case types, areas, a safeguarding lead, a
// venue, two trained volunteers one of whom may lead, colleagues, the public page), sends a professional referral
// from the public page with the other party given the wrong role, accepts it, corrects the role on the People tab,
// and takes the case from intake to Outcome: refused at each gate until it is met, with the reason on the screen.
// Every page visited is checked with axe and for sideways scrolling at 1280 px.
import { expect as pw } from '@playwright/test';
import type { Browser, BrowserContext, Locator, Page } from 'playwright';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { currentTotp } from '#src/lib/totp.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { chromiumAvailable, INSTALL_HINT, launchChromium, PageWatch } from './browser.ts';
import { fillDate } from './service-setup.ts';

const runs = chromiumAvailable();

// In CI a missing Chromium is a failure, not a skip.
if (!runs && process.env.CI)
  it('has Chromium to run the journeys in', () => {
    throw new Error(INSTALL_HINT);
  });

const SERVICE = 'Harbourside Mediation (fictional)';
const ADMIN = { name: 'Hana Admin', email: 'hana.admin@harbourside.example', password: 'saffron ladder comet willow' };
/** Monday 2 March 2026, 09:00 in London. */
const NOW = new Date('2026-03-02T09:00:00Z');
const TODAY = '2026-03-02';
/** The joint meeting: Thursday 5 March 2026, 10:00 to 11:30. */
const MEETING_DAY = '2026-03-05';
const VENUE = 'Quayside Community Centre (fictional)';
const ROOM = 'Lantern Room';
const LEAD = 'Lena Leadvolunteer';
const CO = 'Cal Covolunteer';
const REFERRED = 'Priya Sampleparty';
const OTHER = 'Owen Testparty';
const REFERRER = 'Rita Referrer';
const TOTP_STEP = 30_000;

describe.skipIf(!runs)('browser journey: a new service from an empty install to its first case at Outcome', () => {
  let h: Harness;
  let origin = '';
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let secret = '';
  let reference = '';
  let caseReference = '';
  const watch = new PageWatch();

  beforeAll(async () => {
    h = await startHarness();
    h.clock.current = new Date(NOW);
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const address = h.app.server.address();
    if (!address || typeof address === 'string') throw new Error('The app is not listening on a TCP port');
    origin = `http://127.0.0.1:${address.port}`;
    browser = await launchChromium();
    context = watch.watch(await browser.newContext({ viewport: { width: 1280, height: 900 } }));
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
  });

  // Each step builds on the one before: after a failure the rest are skipped, not left to time out one by one.
  let failed = false;
  beforeEach((ctx) => {
    if (failed) ctx.skip();
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    failed = true;
    console.log(
      `Failed on ${page.url()}:\n${await page
        .locator('main')
        .innerText()
        .catch(() => '(no main)')}`,
    );
  });

  afterAll(async () => {
    await context?.close().catch(() => {});
    await browser?.close();
    await h?.close();
  });

  const h1 = () => page.getByRole('heading', { level: 1 });
  const title = (name: string) => page.getByRole('heading', { level: 1, name, exact: true });
  const menu = (name: string) => page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name, exact: true });
  const caseSection = (name: RegExp) => page.getByRole('navigation', { name: 'Case sections' }).getByRole('link', { name });
  const recordSection = (name: string) => page.getByRole('navigation', { name: 'Volunteer record sections' }).getByRole('link', { name, exact: true });
  const flash = (text: string) => pw(page.getByText(text, { exact: true })).toBeVisible();
  const check = (label: string) => watch.check(page, label);
  const problem = (text: string | RegExp) => page.getByRole('alert').getByRole('link', { name: text });
  const checklistItem = (name: string | RegExp) => page.getByRole('region', { name: 'Get your service ready' }).getByRole('link', { name });
  /** The summary card of one person on the case's People tab. */
  const personCard = (name: string): Locator => page.locator('.govuk-summary-card').filter({ has: page.getByRole('heading', { name, exact: true }) });

  /** The Continue button of a page of the public referral. */
  const next = () => page.getByRole('button', { name: 'Continue', exact: true }).click();

  async function home(label: string) {
    await menu('Home').click();
    await pw(title('Home')).toBeVisible();
    await check(label);
  }

  /** Signs in on the sign-in page the app sent us to: the password, then a code from the app 30 seconds on. */
  async function signIn(label: string) {
    await pw(title('Sign in')).toBeVisible();
    await check(`${label}: sign in`);
    await page.getByLabel('Email address', { exact: true }).fill(ADMIN.email);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await pw(title('Enter your sign-in code')).toBeVisible();
    await check(`${label}: sign-in code`);
    h.clock.advance(TOTP_STEP);
    await page.getByLabel('Enter your sign-in code', { exact: true }).fill(currentTotp(secret, h.clock.now().getTime()));
    await page.getByRole('button', { name: 'Continue' }).click();
  }

  async function moveTo(status: string) {
    await page.getByRole('group', { name: 'Where should the case move?' }).getByRole('radio', { name: status, exact: true }).check();
    await page.getByRole('button', { name: 'Move the case' }).click();
  }

  /** Moves the case and expects the refusal, each reason linked from the error summary, the case where it was. */
  async function refusedMove(status: string, reasons: (string | RegExp)[], label: string) {
    await moveTo(status);
    await pw(page.getByRole('alert').getByRole('heading', { name: 'There is a problem' })).toBeVisible();
    for (const reason of reasons) await pw(problem(reason)).toBeVisible();
    await pw(page).toHaveTitle(/^Error: /);
    await check(label);
  }

  it('sets up the service from the link a fresh install prints, with two-factor sign-in for its admin', async () => {
    const token = await h.deps.orgs.issueSetupToken();
    if (!token) throw new Error('The fresh database already has a service, so there is no set-up link');
    await page.goto(`${origin}/setup?token=${encodeURIComponent(token)}`);
    await pw(title('Set up Parley')).toBeVisible();
    await check('set up');
    await page.getByLabel('Name of the service', { exact: true }).fill(SERVICE);
    await page.getByLabel('Short name', { exact: true }).fill('harbourside');
    await page.getByLabel('Full name', { exact: true }).fill(ADMIN.name);
    await page.getByLabel('Email address', { exact: true }).fill(ADMIN.email);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Create service' }).click();

    await pw(title('Set up two-factor sign-in')).toBeVisible();
    await check('two-factor set-up');
    secret = ((await page.locator('#totp-key').textContent()) ?? '').replace(/\s+/g, '');
    await page.getByLabel('6-digit code', { exact: true }).fill(currentTotp(secret, h.clock.now().getTime()));
    await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
    await pw(title('Your backup codes')).toBeVisible();
    await check('backup codes');
    await page.getByRole('button', { name: 'Continue' }).click();
    await pw(title('Home')).toBeVisible();
    await pw(page.getByText('You have done 0 of 8 things.')).toBeVisible();
    await check('admin home: the checklist');
  });

  it('checks the settings and chooses the case types from the checklist', async () => {
    await checklistItem('Check your service’s settings').click();
    await pw(title('Settings')).toBeVisible();
    await check('settings');
    await page.getByRole('link', { name: 'Change the reference prefix' }).click();
    await check('settings: references');
    await page.getByLabel('Reference prefix', { exact: true }).fill('HBR');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await flash('Reference prefix saved.');
    await check('settings: prefix saved');

    await home('home: settings done');
    await checklistItem('Choose the case types you offer').click();
    await pw(title('Case types')).toBeVisible();
    await check('case types');
    const offered = page.getByRole('group', { name: 'Case types offered' });
    await offered.getByRole('checkbox', { name: 'Community mediation' }).check();
    await page.getByRole('button', { name: 'Save case types offered' }).click();
    await check('case types: saved');
  });

  it('says which areas it covers and invites a safeguarding lead', async () => {
    await home('home: case types done');
    await checklistItem('Say which areas you cover').click();
    await pw(title('Areas covered')).toBeVisible();
    await check('areas');
    await page.getByLabel('Postcode areas, districts or sectors', { exact: true }).fill('CT\nME14');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await flash('Areas covered saved.');
    await check('areas saved');

    await home('home: areas done');
    await checklistItem('Invite a safeguarding lead').click();
    await pw(title('Invite someone')).toBeVisible();
    await check('invite a safeguarding lead');
    await page.getByLabel('Full name', { exact: true }).fill('Sol Safeguarding');
    await page.getByLabel('Email address', { exact: true }).fill('sol.safeguarding@harbourside.example');
    await page.getByRole('group', { name: 'Role' }).getByRole('radio', { name: 'safeguarding lead', exact: true }).check();
    await page.getByRole('button', { name: 'Create invitation' }).click();
    await pw(title('Invitation created')).toBeVisible();
    await check('safeguarding lead invited');
  });

  it('adds a venue with a room', async () => {
    await home('home: safeguarding lead done');
    await checklistItem('Add a venue').click();
    await pw(title('Add a venue')).toBeVisible();
    await check('add a venue');
    await page.getByLabel('Name', { exact: true }).fill(VENUE);
    await page.getByLabel('Address', { exact: true }).fill('7 Harbour Street\nHarbourside');
    await page.getByLabel('Postcode', { exact: true }).fill('CT1 2AB');
    for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']) {
      const hours = page.getByRole('group', { name: day, exact: true });
      await hours.getByLabel('Opens', { exact: true }).fill('09:00');
      await hours.getByLabel('Closes', { exact: true }).fill('17:00');
    }
    await page.getByRole('button', { name: 'Add venue' }).click();
    await flash('Venue added.');
    await check('venue added');
    await page
      .getByRole('region', { name: VENUE })
      .getByRole('link', { name: `Add a room at ${VENUE}` })
      .click();
    await pw(title('Add a room')).toBeVisible();
    await check('add a room');
    await page.getByLabel('Name of the room', { exact: true }).fill(ROOM);
    await page.getByLabel('How many people it holds', { exact: true }).fill('6');
    await page.getByRole('group', { name: 'Is there a separate waiting room?' }).getByRole('radio', { name: 'No' }).check();
    await page.getByRole('button', { name: 'Add room' }).click();
    await flash('Room added.');
    await check('room added');
  });

  /** Adds a volunteer on the form and ticks weekday mornings and afternoons. */
  async function addVolunteer(name: string) {
    await page.getByLabel('Full name', { exact: true }).fill(name);
    await page.getByLabel('Languages they can mediate in (optional)', { exact: true }).fill('English');
    await page.getByRole('button', { name: 'Add volunteer' }).click();
    await flash('Volunteer added.');
    await check(`${name}: added`);
    await recordSection('Availability').click();
    await check(`${name}: availability`);
    for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'])
      for (const part of [/^Morning/, /^Afternoon/]) await page.getByRole('group', { name: day }).getByRole('checkbox', { name: part }).check();
    await page.getByRole('button', { name: 'Save weekly availability' }).click();
    await flash('Weekly availability saved.');
    await check(`${name}: availability saved`);
  }

  async function changeStatus(name: string, to: string, opts: { supervisor?: string; note?: string } = {}) {
    // After a change the page is the status page again (already checked): the next change is made there.
    if (!new URL(page.url()).pathname.endsWith('/status')) {
      await recordSection('Details').click();
      await check(`${name}: details`);
      await page.getByRole('link', { name: 'Change status or supervisor' }).click();
      await check(`${name}: status`);
    }
    await page.getByRole('group', { name: 'New status' }).getByRole('radio', { name: to, exact: true }).check();
    if (opts.supervisor) await page.getByLabel('Supervisor', { exact: true }).selectOption({ label: `${opts.supervisor} (admin)` });
    if (opts.note) await page.getByLabel('Note', { exact: true }).fill(opts.note);
    await page.getByRole('button', { name: 'Change status', exact: true }).click();
    await flash('Status changed.');
    await pw(h1()).toContainText(`${name} ${to}`);
    await check(`${name}: now ${to}`);
  }

  async function recordCourse(name: string) {
    await recordSection('Training').click();
    await check(`${name}: training`);
    await page.getByLabel('Course', { exact: true }).selectOption({ label: 'Foundation course in community mediation (40 hours)' });
    await fillDate(page.getByRole('group', { name: 'Date completed' }), '2026-01-30');
    await page.getByRole('button', { name: 'Record course' }).click();
    await flash('Course recorded.');
    await check(`${name}: course recorded`);
  }

  /** An enhanced check for both workforces: the service's policy asks for one before anyone mediates. */
  async function recordDbs(name: string, certificate: string) {
    await recordSection('DBS').click();
    await check(`${name}: DBS`);
    await page.getByRole('group', { name: 'Level' }).getByRole('radio', { name: 'Enhanced', exact: true }).check();
    await page.getByRole('group', { name: 'Workforce' }).getByRole('radio', { name: 'Child and adult workforce' }).check();
    await page.getByLabel('Certificate number', { exact: true }).fill(certificate);
    await fillDate(page.getByRole('group', { name: 'Issue date' }), '2026-02-02');
    await page.getByRole('group', { name: 'Do they subscribe to the DBS Update Service?' }).getByRole('radio', { name: 'No' }).check();
    await page.getByRole('button', { name: 'Record DBS check' }).click();
    await flash('DBS check recorded.');
    await check(`${name}: DBS recorded`);
  }

  it('adds two trained volunteers: one accredited elsewhere in community mediation, who may lead, and a trainee who has done the foundation course', async () => {
    await home('home: venue done');
    await checklistItem('Add your volunteers').click();
    await pw(title('Add a volunteer')).toBeVisible();
    await check('add a volunteer');
    await addVolunteer(LEAD);
    await recordDbs(LEAD, '001234567890');
    await changeStatus(LEAD, 'In training');
    await changeStatus(LEAD, 'Trainee', { supervisor: ADMIN.name });
    await changeStatus(LEAD, 'Accredited', { note: 'Accredited by the Kent Mediation Network (fictional) before joining us.' });
    await recordSection('Training').click();
    await check(`${LEAD}: training`);
    await page.getByLabel('Area', { exact: true }).selectOption({ label: 'Community mediation' });
    await fillDate(page.getByRole('group', { name: 'Date accredited' }), '2026-02-16');
    await page.getByRole('button', { name: 'Add accreditation' }).click();
    await flash('Accreditation added.');
    await pw(page.getByRole('row', { name: /^Community mediation/ })).toContainText('Current');
    await check(`${LEAD}: accredited`);

    await menu('Volunteers').click();
    await check('volunteers');
    await page.getByRole('button', { name: 'Add a volunteer' }).click();
    await check('add another volunteer');
    await addVolunteer(CO);
    await recordCourse(CO);
    await recordDbs(CO, '009876543210');
    await changeStatus(CO, 'In training');
    await changeStatus(CO, 'Trainee', { supervisor: ADMIN.name });
  });

  it('invites a colleague and writes the public page; the checklist is done', async () => {
    await home('home: volunteers done');
    await checklistItem('Invite your colleagues').click();
    await pw(title('Invite someone')).toBeVisible();
    await check('invite a colleague');
    await page.getByLabel('Full name', { exact: true }).fill('Cleo Coordinator');
    await page.getByLabel('Email address', { exact: true }).fill('cleo.coordinator@harbourside.example');
    await page.getByRole('group', { name: 'Role' }).getByRole('radio', { name: 'case coordinator', exact: true }).check();
    await page.getByRole('button', { name: 'Create invitation' }).click();
    await pw(title('Invitation created')).toBeVisible();
    await check('colleague invited');

    await home('home: colleagues done');
    await checklistItem('Write your public page').click();
    await pw(title('Texts for the public')).toBeVisible();
    await check('texts for the public');
    await page.getByLabel('Welcome text', { exact: true }).fill('We help neighbours and families sort out disagreements (fictional service).');
    await page.getByLabel('Privacy notice', { exact: true }).fill('We keep what you tell us for six years after your case closes (fictional).');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await flash('Texts for the public saved.');
    await check('texts saved');

    await home('home: the checklist done');
    await pw(page.getByRole('region', { name: 'Get your service ready' })).toHaveCount(0);
  });

  it('sends a professional referral from the public page, with the other party given the wrong role', async () => {
    await page.getByRole('banner').getByRole('link', { name: 'Public site' }).click();
    await check('public page');
    await page.getByRole('link', { name: 'Make a referral as a professional' }).click();
    // The service offers one kind of case: its start page, then one question group per page.
    await pw(title('Community mediation')).toBeVisible();
    await check('professional referral: start');
    await page.getByRole('button', { name: 'Start now' }).click();

    await pw(title('About you')).toBeVisible();
    await check('professional referral: about you');
    await page.getByLabel('Organisation', { exact: true }).fill('Harbourside Housing (fictional)');
    await page.getByLabel('Your role', { exact: true }).fill('Housing officer');
    await page.getByLabel('Your name', { exact: true }).fill(REFERRER);
    await page.getByLabel('Your work email address', { exact: true }).fill('rita.referrer@housing.example');
    await next();

    await check('professional referral: the person’s agreement');
    await page.getByRole('checkbox', { name: /has agreed to it/ }).check();
    await next();

    await pw(title('The person you are referring')).toBeVisible();
    await check('professional referral: the person referred');
    await page.getByLabel('Name', { exact: true }).fill(REFERRED);
    await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Party' });
    await page.getByLabel('Phone number (optional)', { exact: true }).fill('07700 900111');
    await next();

    await pw(title('The other people involved')).toBeVisible();
    await check('professional referral: the other people');
    const person2 = page.getByRole('group', { name: 'Person 2', exact: true });
    await person2.getByLabel('Name', { exact: true }).fill(OTHER);
    // The wrong role: Owen is the other party, not a supporter.
    await person2.getByLabel('Role', { exact: true }).selectOption({ label: 'Supporter' });
    await person2.getByLabel('Phone number (optional)', { exact: true }).fill('07700 900222');
    await next();

    await pw(title('The situation')).toBeVisible();
    await check('professional referral: the situation');
    await page
      .getByLabel('What is happening?', { exact: true })
      .fill('Neighbours in a shared building: noise through the floor late at night and words on the stairs.');
    await next();

    await pw(title('About the disagreement')).toBeVisible();
    await check('professional referral: about the disagreement');
    await page.getByRole('group', { name: 'Who is the disagreement between?' }).getByRole('radio').first().check();
    await next();

    await pw(title('Risks and contact')).toBeVisible();
    await check('professional referral: risks');
    await next();

    await pw(title('Check your answers before sending your referral')).toBeVisible();
    // The wrong role, as given, on "Check your answers".
    await pw(page.locator('.govuk-summary-list__row').filter({ has: page.getByText(OTHER, { exact: true }) })).toContainText('Supporter');
    await check('professional referral: check your answers');
    await page.getByRole('button', { name: 'Send referral' }).click();
    await check('referral sent');
  });

  it('accepts the referral into a case; Ready is refused, in words, while the other party has the wrong role', async () => {
    await pw(title('Referral sent')).toBeVisible();
    reference = (await page.getByText(/^[A-Z]+-R-\d{4}-\d{4}$/).textContent())?.trim() ?? '';
    expect(reference).toMatch(/^HBR-R-2026-\d{4}$/);
    await menu('Referrals').click();
    await check('referrals');
    await page.getByRole('link', { name: reference }).click();
    await pw(page.getByRole('heading', { name: `${OTHER}`, exact: true }).or(page.getByRole('heading', { name: new RegExp(OTHER) }))).toBeVisible();
    await check('the referral');
    await page.getByRole('button', { name: 'Accept and open a case' }).click();
    await flash('Referral accepted. This is the new case.');
    caseReference = /\bHBR-\d{4}-\d{4}\b/.exec((await h1().textContent()) ?? '')?.[0] ?? '';
    expect(caseReference).toMatch(/^HBR-2026-\d{4}$/);
    await check('the new case');

    await refusedMove('Ready', ['Ready needs at least two parties on the case'], 'move to Ready refused: one party');
  });

  it('corrects the other party’s role on the People tab, with the change on the timeline', async () => {
    await caseSection(/^People/).click();
    await check('people');
    await pw(personCard(OTHER)).toContainText('Supporter');
    await personCard(OTHER)
      .getByRole('link', { name: /^Change/ })
      .click();
    await check(`change ${OTHER}`);
    await page.getByRole('group', { name: 'Their role in the case' }).getByRole('radio', { name: 'Party', exact: true }).check();
    await page.getByLabel('Why (optional)', { exact: true }).fill('Role entered wrongly at referral: Owen is the other neighbour.');
    await page.getByRole('button', { name: 'Save the changes' }).click();
    await check('people: role changed');
    await pw(personCard(OTHER)).toContainText('Party');
    await caseSection(/^Timeline/).click();
    await pw(page.getByText(/Role entered wrongly at referral/)).toBeVisible();
    await check('timeline: role changed');
  });

  it('is refused an intake record without the person’s view, then records intake and consent for each party', async () => {
    await caseSection(/^Overview/).click();
    await check('overview');
    await refusedMove(
      'Ready',
      [/Ready needs consent from every party/, /Ready needs an intake record for every party/],
      'move to Ready refused: no intake or consent',
    );
    await caseSection(/^People/).click();
    await check('people, for intake');
    await page.getByRole('link', { name: `Record intake record for ${REFERRED}` }).click();
    await pw(title(`Intake record for ${REFERRED}`)).toBeVisible();
    await check(`intake for ${REFERRED}`);
    await page.getByRole('button', { name: 'Save intake record' }).click();
    await pw(problem(/an intake record needs at least their view/)).toBeVisible();
    await check(`intake for ${REFERRED}: refused`);
    for (const name of [REFERRED, OTHER]) {
      if (name !== REFERRED) {
        await page.getByRole('link', { name: `Record intake record for ${name}` }).click();
        await check(`intake for ${name}`);
      }
      await fillDate(page.getByRole('group', { name: 'Date met' }), TODAY);
      await page.getByRole('group', { name: 'How you met' }).getByRole('radio', { name: 'Home visit' }).check();
      await page.getByLabel('How do they see the situation now?', { exact: true }).fill('Noise through the floor at night; words on the stairs.');
      await page.getByRole('group', { name: 'Is mediation suitable for them?' }).getByRole('radio', { name: 'Suitable for mediation', exact: true }).check();
      await page.getByRole('button', { name: 'Save intake record' }).click();
      await flash('Intake record saved.');
      await check(`people: intake saved for ${name}`);
      await personCard(name)
        .getByRole('link', { name: /^Record consent/ })
        .click();
      await pw(title('Record consent')).toBeVisible();
      await check(`record consent for ${name}`);
      // The card's link chose the person.
      await pw(page.getByLabel('Person', { exact: true }).locator('option:checked')).toHaveText(`${name} (Party)`);
      await page.getByRole('group', { name: 'Consent', exact: true }).getByRole('radio', { name: 'Consent given' }).check();
      await page.getByRole('radio', { name: 'Verbally' }).check();
      await page.getByRole('button', { name: 'Record consent' }).click();
      await flash('Consent recorded.');
      await check(`people: consent recorded for ${name}`);
    }
    await caseSection(/^Overview/).click();
    await pw(page.getByText(/^Not possible yet/)).toHaveCount(0);
    await check('overview: Ready possible');
    await moveTo('Ready');
    await flash('The case has moved.');
    await check('moved to Ready');
  });

  it('is refused Mediation without a pair, assigns the suggested pair and moves the case to Mediation', async () => {
    await refusedMove('Mediation', ['Mediation needs a pair of mediators assigned to the case'], 'move to Mediation refused: no pair');
    await caseSection(/^Mediators/).click();
    await check('mediators');
    await page.getByRole('link', { name: 'Suggested pairs', exact: true }).click();
    await check('mediators: suggested pairs');
    const pairs = page.getByRole('group', { name: 'Best first, with the reasons for each pair' });
    await pw(pairs.getByRole('radio', { name: `${LEAD} (lead) and ${CO}` })).toBeChecked();
    await page.getByRole('button', { name: 'Assign this pair' }).click();
    await flash('Mediators assigned. The change is on the case timeline.');
    await check('mediators assigned');
    await caseSection(/^Overview/).click();
    await check('overview, with the pair');
    await moveTo('Mediation');
    await flash('The case has moved.');
    await check('moved to Mediation');
  });

  it('is refused Outcome before a joint meeting; books one at the venue', async () => {
    await refusedMove(
      'Outcome',
      ['Outcome needs a joint meeting, RJ conference or shuttle session to have been held on the case', /Say what the outcome was/],
      'move to Outcome refused: no meeting',
    );
    await caseSection(/^Meetings/).click();
    await check('meetings');
    await page.getByRole('button', { name: 'Book a meeting' }).click();
    await check('book a meeting');
    await page.getByLabel('Kind of meeting', { exact: true }).selectOption({ label: 'Joint meeting' });
    await page.getByRole('group', { name: 'How does it happen?' }).getByRole('radio', { name: 'In person' }).check();
    await page.getByRole('radio', { name: 'At a venue' }).check();
    await page.getByLabel('Room, for a meeting at a venue', { exact: true }).selectOption({ index: 1 });
    await fillDate(page.getByRole('group', { name: 'Date' }), MEETING_DAY);
    await page.getByLabel('Start time', { exact: true }).fill('10:00');
    await page.getByLabel('How long', { exact: true }).fill('90');
    for (const name of [`${LEAD} (lead mediator)`, `${CO} (co-mediator)`, `${REFERRED} (Party)`, `${OTHER} (Party)`])
      await page.getByRole('checkbox', { name }).check();
    await page.getByRole('button', { name: 'Book the meeting' }).click();
    await flash('Meeting booked. Invitations are in the outbox: by email, or as a letter to post for anyone without an email address.');
    await check('joint meeting booked');
  });

  it('records the joint meeting after it, and moves the case to Outcome once each issue has its outcome', async () => {
    // Thursday, 12:00: the meeting was this morning. The admin's session has ended; the next click asks her to sign in.
    h.clock.current = new Date(`${MEETING_DAY}T12:00:00Z`);
    await caseSection(/^Meetings/).click();
    await signIn('after the meeting');
    await pw(page.getByText('No meetings are coming up.')).toBeVisible();
    const held = page.getByRole('row', { name: /Joint meeting/ });
    await pw(held).toContainText('Not recorded yet');
    await check('meetings, after the meeting');
    await held.getByRole('link', { name: 'Thursday 5 March 2026, 10:00 to 11:30' }).click();
    await check('the joint meeting');
    await page.getByRole('button', { name: 'Record the meeting' }).click();
    await check('record the meeting');
    await page.getByLabel('Issues identified', { exact: true }).fill('Noise after 11pm\nWords on the stairs');
    await page.getByLabel('Options discussed', { exact: true }).fill('Rugs on the floor; quiet hours; a note instead of knocking.');
    await page.getByLabel('Outcome', { exact: true }).fill('They agreed to talk again in a month; no written agreement wanted.');
    await page.getByRole('group', { name: 'Next step' }).getByRole('radio', { name: 'No next step yet' }).check();
    await page.getByRole('button', { name: 'Save the record' }).click();
    await flash('Meeting recorded.');
    const issues = page.getByRole('definition').filter({ hasText: 'Noise after 11pm' });
    expect(await issues.innerText()).toBe('Noise after 11pm\nWords on the stairs');
    await check('joint meeting recorded');

    await caseSection(/^Overview/).click();
    await check('overview, after the meeting');
    await page.getByRole('group', { name: 'What was the outcome?' }).getByRole('radio', { name: 'No agreement' }).check();
    await refusedMove(
      'Outcome',
      [/Say what became of each issue on the meeting records: Noise after 11pm, Words on the stairs have no outcome/],
      'move to Outcome refused: issues without outcomes',
    );
    await page.getByRole('group', { name: 'What was the outcome?' }).getByRole('radio', { name: 'No agreement' }).check();
    for (const issue of ['Noise after 11pm', 'Words on the stairs'])
      await page
        .getByRole('group', { name: `Issue: ${issue}` })
        .getByRole('radio', { name: 'Not agreed' })
        .check();
    await moveTo('Outcome');
    await flash('The case has moved.');
    await check('moved to Outcome');

    await menu('Cases').click();
    await pw(page.getByRole('row', { name: new RegExp(`^${caseReference}`) })).toContainText('Outcome');
    await check('the case list');
  });

  it('checked every page it visited with axe and for sideways scrolling at 1280 px', () => {
    expect(watch.uncheckedVisits).toEqual([]);
    expect(watch.cspMessages).toEqual([]);
    expect(watch.checkedPages.length).toBeGreaterThanOrEqual(80);
  });
});
