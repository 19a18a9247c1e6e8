// The meetings API: a case's meetings, booking (refusals are 422 with the reasons by field), one meeting, and
// moving, cancelling, no-shows, records and answers taken by phone. The same services as the pages.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '#src/deps.ts';
import { errorResponses, ZApiError } from '#src/http/api-schemas.ts';
import { presentMeeting, ZMeetingOut } from './meetings.present.ts';
import { ZBookMeeting, ZCancel, ZCaseParams, ZMeetingParams, ZNoShow, ZRecordMeeting, ZReschedule, ZResponse } from './meetings.schemas.ts';

const tags = ['meetings'];
const security = [{ bearer: [] }];
const ZChanged = z.object({
  meeting: ZMeetingOut,
  emailsQueued: z.number().describe('Invitations, changes or cancellations queued in the outbox'),
  lettersToPost: z.number().describe('Letters put in the outbox to print and post, for people invited without an email address'),
  lettersWithoutAddress: z
    .number()
    .describe(
      'Of those letters, how many have no address to post them to: they wait in the outbox until the person’s address is added on the case’s People tab',
    ),
  notWritten: z
    .array(z.string())
    .describe('People without an email address who must not be sent letters (their safe-contact instructions): tell them another way'),
  noAddress: z
    .array(z.string())
    .describe('People with neither an email nor a postal address who are not on the case (so no address can be added for a letter): tell them another way'),
});
const changed = (done: { emails: number; letters: number; lettersWithoutAddress: number; noLetters: string[]; noAddress: string[] }) => ({
  emailsQueued: done.emails,
  lettersToPost: done.letters,
  lettersWithoutAddress: done.lettersWithoutAddress,
  notWritten: done.noLetters,
  noAddress: done.noAddress,
});
const refusals = { 404: ZApiError, 409: ZApiError, ...errorResponses };

export function registerMeetingApi(app: FastifyInstance, deps: Pick<Deps, 'meetings'>) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const one = async (actor: Parameters<Deps['meetings']['meeting']>[0], caseId: string, meetingId: string) =>
    presentMeeting((await deps.meetings.meeting(actor, caseId, meetingId)).meeting);

  api.get(
    '/api/v1/cases/:id/meetings',
    {
      schema: {
        summary: 'A case’s meetings, soonest first, with everyone invited and their answers',
        tags,
        security,
        params: ZCaseParams,
        response: { 200: z.object({ meetings: z.array(ZMeetingOut) }), 404: ZApiError, ...errorResponses },
      },
    },
    async (req) => ({ meetings: (await deps.meetings.caseMeetings(req.actor!, req.params.id)).meetings.map(presentMeeting) }),
  );

  api.post(
    '/api/v1/cases/:id/meetings',
    {
      schema: {
        summary:
          'Book a meeting (coordinators and admins). Refused with 422 and the reasons: a party who withdrew consent, a time in the past, the room or a person already booked then, the venue closed, home visits suspended, SEND notice',
        tags,
        security,
        params: ZCaseParams,
        body: ZBookMeeting,
        response: { 201: ZChanged, ...refusals },
      },
    },
    async (req, reply) => {
      const done = await deps.meetings.book(req.actor!, req.params.id, req.body);
      return reply.status(201).send({ meeting: presentMeeting(done.meeting), ...changed(done) });
    },
  );

  api.get(
    '/api/v1/cases/:id/meetings/:meetingId',
    {
      schema: { summary: 'One meeting', tags, security, params: ZMeetingParams, response: { 200: ZMeetingOut, 404: ZApiError, ...errorResponses } },
    },
    async (req) => one(req.actor!, req.params.id, req.params.meetingId),
  );

  api.post(
    '/api/v1/cases/:id/meetings/:meetingId/reschedule',
    {
      schema: {
        summary: 'Move a booked meeting (the same rules as booking); its calendar SEQUENCE rises and everyone is sent the change',
        tags,
        security,
        params: ZMeetingParams,
        body: ZReschedule,
        response: { 200: ZChanged, ...refusals },
      },
    },
    async (req) => {
      const done = await deps.meetings.reschedule(req.actor!, req.params.id, req.params.meetingId, req.body);
      return { meeting: presentMeeting(done.meeting), ...changed(done) };
    },
  );

  api.post(
    '/api/v1/cases/:id/meetings/:meetingId/cancel',
    {
      schema: {
        summary: 'Cancel a booked meeting, with the reason',
        tags,
        security,
        params: ZMeetingParams,
        body: ZCancel,
        response: { 200: ZChanged, ...refusals },
      },
    },
    async (req) => {
      const done = await deps.meetings.cancel(req.actor!, req.params.id, req.params.meetingId, req.body);
      return { meeting: presentMeeting(done.meeting), ...changed(done) };
    },
  );

  api.post(
    '/api/v1/cases/:id/meetings/:meetingId/no-show',
    {
      schema: {
        summary: 'The meeting did not take place: who did not come, and why (the case team and coordinators)',
        tags,
        security,
        params: ZMeetingParams,
        body: ZNoShow,
        response: { 200: ZMeetingOut, ...refusals },
      },
    },
    async (req) => {
      await deps.meetings.noShow(req.actor!, req.params.id, req.params.meetingId, req.body);
      return one(req.actor!, req.params.id, req.params.meetingId);
    },
  );

  api.post(
    '/api/v1/cases/:id/meetings/:meetingId/record',
    {
      schema: {
        summary:
          'Record a meeting that took place: attendance, and for joint meetings and RJ conferences the ground rules agreed, issues and options; the outcome and next step (another_joint opens a further-meeting request)',
        tags,
        security,
        params: ZMeetingParams,
        body: ZRecordMeeting,
        response: { 200: z.object({ meeting: ZMeetingOut, requestId: z.string().nullable() }), ...refusals },
      },
    },
    async (req) => {
      const done = await deps.meetings.record(req.actor!, req.params.id, req.params.meetingId, req.body);
      return { meeting: await one(req.actor!, req.params.id, req.params.meetingId), requestId: done.requestId };
    },
  );

  api.post(
    '/api/v1/cases/:id/meetings/:meetingId/responses',
    {
      schema: {
        summary: 'Record an answer someone gave by phone or in person: accepted, declined or tentative (maybe)',
        tags,
        security,
        params: ZMeetingParams,
        body: ZResponse,
        response: { 200: z.object({ participantId: z.string(), response: z.string(), label: z.string() }), ...refusals },
      },
    },
    async (req) => deps.meetings.recordResponse(req.actor!, req.params.id, req.params.meetingId, req.body),
  );
}
