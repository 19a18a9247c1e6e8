// Health checks, the front door, and the accessibility statement and privacy notice.
import type { FastifyInstance } from 'fastify';
import { sql } from '#src/db/orm.ts';
import type { Deps } from '#src/deps.ts';

export function registerSystemRoutes(app: FastifyInstance, deps: Pick<Deps, 'database' | 'db' | 'orgs'>) {
  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async (_req, reply) => {
    try {
      await deps.db.execute(sql`SELECT 1`);
      return { status: 'ok', database: deps.database.kind };
    } catch {
      return reply.status(503).send({ status: 'unavailable', database: deps.database.kind });
    }
  });

  app.get('/', async (req, reply) => {
    if (req.session?.stage === 'full') return reply.redirect('/home', 303);
    if (!(await deps.orgs.hasAnyOrg())) return reply.page('system/views/not-set-up.njk', { pageTitle: req.t('Parley is not set up yet') });
    return reply.redirect('/sign-in', 303);
  });

  app.get('/accessibility', async (req, reply) => reply.page('system/views/accessibility.njk', { pageTitle: req.t('Accessibility statement') }));
  app.get('/privacy', async (req, reply) => reply.page('system/views/privacy.njk', { pageTitle: req.t('Privacy notice') }));
}
