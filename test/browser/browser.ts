// Helpers for the browser journeys: Chromium from Debian, an accessibility check on every page visited,
// and a watch for Content-Security-Policy errors in the console.
import { existsSync } from 'node:fs';
import axe from 'axe-core';
import { type Browser, type BrowserContext, chromium, type Page, type Route } from 'playwright';
import { expect } from 'vitest';

export const CHROMIUM = '/usr/bin/chromium';
export const INSTALL_HINT = 'Chromium is required in CI: apt-get install -y chromium';

/** True when the journeys can run. Outside CI a missing Chromium skips them, with a warning; in CI the test file fails. */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (!process.env.CI) console.warn(`Browser journeys skipped: ${CHROMIUM} is not installed (apt-get install -y chromium).`);
  return false;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** The WCAG 2.2 AA rules, collecting the elements of violations only (the journeys read nothing else), which is quicker. */
const AXE_OPTIONS: axe.RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  resultTypes: ['violations'],
};

/**
 * Runs axe-core in the page through its own API: `axe.source` evaluated once per document, then `axe.run`.
 * (@axe-core/playwright's analyze() evaluated the 560 kB source twice and opened a blank page for every check, to
 * gather results from frames; Parley's pages have none.) Evaluated through Playwright, so the page's CSP allows it.
 */
async function runAxe(page: Page): Promise<axe.AxeResults> {
  const loaded = await page.evaluate(() => typeof (window as { axe?: typeof axe }).axe?.run === 'function');
  if (!loaded) await page.evaluate(axe.source);
  return page.evaluate((options) => (window as unknown as { axe: typeof axe }).axe.run(document, options), AXE_OPTIONS);
}

type Visit = { url: string; checked: string | undefined };

/**
 * Watches every page opened in the given browser contexts: records each main-frame navigation and every
 * console message about the Content-Security-Policy. `check()` runs axe on the current page.
 */
export class PageWatch {
  readonly visits: Visit[] = [];
  readonly cspMessages: string[] = [];
  readonly pageErrors: string[] = [];
  private readonly withoutJs = new WeakSet<BrowserContext>();

  watch(context: BrowserContext, options: { javaScriptEnabled?: boolean } = {}) {
    if (options.javaScriptEnabled === false) this.withoutJs.add(context);
    context.on('page', (page) => this.watchPage(page));
    for (const page of context.pages()) this.watchPage(page);
    return context;
  }

  private watchPage(page: Page) {
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame() && frame.url().startsWith('http')) this.visits.push({ url: frame.url(), checked: undefined });
    });
    page.on('console', (msg) => {
      if (msg.text().includes('Content Security Policy')) this.cspMessages.push(`${page.url()}: ${msg.text()}`);
    });
    page.on('pageerror', (err) => this.pageErrors.push(`${page.url()}: ${err.message}`));
  }

  /** Runs axe on the page as it is now and fails with the details of any violation. */
  async check(page: Page, label: string) {
    await page.waitForLoadState('load');
    const results = this.withoutJs.has(page.context()) ? await analyzeCopy(page) : await runAxe(page);
    const violations = results.violations.map(
      (v) =>
        `${v.id} [${v.impact}] ${v.help} (${v.helpUrl})\n` +
        v.nodes.map((n) => `      at ${n.target.join(' ')}: ${n.html}\n        ${(n.failureSummary ?? '').replace(/\n/g, '\n        ')}`).join('\n'),
    );
    expect(violations, `axe found accessibility problems on "${label}" (${page.url()}):\n${violations.join('\n')}`).toEqual([]);
    // At 1280 px (the journeys' window) nothing on the page scrolls sideways or spills past the screen.
    const width = await page.evaluate(sidewaysScrolling);
    if (width.screen >= 1280) {
      expect(width.content, `"${label}" (${page.url()}) is wider than the screen at ${width.screen} px`).toBeLessThanOrEqual(width.screen);
      if (width.main)
        expect(width.main.content, `"${label}" (${page.url()}): the main content is wider than its column at ${width.screen} px`).toBeLessThanOrEqual(
          width.main.box,
        );
      expect(width.clipped, `"${label}" (${page.url()}): parts of the main content scroll sideways or are cut off at ${width.screen} px`).toEqual([]);
    }
    expect(this.cspMessages, 'Content-Security-Policy errors in the console').toEqual([]);
    expect(this.pageErrors, 'uncaught JavaScript errors').toEqual([]);
    const visit = this.visits.findLast((v) => v.url === page.url());
    if (visit) visit.checked = label;
    else this.visits.push({ url: page.url(), checked: label });
  }

  /** The labels of the pages that axe checked, in order. */
  get checkedPages(): string[] {
    return this.visits.flatMap((v) => (v.checked ? [v.checked] : []));
  }

  /** Navigations that nobody ran axe on. */
  get uncheckedVisits(): string[] {
    return this.visits.filter((v) => !v.checked).map((v) => v.url);
  }
}

/**
 * Runs in the page: how wide the document is against the screen, the main content element against its own width
 * (allowing what GOV.UK's grid rows and button groups are designed to hang past their container, 15 px, their
 * padding bringing the content back in line), and every element in the main content that scrolls sideways or cuts
 * off what is wider than it (a table in a scrolling wrapper, a clipped column).
 */
function sidewaysScrolling() {
  const main = document.querySelector('main');
  let outset = 0;
  const clipped: string[] = [];
  for (const el of main ? main.querySelectorAll('*') : []) {
    const style = getComputedStyle(el);
    if (el.matches('.govuk-grid-row, .govuk-button-group')) outset = Math.max(outset, -Number.parseFloat(style.marginRight) || 0);
    // GOV.UK's visually hidden text is clipped on purpose, in a box 1 px wide.
    if (style.overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 1)
      clipped.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].join('.')}: ${el.scrollWidth} px in ${el.clientWidth} px`);
  }
  return {
    content: document.documentElement.scrollWidth,
    screen: document.documentElement.clientWidth,
    main: main ? { content: main.scrollWidth - outset, box: main.clientWidth } : null,
    clipped,
  };
}

/**
 * Axe cannot run in a page with JavaScript turned off (Chromium stops its timers, so axe.run never settles).
 * So the page as the browser has it — the HTML without its scripts, at the same address, with the same
 * stylesheets — is shown in a JavaScript-enabled tab, and axe checks that.
 */
async function analyzeCopy(page: Page) {
  const browser = page.context().browser();
  if (!browser) throw new Error('No browser for the copy of the page');
  const html = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '');
  const copy = await copyTab(browser);
  const url = page.url();
  const isPage = (u: URL) => u.href === url;
  const serve = (route: Route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
  await copy.route(isPage, serve);
  try {
    await copy.goto(url);
    return await runAxe(copy);
  } finally {
    await copy.unroute(isPage, serve);
  }
}

/** One JavaScript-enabled tab per browser for the copies, kept for the browser's life, not a new context for every check. */
const copyTabs = new WeakMap<Browser, Promise<Page>>();
function copyTab(browser: Browser): Promise<Page> {
  let tab = copyTabs.get(browser);
  if (!tab) {
    tab = browser.newContext().then((context) => context.newPage());
    copyTabs.set(browser, tab);
  }
  return tab;
}
