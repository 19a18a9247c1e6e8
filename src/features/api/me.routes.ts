// GET /api/v1/me: who the caller is and in which service (an API key or a signed-in person).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES } from '#src/access/actor.ts';
import { PERMISSIONS, can, type Permission } from '#src/access/permissions.ts';
import { errorResponses } from '#src/http/api-schemas.ts';

const ZMe = z.object({
  org: z.object({ slug: z.string(), name: z.string() }),
  role: z.enum(ROLES),
  actor: z.object({ type: z.enum(['user', 'api_key']), id: z.string(), name: z.string() }),
  permissions: z.array(z.string()),
});

export function registerMeRoutes(app: FastifyInstance) {
  app
    .withTypeProvider<ZodTypeProvider>()
    .get(
      '/api/v1/me',
      { schema: { summary: 'The caller and their service', tags: ['account'], security: [{ bearer: [] }], response: { 200: ZMe, ...errorResponses } } },
      async (req) => {
        const a = req.actor!;
        return {
          org: { slug: a.orgSlug, name: a.orgName },
          role: a.role,
          actor: { type: a.type, id: a.id, name: a.label ?? '' },
          permissions: (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(a.role, p)),
        };
      },
    );
}
