// The case API: list and search, one case, transitions, consents, notes, contacts, intake records, tasks.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '#src/deps.ts';
import { errorResponses, ZApiError } from '#src/http/api-schemas.ts';
import { ZAddParty, ZCaseQuery, ZConsent, ZContact, ZEditParty, ZIntake, ZNote, ZRemoveParty, ZPathway, ZTask, ZTransition } from './cases.schemas.ts';
import { presentCase, ZCaseOut } from './cases.present.ts';

const ZCaseParams = z.object({ id: z.string().uuid('Case ids are UUIDs') });
const ZOk = z.object({ ok: z.literal(true) });
const tags = ['cases'];
const security = [{ bearer: [] }];

export function registerCaseApi(app: FastifyInstance, deps: Pick<Deps, 'caseActivity' | 'cases' | 'parties'>) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/cases',
    {
      schema: {
        summary: 'The case list: filter by status, type, coordinator, area; search by name, reference, postcode or phone',
        tags,
        security,
        querystring: ZCaseQuery,
        response: {
          200: z.object({
            cases: z.array(
              z.object({
                id: z.string(),
                reference: z.string(),
                caseType: z.string(),
                status: z.string(),
                urgent: z.boolean(),
                openedAt: z.string(),
                parties: z.array(z.string()),
              }),
            ),
            page: z.number(),
            hasMore: z.boolean(),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const result = await deps.cases.list(req.actor!, req.query);
      return {
        cases: result.rows.map((r) => ({
          id: r.id,
          reference: r.reference,
          caseType: r.caseType,
          status: r.status,
          urgent: r.urgent,
          openedAt: r.openedAt.toISOString(),
          parties: r.partyNames,
        })),
        page: result.page,
        hasMore: result.hasMore,
      };
    },
  );

  api.get(
    '/api/v1/cases/:id',
    {
      schema: {
        summary: 'One case with its parties, tasks, timeline and possible next steps',
        tags,
        security,
        params: ZCaseParams,
        response: { 200: ZCaseOut, 404: ZApiError, ...errorResponses },
      },
    },
    async (req) => presentCase(await deps.cases.get(req.actor!, req.params.id)),
  );

  api.post(
    '/api/v1/cases/:id/transitions',
    {
      schema: {
        summary: 'Move the case to another stage; 409 with the reasons in words when the lifecycle does not allow it',
        tags,
        security,
        params: ZCaseParams,
        body: ZTransition,
        response: { 200: z.object({ status: z.string() }), 409: ZApiError, ...errorResponses },
      },
    },
    async (req) => deps.cases.transition(req.actor!, req.params.id, req.body),
  );

  api.post(
    '/api/v1/cases/:id/pathway',
    {
      schema: {
        summary: 'Work the case as mediation, or as one-to-one conflict coaching when the other party will not take part (before its outcome)',
        tags,
        security,
        params: ZCaseParams,
        body: ZPathway,
        response: { 200: z.object({ pathway: z.string() }), 409: ZApiError, ...errorResponses },
      },
    },
    async (req) => deps.cases.setPathway(req.actor!, req.params.id, req.body),
  );

  api.post(
    '/api/v1/cases/:id/consents',
    {
      schema: {
        summary: 'Record a party giving or withdrawing consent',
        tags,
        security,
        params: ZCaseParams,
        body: ZConsent,
        response: {
          200: z.object({
            consent: z.string(),
            caseStatus: z.string(),
            goOnWith: z
              .array(z.string())
              .nullable()
              .describe('When one of three or more parties withdraws: the people still taking part; decide whether the case goes on with them'),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => deps.caseActivity.recordConsent(req.actor!, req.params.id, req.body),
  );

  const simple = [
    ['notes', 'Add a note (restricted, or a safeguarding disclosure, when marked)', ZNote, deps.caseActivity.addNote],
    ['contacts', 'Record a contact attempt with a party and its outcome', ZContact, deps.caseActivity.recordContact],
    ['intake', 'Save a party’s intake record (how they see it now, how they want it, their ideas)', ZIntake, deps.caseActivity.saveIntake],
  ] as const;
  for (const [path, summary, body, run] of simple) {
    api.post(
      `/api/v1/cases/:id/${path}`,
      { schema: { summary, tags, security, params: ZCaseParams, body, response: { 200: ZOk, ...errorResponses } } },
      async (req) => {
        await (run as (a: typeof req.actor, id: string, b: unknown) => Promise<unknown>)(req.actor, req.params.id, req.body);
        return { ok: true as const };
      },
    );
  }

  api.post(
    '/api/v1/cases/:id/tasks',
    {
      schema: {
        summary: 'Add a task with a due date',
        tags,
        security,
        params: ZCaseParams,
        body: ZTask,
        response: { 200: z.object({ id: z.string() }), ...errorResponses },
      },
    },
    async (req) => deps.caseActivity.addTask(req.actor!, req.params.id, req.body),
  );

  api.post(
    '/api/v1/cases/:id/tasks/:taskId/complete',
    {
      schema: {
        summary: 'Mark a task done',
        tags,
        security,
        params: ZCaseParams.extend({ taskId: z.string().uuid() }),
        response: { 200: ZOk, ...errorResponses },
      },
    },
    async (req) => {
      await deps.caseActivity.completeTask(req.actor!, req.params.id, req.params.taskId);
      return { ok: true as const };
    },
  );

  const ZPartyParams = ZCaseParams.extend({ partyId: z.string().uuid('Party ids are UUIDs') });

  api.post(
    '/api/v1/cases/:id/parties',
    {
      schema: {
        summary: 'Add a person to the case after triage (the role must be one used for the case type); on the timeline and audited',
        tags,
        security,
        params: ZCaseParams,
        body: ZAddParty,
        response: { 200: z.object({ id: z.string() }), ...errorResponses },
      },
    },
    async (req) => deps.parties.add(req.actor!, req.params.id, req.body),
  );

  api.patch(
    '/api/v1/cases/:id/parties/:partyId',
    {
      schema: {
        summary: 'Correct a person on the case: role, name, contact details, safe-contact instructions, needs (blank clears a detail)',
        tags,
        security,
        params: ZPartyParams,
        body: ZEditParty,
        response: {
          200: z.object({
            id: z.string(),
            changed: z.array(z.string()),
            lettersWithdrawn: z.number().int().describe('Letters still to post to them, withdrawn because they now ask for nothing to be posted'),
          }),
          404: ZApiError,
          ...errorResponses,
        },
      },
    },
    async (req) => deps.parties.edit(req.actor!, req.params.id, req.params.partyId, req.body),
  );

  api.delete(
    '/api/v1/cases/:id/parties/:partyId',
    {
      schema: {
        summary:
          'Remove a person entered in error, with a reason; 409 when they have an intake record, a safeguarding record, meetings or restorative justice records (record their withdrawal instead)',
        tags,
        security,
        params: ZPartyParams,
        body: ZRemoveParty,
        response: { 200: z.object({ id: z.string(), removed: z.literal(true) }), 404: ZApiError, 409: ZApiError, ...errorResponses },
      },
    },
    async (req) => deps.parties.remove(req.actor!, req.params.id, req.params.partyId, req.body),
  );
}
