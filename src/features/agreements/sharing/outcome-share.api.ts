// The API twin of sharing the outcome with the referrer: each party's answer, recording one, and sending.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '#src/deps.ts';
import { errorResponses, ZApiError } from '#src/http/api-schemas.ts';
import { ZCaseParams } from '../agreements.schemas.ts';
import { ZShareConsent } from './outcome-share.schemas.ts';

const security = [{ bearer: [] }];
const tags = ['agreements'];
const config = { permission: 'cases.view' as const };
const refusals = { 404: ZApiError, 409: ZApiError, ...errorResponses };

const ZSharingOut = z.object({
  outcome: z.string().nullable(),
  referrer: z.object({ name: z.string().nullable(), organisation: z.string().nullable(), hasEmail: z.boolean() }).nullable(),
  parties: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      consents: z.boolean().nullable().describe('Null when not asked yet'),
      decidedOn: z.string().nullable(),
      recordedBy: z.string().nullable(),
      recordedAt: z.string().nullable(),
    }),
  ),
  missing: z.array(z.string()).describe('The parties who have not agreed: the outcome can be sent when this is empty'),
});

export function registerOutcomeShareApi(app: FastifyInstance, deps: Pick<Deps, 'agreements'>) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const d = deps.agreements.sharing;

  api.get(
    '/api/v1/cases/:id/outcome/sharing',
    {
      config,
      schema: {
        summary: 'Whether each party agreed to the outcome going to the referrer, and whose agreement is missing',
        tags,
        security,
        params: ZCaseParams,
        response: { 200: ZSharingOut, ...refusals },
      },
    },
    async (req) => {
      const v = await d.view(req.actor!, req.params.id);
      return { ...v, parties: v.parties.map((p) => ({ ...p, recordedAt: p.recordedAt?.toISOString() ?? null })) };
    },
  );

  api.post(
    '/api/v1/cases/:id/outcome/sharing/consents',
    {
      config,
      schema: {
        summary: 'Record a party’s answer to sharing the outcome with the referrer (replaces an earlier answer)',
        tags,
        security,
        params: ZCaseParams,
        body: ZShareConsent,
        response: { 200: ZShareConsent, ...refusals },
      },
    },
    async (req) => d.recordConsent(req.actor!, req.params.id, req.body),
  );

  api.post(
    '/api/v1/cases/:id/outcome/sharing/send',
    {
      config,
      schema: {
        summary:
          'Email the outcome to the referrer: 409 with the reason when the outcome is not recorded, there is no referrer’s address, or a party has not agreed',
        tags,
        security,
        params: ZCaseParams,
        response: { 200: z.object({ sent: z.literal(true), at: z.string() }), ...refusals },
      },
    },
    async (req) => {
      const r = await d.sendToReferrer(req.actor!, req.params.id);
      return { sent: r.sent, at: r.at.toISOString() };
    },
  );
}
