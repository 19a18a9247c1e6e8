// Forgotten password (the emailed link), changing a password when signed in, and an admin's reset of a member.
import { msg } from '#src/i18n/i18n.ts';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Deps } from '#src/deps.ts';
import { AppError } from '#src/lib/app-error.ts';
import { errorList } from '#src/http/views.ts';
import { fieldErrorsOf, keepValues, parseForm } from '#src/http/forms.ts';
import { clearSessionCookie } from '#src/http/request-actor.ts';
import { textParam } from '#src/http/page-input.ts';

const ZForgot = z.object({
  email: z.email({ error: 'Enter an email address in the correct format, like name@example.org' }).trim().toLowerCase(),
});
const ZReset = z
  .object({
    password: z.string().min(1, 'Enter a new password'),
    confirmPassword: z.string().min(1, 'Enter the new password again'),
  })
  .refine((f) => f.password === f.confirmPassword, { path: ['confirmPassword'], message: 'The passwords do not match' });
const ZChange = z
  .object({
    currentPassword: z.string().min(1, 'Enter your current password'),
    code: z.string().optional(),
    newPassword: z.string().min(1, 'Enter a new password'),
    confirmPassword: z.string().min(1, 'Enter the new password again'),
  })
  .refine((f) => f.newPassword === f.confirmPassword, { path: ['confirmPassword'], message: 'The passwords do not match' });

const SECRET_FIELDS = ['password', 'confirmPassword', 'currentPassword', 'newPassword', 'code', '_csrf'];
/** Only the public forms of this file are limited per client; sign-in's own throttle covers guessing. */
const publicLimit = { rateLimit: { max: 10, timeWindow: '1 minute' } };

export function registerPasswordRoutes(app: FastifyInstance, deps: Pick<Deps, 'passwords'>) {
  const showErrors = (reply: FastifyReply, err: unknown, template: string, model: Record<string, unknown>, order: string[]) => {
    const fields = fieldErrorsOf(err);
    if (!fields) throw err;
    return reply.status(err instanceof AppError ? err.status : 422).page(template, { ...model, fields, errors: errorList(fields, order) });
  };

  app.get('/forgot-password', async (req, reply) => reply.page('auth/views/forgot-password.njk', { pageTitle: req.t('Set a new password'), values: {} }));

  app.post('/forgot-password', { config: publicLimit }, async (req, reply) => {
    const values = keepValues(req.body, SECRET_FIELDS);
    const form = parseForm(ZForgot, req.body);
    if (!form.ok)
      return reply
        .status(422)
        .page('auth/views/forgot-password.njk', { pageTitle: req.t('Set a new password'), values, fields: form.fields, errors: errorList(form.fields) });
    await deps.passwords.requestReset(form.data.email, { ip: req.ip, requestId: req.id });
    return reply.page('auth/views/forgot-password-sent.njk', { pageTitle: req.t('Check your email'), email: form.data.email });
  });

  app.get('/reset-password/:token', async (req, reply) => {
    const token = textParam(req, 'token');
    const person = await deps.passwords.describeReset(token);
    return reply.page('auth/views/reset-password.njk', { pageTitle: req.t('Set a new password'), token, person });
  });

  app.post('/reset-password/:token', { config: publicLimit }, async (req, reply) => {
    const token = textParam(req, 'token');
    const person = await deps.passwords.describeReset(token);
    const model = { pageTitle: req.t('Set a new password'), token, person };
    const form = parseForm(ZReset, req.body);
    try {
      if (!form.ok) throw new AppError('UNPROCESSABLE', msg('Check the form'), { fields: form.fields });
      await deps.passwords.completeReset(token, form.data.password, { ip: req.ip, requestId: req.id });
    } catch (err) {
      return showErrors(reply, err, 'auth/views/reset-password.njk', model, ['password', 'confirmPassword']);
    }
    clearSessionCookie(reply);
    return reply.page('auth/views/reset-password-done.njk', { pageTitle: req.t('Your password has been changed') });
  });

  app.get('/account/password', async (req, reply) =>
    reply.page('auth/views/change-password.njk', { pageTitle: req.t('Change your password'), hasTotp: req.session!.hasTotp }),
  );

  app.post('/account/password', async (req, reply) => {
    const s = req.session!;
    const model = { pageTitle: req.t('Change your password'), hasTotp: s.hasTotp };
    const form = parseForm(ZChange, req.body);
    try {
      if (!form.ok) throw new AppError('UNPROCESSABLE', msg('Check the form'), { fields: form.fields });
      await deps.passwords.changePassword({ id: s.id, userId: s.userId }, form.data, { ip: req.ip, requestId: req.id });
    } catch (err) {
      return showErrors(reply, err, 'auth/views/change-password.njk', model, ['currentPassword', 'code', 'newPassword', 'confirmPassword']);
    }
    return reply.redirect('/account?changed=password', 303);
  });
}
