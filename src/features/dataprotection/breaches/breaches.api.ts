// The API twin of the breach log, each breach with its 72-hour clock.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '#src/deps.ts';
import { errorResponses, ZApiError } from '#src/http/api-schemas.ts';
import { ZBreachUpdate, ZNewBreach } from './breaches.schemas.ts';

const security = [{ bearer: [] }];
const view = { permission: 'dataprotection.view' as const };
const ZId = z.object({ id: z.string().uuid('Ids are UUIDs') });
const ZBreach = z.object({
  id: z.string(),
  reference: z.string(),
  summary: z.string(),
  awareAt: z.string(),
  occurredAt: z.string().nullable(),
  risk: z.string(),
  peopleAffected: z.number().nullable(),
  reportedToIcoAt: z.string().nullable(),
  icoReference: z.string().nullable(),
  notReportedReason: z.string().nullable(),
  peopleToldAt: z.string().nullable(),
  actionsTaken: z.string().nullable(),
  closedAt: z.string().nullable(),
  icoDeadline: z.string().describe('72 hours from becoming aware'),
  icoStatus: z.enum(['not_needed', 'due', 'overdue', 'reported', 'reported_late']),
  hours: z.number().describe('Hours left (due) or past the deadline (overdue, reported_late)'),
  tellPeople: z.boolean().describe('The risk is high and the people affected have not been told yet'),
});

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function registerBreachApi(app: FastifyInstance, deps: Pick<Deps, 'breaches'>) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { breaches } = deps;
  type Breach = Awaited<ReturnType<typeof breaches.get>>;
  const breachOut = (b: Breach) => ({
    id: b.id,
    reference: b.reference,
    summary: b.summary,
    awareAt: b.awareAt.toISOString(),
    occurredAt: iso(b.occurredAt),
    risk: b.risk,
    peopleAffected: b.peopleAffected,
    reportedToIcoAt: iso(b.reportedToIcoAt),
    icoReference: b.icoReference,
    notReportedReason: b.notReportedReason,
    peopleToldAt: iso(b.peopleToldAt),
    actionsTaken: b.actionsTaken,
    closedAt: iso(b.closedAt),
    icoDeadline: b.standing.deadline.toISOString(),
    icoStatus: b.standing.ico,
    hours: b.standing.hours,
    tellPeople: b.standing.tellPeople,
  });

  api.get(
    '/api/v1/data-protection/breaches',
    {
      config: view,
      schema: {
        summary: 'The breach log, with each breach’s 72-hour clock',
        tags: ['data protection'],
        security,
        response: { 200: z.object({ breaches: z.array(ZBreach) }), ...errorResponses },
      },
    },
    async (req) => ({ breaches: (await breaches.list(req.actor!)).map(breachOut) }),
  );

  api.post(
    '/api/v1/data-protection/breaches',
    {
      config: view,
      schema: { summary: 'Record a breach', tags: ['data protection'], security, body: ZNewBreach, response: { 201: ZBreach, ...errorResponses } },
    },
    async (req, reply) => {
      const made = await breaches.record(req.actor!, req.body);
      return reply.status(201).send(breachOut(await breaches.get(req.actor!, made.id)));
    },
  );

  api.get(
    '/api/v1/data-protection/breaches/:id',
    {
      config: view,
      schema: { summary: 'One breach', tags: ['data protection'], security, params: ZId, response: { 200: ZBreach, 404: ZApiError, ...errorResponses } },
    },
    async (req) => breachOut(await breaches.get(req.actor!, req.params.id)),
  );

  api.patch(
    '/api/v1/data-protection/breaches/:id',
    {
      config: view,
      schema: {
        summary: 'Record the report to the ICO, telling the people, what was done, or close it',
        tags: ['data protection'],
        security,
        params: ZId,
        body: ZBreachUpdate,
        response: { 200: ZBreach, 404: ZApiError, ...errorResponses },
      },
    },
    async (req) => breachOut(await breaches.update(req.actor!, req.params.id, req.body)),
  );
}
