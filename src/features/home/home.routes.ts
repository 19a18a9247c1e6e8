import type { FastifyInstance } from 'fastify';
import type { Deps } from '#src/deps.ts';
import { createHomeService } from './home.service.ts';

export function registerHomeRoutes(app: FastifyInstance, deps: Pick<Deps, 'db' | 'clock'>) {
  const home = createHomeService(deps);
  app.get('/home', async (req, reply) => {
    const actor = req.actor!;
    const queues = await home.queuesFor(actor);
    return reply.page('home/views/home.njk', { pageTitle: 'Home', queues, roleName: actor.role.replace('_', ' ') });
  });
}
