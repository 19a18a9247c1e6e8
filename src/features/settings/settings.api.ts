import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '#src/deps.ts';
import { errorResponses } from '#src/http/api-schemas.ts';
import { MERGE_PATCH_TYPE, mergePatchSchema } from '#src/http/merge-patch.ts';
import { ZServiceSettings, ZServiceSettingsOut } from './settings.schemas.ts';

/** A JSON Merge Patch of the settings as GET shows them. */
const ZSettingsMergePatch = mergePatchSchema(ZServiceSettings.omit({ twoFactorRoles: true })).describe(
  'A JSON Merge Patch (RFC 7396) of the settings as GET returns them: members left out stay as they are, null puts one back to its default, ' +
    'objects (areas, volunteers, meetings) are patched member by member, and arrays (caseTypes, notices, ' +
    'areas.postcodePrefixes) are replaced whole; caseTypes holds codes of the service’s case types (/api/v1/case-types). The settings that result are checked as a whole, as PUT checks them.',
);

/** The whole settings, for PUT: members left out take their defaults. */
const ZSettingsReplacement = ZServiceSettings.omit({ twoFactorRoles: true }).strict();

export function registerSettingsApi(app: FastifyInstance, deps: Pick<Deps, 'settings'>) {
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
        summary: 'Change some settings (admin): a JSON Merge Patch; what it leaves out stays as it is',
        consumes: [MERGE_PATCH_TYPE, 'application/json'],
        body: ZSettingsMergePatch,
        response: { 200: ZServiceSettingsOut, ...errorResponses },
      },
    },
    async (req) => deps.settings.mergePatch(req.actor!, req.body),
  );
  api.put(
    '/api/v1/settings',
    {
      schema: {
        ...schema,
        summary: 'Replace the settings (admin); what is left out goes back to its default',
        body: ZSettingsReplacement,
        response: { 200: ZServiceSettingsOut, ...errorResponses },
      },
    },
    async (req) => deps.settings.replace(req.actor!, req.body),
  );
}
