// The further-meeting requests API: a case's requests (the case team, coordinators, or the referrer's own API key
// for a case that came from their referral), the coordinators' queue, and declining.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '#src/deps.ts';
import { errorResponses, ZApiError } from '#src/http/api-schemas.ts';
import { presentRequest, ZRequestOut } from '../records/meetings.present.ts';
import { ZCaseParams } from '../records/meetings.schemas.ts';
import { ZDecline, ZMeetingRequest, ZRequestQuery } from './requests.schemas.ts';

const tags = ['meetings'];
const security = [{ bearer: [] }];

export function registerRequestApi(app: FastifyInstance, deps: Pick<Deps, 'meetings'>) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/cases/:id/meeting-requests',
    {
      schema: {
        summary: 'A case’s requests for a further meeting, newest first',
        tags,
        security,
        params: ZCaseParams,
        response: { 200: z.object({ requests: z.array(ZRequestOut) }), 404: ZApiError, ...errorResponses },
      },
    },
    async (req) => ({ requests: (await deps.meetings.requests.ofCase(req.actor!, req.params.id)).map(presentRequest) }),
  );

  api.post(
    '/api/v1/cases/:id/meeting-requests',
    {
      schema: {
        summary:
          'Ask for a further meeting: the case team and coordinators (saying who asked), or a referrer’s API key for a case that came from its referral (recorded as the referrer)',
        tags,
        security,
        params: ZCaseParams,
        body: ZMeetingRequest,
        response: { 201: z.object({ id: z.string(), status: z.string() }), 404: ZApiError, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await deps.meetings.requests.create(req.actor!, req.params.id, req.body)),
  );

  api.get(
    '/api/v1/meeting-requests',
    {
      schema: {
        summary: 'The service’s requests for a further meeting, oldest first (default: open ones)',
        tags,
        security,
        querystring: ZRequestQuery,
        response: { 200: z.object({ requests: z.array(ZRequestOut) }), ...errorResponses },
      },
    },
    async (req) => ({ requests: (await deps.meetings.requests.queue(req.actor!, req.query.status)).map(presentRequest) }),
  );

  api.post(
    '/api/v1/meeting-requests/:requestId/decline',
    {
      schema: {
        summary: 'Decline an open request, with the reason',
        tags,
        security,
        params: z.object({ requestId: z.string().uuid('Request ids are UUIDs') }),
        body: ZDecline,
        response: { 200: z.object({ id: z.string(), status: z.string() }), 404: ZApiError, 409: ZApiError, ...errorResponses },
      },
    },
    async (req) => deps.meetings.requests.decline(req.actor!, req.params.requestId, req.body),
  );
}
