// The case types API: a service's case types (built in and its own), adding one, and renaming it or changing its prefix.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '#src/deps.ts';
import { CASE_KINDS } from '#src/domain/case-words.ts';
import { errorResponses, ZApiError } from '#src/http/api-schemas.ts';
import { ZCaseTypeChange, ZNewCaseType } from './case-types.ts';

const tags = ['settings'];
const security = [{ bearer: [] }];

const ZCaseTypeOut = z.object({
  code: z.string().describe('The value of caseType on referrals and cases, and in the settings’ caseTypes'),
  name: z.string().nullable().describe('The service’s name for it; null for the four built-in types, named in the reader’s language'),
  kind: z.enum(CASE_KINDS).describe('The rules the case type follows'),
  referencePrefix: z.string().nullable().describe('Case references start with this; null uses the service’s reference prefix'),
  offered: z.boolean().describe('Whether people can be referred for it now (the settings’ caseTypes)'),
});

export function registerCaseTypesApi(app: FastifyInstance, deps: Pick<Deps, 'settings'>) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/v1/case-types',
    {
      schema: { tags, security, summary: 'The service’s case types, built in and its own', response: { 200: z.array(ZCaseTypeOut), ...errorResponses } },
    },
    async (req) => deps.settings.caseTypes(req.actor!.orgId!),
  );
  api.post(
    '/api/v1/case-types',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        security,
        summary: 'Add a case type of the service’s own (admin); it is offered at once',
        body: ZNewCaseType,
        response: { 201: ZCaseTypeOut, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await deps.settings.addCaseType(req.actor!, req.body)),
  );
  api.patch(
    '/api/v1/case-types/:code',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        security,
        summary: 'Rename one of the service’s own case types, or change any case type’s reference prefix (admin); its kind never changes',
        params: z.object({ code: z.string().max(40) }),
        body: ZCaseTypeChange,
        response: { 200: ZCaseTypeOut, 404: ZApiError, ...errorResponses },
      },
    },
    async (req) => deps.settings.changeCaseType(req.actor!, req.params.code, req.body),
  );
}
