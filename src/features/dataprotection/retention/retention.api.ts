// The API twins of retention: each case type's rule and what is due, schedules, legal holds, a run now, the
// destruction log.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '#src/deps.ts';
import { errorResponses, ZApiError } from '#src/http/api-schemas.ts';
import { ZHoldInput, ZSchedules } from './retention.schemas.ts';

const security = [{ bearer: [] }];
const manage = { permission: 'retention.manage' as const };
const ZId = z.object({ id: z.string().uuid('Ids are UUIDs') });

const ZRule = z.object({
  caseType: z.string().describe('The code of one of the service’s case types (GET /api/v1/case-types)'),
  kind: z.string().describe('The kind of rules the type follows; a type without its own period keeps this kind’s default'),
  years: z.number().describe('Years kept after closure'),
  isDefault: z.boolean().describe('True when the service has not set its own period for the type: its kind’s default (rules.md #59)'),
  closedBefore: z.string().describe('Cases closed before this date (UK time) are due'),
  due: z.number().describe('Ended cases the next run would anonymise, not counting those on legal hold'),
});
const ZPreview = z.object({ rules: z.array(ZRule), held: z.number().describe('Cases on legal hold') });
const ZHold = z.object({
  id: z.string(),
  caseId: z.string(),
  reference: z.string(),
  reason: z.string(),
  placedBy: z.string().nullable(),
  placedAt: z.string(),
});
const ZDestruction = z.object({
  id: z.string(),
  runAt: z.string(),
  caseType: z.string(),
  years: z.number(),
  closedBefore: z.string(),
  caseCount: z.number(),
  references: z.array(z.string()),
  ranBy: z.string().nullable(),
});

export function registerRetentionApi(app: FastifyInstance, deps: Pick<Deps, 'retention'>) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { retention } = deps;

  api.get(
    '/api/v1/retention',
    {
      config: manage,
      schema: {
        summary: 'Each case type’s retention period and what the next run would anonymise',
        tags: ['data protection'],
        security,
        response: { 200: ZPreview, ...errorResponses },
      },
    },
    async (req) => {
      const { types: _types, ...preview } = await retention.preview(req.actor!);
      return preview;
    },
  );

  api.put(
    '/api/v1/retention/schedules',
    {
      config: manage,
      schema: {
        summary: 'Set the years kept after closure for some of the service’s case types, by their codes',
        tags: ['data protection'],
        security,
        body: ZSchedules,
        response: { 200: ZPreview, ...errorResponses },
      },
    },
    async (req) => {
      await retention.setSchedules(req.actor!, req.body);
      const { types: _types, ...preview } = await retention.preview(req.actor!);
      return preview;
    },
  );

  api.get(
    '/api/v1/retention/holds',
    {
      config: manage,
      schema: {
        summary: 'Legal holds in force',
        tags: ['data protection'],
        security,
        response: { 200: z.object({ holds: z.array(ZHold) }), ...errorResponses },
      },
    },
    async (req) => ({ holds: (await retention.holds(req.actor!)).map((h) => ({ ...h, placedAt: h.placedAt.toISOString() })) }),
  );

  api.post(
    '/api/v1/retention/holds',
    {
      config: manage,
      schema: {
        summary: 'Place a legal hold on a case, with the reason',
        tags: ['data protection'],
        security,
        body: ZHoldInput,
        response: { 201: z.object({ id: z.string(), caseId: z.string() }), ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await retention.placeHold(req.actor!, req.body)),
  );

  api.delete(
    '/api/v1/retention/holds/:id',
    {
      config: manage,
      schema: {
        summary: 'Lift a legal hold',
        tags: ['data protection'],
        security,
        params: ZId,
        response: { 204: z.null(), 404: ZApiError, ...errorResponses },
      },
    },
    async (req, reply) => {
      await retention.liftHold(req.actor!, req.params.id);
      return reply.status(204).send(null);
    },
  );

  api.post(
    '/api/v1/retention/runs',
    {
      config: manage,
      schema: {
        summary: 'Ask for a retention run in this service now (the worker does it)',
        tags: ['data protection'],
        security,
        response: { 202: z.object({ jobId: z.string().nullable() }), ...errorResponses },
      },
    },
    async (req, reply) => reply.status(202).send(await retention.runNow(req.actor!)),
  );

  api.get(
    '/api/v1/retention/destruction-log',
    {
      config: manage,
      schema: {
        summary: 'What each retention run anonymised, when and under which rule',
        tags: ['data protection'],
        security,
        response: { 200: z.object({ entries: z.array(ZDestruction) }), ...errorResponses },
      },
    },
    async (req) => ({
      entries: (await retention.destructionLog(req.actor!)).map((l) => ({ ...l, runAt: l.runAt.toISOString(), closedBefore: l.closedBefore.toISOString() })),
    }),
  );
}
