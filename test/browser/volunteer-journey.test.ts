// Volunteers and co-mediator pairs in Chromium: a coordinator adds a volunteer, records her foundation course and
// DBS check and makes her a trainee with a supervisor; adds an accredited mediator and one whose DBS recheck is
// overdue; gets pair suggestions with reasons for a community case and assigns the trainee with the accredited
// mediator. The trainee joins through her invitation, sees that case and is refused another. The supervisor signs
// the case off (without JavaScript) and, with one supervised case required, accredits her. Axe checks every page.
import { expect as pw } from '@playwright/test';
import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, INSTALL_HINT } from './browser.ts';
import { fillDate, longDate, SERVICE, ServiceUnderTest, type Staff } from './service-setup.ts';
import { holdSession } from '../support/meetings.ts';

const runs = chromiumAvailable();

// In CI a missing Chromium is a failure, not a skip.
if (!runs && process.env.CI)
  it('has Chromium to run the journeys in', () => {
    throw new Error(INSTALL_HINT);
  });

type Volunteer = { name: string; postcode: string; languages: string; email?: string };
const VERA: Volunteer = { name: 'Vera Testvolunteer', postcode: 'CT2 7NZ', languages: 'English, Polish', email: 'vera.testvolunteer@example.org' };
const OLA: Volunteer = { name: 'Ola Accreditedvolunteer', postcode: 'CT3 4DF', languages: 'English' };
const DAN: Volunteer = { name: 'Dan Lapsedvolunteer', postcode: 'CT5 1QT', languages: 'English' };
const VERA_PASSWORD = 'amber meadow lantern thistle';
const SUPERVISOR = 'Sid Supervisor';

/** "YYYY-MM-DD": the first day of the month `back` months before `today`, `years` years earlier. */
const firstOfMonth = (today: string, back: number, years = 0) => {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y - years, m - 1 - back, 1)).toISOString().slice(0, 10);
};

describe.skipIf(!runs)('browser journey: volunteers, their training and DBS, a supervised pair on a case, and accreditation', () => {
  let s: ServiceUnderTest;
  let supervisor: Staff;
  let cora: Page;
  let vera: Page;
  let caseReference = '';
  let caseId = '';
  let otherCaseId = '';
  let today = '';

  /** A community referral accepted into a case by the coordinator, as case-journey.test.ts does it in the pages. */
  async function communityCase(description: string, parties: Record<string, string>) {
    const people = Object.entries(parties).map(([name, postcode]) => ({ name, role: 'party' as const, postcode }));
    const referral = { caseType: 'community' as const, description, consentToContact: true as const, parties: people };
    const { reference } = await s.h.deps.referrals.createFromPublic(s.orgId, referral, { type: 'anonymous' });
    const { rows } = await s.h.deps.referrals.list(s.coordinator.actor, { status: 'new' });
    return s.h.deps.referrals.accept(s.coordinator.actor, rows.find((r) => r.reference === reference)!.id);
  }

  beforeAll(async () => {
    s = await ServiceUnderTest.start();
    today = s.h.clock.now().toISOString().slice(0, 10);
    supervisor = await s.addStaff('supervisor', SUPERVISOR, 'sid.supervisor@riverside.example');
    const loudMusic = 'Loud music from next door most nights since March.';
    ({ reference: caseReference, caseId } = await communityCase(loudMusic, { 'Sam Patel': 'CT1 2AB', 'Jo Okafor': 'CT1 3XY' }));
    ({ caseId: otherCaseId } = await communityCase('A shared garden.', { 'Lee Chen': 'CT9 2PL', 'Kim Evans': 'CT9 2PL' }));
    cora = await s.newPage();
    await s.signIn(cora, s.coordinator, 'coordinator');
    await s.watch.check(cora, 'coordinator home');
  });

  afterAll(async () => {
    await s?.close();
  });

  const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
  const nav = (page: Page, label: string, name: string) => page.getByRole('navigation', { name: label }).getByRole('link', { name, exact: true });
  const menu = (page: Page, name: string) => nav(page, 'Menu', name);
  const recordSection = (page: Page, name: string) => nav(page, 'Volunteer record sections', name);
  const caseSection = (page: Page, name: string) => nav(page, 'Case sections', name);
  const flash = (page: Page, text: string) => pw(page.getByText(text, { exact: true })).toBeVisible();
  /** "1 March" this year, "1 December 2025" in another: as the pages and reasons say when Dan's recheck fell due. */
  const overdueSince = () => {
    const due = firstOfMonth(today, 2);
    return due.slice(0, 4) === today.slice(0, 4) ? longDate(due).replace(/ \d{4}$/, '') : longDate(due);
  };

  async function openVolunteer(page: Page, name: string) {
    await menu(page, 'Volunteers').click();
    await s.watch.check(page, 'volunteers');
    await page.getByRole('link', { name, exact: true }).click();
    await pw(h1(page)).toContainText(name);
    await s.watch.check(page, `${name}: details`);
  }

  /** Adds the volunteer on the form, then ticks Monday and Thursday mornings: pairs need time free in the coming weeks. */
  async function addVolunteer(page: Page, v: Volunteer) {
    await menu(page, 'Volunteers').click();
    await s.watch.check(page, 'volunteers');
    await page.getByRole('button', { name: 'Add a volunteer' }).click();
    await pw(h1(page)).toHaveText('Add a volunteer');
    await s.watch.check(page, 'add a volunteer');
    await page.getByLabel('Full name', { exact: true }).fill(v.name);
    if (v.email) await page.getByLabel('Email address (optional)', { exact: true }).fill(v.email);
    await page.getByLabel('Home postcode (optional)', { exact: true }).fill(v.postcode);
    await page.getByLabel('Languages they can mediate in (optional)', { exact: true }).fill(v.languages);
    await page.getByRole('button', { name: 'Add volunteer' }).click();
    await flash(page, 'Volunteer added.');
    await pw(h1(page)).toContainText(`${v.name} Applicant`);
    await pw(page.locator('.govuk-summary-list').first()).toContainText(`${v.postcode}`);
    await pw(page.locator('.govuk-summary-list').first()).toContainText(v.languages);
    await s.watch.check(page, `${v.name}: added`);
    await recordSection(page, 'Availability').click();
    await s.watch.check(page, `${v.name}: availability`);
    for (const day of ['Monday', 'Thursday'])
      await page
        .getByRole('group', { name: day })
        .getByRole('checkbox', { name: /^Morning/ })
        .check();
    await page.getByRole('button', { name: 'Save weekly availability' }).click();
    await flash(page, 'Weekly availability saved.');
    await s.watch.check(page, `${v.name}: availability saved`);
  }

  /** Moves the volunteer on the Status page, dated today, with a supervisor or a note when given. */
  async function changeStatus(page: Page, name: string, to: string, opts: { supervisor?: string; note?: string } = {}) {
    if (!page.url().endsWith('/status')) {
      await recordSection(page, 'Details').click();
      await s.watch.check(page, `${name}: details`);
      await page.getByRole('link', { name: 'Change status or supervisor' }).click();
    }
    await s.watch.check(page, `${name}: status`);
    await page.getByRole('group', { name: 'New status' }).getByRole('radio', { name: to, exact: true }).check();
    if (opts.supervisor) await page.getByLabel('Supervisor', { exact: true }).selectOption({ label: `${opts.supervisor} (supervisor)` });
    if (opts.note) await page.getByLabel('Note', { exact: true }).fill(opts.note);
    await page.getByRole('button', { name: 'Change status', exact: true }).click();
    await flash(page, 'Status changed.');
    await pw(h1(page)).toContainText(`${name} ${to}`);
    await s.watch.check(page, `${name}: now ${to}`);
  }

  /** Through the pipeline to accredited (with a note), then the community mediation accreditation on Training. */
  async function makeAccredited(page: Page, name: string, note: string) {
    await changeStatus(page, name, 'In training');
    await changeStatus(page, name, 'Trainee', { supervisor: SUPERVISOR });
    await changeStatus(page, name, 'Accredited', { note });
    await recordSection(page, 'Training').click();
    await s.watch.check(page, `${name}: training`);
    await page.getByLabel('Area', { exact: true }).selectOption({ label: 'Community mediation' });
    await fillDate(page.getByRole('group', { name: 'Date accredited' }), firstOfMonth(today, 1));
    await page.getByRole('button', { name: 'Add accreditation' }).click();
    await flash(page, 'Accreditation added.');
    await pw(page.getByRole('row', { name: /^Community mediation/ })).toContainText('Current');
    await s.watch.check(page, `${name}: accreditation added`);
  }

  /** An enhanced check for both workforces; the page shows only the last four digits of the number. */
  async function recordDbs(page: Page, name: string, issuedOn: string, certificate: string) {
    await recordSection(page, 'DBS').click();
    await s.watch.check(page, `${name}: DBS`);
    await page.getByRole('group', { name: 'Level' }).getByRole('radio', { name: 'Enhanced', exact: true }).check();
    await page.getByRole('group', { name: 'Workforce' }).getByRole('radio', { name: 'Child and adult workforce' }).check();
    await page.getByLabel('Certificate number', { exact: true }).fill(certificate);
    await fillDate(page.getByRole('group', { name: 'Issue date' }), issuedOn);
    await page.getByRole('group', { name: 'Do they subscribe to the DBS Update Service?' }).getByRole('radio', { name: 'No' }).check();
    await page.getByRole('button', { name: 'Record DBS check' }).click();
    await flash(page, 'DBS check recorded.');
    await pw(page.getByText(`•••• •••• ${certificate.slice(-4)}`)).toBeVisible();
    await pw(page.getByText(certificate)).toHaveCount(0);
    await s.watch.check(page, `${name}: DBS check recorded`);
  }

  it('adds Vera Testvolunteer, records her foundation course and an enhanced DBS check, and makes her a trainee', async () => {
    await addVolunteer(cora, VERA);
    await recordSection(cora, 'Training').click();
    await pw(cora.getByText('No foundation course recorded (40 hours in the volunteer policy).')).toBeVisible();
    await s.watch.check(cora, 'Vera: training');
    await cora.getByLabel('Course', { exact: true }).selectOption({ label: 'Foundation course in community mediation (40 hours)' });
    await fillDate(cora.getByRole('group', { name: 'Date completed' }), firstOfMonth(today, 1));
    await cora.getByRole('button', { name: 'Record course' }).click();
    await flash(cora, 'Course recorded.');
    await pw(cora.getByText(`Foundation course in community mediation, completed ${longDate(firstOfMonth(today, 1))}`)).toBeVisible();
    await s.watch.check(cora, 'Vera: course recorded');

    await recordDbs(cora, VERA.name, firstOfMonth(today, 1), '001234567890');
    await pw(cora.locator('#dbs-standing')).toHaveText(`Current DBS check current; recheck due by ${longDate(firstOfMonth(today, 1, -3))}`);
    await changeStatus(cora, VERA.name, 'In training');
    await changeStatus(cora, VERA.name, 'Trainee', { supervisor: SUPERVISOR });
    await pw(cora.getByText(`Their supervisor is ${SUPERVISOR}.`)).toBeVisible();
  });

  it('adds an accredited mediator, and one whose DBS recheck is overdue', async () => {
    await addVolunteer(cora, OLA);
    await makeAccredited(cora, OLA.name, 'Accredited by Kent Mediation Network (fictional) before joining us.');
    await recordDbs(cora, OLA.name, firstOfMonth(today, 2), '009876543210');

    await addVolunteer(cora, DAN);
    await makeAccredited(cora, DAN.name, 'Accredited here in an earlier year.');
    // Issued three years and two months ago: the recheck fell due two months ago.
    await recordDbs(cora, DAN.name, firstOfMonth(today, 2, 3), '005555512345');
    await pw(cora.locator('#dbs-standing')).toHaveText(`Overdue DBS recheck overdue since ${overdueSince()}`);
  });

  it('suggests pairs for the case with reasons, lists who is left out and why, and assigns the trainee with the accredited mediator', async () => {
    await menu(cora, 'Cases').click();
    await s.watch.check(cora, 'cases');
    await cora.getByRole('link', { name: caseReference }).click();
    await s.watch.check(cora, 'case');
    await caseSection(cora, 'Mediators').click();
    await pw(cora.getByText('No mediators are assigned to this case yet.')).toBeVisible();
    await s.watch.check(cora, 'mediators');
    await cora.getByRole('link', { name: 'Suggested pairs', exact: true }).click();
    await pw(cora.getByRole('heading', { level: 1, name: 'Suggested pairs' })).toBeVisible();

    const pairs = cora.getByRole('group', { name: 'Best first, with the reasons for each pair' });
    await pw(pairs.getByRole('radio')).toHaveCount(1);
    await pw(pairs.getByRole('radio', { name: `${OLA.name} (lead) and ${VERA.name}` })).toBeChecked();
    const reasons = pairs.locator('.govuk-radios__hint');
    await pw(reasons).toContainText(/Score \d+(\.\d+)?\. A supervised case for the trainee\./);
    await pw(reasons).toContainText('Ola leads; Vera co-mediates as a trainee (a supervised case).');
    await pw(reasons).toContainText('0 of 3 signed off.');
    await cora.getByText('Volunteers left out (1) and why').click();
    await pw(cora.getByRole('listitem').filter({ hasText: DAN.name })).toHaveText(`${DAN.name}: DBS recheck overdue since ${overdueSince()}`);
    await s.watch.check(cora, 'mediators: suggestions');
    await cora.screenshot({ path: '/tmp/volunteer-suggestions.png', fullPage: true });

    await cora.getByRole('button', { name: 'Assign this pair' }).click();
    await flash(cora, 'Mediators assigned. The change is on the case timeline.');
    // Each mediator's card: their role and whether it is a supervised case.
    const team = (name: string) => cora.locator('.govuk-summary-card').filter({ has: cora.getByRole('heading', { level: 3, name }) });
    await pw(team(OLA.name)).toContainText(/Lead mediator[\s\S]*Supervised case\s+No/);
    await pw(team(VERA.name)).toContainText(/Co-mediator[\s\S]*Supervised case\s+Yes: not signed off yet/);
    await s.watch.check(cora, 'mediators: assigned');
    // Choosing by hand and ending the assignment are pages of their own too.
    await cora.getByRole('link', { name: 'Choose mediators yourself', exact: true }).click();
    await pw(cora.getByRole('heading', { level: 1, name: 'Choose mediators yourself' })).toBeVisible();
    await s.watch.check(cora, 'mediators: choose yourself');
    await cora.getByRole('button', { name: 'Assign these two' }).click();
    await pw(cora.locator('.govuk-error-summary')).toContainText('Choose the first volunteer');
    await s.watch.check(cora, 'mediators: choose yourself, refused');
    await cora.getByRole('link', { name: 'Back', exact: true }).click();
    await s.watch.check(cora, 'mediators, back from choosing');
    await cora.getByRole('link', { name: 'End an assignment', exact: true }).click();
    await pw(cora.getByRole('heading', { level: 1, name: 'End an assignment' })).toBeVisible();
    await s.watch.check(cora, 'mediators: end an assignment');
    await cora.getByRole('link', { name: 'Back', exact: true }).click();
    await s.watch.check(cora, 'mediators, back from ending');

    await caseSection(cora, 'Timeline').click();
    const assigned = cora.getByText(/^Mediators assigned: /);
    await pw(assigned).toContainText(`${OLA.name} (lead)`);
    await pw(assigned).toContainText(`${VERA.name} (co-mediator, supervised case)`);
    await s.watch.check(cora, 'timeline: mediators assigned');
  });

  it('invites the trainee to sign in; she joins in her own browser and sees her case, and is refused another', async () => {
    await openVolunteer(cora, VERA.name);
    await cora.getByRole('button', { name: 'Invite to sign in' }).click();
    await pw(h1(cora)).toHaveText('Invitation created');
    const link = ((await cora.locator('#invitation-link').textContent()) ?? '').trim();
    expect(link).toMatch(/\/invitations\/\S+$/);
    await s.watch.check(cora, 'Vera: invitation created');

    vera = await s.newPage();
    await vera.goto(`${s.origin}${new URL(link).pathname}`);
    await pw(h1(vera)).toHaveText(`Join ${SERVICE}`);
    await s.watch.check(vera, 'trainee: join the service');
    await vera.getByLabel('Create a password', { exact: true }).fill(VERA_PASSWORD);
    await vera.getByRole('button', { name: 'Join the service' }).click();
    await pw(h1(vera)).toHaveText('You have joined');
    await s.watch.check(vera, 'trainee: joined');
    await vera.getByRole('button', { name: 'Sign in' }).click();
    await s.watch.check(vera, 'trainee: sign in');
    await vera.getByLabel('Email address', { exact: true }).fill(VERA.email!);
    await vera.getByLabel('Password', { exact: true }).fill(VERA_PASSWORD);
    await vera.getByRole('button', { name: 'Sign in', exact: true }).click();
    await s.setUpTwoFactor(vera, 'trainee'); // a mediator sets up two-factor sign-in first
    await pw(vera).toHaveURL(`${s.origin}/home`);
    await s.watch.check(vera, 'trainee: home');

    await menu(vera, 'My volunteering').click();
    await pw(h1(vera)).toHaveText('My volunteering');
    await s.watch.check(vera, 'trainee: my volunteering');
    await nav(vera, 'My volunteering', 'My cases').click();
    const rows = vera.getByRole('table', { name: 'Cases you are on now' }).getByRole('row');
    await pw(rows).toHaveCount(2);
    await pw(rows.nth(1)).toContainText(caseReference);
    await pw(rows.nth(1)).toContainText('Co-mediator Supervised');
    await pw(rows.nth(1)).toContainText(OLA.name);
    await s.watch.check(vera, 'trainee: my cases');

    await vera.getByRole('link', { name: caseReference }).click();
    await pw(h1(vera)).toContainText(caseReference);
    await s.watch.check(vera, 'trainee: her case');
    await vera.goto(`${s.origin}/cases/${otherCaseId}`);
    await pw(h1(vera)).toHaveText('You cannot do that');
    await pw(vera.getByText('You are not on the team for this case')).toBeVisible();
    await s.watch.check(vera, 'trainee: another case refused');
  });

  it('sets one supervised case for accreditation; the supervisor signs the case off without JavaScript and accredits the trainee', async () => {
    const ada = await s.newPage();
    await s.signIn(ada, s.admin, 'admin');
    await s.watch.check(ada, 'admin home');
    await ada.goto(`${s.origin}/volunteers/policy`);
    await s.watch.check(ada, 'volunteer policy');
    await ada.getByLabel('Supervised cases before accreditation', { exact: true }).fill('1');
    await ada.getByRole('button', { name: 'Save volunteer policy' }).click();
    await flash(ada, 'Volunteer policy saved.');
    await pw(ada.getByLabel('Supervised cases before accreditation', { exact: true })).toHaveValue('1');
    await s.watch.check(ada, 'volunteer policy saved');

    // A supervised case is signed off once the pair has held its joint meeting (the meetings journey books and records one).
    await holdSession(s.h.deps, s.orgId, caseId);
    const sid = await s.newPage({ javaScriptEnabled: false });
    await s.signIn(sid, supervisor, 'supervisor');
    await s.watch.check(sid, 'supervisor home');
    await menu(sid, 'Cases').click();
    await s.watch.check(sid, 'supervisor: cases');
    await sid.getByRole('link', { name: caseReference }).click();
    await s.watch.check(sid, 'supervisor: case');
    await caseSection(sid, 'Mediators').click();
    await s.watch.check(sid, 'supervisor: mediators');
    await sid.getByRole('link', { name: `Sign off supervised case (${VERA.name})` }).click();
    await pw(sid.getByRole('heading', { level: 1, name: 'Sign off a trainee' })).toBeVisible();
    await s.watch.check(sid, 'supervisor: sign off a trainee');
    await sid.getByLabel(`Notes on ${VERA.name}’s supervised case (optional)`).fill('Co-mediated calmly and kept both parties to the ground rules.');
    await sid.getByRole('button', { name: 'Sign off as a supervised case' }).click();
    await flash(sid, 'Supervised case signed off.');
    await pw(sid.getByText(`Yes: signed off by ${SUPERVISOR}`)).toBeVisible();
    await s.watch.check(sid, 'supervisor: signed off');

    await openVolunteer(sid, VERA.name);
    await recordSection(sid, 'Training').click();
    await pw(sid.getByText(`1 of 1 supervised case signed off; supervisor: ${SUPERVISOR}.`)).toBeVisible();
    await s.watch.check(sid, 'supervisor: Vera’s training');
    await sid.getByRole('button', { name: `Accredit ${VERA.name}` }).click();
    await flash(sid, 'Accredited. Their status is now accredited and they hold the community mediation accreditation.');
    await pw(h1(sid)).toContainText(`${VERA.name} Accredited`);
    await pw(sid.getByRole('row', { name: /^Community mediation/ })).toContainText('Current');
    await s.watch.check(sid, 'supervisor: Vera accredited');

    await menu(vera, 'My volunteering').click();
    await s.watch.check(vera, 'trainee: my volunteering, again');
    await nav(vera, 'My volunteering', 'My training and DBS').click();
    await pw(vera.locator('#accreditations + ul')).toContainText('Community mediation: accredited');
    await pw(vera.getByText(`1 of 1 supervised case signed off; supervisor: ${SUPERVISOR}.`)).toBeVisible();
    await s.watch.check(vera, 'trainee: my training, accredited');
  });

  it('checked every page it visited with axe, and saw no Content-Security-Policy errors', () => {
    expect(s.watch.uncheckedVisits).toEqual([]);
    expect(s.watch.cspMessages).toEqual([]);
    expect(s.watch.checkedPages.length).toBeGreaterThanOrEqual(60);
  });
});
