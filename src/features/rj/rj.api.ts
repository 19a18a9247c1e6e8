// The API twins under /api/v1/cases/{id}/rj: the RJ summary (hold, participants, gates), the offence category, a
// senior decision, suitability, risk assessments and their sign-off, custody and the prison-visit checklist, and
// letters with their vetting. A letter's recipient copy is the only form of its text meant for the other party.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '#src/deps.ts';
import { errorResponses, ZApiError } from '#src/http/api-schemas.ts';
import { ZAssessment, ZChecklistStep, ZCustody, ZOffence, ZSeniorDecision, ZSuitability, ZVictimsCode, ZCourt } from './rj.schemas.ts';
import { ZLetter, ZReview, ZRevision } from './letters/letters.schemas.ts';
import { ZRjPolicy } from './rj-policy.ts';
import { ZLetterOut, ZSummary } from './rj.api-schemas.ts';

const security = [{ bearer: [] }];
const tags = ['restorative justice'];
const ZCase = z.object({ id: z.string().uuid('Case ids are UUIDs') });
const ZAssessmentParams = ZCase.extend({ assessmentId: z.string().uuid('Assessment ids are UUIDs') });
const ZPartyParams = ZCase.extend({ partyId: z.string().uuid('Party ids are UUIDs') });
const ZLetterParams = ZCase.extend({ letterId: z.string().uuid('Letter ids are UUIDs') });

export function registerRjApi(app: FastifyInstance, deps: Pick<Deps, 'rj'>) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { rj } = deps;
  const post = <S extends z.ZodType>(url: string, summary: string, params: z.ZodType, body: S | undefined, run: (req: never) => Promise<unknown>) =>
    api.post(
      url,
      {
        schema: {
          summary,
          tags,
          security,
          params,
          ...(body ? { body } : {}),
          response: { 200: z.record(z.string(), z.unknown()), 404: ZApiError, 409: ZApiError, ...errorResponses },
        },
      },
      async (req) => (await run(req as never)) as Record<string, unknown>,
    );

  api.get(
    '/api/v1/cases/:id/rj',
    {
      schema: {
        summary: 'A restorative justice case: the hold, each participant’s suitability, assessment and custody, and the contact gates',
        tags,
        security,
        params: ZCase,
        response: { 200: ZSummary, 404: ZApiError, ...errorResponses },
      },
    },
    async (req) => {
      const o = await rj.overview(req.actor!, req.params.id);
      return {
        category: o.category,
        victimsCode: o.victimsCode,
        court: o.court,
        hold: o.hold,
        direct: o.direct,
        indirect: o.indirect,
        participants: o.participants.map((p) => ({
          id: p.id,
          name: p.name,
          role: p.role,
          consent: p.consent,
          suitability: p.suitabilityOutcome,
          assessment: p.assessment && {
            id: p.assessment.id,
            version: p.assessment.version,
            rating: p.assessment.rating,
            decision: p.assessment.decision,
            assessedOn: p.assessment.assessedOn,
            currentUntil: p.assessment.currentUntil,
            signedOff: p.assessment.signedOffAt !== null,
          },
          custody: p.custody && {
            establishment: p.custody.establishment,
            prisonNumber: p.custody.prisonNumber,
            offenderManagerName: p.custody.offenderManagerName,
            stepsLeft: p.custody.stepsLeft,
          },
        })),
      };
    },
  );

  post(
    '/api/v1/cases/:id/rj/offence',
    'Record the kind of offence; a kind taken only when the person harmed asks may hold the case',
    ZCase,
    ZOffence,
    (req: { actor: never; params: { id: string }; body: never }) => rj.setOffence(req.actor, req.params.id, req.body),
  );
  post(
    '/api/v1/cases/:id/rj/court',
    'Pre-sentence RJ: the court that deferred sentence, the date it is deferred to, and when the report was sent',
    ZCase,
    ZCourt,
    (req: { actor: never; params: { id: string }; body: never }) => rj.recordCourt(req.actor, req.params.id, req.body),
  );
  post(
    '/api/v1/cases/:id/rj/victims-code',
    'Record whether the service is the person harmed’s first contact (Victims’ Code), enhanced rights and when the information was given',
    ZCase,
    ZVictimsCode,
    (req: { actor: never; params: { id: string }; body: never }) => rj.setVictimsCode(req.actor, req.params.id, req.body),
  );
  post(
    '/api/v1/cases/:id/rj/senior-decision',
    'A supervisor’s decision on a held case',
    ZCase,
    ZSeniorDecision,
    (req: { actor: never; params: { id: string }; body: never }) => rj.seniorDecision(req.actor, req.params.id, req.body),
  );
  post(
    '/api/v1/cases/:id/rj/suitability',
    'Record a participant’s suitability (acknowledges the facts, accepts responsibility, willing)',
    ZCase,
    ZSuitability,
    (req: { actor: never; params: { id: string }; body: never }) => rj.recordSuitability(req.actor, req.params.id, req.body),
  );
  post(
    '/api/v1/cases/:id/rj/assessments',
    'Record a new version of a participant’s risk assessment',
    ZCase,
    ZAssessment,
    (req: { actor: never; params: { id: string }; body: never }) => rj.recordAssessment(req.actor, req.params.id, req.body),
  );
  post(
    '/api/v1/cases/:id/rj/assessments/:assessmentId/sign-off',
    'Sign off a risk assessment (supervisors and admins)',
    ZAssessmentParams,
    undefined,
    (req: { actor: never; params: { id: string; assessmentId: string } }) => rj.signOff(req.actor, req.params.id, req.params.assessmentId),
  );
  post(
    '/api/v1/cases/:id/rj/custody/:partyId',
    'Record a participant’s custody: establishment, prison number, offender manager',
    ZPartyParams,
    ZCustody,
    (req: { actor: never; params: { id: string; partyId: string }; body: never }) => rj.recordCustody(req.actor, req.params.id, req.params.partyId, req.body),
  );
  post(
    '/api/v1/cases/:id/rj/custody/:partyId/checklist',
    'Tick or untick a step of the prison-visit checklist',
    ZPartyParams,
    ZChecklistStep,
    (req: { actor: never; params: { id: string; partyId: string }; body: never }) => rj.checklistStep(req.actor, req.params.id, req.params.partyId, req.body),
  );

  api.get(
    '/api/v1/cases/:id/rj/letters',
    {
      schema: {
        summary: 'The case’s letters, each with its vetting and the recipient’s copy',
        tags,
        security,
        params: ZCase,
        response: { 200: z.object({ letters: z.array(ZLetterOut) }), 404: ZApiError, ...errorResponses },
      },
    },
    async (req) => ({
      letters: (await rj.letters.list(req.actor!, req.params.id)).map((l) => ({
        id: l.id,
        fromPartyId: l.fromPartyId,
        toPartyId: l.toPartyId,
        form: l.form,
        version: l.version,
        status: l.status,
        body: l.body,
        recipientCopy: l.recipientCopy,
        reviews: l.reviews.map((r) => ({ version: r.version, reviewer: r.reviewerLabel, decision: r.decision, note: r.note, at: r.at.toISOString() })),
        passedAt: l.passedAt?.toISOString() ?? null,
      })),
    }),
  );
  post(
    '/api/v1/cases/:id/rj/letters',
    'A letter typed by or for a party, waiting for both facilitators to vet it',
    ZCase,
    ZLetter,
    (req: { actor: never; params: { id: string }; body: never }) => rj.letters.write(req.actor, req.params.id, req.body),
  );
  post(
    '/api/v1/cases/:id/rj/letters/:letterId/revise',
    'Revise a letter the facilitators asked changes to',
    ZLetterParams,
    ZRevision,
    (req: { actor: never; params: { id: string; letterId: string }; body: never }) =>
      rj.letters.revise(req.actor, req.params.id, req.params.letterId, req.body),
  );
  post(
    '/api/v1/cases/:id/rj/letters/:letterId/reviews',
    'A facilitator vets a letter: approve, ask for changes (with a note) or withhold (with a reason)',
    ZLetterParams,
    ZReview,
    (req: { actor: never; params: { id: string; letterId: string }; body: never }) =>
      rj.letters.review(req.actor, req.params.id, req.params.letterId, req.body),
  );
  post(
    '/api/v1/cases/:id/rj/letters/:letterId/pass',
    'Pass an approved letter on to the other party',
    ZLetterParams,
    undefined,
    (req: { actor: never; params: { id: string; letterId: string } }) => rj.letters.pass(req.actor, req.params.id, req.params.letterId),
  );
  api.get(
    '/api/v1/cases/:id/rj/letters/:letterId/copy',
    {
      schema: {
        summary: 'The recipient’s copy of a letter, to print or send: no address, contact details or redacted text',
        tags,
        security,
        params: ZLetterParams,
        response: {
          200: z.object({
            id: z.string(),
            status: z.string(),
            fromName: z.string(),
            toName: z.string(),
            form: z.string(),
            text: z.string(),
            passedAt: z.string().nullable(),
          }),
          404: ZApiError,
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const c = await rj.letters.copy(req.actor!, req.params.id, req.params.letterId);
      return { ...c, passedAt: c.passedAt?.toISOString() ?? null };
    },
  );

  api.get(
    '/api/v1/rj/policy',
    {
      schema: {
        summary:
          'The service’s restorative justice policy: offence categories needing extra care or taken only from the person harmed, how long an assessment stays current, the prison-visit checklist',
        tags,
        security,
        response: { 200: ZRjPolicy, ...errorResponses },
      },
    },
    async (req) => rj.policy(req.actor!),
  );
  api.put(
    '/api/v1/rj/policy',
    {
      schema: {
        summary: 'Change the service’s restorative justice policy (admins)',
        tags,
        security,
        body: ZRjPolicy,
        response: { 200: ZRjPolicy, ...errorResponses },
      },
    },
    async (req) => rj.savePolicy(req.actor!, req.body),
  );
}
