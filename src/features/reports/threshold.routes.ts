// The small-number threshold (admins): /reports/threshold shows the service's threshold and changes it. It is kept
// in the service's settings (reportThreshold), so the change is validated and audited there ("settings.updated"),
// the same as through PATCH /api/v1/settings.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Deps } from '#src/deps.ts';
import { keepValues, parseForm } from '#src/http/forms.ts';
import { msg } from '#src/i18n/i18n.ts';

const WHOLE = msg('Enter the threshold as a whole number from 2 to 100');
const ZThresholdForm = z.object({
  threshold: z
    .string({ error: WHOLE })
    .trim()
    .regex(/^\d{1,3}$/, WHOLE)
    .transform(Number)
    .refine((n) => n >= 2 && n <= 100, WHOLE),
});

export function registerThresholdPage(app: FastifyInstance, deps: Pick<Deps, 'settings'>) {
  app.get('/reports/threshold', { config: { permission: 'settings.manage' } }, async (req, reply) => {
    const settings = await deps.settings.get(req.actor!);
    return reply.page('reports/views/threshold.njk', {
      pageTitle: req.t('Small-number threshold'),
      values: { threshold: String(settings.reportThreshold) },
      fields: {},
      saved: (req.query as { saved?: string }).saved === '1',
    });
  });

  app.post('/reports/threshold', { config: { permission: 'settings.manage' } }, async (req, reply) => {
    const form = parseForm(ZThresholdForm, req.body, req.locale);
    if (!form.ok)
      return reply.code(422).page('reports/views/threshold.njk', {
        pageTitle: req.t('Small-number threshold'),
        values: keepValues(req.body),
        fields: form.fields,
        errors: Object.entries(form.fields).map(([k, text]) => ({ text, href: `#${k}` })),
      });
    await deps.settings.update(req.actor!, { reportThreshold: form.data.threshold });
    return reply.redirect('/reports/threshold?saved=1', 303);
  });
}
