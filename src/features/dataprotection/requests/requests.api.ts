// The API twin of people's data-protection requests: subject access, erasure and rectification, with due dates.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '#src/deps.ts';
import { errorResponses, ZApiError } from '#src/http/api-schemas.ts';
import { ZNewRequest, ZRequestUpdate } from './requests.schemas.ts';

const security = [{ bearer: [] }];
const view = { permission: 'dataprotection.view' as const };
const ZId = z.object({ id: z.string().uuid('Ids are UUIDs') });
const ZRequest = z.object({
  id: z.string(),
  reference: z.string(),
  kind: z.string(),
  requesterName: z.string(),
  requesterContact: z.string().nullable(),
  receivedOn: z.string(),
  startsOn: z.string(),
  dueOn: z.string().describe('One calendar month from startsOn on a working day; three when extended'),
  extensionReason: z.string().nullable(),
  status: z.enum(['open', 'completed', 'refused']),
  outcome: z.string().nullable(),
  refusalReason: z.string().nullable(),
  closedOn: z.string().nullable(),
  daysLeft: z.number().nullable().describe('Days to the due date while open; negative when overdue'),
});

export function registerRequestApi(app: FastifyInstance, deps: Pick<Deps, 'dataRequests' | 'subjectAccess'>) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { dataRequests, subjectAccess } = deps;
  type Row = Awaited<ReturnType<typeof dataRequests.get>>;
  const out = (r: Row) => ({
    id: r.id,
    reference: r.reference,
    kind: r.kind,
    requesterName: r.requesterName,
    requesterContact: r.requesterContact,
    receivedOn: r.receivedOn,
    startsOn: r.startsOn,
    dueOn: r.dueOn,
    extensionReason: r.extensionReason,
    status: r.status as 'open' | 'completed' | 'refused',
    outcome: r.outcome,
    refusalReason: r.refusalReason,
    closedOn: r.closedOn,
    daysLeft: r.daysLeft,
  });

  api.get(
    '/api/v1/data-protection/requests',
    {
      config: view,
      schema: {
        summary: 'People’s requests: subject access, erasure, rectification; open first, soonest due first',
        tags: ['data protection'],
        security,
        response: { 200: z.object({ requests: z.array(ZRequest) }), ...errorResponses },
      },
    },
    async (req) => ({ requests: (await dataRequests.list(req.actor!)).map(out) }),
  );

  api.post(
    '/api/v1/data-protection/requests',
    {
      config: view,
      schema: {
        summary: 'Record a request; its due date is worked out (rules.md #55)',
        tags: ['data protection'],
        security,
        body: ZNewRequest,
        response: { 201: ZRequest, ...errorResponses },
      },
    },
    async (req, reply) => {
      const made = await dataRequests.record(req.actor!, req.body);
      return reply.status(201).send(out(await dataRequests.get(req.actor!, made.id)));
    },
  );

  api.get(
    '/api/v1/data-protection/requests/:id',
    {
      config: view,
      schema: { summary: 'One request', tags: ['data protection'], security, params: ZId, response: { 200: ZRequest, 404: ZApiError, ...errorResponses } },
    },
    async (req) => out(await dataRequests.get(req.actor!, req.params.id)),
  );

  api.patch(
    '/api/v1/data-protection/requests/:id',
    {
      config: view,
      schema: {
        summary: 'Extend by two months with the reason, complete with what was done, or refuse (erasure: with the lawful reason)',
        tags: ['data protection'],
        security,
        params: ZId,
        body: ZRequestUpdate,
        response: { 200: ZRequest, 404: ZApiError, 409: ZApiError, ...errorResponses },
      },
    },
    async (req) => out(await dataRequests.update(req.actor!, req.params.id, req.body)),
  );

  api.get(
    '/api/v1/data-protection/people',
    {
      config: view,
      schema: {
        summary: 'Find the person a request is about across the service’s cases: by email, phone or postcode exactly, or the start of their name',
        tags: ['data protection'],
        security,
        querystring: z.object({ q: z.string().trim().min(2, 'Search for at least 2 characters').max(200, 'Search for 200 characters or fewer') }),
        response: {
          200: z.object({
            people: z.array(
              z.object({
                partyId: z.string(),
                name: z.string(),
                role: z.string(),
                email: z.string().nullable(),
                phone: z.string().nullable(),
                postcode: z.string().nullable(),
                caseId: z.string(),
                reference: z.string(),
                caseType: z.string(),
                status: z.string(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => ({ people: await dataRequests.findPerson(req.actor!, req.query.q) }),
  );

  api.get(
    '/api/v1/data-protection/requests/:id/archive',
    {
      config: view,
      schema: {
        summary: 'A subject access request’s answer: a ZIP (summary.html and data.json) of the chosen party records, other people redacted',
        tags: ['data protection'],
        security,
        params: ZId,
        querystring: z.object({
          partyId: z
            .union([z.string().uuid('Party ids are UUIDs'), z.array(z.string().uuid('Party ids are UUIDs')).max(100)])
            .describe('The person’s party records, from /api/v1/data-protection/people; repeat for several'),
        }),
        response: { 200: z.any().describe('application/zip'), 404: ZApiError, ...errorResponses },
      },
    },
    async (req, reply) => {
      const ids = ([] as string[]).concat(req.query.partyId);
      const made = await subjectAccess.archive(req.actor!, req.params.id, ids, req.locale);
      return reply
        .header('content-type', 'application/zip')
        .header('content-disposition', `attachment; filename="${made.filename}"`)
        .header('cache-control', 'no-store')
        .send(Buffer.from(made.bytes));
    },
  );
}
