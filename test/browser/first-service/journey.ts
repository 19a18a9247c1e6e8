// The first-service journey's browser and app, its fictional people and dates, and the page helpers its steps share:
// finding headings, menus and sections, running axe on each page, signing in again and moving the case.
import { expect as pw } from '@playwright/test';
import type { Browser, BrowserContext, Locator, Page } from 'playwright';
import { currentTotp } from '#src/lib/totp.ts';
import { type Harness, startHarness } from '../../support/harness.ts';
import { launchChromium, PageWatch } from '../browser.ts';

export const SERVICE = 'Harbourside Mediation (fictional)';
export const ADMIN = { name: 'Hana Admin', email: 'hana.admin@harbourside.example', password: 'saffron ladder comet willow' };
/** Monday 2 March 2026, 09:00 in London. */
export const NOW = new Date('2026-03-02T09:00:00Z');
export const TODAY = '2026-03-02';
/** The joint meeting: Thursday 5 March 2026, 10:00 to 11:30. */
export const MEETING_DAY = '2026-03-05';
export const VENUE = 'Quayside Community Centre (fictional)';
export const ROOM = 'Lantern Room';
export const LEAD = 'Lena Leadvolunteer';
export const CO = 'Cal Covolunteer';
export const REFERRED = 'Priya Sampleparty';
export const OTHER = 'Owen Testparty';
export const REFERRER = 'Rita Referrer';
const TOTP_STEP = 30_000;

/** One admin's tab on a fresh install, and what the journey learns on the way (the two-factor key, the references). */
export class FirstService {
  readonly watch = new PageWatch();
  h!: Harness;
  origin = '';
  browser!: Browser;
  context!: BrowserContext;
  page!: Page;
  /** The admin's two-factor key, read from the set-up page. */
  secret = '';
  /** The referral's reference, from the page that says it was sent. */
  reference = '';
  caseReference = '';

  /** The app on a fresh database, listening on a port, its clock at NOW; Chromium at 1280 × 900. */
  async start() {
    this.h = await startHarness();
    this.h.clock.current = new Date(NOW);
    await this.h.app.listen({ port: 0, host: '127.0.0.1' });
    const address = this.h.app.server.address();
    if (!address || typeof address === 'string') throw new Error('The app is not listening on a TCP port');
    this.origin = `http://127.0.0.1:${address.port}`;
    this.browser = await launchChromium();
    this.context = this.watch.watch(await this.browser.newContext({ viewport: { width: 1280, height: 900 } }));
    this.page = await this.context.newPage();
    this.page.setDefaultTimeout(10_000);
  }

  async close() {
    await this.context?.close().catch(() => {});
    await this.browser?.close();
    await this.h?.close();
  }

  readonly h1 = () => this.page.getByRole('heading', { level: 1 });
  readonly title = (name: string) => this.page.getByRole('heading', { level: 1, name, exact: true });
  readonly menu = (name: string) => this.page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name, exact: true });
  readonly caseSection = (name: RegExp) => this.page.getByRole('navigation', { name: 'Case sections' }).getByRole('link', { name });
  readonly recordSection = (name: string) => this.page.getByRole('navigation', { name: 'Volunteer record sections' }).getByRole('link', { name, exact: true });
  readonly flash = (text: string) => pw(this.page.getByText(text, { exact: true })).toBeVisible();
  /** Runs axe on the page as it is now, and checks it does not scroll sideways. */
  readonly check = (label: string) => this.watch.check(this.page, label);
  readonly problem = (text: string | RegExp) => this.page.getByRole('alert').getByRole('link', { name: text });
  readonly checklistItem = (name: string | RegExp) => this.page.getByRole('region', { name: 'Get your service ready' }).getByRole('link', { name });
  /** The summary card of one person on the case's People tab. */
  readonly personCard = (name: string): Locator =>
    this.page.locator('.govuk-summary-card').filter({ has: this.page.getByRole('heading', { name, exact: true }) });
  /** The Continue button of a page of the public referral. */
  readonly next = () => this.page.getByRole('button', { name: 'Continue', exact: true }).click();

  readonly home = async (label: string) => {
    await this.menu('Home').click();
    await pw(this.title('Home')).toBeVisible();
    await this.check(label);
  };

  /** Signs in on the sign-in page the app sent us to: the password, then a code from the app 30 seconds on. */
  readonly signIn = async (label: string) => {
    const { page } = this;
    await pw(this.title('Sign in')).toBeVisible();
    await this.check(`${label}: sign in`);
    await page.getByLabel('Email address', { exact: true }).fill(ADMIN.email);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await pw(this.title('Enter your sign-in code')).toBeVisible();
    await this.check(`${label}: sign-in code`);
    this.h.clock.advance(TOTP_STEP);
    await page.getByLabel('Enter your sign-in code', { exact: true }).fill(currentTotp(this.secret, this.h.clock.now().getTime()));
    await page.getByRole('button', { name: 'Continue' }).click();
  };

  readonly moveTo = async (status: string) => {
    await this.page.getByRole('group', { name: 'Where should the case move?' }).getByRole('radio', { name: status, exact: true }).check();
    await this.page.getByRole('button', { name: 'Move the case' }).click();
  };

  /** Moves the case and expects the refusal, each reason linked from the error summary, the case where it was. */
  readonly refusedMove = async (status: string, reasons: (string | RegExp)[], label: string) => {
    await this.moveTo(status);
    await pw(this.page.getByRole('alert').getByRole('heading', { name: 'There is a problem' })).toBeVisible();
    for (const reason of reasons) await pw(this.problem(reason)).toBeVisible();
    await pw(this.page).toHaveTitle(/^Error: /);
    await this.check(label);
  };
}
