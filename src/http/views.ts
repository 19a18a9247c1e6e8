// Nunjucks with the GOV.UK and MOJ macros; `reply.page()` renders a typed view model inside the layout.
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import nunjucks from 'nunjucks';
import { LOCALES, type Locale, localeOr, msg, type Translate, translator } from '#src/i18n/i18n.ts';
import type { FieldErrors } from '#src/lib/app-error.ts';
import { can, type Permission } from '#src/access/permissions.ts';
import type { Role } from '#src/access/actor.ts';
import { GOVUK_DIR, MOJ_DIR } from './assets.ts';
import { csrfUserInfo } from './security.ts';
import { dayInWords, momentInWords } from '#src/domain/dates-in-words.ts';

export function createViewEnvironment() {
  const env = new nunjucks.Environment(
    new nunjucks.FileSystemLoader(
      [fileURLToPath(new URL('../views', import.meta.url)), fileURLToPath(new URL('../features', import.meta.url)), GOVUK_DIR, MOJ_DIR],
      { noCache: false },
    ),
    { autoescape: true, throwOnUndefined: false },
  );
  // The one way dates are written on pages (domain/dates-in-words.ts): "4 December 2026" and "4 Dec 2026, 14:30".
  const day = (d: Date | string | null) => (d ? dayInWords(typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : new Date(d)) : '');
  const moment = (d: Date | string | null) => (d ? momentInWords(new Date(d)) : '');
  env.addFilter('dateTime', moment);
  env.addFilter('date', day);
  // MOJ Frontend's components ask for `date` and `mojDate`; its own filters would load moment.js at start to write
  // dates in other formats, so they are these two instead.
  env.addFilter('mojDate', (d: Date | string | null, type?: string) => (type === 'date' || type === 'shortdate' ? day(d) : moment(d)));
  return env;
}

/** GOV.UK error summary items from field errors, in the order of the form's fields. */
export function errorList(fields: FieldErrors | undefined, order: string[] = []) {
  if (!fields) return [];
  const keys = [...order.filter((k) => fields[k]), ...Object.keys(fields).filter((k) => !order.includes(k))];
  return keys.map((k) => ({ text: fields[k], href: `#${k}` }));
}

const NAVIGATION: { href: string; text: string; permission: Permission; also?: string[] }[] = [
  { href: '/home', text: msg('Home'), permission: 'home.view' },
  { href: '/referrals', text: msg('Referrals'), permission: 'referrals.view' },
  { href: '/cases', text: msg('Cases'), permission: 'cases.view' },
  { href: '/calendar', text: msg('Calendar'), permission: 'calendar.view' },
  { href: '/safeguarding', text: msg('Safeguarding'), permission: 'safeguarding.manage' },
  // Expense claims are a volunteers' matter: linked from the Volunteers page, which stays lit while they are open.
  { href: '/volunteers', text: msg('Volunteers'), permission: 'volunteers.view', also: ['/expenses', '/volunteer-applications'] },
  { href: '/email', text: msg('Email'), permission: 'email.view' },
  { href: '/reports', text: msg('Reports'), permission: 'reports.view' },
  { href: '/my', text: msg('My volunteering'), permission: 'my.work' },
  { href: '/people', text: msg('People'), permission: 'people.view' },
  { href: '/data-protection', text: msg('Data protection'), permission: 'dataprotection.view' },
  // Settings, API keys and the audit trail are under Admin, so the navigation stays on one row at 1280 px.
  { href: '/admin', text: msg('Admin'), permission: 'settings.manage', also: ['/settings', '/api-keys', '/audit', '/instance'] },
];

function navigationFor(role: Role, path: string, t: Translate) {
  return NAVIGATION.filter((item) => can(role, item.permission)).map((item) => ({
    href: item.href,
    // i18n-dynamic: the texts are the msg() literals of NAVIGATION above
    text: t(item.text),
    active: [item.href, ...(item.also ?? [])].some((href) => path === href || path.startsWith(`${href}/`)),
  }));
}

// Each language named in itself, as the footer's switch shows it.
const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', cy: 'Cymraeg' };

/** The footer's language links: this page's address in each language (`?lang=`, kept by a cookie). */
export function languageLinks(url: string, current: Locale) {
  const [path = '/', search = ''] = url.split('?');
  return LOCALES.map((locale) => {
    const query = new URLSearchParams(search);
    query.set('lang', locale);
    return { locale, text: LANGUAGE_NAMES[locale], href: `${path}?${query}`, current: locale === current };
  });
}

declare module 'fastify' {
  interface FastifyReply {
    page(template: string, model?: Record<string, unknown>): Promise<FastifyReply>;
  }
}

/**
 * The texts of a service's notices in force now, shown as a banner on every page a member of it sees. They are read
 * from the service's settings that the session's own lookup brought with it, so the banner costs no statement.
 */
export type NoticesFor = (storedSettings: unknown) => string[];

export function registerViews(app: FastifyInstance, opts: { noticesFor?: NoticesFor } = {}) {
  const env = createViewEnvironment();
  function serviceNotices(req: FastifyRequest): string[] {
    if (!opts.noticesFor || !req.actor || !req.session || req.session.stage !== 'full' || req.url.startsWith('/s/')) return []; // public pages show their own
    try {
      return opts.noticesFor(req.session.orgSettings);
    } catch (err) {
      req.log.warn({ err }, 'service notices not read'); // the page still shows; the banner is a courtesy
      return [];
    }
  }
  app.decorateReply('page', async function page(this: FastifyReply, template: string, model: Record<string, unknown> = {}) {
    const req = this.request as FastifyRequest;
    const actor = req.actor;
    const locale = localeOr(req.locale);
    const t = translator(locale);
    const chrome = {
      cspNonce: this.cspNonce(),
      csrfToken: this.generateCsrf({ userInfo: csrfUserInfo(req) }),
      requestId: req.id,
      t,
      htmlLang: locale,
      languages: languageLinks(req.url, locale),
      person: req.session && req.session.stage === 'full' ? { name: req.session.userName } : undefined,
      service: actor
        ? { name: actor.orgName, slug: actor.orgSlug }
        : req.session?.orgName
          ? { name: req.session.orgName, slug: req.session.orgSlug }
          : undefined,
      hasSession: Boolean(req.session),
      can: (permission: Permission) => Boolean(actor && can(actor.role, permission)),
      currentPath: req.url.split('?')[0],
      navigation: actor && req.session ? navigationFor(actor.role, req.url.split('?')[0] ?? '/', t) : [],
      serviceNotices: serviceNotices(req),
    };
    const html = env.render(template, { ...chrome, ...model });
    return this.type('text/html; charset=utf-8').send(html);
  });
}
