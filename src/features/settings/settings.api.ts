import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '#src/deps.ts';
import { errorResponses } from '#src/http/api-schemas.ts';
import { ZServiceSettingsOut, ZSettingsPatch } from './settings.schemas.ts';

export function registerSettingsApi(app: FastifyInstance, deps: Deps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const schema = { tags: ['settings'], security: [{ bearer: [] }] };
  api.get(
    '/api/v1/settings',
    { schema: { ...schema, summary: 'The service’s settings (admin)', response: { 200: ZServiceSettingsOut, ...errorResponses } } },
    async (req) => deps.settings.get(req.actor!),
  );
  api.patch(
    '/api/v1/settings',
    {
      schema: {
        ...schema,
        summary: 'Change settings (admin); areas.postcodePrefixes and areas.localAuthorities replace the lists given',
        body: ZSettingsPatch,
        response: { 200: ZServiceSettingsOut, ...errorResponses },
      },
    },
    async (req) => deps.settings.update(req.actor!, req.body),
  );
}
