// Sign in (password, then code), two-factor enrolment, sign out, account and service switching.
import { msg, type Translate } from '#src/i18n/i18n.ts';
import { languageItems, ZPreferredLanguage } from '#src/i18n/languages.ts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Deps } from '#src/deps.ts';
import { AppError } from '#src/lib/app-error.ts';
import { errorList } from '#src/http/views.ts';
import { fieldErrorsOf, keepValues, parseForm, safeNext } from '#src/http/forms.ts';
import { clearSessionCookie, setSessionCookie } from '#src/http/request-actor.ts';
import { bodyOf, queryText, queryOf } from '#src/http/page-input.ts';

const ZSignIn = z.object({
  email: z.string().trim().min(1, msg('Enter your email address')),
  password: z.string().min(1, msg('Enter your password')),
  next: z.string().optional(),
});
const ZCode = z.object({ code: z.string().trim().min(1, msg('Enter the 6-digit code from your authenticator app')) });
const ZSwitch = z.object({ orgId: z.string().uuid(msg('Select a service')) });
const ZMyLanguage = z.object({ preferredLanguage: ZPreferredLanguage });

const ZNext = z.object({ next: queryText });
const ZSignInQuery = ZNext.extend({ signedOut: queryText });
const ZAccountQuery = z.object({ changed: queryText });
export function registerAuthRoutes(app: FastifyInstance, deps: Pick<Deps, 'auth' | 'config' | 'twoFactor'>) {
  const secure = deps.config.secureCookies;
  const signInLimit = { rateLimit: { max: 30, timeWindow: '1 minute' } };

  app.get('/sign-in', async (req, reply) => {
    if (req.session?.stage === 'full') return reply.redirect('/home', 303);
    const { next, signedOut } = queryOf(req, ZSignInQuery);
    const flash = signedOut === 'everywhere' ? msg('You have signed out on every device.') : signedOut ? msg('You have signed out.') : undefined;
    return reply.page('auth/views/sign-in.njk', { pageTitle: req.t('Sign in'), values: { next: next ?? '' }, flash });
  });

  app.post('/sign-in', { config: signInLimit }, async (req, reply) => {
    const form = parseForm(ZSignIn, req.body, req.locale);
    const values = keepValues(req.body);
    if (!form.ok)
      return reply
        .status(422)
        .page('auth/views/sign-in.njk', { pageTitle: req.t('Sign in'), values, fields: form.fields, errors: errorList(form.fields, ['email', 'password']) });
    try {
      const { token, stage } = await deps.auth.signInWithPassword(form.data.email, form.data.password, { ip: req.ip, requestId: req.id });
      setSessionCookie(reply, token, secure);
      const next = safeNext(form.data.next);
      return reply.redirect(stage === 'password' ? `/sign-in/code?next=${encodeURIComponent(next)}` : stage === 'enrol' ? '/account/two-factor' : next, 303);
    } catch (err) {
      const fields = fieldErrorsOf(err);
      if (!fields) throw err;
      const status = err instanceof AppError ? err.status : 422;
      const shown = { email: err instanceof AppError ? err.messageIn(req.locale) : (err as Error).message };
      return reply.status(status).page('auth/views/sign-in.njk', { pageTitle: req.t('Sign in'), values, fields: shown, errors: errorList(shown) });
    }
  });

  app.get('/sign-in/code', async (req, reply) => {
    if (req.session?.stage !== 'password') return reply.redirect(req.session?.stage === 'full' ? '/home' : '/sign-in', 303);
    return reply.page('auth/views/code.njk', { pageTitle: req.t('Enter your sign-in code'), next: queryOf(req, ZSignInQuery).next ?? '' });
  });

  app.post('/sign-in/code', { config: signInLimit }, async (req, reply) => {
    const session = req.session;
    if (session?.stage !== 'password') return reply.redirect('/sign-in', 303);
    const next = safeNext(bodyOf(req, ZNext).next);
    const form = parseForm(ZCode, req.body);
    try {
      if (!form.ok) throw new AppError('UNPROCESSABLE', msg('Enter your code'), { fields: form.fields });
      const token = await deps.twoFactor.verify(session.id, session.userId, form.data.code, { ip: req.ip, requestId: req.id });
      setSessionCookie(reply, token, secure);
      return reply.redirect(next, 303);
    } catch (err) {
      const fields = fieldErrorsOf(err);
      if (!fields) throw err;
      const shown = fields.code ? fields : { code: (err as Error).message };
      return reply
        .status(err instanceof AppError ? err.status : 422)
        .page('auth/views/code.njk', { pageTitle: req.t('Enter your sign-in code'), next, fields: shown, errors: errorList(shown) });
    }
  });

  const enrolPage = async (t: Translate, userId: string, serviceName: string, extra: Record<string, unknown> = {}) => ({
    pageTitle: t('Set up two-factor sign-in'),
    enrolment: await deps.twoFactor.beginEnrolment(userId, serviceName),
    ...extra,
  });

  app.get('/account/two-factor', async (req, reply) => {
    const s = req.session!;
    if (s.hasTotp) return reply.redirect(s.stage === 'full' ? '/account' : '/sign-in/code', 303);
    if (s.stage === 'password') return reply.redirect('/sign-in/code', 303);
    return reply.page('auth/views/two-factor-setup.njk', await enrolPage(req.t, s.userId, s.orgName ?? 'Parley'));
  });

  app.post('/account/two-factor', async (req, reply) => {
    const s = req.session!;
    if (s.hasTotp || s.stage === 'password') return reply.redirect('/account', 303);
    const form = parseForm(ZCode, req.body);
    const actor = { type: 'user' as const, id: s.userId, label: s.userName, ip: req.ip, requestId: req.id };
    try {
      if (!form.ok) throw new AppError('UNPROCESSABLE', msg('Enter the code'), { fields: form.fields });
      const codes = await deps.twoFactor.confirmEnrolment(s.userId, form.data.code, actor, s.orgId);
      if (s.stage !== 'full') setSessionCookie(reply, await deps.auth.completeSignIn(s.id, s.userId, { ip: req.ip, requestId: req.id }, 'enrolment'), secure);
      return reply.page('auth/views/backup-codes.njk', { pageTitle: req.t('Your backup codes'), codes });
    } catch (err) {
      const fields = fieldErrorsOf(err);
      if (!fields) throw err;
      return reply
        .status(422)
        .page('auth/views/two-factor-setup.njk', await enrolPage(req.t, s.userId, s.orgName ?? 'Parley', { fields, errors: errorList(fields) }));
    }
  });

  app.post('/sign-out', async (req, reply) => {
    if (req.sessionToken) await deps.auth.signOut(req.sessionToken);
    clearSessionCookie(reply);
    return reply.redirect('/sign-in?signedOut=1', 303);
  });

  app.get('/account', async (req, reply) => {
    const s = req.session!;
    const services = await deps.auth.listMyServices(s.userId);
    const flash =
      queryOf(req, ZAccountQuery).changed === 'password' ? msg('Your password has been changed. You have been signed out on every other device.') : undefined;
    const language = await deps.auth.myLanguage(s.userId);
    return reply.page('auth/views/account.njk', {
      pageTitle: req.t('Your account'),
      me: { name: s.userName, email: s.userEmail, hasTotp: s.hasTotp },
      services,
      flash: flash ?? (queryOf(req, ZAccountQuery).changed === 'language' ? msg('Your preferred language has been saved.') : undefined),
      languageItems: languageItems(language),
    });
  });

  app.post('/account/language', async (req, reply) => {
    const s = req.session!;
    const form = parseForm(ZMyLanguage, req.body, req.locale);
    if (!form.ok) {
      const services = await deps.auth.listMyServices(s.userId);
      return reply.status(422).page('auth/views/account.njk', {
        pageTitle: 'Your account',
        me: { name: s.userName, email: s.userEmail, hasTotp: s.hasTotp },
        services,
        languageItems: languageItems(undefined),
        fields: form.fields,
        errors: errorList(form.fields),
      });
    }
    await deps.auth.setMyLanguage({ type: 'user', id: s.userId, label: s.userName, ip: req.ip, requestId: req.id }, s.orgId, form.data.preferredLanguage);
    return reply.redirect('/account?changed=language', 303);
  });

  app.post('/account/sign-out-everywhere', async (req, reply) => {
    const s = req.session!;
    await deps.auth.signOutEverywhere({ type: 'user', id: s.userId, label: s.userName, ip: req.ip, requestId: req.id }, s.orgId);
    clearSessionCookie(reply);
    return reply.redirect('/sign-in?signedOut=everywhere', 303);
  });

  app.get('/services', async (req, reply) => {
    const s = req.session!;
    const services = await deps.auth.listMyServices(s.userId);
    return reply.page('auth/views/services.njk', { pageTitle: req.t('Choose a service'), services, currentOrgId: s.orgId });
  });

  app.post('/services/switch', async (req, reply) => {
    const s = req.session!;
    const form = parseForm(ZSwitch, req.body);
    if (!form.ok) throw new AppError('UNPROCESSABLE', msg('Select a service'), { fields: form.fields });
    await deps.auth.switchOrg(s, form.data.orgId, { type: 'user', id: s.userId, label: s.userName, ip: req.ip, requestId: req.id });
    return reply.redirect('/home', 303);
  });
}
