// The first journey through real pages in Chromium: set up the service, sign out and in again, invite a
// mediator who joins in their own browser, and sign in with JavaScript turned off. Axe checks every page.
import { expect as pw } from '@playwright/test';
import type { Browser, BrowserContext, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTotp } from '#src/lib/totp.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { chromiumAvailable, INSTALL_HINT, launchChromium, PageWatch } from './browser.ts';

const runs = chromiumAvailable();

// In CI a missing Chromium is a failure, not a skip.
if (!runs && process.env.CI)
  it('has Chromium to run the journeys in', () => {
    throw new Error(INSTALL_HINT);
  });

const SERVICE = 'Riverside Mediation (fictional)';
const ADMIN = { name: 'Ada Admin', email: 'ada.admin@example.org', password: 'copper kettle lantern orchard' };
const MEDIATOR = { name: 'Mo Mediator', email: 'mo.mediator@example.org', password: 'violet harbour pebble sparrow' };
const TOTP_STEP = 30_000;

describe.skipIf(!runs)('browser journey: set up, sign in, invite, join', () => {
  let h: Harness;
  let origin: string;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const watch = new PageWatch();
  let admin: Page;
  let adminSecret = '';
  let invitationPath = '';

  const code = (secret: string) => currentTotp(secret, h.clock.now().getTime());

  async function newPage(options: { javaScriptEnabled?: boolean } = {}) {
    const context = watch.watch(await browser.newContext(options), options);
    contexts.push(context);
    return context.newPage();
  }

  /** Reads the key shown as text on the two-factor page, checks the QR code is there, and turns two-factor on. */
  async function setUpTwoFactor(page: Page, label: string): Promise<string> {
    await pw(page.getByRole('heading', { level: 1, name: 'Set up two-factor sign-in' })).toBeVisible();
    await pw(page.getByRole('img', { name: 'QR code for your authenticator app' }).locator('svg')).toBeVisible();
    const keyText = (await page.locator('#totp-key').textContent())?.trim() ?? '';
    expect(keyText).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/);
    await watch.check(page, label);
    const secret = keyText.replace(/\s+/g, '');
    await page.getByLabel('6-digit code', { exact: true }).fill(code(secret));
    await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
    await pw(page.getByRole('heading', { level: 1, name: 'Your backup codes' })).toBeVisible();
    const codes = await page.locator('#backup-codes').getByRole('listitem').allTextContents();
    expect(codes).toHaveLength(10);
    for (const c of codes) expect(c.trim()).toMatch(/^\d{4}-\d{4}$/);
    await watch.check(page, `${label}: backup codes`);
    await page.getByRole('button', { name: 'Continue' }).click();
    return secret;
  }

  /** Signs in through the two pages: email and password, then the code from the app. */
  async function signIn(page: Page, who: { email: string; password: string }, secret: string, label: string) {
    await pw(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await watch.check(page, `${label}: sign in`);
    await page.getByLabel('Email address', { exact: true }).fill(who.email);
    await page.getByLabel('Password', { exact: true }).fill(who.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await pw(page.getByRole('heading', { level: 1, name: 'Enter your sign-in code' })).toBeVisible();
    await watch.check(page, `${label}: sign-in code`);
    h.clock.advance(TOTP_STEP); // a new code, as a person would type some time after the last one
    await page.getByLabel('Enter your sign-in code', { exact: true }).fill(code(secret));
    await page.getByRole('button', { name: 'Continue' }).click();
  }

  async function expectHome(page: Page, label: string) {
    await pw(page).toHaveURL(`${origin}/home`);
    await pw(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
    await pw(page.getByRole('banner').getByRole('link', { name: SERVICE })).toBeVisible();
    await watch.check(page, label);
  }

  beforeAll(async () => {
    h = await startHarness();
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const address = h.app.server.address();
    if (!address || typeof address === 'string') throw new Error('The app is not listening on a TCP port');
    origin = `http://127.0.0.1:${address.port}`;
    browser = await launchChromium();
    admin = await newPage();
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await h?.close();
  });

  it('sets up the service and its first admin, with two-factor sign-in', async () => {
    const token = await h.deps.orgs.issueSetupToken();
    if (!token) throw new Error('The fresh database already has a service, so there is no setup link');
    await admin.goto(`${origin}/setup?token=${encodeURIComponent(token)}`);
    await pw(admin.getByRole('heading', { level: 1, name: 'Set up Parley' })).toBeVisible();
    // JavaScript ran: the inline script carrying the CSP nonce and the GOV.UK Frontend module.
    await pw(admin.locator('body')).toHaveClass(/govuk-frontend-supported/);
    await pw(admin.getByRole('button', { name: 'Show password' })).toBeVisible();
    await watch.check(admin, 'setup');

    await admin.getByLabel('Name of the service', { exact: true }).fill(SERVICE);
    await admin.getByLabel('Short name', { exact: true }).fill('riverside');
    await admin.getByLabel('Full name', { exact: true }).fill(ADMIN.name);
    await admin.getByLabel('Email address', { exact: true }).fill(ADMIN.email);
    await admin.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await admin.getByRole('button', { name: 'Create service' }).click();

    await pw(admin).toHaveURL(`${origin}/account/two-factor`);
    await admin.screenshot({ path: '/tmp/parley-2fa.png', fullPage: true });
    adminSecret = await setUpTwoFactor(admin, 'admin two-factor setup');

    await expectHome(admin, 'admin home');
    await pw(admin.getByText('You are signed in as admin.')).toBeVisible();
    // Parley's own look: GOV.UK Frontend without the GOV.UK typeface or the crown.
    expect(await admin.evaluate(() => getComputedStyle(document.body).fontFamily.toLowerCase())).toMatch(/^arial\b/);
    await pw(admin.locator('.govuk-header__logo, .govuk-header__logotype')).toHaveCount(0);
    await admin.screenshot({ path: '/tmp/parley-home.png', fullPage: true });
  });

  it('signs out, then signs in again with the password and a code', async () => {
    await admin.getByRole('button', { name: 'Sign out', exact: true }).click();
    await pw(admin).toHaveURL(/\/sign-in/);
    await signIn(admin, ADMIN, adminSecret, 'admin again');
    await expectHome(admin, 'admin home after signing in again');
  });

  it('invites a mediator and shows the invitation link', async () => {
    await admin.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'People' }).click();
    await pw(admin.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
    await watch.check(admin, 'people');

    await admin.getByRole('button', { name: 'Invite someone' }).click();
    await pw(admin.getByRole('heading', { level: 1, name: 'Invite someone' })).toBeVisible();
    await watch.check(admin, 'invite someone');
    await admin.getByLabel('Full name', { exact: true }).fill(MEDIATOR.name);
    await admin.getByLabel('Email address', { exact: true }).fill(MEDIATOR.email);
    await admin.getByRole('group', { name: 'Role' }).getByRole('radio', { name: 'mediator', exact: true }).check();
    await admin.getByRole('button', { name: 'Create invitation' }).click();

    await pw(admin.getByRole('heading', { level: 1, name: 'Invitation created' })).toBeVisible();
    const link = (await admin.locator('#invitation-link').textContent())?.trim() ?? '';
    expect(link).toMatch(/^http:\/\/localhost:3000\/invitations\/\S+$/);
    invitationPath = new URL(link).pathname;
    await watch.check(admin, 'invitation created');
  });

  it('lets the invitee join in their own browser, set up two-factor sign-in and see a mediator’s home', async () => {
    const invitee = await newPage();
    await invitee.goto(`${origin}${invitationPath}`);
    await pw(invitee.getByRole('heading', { level: 1, name: `Join ${SERVICE}` })).toBeVisible();
    await watch.check(invitee, 'join the service');
    await invitee.getByLabel('Create a password', { exact: true }).fill(MEDIATOR.password);
    await invitee.getByRole('button', { name: 'Join the service' }).click();

    await pw(invitee.getByRole('heading', { level: 1, name: 'You have joined' })).toBeVisible();
    await watch.check(invitee, 'you have joined');
    await invitee.getByRole('button', { name: 'Sign in' }).click();

    await pw(invitee.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await watch.check(invitee, 'mediator: sign in');
    await invitee.getByLabel('Email address', { exact: true }).fill(MEDIATOR.email);
    await invitee.getByLabel('Password', { exact: true }).fill(MEDIATOR.password);
    await invitee.getByRole('button', { name: 'Sign in', exact: true }).click();

    await setUpTwoFactor(invitee, 'mediator two-factor setup');
    await expectHome(invitee, 'mediator home');
    await pw(invitee.getByText('You are signed in as mediator.')).toBeVisible();
    await pw(invitee.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Home' })).toBeVisible();
    await pw(invitee.getByRole('link', { name: 'People' })).toHaveCount(0);
  });

  it('signs in with JavaScript turned off: the forms work without it', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(`${origin}/sign-in`);
    await pw(page.locator('body')).not.toHaveClass(/js-enabled/);
    await signIn(page, ADMIN, adminSecret, 'no JavaScript');
    await expectHome(page, 'admin home without JavaScript');
  });

  it('checked every page it visited with axe, and saw no Content-Security-Policy errors', () => {
    expect(watch.uncheckedVisits).toEqual([]);
    expect(watch.cspMessages).toEqual([]);
    expect(watch.checkedPages.length).toBeGreaterThanOrEqual(10);
  });
});
