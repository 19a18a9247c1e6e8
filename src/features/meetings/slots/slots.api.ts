// The slot-suggestions API: the earliest good times for a meeting on a case, and why one day has none. For those
// who book meetings (coordinators, admins); a mediator is refused with the reason; another service's case is 404.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '#src/deps.ts';
import { errorResponses, ZApiError } from '#src/http/api-schemas.ts';
import { ZSlotQueryString } from './slots.schemas.ts';

const tags = ['meetings'];
const security = [{ bearer: [] }];
const ZCaseParams = z.object({ id: z.string().uuid('Case ids are UUIDs') });

const ZSlotsOut = z.object({
  slots: z.array(
    z.object({
      start: z.string().describe('UTC instant, ISO 8601'),
      end: z.string().describe('UTC instant, ISO 8601'),
      venueId: z.string().optional(),
      roomId: z.string().optional(),
    }),
  ),
  reasons: z.array(z.string()).describe('When there is no time at all: why, in words (withdrawn consent, no room big enough …)'),
});

const ZExplainOut = z.object({ date: z.string(), reasons: z.array(z.string()).describe('Why no time fits on the date, in words; empty when one does') });

export function registerSlotApi(app: FastifyInstance, deps: Pick<Deps, 'slots'>) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/cases/:id/slot-suggestions',
    {
      schema: {
        summary:
          'The earliest times (up to 10, at most 2 a day) when the case’s mediators, the chosen parties and, at a venue, a room are free, within the service’s rules (hours, bank holidays, SEND notice, suspended home visits, travel time)',
        tags,
        security,
        params: ZCaseParams,
        querystring: ZSlotQueryString,
        response: { 200: ZSlotsOut, 404: ZApiError, ...errorResponses },
      },
    },
    async (req) => {
      const found = await deps.slots.suggest(req.actor!, req.params.id, req.query);
      return { slots: found.slots, reasons: found.reasons };
    },
  );

  api.get(
    '/api/v1/cases/:id/slot-suggestions/explain',
    {
      schema: {
        summary: 'Why a date has no time for the same search, in words',
        tags,
        security,
        params: ZCaseParams,
        querystring: ZSlotQueryString.extend({ date: z.string().describe('The date to explain, YYYY-MM-DD') }),
        response: { 200: ZExplainOut, 404: ZApiError, ...errorResponses },
      },
    },
    async (req) => {
      const { date, ...query } = req.query;
      const found = await deps.slots.suggest(req.actor!, req.params.id, query, { explainDate: date });
      return found.explained ?? { date, reasons: [] };
    },
  );
}
