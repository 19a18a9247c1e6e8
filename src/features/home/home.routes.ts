import type { FastifyInstance } from 'fastify';
import type { Deps } from '#src/deps.ts';
import { createHomeService } from './home.service.ts';
import { msg } from '#src/i18n/i18n.ts';
import type { Role } from '#src/access/actor.ts';

/** The role in "You are signed in as …". */
const SIGNED_IN_AS: Record<Role, string> = {
  admin: msg('admin'),
  coordinator: msg('coordinator'),
  supervisor: msg('supervisor'),
  mediator: msg('mediator'),
  safeguarding_lead: msg('safeguarding lead'),
  viewer: msg('viewer'),
  commissioner: msg('commissioner'),
  referrer: msg('referrer'),
};

export function registerHomeRoutes(app: FastifyInstance, deps: Pick<Deps, 'db' | 'clock' | 'settings'>) {
  const home = createHomeService(deps);
  app.get('/home', async (req, reply) => {
    const actor = req.actor!;
    const { queues, checklist } = await home.pageFor(actor, req.t, req.session?.orgSettings);
    return reply.page('home/views/home.njk', { pageTitle: req.t('Home'), queues, checklist, roleName: req.t(SIGNED_IN_AS[actor.role]) });
  });

  // The admin's tools, grouped so the navigation stays on one row: settings, API keys, the audit trail, the public site
  // and, for an instance operator, the instance's postcode lookup.
  app.get('/admin', { config: { permission: 'settings.manage' } }, async (req, reply) => {
    const actor = req.actor!;
    return reply.page('home/views/admin.njk', { pageTitle: req.t('Admin'), publicUrl: `/s/${actor.orgSlug}`, operator: actor.operator === true });
  });

  app.post('/home/getting-started/dismiss', { config: { permission: 'settings.manage' } }, async (req, reply) => {
    await deps.settings.update(req.actor!, { gettingStartedDismissed: true });
    return reply.redirect('/home', 303);
  });
}
