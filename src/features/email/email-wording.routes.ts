// The email wording page (/settings/emails): each email a service sends, its current wording (the service's own or
// the built-in one) and the placeholders it may use. Admins change one email at a time; coordinators read.
// Saved through the settings service under `meetings.emailTemplates`, as PATCH /api/v1/settings does.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '#src/deps.ts';
import { authorise, can } from '#src/access/permissions.ts';
import { asBody, textOf } from '#src/http/page-form.ts';
import { readMeetingPolicy } from '#src/features/settings/meeting-policy.ts';
import { translator, msg } from '#src/i18n/i18n.ts';
import { AppError } from '#src/lib/app-error.ts';
import { placeholdersOf, wordingProblems, wordingToStore } from './email-wording.ts';
import { BUILT_IN_TEMPLATES, TEMPLATE_LABELS, TEMPLATE_NAMES, type TemplateName, templateFor } from './templates.ts';
import { doneOf, textParam } from '#src/http/page-input.ts';

const t = translator('en');
type Typed = { name: TemplateName; subject: string; body: string; fields: Record<string, string> };

function nameParam(req: FastifyRequest): TemplateName {
  const name = textParam(req, 'name');
  if (!(TEMPLATE_NAMES as readonly string[]).includes(name)) throw new AppError('NOT_FOUND', msg('There is no such email'), { reason: 'NO_SUCH_TEMPLATE' });
  return name as TemplateName;
}

export function registerEmailWordingPages(app: FastifyInstance, deps: Pick<Deps, 'settings'>) {
  async function render(req: FastifyRequest, reply: FastifyReply, typed?: Typed) {
    authorise(req.actor!, 'email.view');
    const overrides = readMeetingPolicy(await deps.settings.forWork(req.actor!.orgId)).emailTemplates;
    const emails = TEMPLATE_NAMES.map((name) => {
      const current = templateFor(name, overrides);
      const mine = typed?.name === name ? typed : undefined;
      return {
        name,
        label: t(TEMPLATE_LABELS[name]),
        own: Boolean(overrides[name]),
        subject: mine?.subject ?? current.subject,
        body: mine?.body ?? current.body,
        placeholders: placeholdersOf(name).map((p) => `{${p}}`),
        fields: Object.fromEntries(Object.entries(mine?.fields ?? {}).map(([k, v]) => [`${name}-${k}`, t(v)])),
      };
    });
    const errors = typed ? Object.entries(typed.fields).map(([k, v]) => ({ text: t(v), href: `#${typed.name}-${k}` })) : [];
    const done = doneOf(req);
    return reply.page('email/views/email-wording.njk', {
      pageTitle: t('Email wording'),
      canChange: can(req.actor!.role, 'settings.manage'),
      emails,
      errors: errors.length ? errors : undefined,
      flash:
        !errors.length && done && (TEMPLATE_NAMES as readonly string[]).includes(done)
          ? t('Saved the wording of “{email}”.', { email: t(TEMPLATE_LABELS[done as TemplateName]) })
          : undefined,
    });
  }

  app.get('/settings/emails', (req, reply) => render(req, reply));

  app.post('/settings/emails/:name', { config: { permission: 'settings.manage' } }, async (req, reply) => {
    const name = nameParam(req);
    const body = asBody(req.body);
    const reset = textOf(body, 'action') === 'reset';
    const wording = reset ? BUILT_IN_TEMPLATES[name] : { subject: textOf(body, 'subject'), body: textOf(body, 'body') };
    const fields = wordingProblems(name, wording);
    if (Object.keys(fields).length) return render(req, reply.status(422), { name, ...wording, fields });
    const current = readMeetingPolicy(await deps.settings.forWork(req.actor!.orgId)).emailTemplates;
    const { [name]: _old, ...others } = current;
    const stored = wordingToStore(name, wording);
    await deps.settings.update(req.actor!, { meetings: { emailTemplates: stored ? { ...others, [name]: stored } : others } });
    return reply.redirect(`/settings/emails?done=${name}#${name}`, 303);
  });
}
