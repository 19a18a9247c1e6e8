// The one-time setup page: the first service and its first admin, who then sets up two-factor sign-in.
import { msg } from '#src/i18n/i18n.ts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Deps } from '#src/deps.ts';
import { errorList } from '#src/http/views.ts';
import { fieldErrorsOf, keepValues, parseForm } from '#src/http/forms.ts';
import { setSessionCookie } from '#src/http/request-actor.ts';
import { ZNewOrg } from '#src/features/orgs/orgs.schemas.ts';
import { AppError } from '#src/lib/app-error.ts';
import { queryField } from '#src/http/page-input.ts';
import { translator } from '#src/i18n/i18n.ts';

const t = translator('en');

const ZSetup = ZNewOrg.extend({
  token: z.string().min(1),
  adminName: z.string().trim().min(1, 'Enter your full name').max(120, 'Name must be 120 characters or fewer'),
  adminEmail: z.email({ error: 'Enter an email address in the correct format, like name@example.org' }).trim().toLowerCase(),
  password: z.string().min(1, 'Enter a password'),
});
const ORDER = ['name', 'slug', 'email', 'phone', 'address', 'adminName', 'adminEmail', 'password'];

export function registerSetupRoutes(app: FastifyInstance, deps: Pick<Deps, 'auth' | 'config' | 'orgs'>) {
  const page = (model: Record<string, unknown>) => ({ pageTitle: t('Set up Parley'), ...model });

  app.get('/setup', async (req, reply) => {
    const token = queryField(req, 'token');
    if (!(await deps.orgs.isSetupTokenValid(token)))
      throw new AppError(
        'FORBIDDEN',
        (await deps.orgs.hasAnyOrg())
          ? 'Parley is already set up. Sign in instead.'
          : 'This setup link is not valid. Use the link printed when Parley started.',
        { reason: 'SETUP_LINK_INVALID' },
      );
    return reply.page('setup/views/setup.njk', page({ values: { token } }));
  });

  app.post('/setup', { config: { rateLimit: { max: 20, timeWindow: '1 minute' } } }, async (req, reply) => {
    const values = keepValues(req.body);
    const form = parseForm(ZSetup, req.body);
    try {
      if (!form.ok) throw new AppError('UNPROCESSABLE', msg('Check the form'), { fields: form.fields });
      const d = form.data;
      await deps.orgs.setUpFirstService(
        d.token,
        d,
        { name: d.adminName, email: d.adminEmail, password: d.password },
        { type: 'anonymous', ip: req.ip, requestId: req.id },
      );
      const { token, stage } = await deps.auth.signInWithPassword(d.adminEmail, d.password, { ip: req.ip, requestId: req.id });
      setSessionCookie(reply, token, deps.config.secureCookies);
      return reply.redirect(stage === 'full' ? '/home' : '/account/two-factor', 303);
    } catch (err) {
      const fields = fieldErrorsOf(err);
      if (!fields) throw err;
      return reply.status(422).page('setup/views/setup.njk', page({ values, fields, errors: errorList(fields, ORDER) }));
    }
  });
}
