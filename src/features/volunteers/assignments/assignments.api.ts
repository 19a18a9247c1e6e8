// The assignments API: pair suggestions for a case, assigning a pair (422 with the reasons when a rule is broken),
// the case's assignments, ending them, signing off a supervised case, and batch allocation (propose, confirm).
//
// A refused pair answers 422 with reason PAIR_NOT_ALLOWED; error.fields holds every broken rule as
// `reasons.0`, `reasons.1`, … (in order) and all of them joined on `mediatorIds`.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '#src/deps.ts';
import { errorResponses, ZApiError } from '#src/http/api-schemas.ts';
import {
  ZAssign,
  ZAssignmentOut,
  ZConfirmAllocations,
  ZConfirmOut,
  ZEndAssignment,
  ZPairSuggestionsOut,
  ZProposalsOut,
  ZSignOff,
} from './assignments.schemas.ts';

const ZCaseParams = z.object({ id: z.string().uuid('Case ids are UUIDs') });
const tags = ['assignments'];
const security = [{ bearer: [] }];
const problems = { 404: ZApiError, 409: ZApiError, ...errorResponses };

export function registerAssignmentApi(app: FastifyInstance, deps: Pick<Deps, 'allocation' | 'assignments'>) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/cases/:id/pair-suggestions',
    {
      schema: {
        summary: 'Ranked mediator pairs for the case with a score and the reasons in words, and every volunteer left out with why',
        tags,
        security,
        params: ZCaseParams,
        response: { 200: ZPairSuggestionsOut, ...problems },
      },
    },
    async (req) => {
      const { suggestions, excluded } = await deps.assignments.suggest(req.actor!, req.params.id);
      return { suggestions, excluded };
    },
  );

  api.post(
    '/api/v1/cases/:id/assignments',
    {
      schema: {
        summary:
          'Assign a pair (the current pair’s assignments end). 422 PAIR_NOT_ALLOWED with every broken rule in error.fields (reasons.0, reasons.1, …); an admin may override with overrideJustification',
        tags,
        security,
        params: ZCaseParams,
        body: ZAssign,
        response: {
          201: z.object({ caseId: z.string(), assignments: z.array(ZAssignmentOut), override: z.boolean(), brokenRules: z.array(z.string()) }),
          ...problems,
        },
      },
    },
    async (req, reply) => reply.status(201).send(await deps.assignments.assign(req.actor!, req.params.id, req.body)),
  );

  api.get(
    '/api/v1/cases/:id/assignments',
    {
      schema: {
        summary: 'Every assignment the case has had, the current pair (active) and ended ones',
        tags,
        security,
        params: ZCaseParams,
        response: { 200: z.object({ assignments: z.array(ZAssignmentOut) }), ...problems },
      },
    },
    async (req) => ({ assignments: await deps.assignments.list(req.actor!, req.params.id) }),
  );

  api.post(
    '/api/v1/cases/:id/assignments/end',
    {
      schema: {
        summary: 'End the current pair’s assignments, with the reason (the mediators lose access to the case)',
        tags,
        security,
        params: ZCaseParams,
        body: ZEndAssignment,
        response: { 200: z.object({ ended: z.number() }), ...problems },
      },
    },
    async (req) => deps.assignments.end(req.actor!, req.params.id, req.body),
  );

  api.post(
    '/api/v1/assignments/:assignmentId/sign-off',
    {
      schema: {
        summary: 'Sign off a trainee’s supervised case (their supervisor, an admin or a coordinator; once)',
        tags,
        security,
        params: z.object({ assignmentId: z.string().uuid('Assignment ids are UUIDs') }),
        body: ZSignOff,
        response: {
          200: z.object({
            id: z.string(),
            caseId: z.string(),
            volunteerId: z.string(),
            signedOffAt: z.string(),
            supervisedCasesSignedOff: z.number(),
            required: z.number(),
          }),
          ...problems,
        },
      },
    },
    async (req) => deps.assignments.signOff(req.actor!, req.params.assignmentId, req.body),
  );

  api.post(
    '/api/v1/allocations/proposals',
    {
      schema: {
        summary: 'Propose pairs for every unassigned case at once (intake or ready, nobody on it), under the pairing rules and capacities',
        tags,
        security,
        response: { 200: ZProposalsOut, ...problems },
      },
    },
    async (req) => deps.allocation.propose(req.actor!),
  );

  api.post(
    '/api/v1/allocations/confirm',
    {
      schema: {
        summary: 'Assign the chosen proposals; each pair is checked again and any that no longer pass are refused with the reasons',
        tags,
        security,
        body: ZConfirmAllocations,
        response: { 200: ZConfirmOut, ...problems },
      },
    },
    async (req) => deps.allocation.confirm(req.actor!, req.body),
  );
}
