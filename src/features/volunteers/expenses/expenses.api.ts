// The expenses API: a volunteer's claims (read, submit as JSON with an optional base64 receipt), the service's
// claims by status, and decisions. A mediator may use only their own volunteer id; nobody decides their own claim.
import { msg } from '#src/i18n/i18n.ts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '#src/deps.ts';
import { errorResponses, ZApiError } from '#src/http/api-schemas.ts';
import { AppError } from '#src/lib/app-error.ts';
import type { ClaimView } from './expenses.repo.ts';
import { ZClaimQuery, ZDecision, ZExpenseClaimApi } from './expenses.schemas.ts';
import type { ReceiptFile } from './expenses.service.ts';
import { RECEIPT_MAX_BYTES } from './expense-rules.ts';

const tags = ['expenses'];
const security = [{ bearer: [] }];
const ZVolunteerParams = z.object({ volunteerId: z.string().uuid('Volunteer ids are UUIDs') });
const ZClaimParams = z.object({ claimId: z.string().uuid('Claim ids are UUIDs') });

const ZClaimOut = z.object({
  id: z.string(),
  volunteerId: z.string(),
  volunteerName: z.string(),
  caseId: z.string().nullable(),
  caseReference: z.string().nullable(),
  kind: z.string(),
  on: z.string(),
  description: z.string(),
  miles: z.number().nullable(),
  amountPence: z.number(),
  status: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  createdAt: z.string(),
  hasReceipt: z.boolean(),
  receiptUrl: z.string().nullable().describe('Download with the same credentials; only the claimant and those who approve claims may'),
});

const presentClaim = (c: ClaimView): z.infer<typeof ZClaimOut> => ({
  id: c.id,
  volunteerId: c.volunteerId,
  volunteerName: c.volunteerName,
  caseId: c.caseId,
  caseReference: c.caseReference,
  kind: c.kind,
  on: c.on,
  description: c.description,
  miles: c.miles,
  amountPence: c.amountPence,
  status: c.status,
  decidedBy: c.decidedBy,
  decidedAt: c.decidedAt?.toISOString() ?? null,
  decisionNote: c.decisionNote,
  createdAt: c.createdAt.toISOString(),
  hasReceipt: Boolean(c.hasReceipt),
  receiptUrl: c.hasReceipt ? `/expenses/${c.id}/receipt` : null,
});

/** The base64 receipt as bytes; 422 when it is not base64 or too large. */
function receiptOf(r: { filename: string; base64: string } | undefined): ReceiptFile | undefined {
  if (!r) return undefined;
  const text = r.base64.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0)
    throw new AppError('UNPROCESSABLE', msg('The receipt is not valid base64'), {
      reason: 'VALIDATION_FAILED',
      fields: { 'receipt.base64': 'Send the file as base64' },
    });
  const bytes = Buffer.from(text, 'base64');
  return { filename: r.filename, bytes, truncated: bytes.length > RECEIPT_MAX_BYTES };
}

export function registerExpenseApi(app: FastifyInstance, deps: Pick<Deps, 'expenses'>) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/volunteers/:volunteerId/expenses',
    {
      schema: {
        summary: 'A volunteer’s expense claims, newest first',
        tags,
        security,
        params: ZVolunteerParams,
        response: { 200: z.object({ claims: z.array(ZClaimOut) }), 404: ZApiError, ...errorResponses },
      },
    },
    async (req) => ({ claims: (await deps.expenses.ofVolunteer(req.actor!, req.params.volunteerId)).claims.map(presentClaim) }),
  );

  api.post(
    '/api/v1/volunteers/:volunteerId/expenses',
    {
      // A 5 MB receipt is about 6.7 MB as base64.
      bodyLimit: 8 * 1024 * 1024,
      schema: {
        summary:
          'Claim expenses (volunteers are paid expenses only): mileage (miles × the service’s rate), travel or other (amountPence); a receipt (PDF, JPEG or PNG, at most 5 MB) is needed for travel and other over £10',
        tags,
        security,
        params: ZVolunteerParams,
        body: ZExpenseClaimApi,
        response: { 200: z.object({ id: z.string(), amountPence: z.number(), status: z.string() }), 404: ZApiError, ...errorResponses },
      },
    },
    async (req) => {
      const { receipt, ...claim } = req.body;
      return deps.expenses.submitFor(req.actor!, req.params.volunteerId, claim, receiptOf(receipt));
    },
  );

  api.get(
    '/api/v1/expenses',
    {
      schema: {
        summary: 'The service’s expense claims, oldest first; filter by status (default: all)',
        tags,
        security,
        querystring: ZClaimQuery,
        response: { 200: z.object({ claims: z.array(ZClaimOut) }), ...errorResponses },
      },
    },
    async (req) => ({ claims: (await deps.expenses.queue(req.actor!, req.query.status)).claims.map(presentClaim) }),
  );

  api.post(
    '/api/v1/expenses/:claimId/decision',
    {
      schema: {
        summary: 'Approve or reject a submitted claim (a note is needed to reject), or mark an approved claim paid; nobody decides their own claim',
        tags,
        security,
        params: ZClaimParams,
        body: ZDecision,
        response: { 200: z.object({ id: z.string(), status: z.string() }), 404: ZApiError, 409: ZApiError, ...errorResponses },
      },
    },
    async (req) => deps.expenses.decide(req.actor!, req.params.claimId, req.body),
  );
}
