// The service the referral journeys run against: the app listening on a port, Chromium, the service with its
// public settings (case types, areas, signposting, emergency contacts) and the fictional postcode lookup, its
// staff, and signing in through the real pages. Shared by public-journey.test.ts and case-journey.test.ts.
import { fileURLToPath } from 'node:url';
import { expect as pw } from '@playwright/test';
import type { Browser, BrowserContext, Locator, Page } from 'playwright';
import type { Config } from '#src/config.ts';
import type { OrgActor, Role } from '#src/access/actor.ts';
import { importPostcodes } from '#src/features/postcodes/postcodes-import.ts';
import { currentTotp } from '#src/lib/totp.ts';
import { makeMember, makeOrg, PASSWORD } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { launchChromium, PageWatch } from './browser.ts';

export const SERVICE = 'Riverside Mediation (fictional)';
export const SLUG = 'riverside';
export const PREFIX = 'RIV';
export const EMERGENCY = 'If anyone is in immediate danger, call 999. If you need the police but it is not an emergency, call 101 (fictional test text).';
export const SIGNPOSTING = 'We do not cover your area. The Mediation Directory (fictional) at mediation.example lists services near you.';
/** A local authority the service covers by name: TN9 2RW is in it in the sample postcode file. */
export const WEALD = 'Weald Valley Borough (fictional)';
export const REFERRAL_REFERENCE = /^[A-Z]{2,6}-R-\d{4}-\d{4}$/;
const SAMPLE_POSTCODES = fileURLToPath(new URL('../../samples/postcodes-sample.csv', import.meta.url));
const TOTP_STEP = 30_000;

export type Staff = { name: string; email: string; password: string; totpSecret: string; actor: OrgActor };

/** Today in the UK as day, month and year (as a person types it into a GOV.UK date input) and as an ISO date. */
export function ukDate(d: Date) {
  const [day, month, year] = d.toLocaleDateString('en-GB', { timeZone: 'Europe/London' }).split('/').map(Number) as [number, number, number];
  return { day, month, year, iso: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}

/** Types an ISO date ("2026-04-15") into a GOV.UK date input: the group of its Day, Month and Year boxes. */
export async function fillDate(group: Locator, iso: string) {
  const [year, month, day] = iso.split('-').map(Number);
  await group.getByLabel('Day', { exact: true }).fill(String(day));
  await group.getByLabel('Month', { exact: true }).fill(String(month));
  await group.getByLabel('Year', { exact: true }).fill(String(year));
}

/** "15 April 2026", as the pages write dates. */
export const longDate = (iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

export class ServiceUnderTest {
  readonly watch = new PageWatch();
  private readonly contexts: BrowserContext[] = [];

  readonly h: Harness;
  readonly origin: string;
  readonly browser: Browser;
  readonly orgId: string;
  readonly admin: Staff;
  readonly coordinator: Staff;
  readonly safeguardingLead: Staff;

  private constructor(fields: Pick<ServiceUnderTest, 'h' | 'origin' | 'browser' | 'orgId' | 'admin' | 'coordinator' | 'safeguardingLead'>) {
    this.h = fields.h;
    this.origin = fields.origin;
    this.browser = fields.browser;
    this.orgId = fields.orgId;
    this.admin = fields.admin;
    this.coordinator = fields.coordinator;
    this.safeguardingLead = fields.safeguardingLead;
  }

  /** The service, optionally with configuration of its own (like a mail server) and its clock set to a fixed time. */
  static async start(options: { config?: Partial<Config>; now?: Date } = {}): Promise<ServiceUnderTest> {
    const h = await startHarness(options.config);
    if (options.now) h.clock.current = new Date(options.now);
    try {
      return await ServiceUnderTest.setUp(h);
    } catch (err) {
      await h.close();
      throw err;
    }
  }

  private static async setUp(h: Harness): Promise<ServiceUnderTest> {
    const { orgId } = await makeOrg(h.deps, SLUG, SERVICE);
    const member = async (role: Role, name: string, email: string): Promise<Staff> => {
      const m = await makeMember(h.deps, orgId, role, email, { name });
      return {
        name,
        email,
        password: PASSWORD,
        totpSecret: m.totpSecret!,
        actor: { type: 'user', id: m.userId, label: name, orgId, orgSlug: SLUG, orgName: SERVICE, role },
      };
    };
    const admin = await member('admin', 'Ada Admin', 'ada.admin@riverside.example');
    const coordinator = await member('coordinator', 'Cora Coordinator', 'cora.coordinator@riverside.example');
    const safeguardingLead = await member('safeguarding_lead', 'Sal Safeguarding', 'sal.safeguarding@riverside.example');
    await h.deps.settings.update(admin.actor, {
      referencePrefix: PREFIX,
      caseTypes: ['community', 'restorative_justice', 'send'],
      areas: { postcodePrefixes: ['CT', 'ME14'], localAuthorities: [WEALD] },
      signposting: SIGNPOSTING,
      emergencyContacts: EMERGENCY,
    });
    await importPostcodes(h.deps.db, SAMPLE_POSTCODES);

    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const address = h.app.server.address();
    if (!address || typeof address === 'string') throw new Error('The app is not listening on a TCP port');
    const browser = await launchChromium();
    return new ServiceUnderTest({ h, origin: `http://127.0.0.1:${address.port}`, browser, orgId, admin, coordinator, safeguardingLead });
  }

  /** Another member of the service's staff, with two-factor sign-in set up (like the three made at the start). */
  async addStaff(role: Role, name: string, email: string): Promise<Staff> {
    const m = await makeMember(this.h.deps, this.orgId, role, email, { name });
    const actor: OrgActor = { type: 'user', id: m.userId, label: name, orgId: this.orgId, orgSlug: SLUG, orgName: SERVICE, role };
    return { name, email, password: PASSWORD, totpSecret: m.totpSecret!, actor };
  }

  /** A tab in a browser context of its own (a person of their own), watched by axe and for CSP errors. */
  async newPage(options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
    const context = this.watch.watch(await this.browser.newContext(options), options);
    this.contexts.push(context);
    return context.newPage();
  }

  /** Signs in through the two pages, email and password then the code from the app, and lands on the home page
   * (a commissioner's is the reports). */
  async signIn(page: Page, who: Staff, label: string, lands = { path: '/home', heading: 'Home' }) {
    await page.goto(`${this.origin}/sign-in`);
    await pw(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await this.watch.check(page, `${label}: sign in`);
    await page.getByLabel('Email address', { exact: true }).fill(who.email);
    await page.getByLabel('Password', { exact: true }).fill(who.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await pw(page.getByRole('heading', { level: 1, name: 'Enter your sign-in code' })).toBeVisible();
    await this.watch.check(page, `${label}: sign-in code`);
    this.h.clock.advance(TOTP_STEP); // a code works once: the next 30-second step, as a person types it later
    await page.getByLabel('Enter your sign-in code', { exact: true }).fill(currentTotp(who.totpSecret, this.h.clock.now().getTime()));
    await page.getByRole('button', { name: 'Continue' }).click();
    await pw(page).toHaveURL(`${this.origin}${lands.path}`);
    await pw(page.getByRole('heading', { level: 1, name: lands.heading })).toBeVisible();
  }

  /** On the two-factor setup page (after a first sign-in): a code from the key shown as text, then past the backup codes. */
  async setUpTwoFactor(page: Page, label: string) {
    await pw(page.getByRole('heading', { level: 1, name: 'Set up two-factor sign-in' })).toBeVisible();
    await this.watch.check(page, `${label}: two-factor setup`);
    const secret = ((await page.locator('#totp-key').textContent()) ?? '').replace(/\s+/g, '');
    await page.getByLabel('6-digit code', { exact: true }).fill(currentTotp(secret, this.h.clock.now().getTime()));
    await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
    await pw(page.getByRole('heading', { level: 1, name: 'Your backup codes' })).toBeVisible();
    await this.watch.check(page, `${label}: backup codes`);
    await page.getByRole('button', { name: 'Continue' }).click();
  }

  async close() {
    for (const c of this.contexts) await c.close().catch(() => {});
    await this.browser?.close();
    this.h?.deps.mailer?.close();
    await this.h?.close();
  }
}
