// The public API of a service, no sign-in: coverage, enquiries, self-referrals, volunteer applications.
import { msg } from '#src/i18n/i18n.ts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '#src/deps.ts';
import { AppError } from '#src/lib/app-error.ts';
import { ZApiError } from '#src/http/api-schemas.ts';
import { ZEnquiry, ZSelfReferral, ZVolunteerApplication } from '#src/features/referrals/referrals.schemas.ts';

const tags = ['public'];
const ZService = z.object({ service: z.string().min(1).max(40) });
const publicLimit = { rateLimit: { max: 20, timeWindow: '1 minute' } };
const errors = { 404: ZApiError, 422: ZApiError, 429: ZApiError };
const anonymous = (req: { ip: string; id: string }) => ({ type: 'anonymous' as const, ip: req.ip, requestId: req.id });

export function registerPublicApi(app: FastifyInstance, deps: Pick<Deps, 'publicIntake' | 'referrals' | 'settings'>) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/public/:service/coverage',
    {
      config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        summary: 'Does the service cover this postcode? 422 for text that is not a postcode',
        tags,
        params: ZService,
        querystring: z.object({ postcode: z.string().max(20) }),
        response: {
          200: z.object({
            covered: z.boolean(),
            result: z
              .enum(['covered', 'not_covered', 'not_set_up'])
              .describe('not_set_up: the service has not finished setting up its coverage check, so it cannot tell (never “not covered”)'),
            postcode: z.string(),
            localAuthority: z.string().nullable(),
            message: z.string(),
          }),
          ...errors,
        },
      },
    },
    async (req) => {
      const service = await deps.settings.publicService(req.params.service);
      const coverage = await deps.publicIntake.checkCoverage(service.settings, req.query.postcode);
      if (coverage.result === 'not_recognised')
        throw new AppError('UNPROCESSABLE', msg('That is not a UK postcode. A postcode looks like CT1 2AB or ME14 1XX.'), {
          reason: 'POSTCODE_NOT_RECOGNISED',
          fields: { postcode: 'Enter a real postcode, like CT1 2AB' },
        });
      const covered = coverage.result === 'covered';
      if (coverage.result === 'not_set_up')
        return {
          covered,
          result: coverage.result,
          postcode: coverage.postcode,
          localAuthority: null,
          message: `${service.name} has not finished setting up its coverage check, so it cannot tell yet whether it covers ${coverage.postcode}. Contact them to ask.`,
        };
      return {
        covered,
        result: coverage.result,
        postcode: coverage.postcode,
        localAuthority: coverage.localAuthority,
        message: covered
          ? `${service.name} covers ${coverage.postcode}.`
          : service.settings.signposting || `${service.name} does not cover ${coverage.postcode}.`,
      };
    },
  );

  api.post(
    '/api/v1/public/:service/enquiries',
    {
      config: publicLimit,
      schema: {
        summary: 'Send an enquiry, with an appointment request',
        tags,
        params: ZService,
        body: ZEnquiry,
        response: { 201: z.object({ received: z.literal(true), reference: z.string().describe('The enquiry’s reference, like HDM-E-2026-0007') }), ...errors },
      },
    },
    async (req, reply) => {
      const service = await deps.settings.publicService(req.params.service);
      const { reference } = await deps.publicIntake.createEnquiry(service.id, req.body, anonymous(req));
      return reply.status(201).send({ received: true as const, reference });
    },
  );

  api.post(
    '/api/v1/public/:service/referrals',
    {
      config: publicLimit,
      schema: { summary: 'Refer yourself', tags, params: ZService, body: ZSelfReferral, response: { 201: z.object({ reference: z.string() }), ...errors } },
    },
    async (req, reply) => {
      const service = await deps.settings.publicService(req.params.service);
      const { reference } = await deps.referrals.createFromPublic(service.id, req.body, anonymous(req));
      return reply.status(201).send({ reference });
    },
  );

  api.post(
    '/api/v1/public/:service/volunteer-applications',
    {
      config: publicLimit,
      schema: {
        summary: 'Apply to volunteer',
        tags,
        params: ZService,
        body: ZVolunteerApplication,
        response: { 201: z.object({ received: z.literal(true) }), ...errors },
      },
    },
    async (req, reply) => {
      const service = await deps.settings.publicService(req.params.service);
      await deps.publicIntake.createVolunteerApplication(service.id, req.body, anonymous(req));
      return reply.status(201).send({ received: true as const });
    },
  );
}
