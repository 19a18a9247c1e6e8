// The API twins: a case's follow-up schedule and check-ins (and recording one), and the feedback figures for staff.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '#src/deps.ts';
import { errorResponses, ZApiError } from '#src/http/api-schemas.ts';
import { ZStaffCheckIn } from './follow-up/check-in.schemas.ts';
import { ZFeedbackQuery } from './feedback/feedback.schemas.ts';

const security = [{ bearer: [] }];
const ZCaseParams = z.object({ id: z.string().uuid('Case ids are UUIDs') });

const ZPointOut = z.object({ id: z.string(), seq: z.number(), weeks: z.number(), startOn: z.string(), dueOn: z.string(), linksSentAt: z.string().nullable() });
const ZCheckInOut = z.object({
  id: z.string(),
  pointId: z.string(),
  partyId: z.string().nullable(),
  source: z.string(),
  answeredAt: z.string(),
  requestId: z.string().nullable().describe('The further-meeting request made from this check-in, if any'),
  answers: z
    .array(
      z.object({
        termId: z.string().nullable().describe('The term of the signed agreement answered about; null for the agreement as a whole'),
        term: z.string().nullable().describe('What the term says; null for the agreement as a whole or a term no longer in the signed agreement'),
        answer: z.string().describe('kept, partly, not_kept or not_yet_due'),
        note: z.string().nullable(),
      }),
    )
    .describe('The overall answer first, then one per term answered, in the agreement’s order'),
});
const rate = z.number().nullable().describe('Null when fewer than 3 responses: too few to show without telling what one person said');
const ZFigures = z.object({ responses: z.number(), meanSatisfaction: rate, feltHeardPercent: rate, wouldRecommendPercent: rate });

export function registerClosingApi(app: FastifyInstance, deps: Pick<Deps, 'closing'>) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { followUp, feedback } = deps.closing;

  api.get(
    '/api/v1/cases/:id/follow-ups',
    {
      schema: {
        summary: 'A case’s follow-up points and the check-ins answered at them',
        tags: ['follow-up'],
        security,
        params: ZCaseParams,
        response: {
          200: z.object({
            terms: z.array(z.object({ id: z.string(), text: z.string() })).describe('The terms of the signed agreement the check-ins ask about'),
            points: z.array(ZPointOut),
            checkIns: z.array(ZCheckInOut),
          }),
          404: ZApiError,
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const data = await followUp.ofCase(req.actor!, req.params.id);
      return {
        terms: data.terms,
        points: data.points.map((p) => ({
          id: p.id,
          seq: p.seq,
          weeks: p.weeks,
          startOn: p.startOn,
          dueOn: p.dueOn,
          linksSentAt: p.linksSentAt?.toISOString() ?? null,
        })),
        checkIns: data.checkIns.map((c) => ({
          id: c.id,
          pointId: c.pointId,
          partyId: c.partyId,
          source: c.source,
          answeredAt: c.answeredAt.toISOString(),
          requestId: c.requestId,
          answers: c.answers.map((a) => ({ termId: a.termId, term: a.term, answer: a.answer, note: a.note })),
        })),
      };
    },
  );

  api.post(
    '/api/v1/cases/:id/follow-ups/check-ins',
    {
      schema: {
        summary: 'Record a check-in heard by phone, at a visit or on paper; wantsMeeting with a not-kept answer asks for another joint meeting',
        tags: ['follow-up'],
        security,
        params: ZCaseParams,
        body: ZStaffCheckIn,
        response: { 201: z.object({ id: z.string(), requestId: z.string().nullable() }), 404: ZApiError, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await followUp.recordCheckIn(req.actor!, req.params.id, req.body)),
  );

  api.get(
    '/api/v1/feedback',
    {
      config: { permission: 'feedback.view' },
      schema: {
        summary: 'Feedback at closing, counted: responses, mean satisfaction, % felt heard, % would recommend, overall and per case type',
        tags: ['feedback'],
        security,
        querystring: ZFeedbackQuery,
        response: {
          200: ZFigures.extend({
            byCaseType: z.array(ZFigures.extend({ caseType: z.string(), copeRated: z.number(), meanCopeBefore: rate, meanCopeAfter: rate })),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const { filter: _filter, choices: _choices, ...figures } = await feedback.aggregate(req.actor!, req.query);
      return figures;
    },
  );
}
