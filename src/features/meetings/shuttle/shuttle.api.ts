// The shuttle log API. GET with ?forParty= answers only what that party may see (their own statements, and what
// may be or was passed to them, in the permitted words only): use it for any export to a party.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '#src/deps.ts';
import { errorResponses, ZApiError } from '#src/http/api-schemas.ts';
import { ZMeetingParams } from '../records/meetings.schemas.ts';
import { ZConvey, ZShuttleQuery, ZStatement } from './shuttle.schemas.ts';
import type { ShuttleView } from './shuttle-rules.ts';

const tags = ['meetings'];
const security = [{ bearer: [] }];
const refusals = { 404: ZApiError, 409: ZApiError, ...errorResponses };

const ZShuttleOut = z.object({
  forPartyId: z.string().nullable(),
  statements: z.array(
    z.object({
      id: z.string(),
      fromPartyId: z.string(),
      statement: z.string(),
      permission: z.string().describe('no, yes or yes_in_words'),
      shareableText: z.string().nullable().describe('What may be passed on: the statement, the agreed words, or nothing'),
      recordedAt: z.string(),
    }),
  ),
  conveyances: z.array(
    z.object({ id: z.string(), statementId: z.string(), fromPartyId: z.string(), toPartyId: z.string(), conveyed: z.string(), conveyedAt: z.string() }),
  ),
  mayPass: z.array(z.object({ statementId: z.string(), fromPartyId: z.string(), text: z.string(), passedOn: z.boolean() })),
});

const presentView = (forPartyId: string | null, v: ShuttleView): z.infer<typeof ZShuttleOut> => ({
  forPartyId,
  statements: v.statements.map((s) => ({
    id: s.id,
    fromPartyId: s.fromPartyId,
    statement: s.statement,
    permission: s.permission,
    shareableText: s.shareableText,
    recordedAt: s.recordedAt.toISOString(),
  })),
  conveyances: v.conveyances.map((c) => ({ ...c, conveyedAt: c.conveyedAt.toISOString() })),
  mayPass: v.mayPass.map((p) => ({ statementId: p.statementId, fromPartyId: p.fromPartyId, text: p.text, passedOn: p.passedOn })),
});

export function registerShuttleApi(app: FastifyInstance, deps: Pick<Deps, 'meetings'>) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/cases/:id/meetings/:meetingId/shuttle',
    {
      schema: {
        summary: 'The shuttle log of a shuttle session (the case team and coordinators); with forParty, only what that party may see',
        tags,
        security,
        params: ZMeetingParams,
        querystring: ZShuttleQuery,
        response: { 200: ZShuttleOut, ...refusals },
      },
    },
    async (req) => {
      const log = await deps.meetings.shuttle.log(req.actor!, req.params.id, req.params.meetingId, req.query.forParty);
      return presentView(log.forParty?.id ?? null, log.view);
    },
  );

  api.post(
    '/api/v1/cases/:id/meetings/:meetingId/shuttle',
    {
      schema: {
        summary: 'Record what a party said, with their permission to pass it on: no, yes, or yes_in_words (with the words)',
        tags,
        security,
        params: ZMeetingParams,
        body: ZStatement,
        response: { 201: z.object({ id: z.string(), permission: z.string() }), ...refusals },
      },
    },
    async (req, reply) => reply.status(201).send(await deps.meetings.shuttle.recordStatement(req.actor!, req.params.id, req.params.meetingId, req.body)),
  );

  api.post(
    '/api/v1/cases/:id/meetings/:meetingId/shuttle/:statementId/convey',
    {
      schema: {
        summary: 'Pass a permitted statement to another party: what is recorded as conveyed is exactly the statement, or only the agreed words',
        tags,
        security,
        params: ZMeetingParams.extend({ statementId: z.string().uuid('Statement ids are UUIDs') }),
        body: ZConvey,
        response: {
          201: z.object({ id: z.string(), statementId: z.string(), toPartyId: z.string(), conveyed: z.string(), conveyedAt: z.string() }),
          ...refusals,
        },
      },
    },
    async (req, reply) => {
      const done = await deps.meetings.shuttle.convey(req.actor!, req.params.id, req.params.meetingId, req.params.statementId, req.body);
      return reply.status(201).send({ ...done, conveyedAt: done.conveyedAt.toISOString() });
    },
  );
}
