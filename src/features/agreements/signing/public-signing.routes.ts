// The public pages of a personal link: /s/{service}/sign/{token} (read, then sign or decline) and
// /s/{service}/copy/{token} (download the signed PDF). The link alone shows only the service's name; a six-digit code
// sent to the same address confirms it, and sets a cookie for this link's path only. Rate-limited per address.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '#src/deps.ts';
import { parseForm } from '#src/http/forms.ts';
import { errorList } from '#src/http/views.ts';
import type { FieldErrors } from '#src/lib/app-error.ts';
import { asBody, attempt, refused, readSignatureForm, textOf } from '../agreement-forms.ts';
import { ZDecline, ZSignature } from '../agreements.schemas.ts';
import { readingModel } from './signing.routes.ts';
import { LOCALE_COOKIE, resolveLocale } from '#src/http/locale.ts';
import { isLocale, type Locale, translator } from '#src/i18n/i18n.ts';
const VIEW_LIMIT = { rateLimit: { max: 60, timeWindow: '1 minute' } };
const POST_LIMIT = { rateLimit: { max: 10, timeWindow: '1 minute' } };
const COOKIE = 'parley-link';

type Purpose = 'sign' | 'copy';
const params = (req: FastifyRequest) => req.params as { service: string; token: string };
const client = (req: FastifyRequest) => ({ ip: req.ip, userAgent: req.headers['user-agent'] });
const linkPath = (req: FastifyRequest, purpose: Purpose) => `/s/${encodeURIComponent(params(req).service)}/${purpose}/${encodeURIComponent(params(req).token)}`;
const keyOf = (req: FastifyRequest) => req.cookies[COOKIE];

/** The language a person chose in this browser wins; otherwise the signer's own, not the browser's Accept-Language. */
export function pageLocale(req: FastifyRequest, signerLanguage: Locale): Locale {
  const { locale, chosen } = resolveLocale(req);
  return chosen || isLocale(req.cookies?.[LOCALE_COOKIE]) ? locale : signerLanguage;
}

const DONE: Record<string, string> = {
  code: 'We have sent a six-digit code to your email address. It works for 30 minutes.',
};

async function render(
  deps: Deps,
  req: FastifyRequest,
  reply: FastifyReply,
  purpose: Purpose,
  state: { values?: Record<string, string>; fields?: FieldErrors; result?: 'signed' | 'declined' } = {},
) {
  const { service, token } = params(req);
  const view = await deps.agreements.remote.view(service, token, purpose, client(req), keyOf(req));
  // The signer's language, unless the person chose one in this browser (the language links, then the cookie they set).
  const locale = pageLocale(req, view.language);
  req.locale = locale;
  req.t = translator(locale);
  const path = linkPath(req, purpose);
  reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
  return reply.page('agreements/views/link.njk', {
    pageTitle: purpose === 'sign' ? req.t('Your agreement') : req.t('Your copy of the agreement'),
    service: view.service,
    purpose,
    path,
    result: state.result,
    stateWords: view.stateWords,
    codeSent: view.codeSent,
    confirmed: view.confirmed,
    agreement: view.agreement
      ? {
          ...readingModel({ version: view.agreement.version, terms: view.agreement.terms, signers: view.agreement.signerNames }),
          signerName: view.agreement.signer.name,
          pending: view.agreement.signer.status === 'pending' && view.agreement.version.status === 'ready',
          signed: view.agreement.version.status === 'signed',
        }
      : null,
    values: state.values ?? {},
    fields: state.fields ?? {},
    errors: state.fields ? errorList(state.fields, ['code', 'confirmName', 'typedName', 'drawing', 'agree', 'reason']) : undefined,
    flash: DONE[(req.query as { done?: string }).done ?? ''] ? req.t(DONE[(req.query as { done?: string }).done ?? '']!) : undefined,
  });
}

export function registerPublicSigningPages(app: FastifyInstance, deps: Deps) {
  const secure = deps.config.secureCookies || deps.config.baseUrl.startsWith('https:');
  for (const purpose of ['sign', 'copy'] as const) {
    const base = `/s/:service/${purpose}/:token`;
    app.get(base, { config: VIEW_LIMIT }, (req, reply) => render(deps, req, reply, purpose));
    app.post(`${base}/code`, { config: POST_LIMIT }, async (req, reply) => {
      const done = await attempt(reply, () => deps.agreements.remote.sendCode(params(req).service, params(req).token, purpose, client(req)));
      if (done.ok) return reply.redirect(`${linkPath(req, purpose)}?done=code`, 303);
      return render(deps, req, reply, purpose, { fields: done.fields });
    });
    app.post(`${base}/confirm`, { config: POST_LIMIT }, async (req, reply) => {
      const code = textOf(asBody(req.body), 'code').replace(/\s/g, '');
      const done = await attempt(reply, () => deps.agreements.remote.confirmCode(params(req).service, params(req).token, purpose, code, client(req)));
      if (!done.ok) return render(deps, req, reply, purpose, { fields: { code: done.fields.code ?? Object.values(done.fields).join('. ') } });
      reply.setCookie(COOKIE, done.value.key, { path: linkPath(req, purpose), httpOnly: true, sameSite: 'strict', secure, maxAge: 2 * 3600 });
      return reply.redirect(linkPath(req, purpose), 303);
    });
  }

  app.post('/s/:service/sign/:token', { config: POST_LIMIT }, async (req, reply) => {
    const b = asBody(req.body);
    const form = readSignatureForm(b);
    const parsed = parseForm(ZSignature, form);
    const done = parsed.ok
      ? await attempt(reply, () => deps.agreements.remote.decide(params(req).service, params(req).token, keyOf(req), { sign: parsed.data }, client(req)))
      : refused(reply, parsed);
    if (done.ok) return render(deps, req, reply, 'sign', { result: 'signed' });
    return render(deps, req, reply, 'sign', { values: { typedName: form.typedName, drawing: form.drawing }, fields: done.fields });
  });

  app.post('/s/:service/sign/:token/decline', { config: POST_LIMIT }, async (req, reply) => {
    const b = asBody(req.body);
    const parsed = parseForm(ZDecline, { reason: textOf(b, 'reason') });
    const done = parsed.ok
      ? await attempt(reply, () =>
          deps.agreements.remote.decide(params(req).service, params(req).token, keyOf(req), { decline: parsed.data.reason }, client(req)),
        )
      : refused(reply, parsed);
    if (done.ok) return render(deps, req, reply, 'sign', { result: 'declined' });
    return render(deps, req, reply, 'sign', { values: { reason: textOf(b, 'reason') }, fields: done.fields });
  });

  app.get('/s/:service/copy/:token/pdf', { config: VIEW_LIMIT }, async (req, reply) => {
    const pdf = await deps.agreements.remote.copy(params(req).service, params(req).token, keyOf(req), client(req));
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="${pdf.reference}.pdf"`)
      .header('cache-control', 'no-store')
      .send(pdf.bytes);
  });
}
