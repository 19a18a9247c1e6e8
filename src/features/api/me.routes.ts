// GET /api/v1/me: who the caller is and in which service (an API key or a signed-in person); PUT /api/v1/me/language:
// a signed-in person's preferred language for what Parley writes to them.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES } from '#src/access/actor.ts';
import { PERMISSIONS, can, type Permission } from '#src/access/permissions.ts';
import { errorResponses } from '#src/http/api-schemas.ts';
import type { Deps } from '#src/deps.ts';
import { msg } from '#src/i18n/i18n.ts';
import { ZPreferredLanguage } from '#src/i18n/languages.ts';
import { AppError } from '#src/lib/app-error.ts';

const ZMyLanguage = z.object({ preferredLanguage: ZPreferredLanguage });

const ZMe = z.object({
  org: z.object({ slug: z.string(), name: z.string() }),
  role: z.enum(ROLES),
  actor: z.object({ type: z.enum(['user', 'api_key']), id: z.string(), name: z.string() }),
  permissions: z.array(z.string()),
});

export function registerMeRoutes(app: FastifyInstance, deps: Pick<Deps, 'auth'>) {
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
    )
    .put(
      '/api/v1/me/language',
      {
        schema: {
          summary: 'Set your preferred language (en or cy) for the emails Parley sends you',
          tags: ['account'],
          security: [{ bearer: [] }],
          body: ZMyLanguage,
          response: { 200: ZMyLanguage, ...errorResponses },
        },
      },
      async (req) => {
        const a = req.actor!;
        if (a.type !== 'user')
          throw new AppError('CONFLICT', msg('An API key has no preferred language: a person sets theirs when signed in'), { reason: 'NOT_A_PERSON' });
        await deps.auth.setMyLanguage({ type: 'user', id: a.id, label: a.label, ip: req.ip, requestId: req.id }, a.orgId, req.body.preferredLanguage);
        return { preferredLanguage: req.body.preferredLanguage };
      },
    );
}
