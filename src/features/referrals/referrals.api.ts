// Referrals by API: professional referrals with an API key (role referrer), and triage for staff.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '#src/deps.ts';
import { authorise, can } from '#src/access/permissions.ts';
import { errorResponses, ZApiError } from '#src/http/api-schemas.ts';
import { ZDecision, ZProfessionalReferral } from './referrals.schemas.ts';

const tags = ['referrals'];
const security = [{ bearer: [] }];
const ZParams = z.object({ id: z.string().uuid('Referral ids are UUIDs') });
const ZReferralOut = z.object({
  id: z.string(),
  reference: z.string(),
  source: z.string(),
  status: z.string(),
  caseType: z.string(),
  urgent: z.boolean(),
  createdAt: z.string(),
  description: z.string(),
  parties: z.array(z.object({ name: z.string(), role: z.string() })),
  risks: z.array(z.string()),
  caseId: z.string().nullable(),
  decisionReason: z.string().nullable(),
});

type ReferralRow = Awaited<ReturnType<Deps['referrals']['get']>>['referral'];
const present = (r: ReferralRow): z.infer<typeof ZReferralOut> => ({
  id: r.id,
  reference: r.reference,
  source: r.source,
  status: r.status,
  caseType: r.caseType,
  urgent: r.urgent,
  createdAt: r.createdAt.toISOString(),
  description: r.description,
  parties: r.parties.map((p) => ({ name: p.name, role: p.role })),
  risks: r.risks,
  caseId: r.caseId,
  decisionReason: r.decisionReason,
});

export function registerReferralApi(app: FastifyInstance, deps: Pick<Deps, 'referrals'>) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/api/v1/referrals',
    {
      schema: {
        summary: 'A professional referral (API key with role referrer, or a coordinator)',
        tags,
        security,
        body: ZProfessionalReferral,
        response: { 201: z.object({ reference: z.string() }), ...errorResponses },
      },
    },
    async (req, reply) => {
      authorise(req.actor!, 'referrals.create');
      const { reference } = await deps.referrals.createFromProfessional(req.actor!.orgId, req.body, req.actor!);
      return reply.status(201).send({ reference });
    },
  );

  api.get(
    '/api/v1/referrals',
    {
      schema: {
        summary: 'The referrals queue, newest and urgent first; with a referrer’s key, only the referrals that key made',
        description:
          'Staff see every referral. An API key with the role referrer sees only the referrals it made, to follow their status ' +
          '(new, accepted, declined, signposted); for those, caseId and decisionReason are always null.',
        tags,
        security,
        querystring: z.object({ status: z.enum(['new', 'accepted', 'declined', 'signposted']).optional(), page: z.coerce.number().int().min(1).optional() }),
        response: { 200: z.object({ referrals: z.array(ZReferralOut), total: z.number() }), ...errorResponses },
      },
    },
    async (req) => {
      const actor = req.actor!;
      if (!can(actor.role, 'referrals.view') && can(actor.role, 'referrals.own')) {
        const { rows, total } = await deps.referrals.listOwn(actor, req.query);
        return { referrals: rows.map((r) => ({ ...present(r), caseId: null, decisionReason: null })), total };
      }
      const { rows, total } = await deps.referrals.list(actor, req.query);
      return { referrals: rows.map(present), total };
    },
  );

  api.get(
    '/api/v1/referrals/:id',
    {
      schema: {
        summary: 'One referral, with open referrals and cases that may be the same people',
        tags,
        security,
        params: ZParams,
        response: {
          200: ZReferralOut.extend({
            likelyDuplicates: z.object({
              referrals: z.array(z.object({ id: z.string(), reference: z.string() })),
              cases: z.array(z.object({ id: z.string(), reference: z.string() })),
            }),
          }),
          404: ZApiError,
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const { referral, duplicates } = await deps.referrals.get(req.actor!, req.params.id);
      return {
        ...present(referral),
        likelyDuplicates: {
          referrals: duplicates.referrals.map((d) => ({ id: d.id, reference: d.reference })),
          cases: duplicates.cases.map((d) => ({ id: d.id, reference: d.reference })),
        },
      };
    },
  );

  api.post(
    '/api/v1/referrals/:id/accept',
    {
      schema: {
        summary: 'Accept a referral: a case is opened with its people as parties',
        tags,
        security,
        params: ZParams,
        body: z.object({ coordinatorId: z.string().uuid().optional() }).optional(),
        response: { 200: z.object({ caseId: z.string(), reference: z.string() }), 409: ZApiError, ...errorResponses },
      },
    },
    async (req) => deps.referrals.accept(req.actor!, req.params.id, req.body ?? {}),
  );

  api.post(
    '/api/v1/referrals/:id/link',
    {
      schema: {
        summary: 'Link a referral to an open case it duplicates: new people join the case as parties',
        tags,
        security,
        params: ZParams,
        body: z.object({ caseId: z.string().uuid('Choose the case to link to') }),
        response: { 200: z.object({ caseId: z.string(), reference: z.string(), addedParties: z.number() }), 409: ZApiError, ...errorResponses },
      },
    },
    async (req) => deps.referrals.linkToCase(req.actor!, req.params.id, req.body.caseId),
  );

  for (const outcome of ['decline', 'signpost'] as const) {
    api.post(
      `/api/v1/referrals/:id/${outcome}`,
      {
        schema: {
          summary: outcome === 'decline' ? 'Decline a referral with a reason' : 'Signpost elsewhere with a reason',
          tags,
          security,
          params: ZParams,
          body: ZDecision,
          response: { 200: z.object({ status: z.string(), reference: z.string() }), 409: ZApiError, ...errorResponses },
        },
      },
      async (req) => deps.referrals.decline(req.actor!, req.params.id, req.body, outcome === 'decline' ? 'declined' : 'signposted'),
    );
  }
}
