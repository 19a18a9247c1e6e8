// The DBS API: a volunteer's checks (certificate numbers masked) and standing, recording a check, logging Update
// Service status checks, and the audited reveal of one full number. Mediators may read only their own.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '#src/deps.ts';
import { errorResponses, ZApiError } from '#src/http/api-schemas.ts';
import { ZDbsCheck, ZStatusCheck } from '../training/training.schemas.ts';

const tags = ['volunteers'];
const security = [{ bearer: [] }];
const ZParams = z.object({ volunteerId: z.string().uuid('Volunteer ids are UUIDs') });
const ZCheckParams = ZParams.extend({ checkId: z.string().uuid() });

const ZDbsOut = z.object({
  standing: z.object({
    state: z.enum(['missing', 'valid', 'due_soon', 'overdue']),
    needsReview: z.boolean().describe('The Update Service reported new information: review before assigning'),
    recheckDueOn: z.string().nullable(),
    daysLeft: z.number().nullable(),
    alertDays: z.number().nullable(),
    message: z.string(),
  }),
  checks: z.array(
    z.object({
      id: z.string(),
      level: z.string(),
      workforce: z.string(),
      certificateNumberMasked: z.string().describe('Like •••• •••• 1234; the full number only from POST …/reveal'),
      issuedOn: z.string(),
      updateService: z.boolean(),
      statusChecks: z.array(z.object({ id: z.string(), on: z.string(), result: z.enum(['no_change', 'new_information']) })),
      isLatest: z.boolean(),
    }),
  ),
});

export function registerDbsApi(app: FastifyInstance, deps: Pick<Deps, 'dbs'>) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/volunteers/:volunteerId/dbs',
    {
      schema: {
        summary: 'A volunteer’s DBS checks (numbers masked) and whether a recheck is due',
        tags,
        security,
        params: ZParams,
        response: { 200: ZDbsOut, 404: ZApiError, ...errorResponses },
      },
    },
    async (req) => {
      const view = await deps.dbs.get(req.actor!, req.params.volunteerId);
      const { state, needsReview, recheckDueOn, daysLeft, alertDays, message } = view.standing;
      return {
        standing: { state, needsReview, recheckDueOn, daysLeft, alertDays, message },
        checks: view.checks.map((c) => ({
          id: c.id,
          level: c.level,
          workforce: c.workforce,
          certificateNumberMasked: c.certificateNumberMasked,
          issuedOn: c.issuedOn,
          updateService: c.updateService,
          statusChecks: c.statusChecks.map((s) => ({ id: s.id, on: s.on, result: s.result })),
          isLatest: c.id === view.latestId,
        })),
      };
    },
  );

  api.post(
    '/api/v1/volunteers/:volunteerId/dbs',
    {
      schema: {
        summary: 'Record a DBS check; the 12-digit certificate number is stored encrypted',
        tags,
        security,
        params: ZParams,
        body: ZDbsCheck,
        response: { 200: z.object({ id: z.string() }), 404: ZApiError, ...errorResponses },
      },
    },
    async (req) => deps.dbs.record(req.actor!, req.params.volunteerId, req.body),
  );

  api.post(
    '/api/v1/volunteers/:volunteerId/dbs/:checkId/status-checks',
    {
      schema: {
        summary: 'Log a DBS Update Service status check (no change, or new information)',
        tags,
        security,
        params: ZCheckParams,
        body: ZStatusCheck,
        response: { 200: z.object({ id: z.string() }), 404: ZApiError, 409: ZApiError, ...errorResponses },
      },
    },
    async (req) => deps.dbs.addStatusCheck(req.actor!, req.params.volunteerId, req.params.checkId, req.body),
  );

  api.post(
    '/api/v1/volunteers/:volunteerId/dbs/:checkId/reveal',
    {
      schema: {
        summary: 'The full certificate number of one check (coordinators and admins; audited)',
        tags,
        security,
        params: ZCheckParams,
        response: { 200: z.object({ checkId: z.string(), certificateNumber: z.string() }), 404: ZApiError, 409: ZApiError, ...errorResponses },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return deps.dbs.reveal(req.actor!, req.params.volunteerId, req.params.checkId);
    },
  );
}
