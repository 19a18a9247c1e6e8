// The calendar feed's API twin: coordinators turn off a volunteer's calendar link (the link itself is made only by
// the volunteer, on their own page, because it is shown once).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '#src/deps.ts';
import { errorResponses, ZApiError } from '#src/http/api-schemas.ts';

export function registerFeedApi(app: FastifyInstance, deps: Pick<Deps, 'calendarFeeds'>) {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/v1/volunteers/:volunteerId/calendar-feed/revoke',
    {
      schema: {
        summary: 'Turn off a volunteer’s private calendar feed link; calendars using it get 404 from then on',
        tags: ['volunteers'],
        security: [{ bearer: [] }],
        params: z.object({ volunteerId: z.string().uuid('Volunteer ids are UUIDs') }),
        response: { 200: z.object({ revoked: z.boolean().describe('false when there was no link in use') }), 404: ZApiError, ...errorResponses },
      },
    },
    async (req) => deps.calendarFeeds.revokeFor(req.actor!, req.params.volunteerId),
  );
}
