// The language of each request: `?lang=cy` (which also sets a cookie, so the choice sticks), then that cookie, then
// the browser's Accept-Language among the languages Parley has, then English. Exposed as `req.locale` and `req.t`.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DEFAULT_LOCALE, isLocale, type Locale, type Translate, translator } from '#src/i18n/i18n.ts';
import { z } from 'zod';

export const LOCALE_COOKIE = 'parley_lang';
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

declare module 'fastify' {
  interface FastifyRequest {
    locale: Locale;
    /** Translates with the request's locale. */
    t: Translate;
  }
}

/** The first of Parley's languages in an Accept-Language header, by quality (`cy-GB;q=0.9, en;q=0.8` → cy). */
export function localeFromAcceptLanguage(header: string | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranges = header
    .split(',')
    .map((part, order) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return { primary: tag.trim().toLowerCase().split('-')[0] ?? '', quality: Number.isFinite(quality) ? quality : 0, order };
    })
    .filter((r) => r.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.order - b.order);
  return ranges.map((r) => r.primary).find(isLocale);
}

const ZLangQuery = z.object({ lang: z.string().max(10).optional().catch(undefined) });

function queryLang(req: FastifyRequest): unknown {
  return ZLangQuery.safeParse(req.query ?? {}).data?.lang;
}

export function resolveLocale(req: FastifyRequest): { locale: Locale; chosen: boolean } {
  const asked = queryLang(req);
  if (isLocale(asked)) return { locale: asked, chosen: true };
  const kept = req.cookies?.[LOCALE_COOKIE];
  if (isLocale(kept)) return { locale: kept, chosen: false };
  const header = req.headers['accept-language'];
  return { locale: localeFromAcceptLanguage(Array.isArray(header) ? header.join(',') : header) ?? DEFAULT_LOCALE, chosen: false };
}

export function registerLocale(app: FastifyInstance, opts: { secureCookies: boolean }) {
  app.decorateRequest('locale', DEFAULT_LOCALE);
  app.decorateRequest('t', translator(DEFAULT_LOCALE));
  app.addHook('onRequest', async (req, reply) => {
    const { locale, chosen } = resolveLocale(req);
    req.locale = locale;
    req.t = translator(locale);
    if (chosen && req.cookies?.[LOCALE_COOKIE] !== locale)
      reply.setCookie(LOCALE_COOKIE, locale, { path: '/', sameSite: 'lax', httpOnly: true, secure: opts.secureCookies, maxAge: ONE_YEAR_SECONDS });
  });
}
