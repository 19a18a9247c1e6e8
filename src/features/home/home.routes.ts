import type { FastifyInstance } from 'fastify';
import type { Deps } from '#src/deps.ts';
import { createHomeService } from './home.service.ts';

export function registerHomeRoutes(app: FastifyInstance, deps: Pick<Deps, 'db' | 'clock' | 'settings'>) {
  const home = createHomeService(deps);
  app.get('/home', async (req, reply) => {
    const actor = req.actor!;
    const [queues, checklist] = await Promise.all([home.queuesFor(actor), home.checklistFor(actor)]);
    return reply.page('home/views/home.njk', { pageTitle: 'Home', queues, checklist, roleName: actor.role.replace('_', ' ') });
  });

  app.post('/home/getting-started/dismiss', { config: { permission: 'settings.manage' } }, async (req, reply) => {
    await deps.settings.update(req.actor!, { gettingStartedDismissed: true });
    return reply.redirect('/home', 303);
  });
}
