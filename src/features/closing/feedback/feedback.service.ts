// Feedback at closing: each party gets a short survey by link when the case closes (or staff enter it from paper or a
// call); "may we quote you?" makes a testimonial for review. Staff see only the aggregate, never answers by person.
import type { Db } from '#src/db/client.ts';
import { inOrg } from '#src/db/tenant.ts';
import { AppError } from '#src/lib/app-error.ts';
import { newId } from '#src/lib/ids.ts';
import { msg } from '#src/i18n/i18n.ts';
import type { Actor, OrgActor } from '#src/access/actor.ts';
import { authorise } from '#src/access/permissions.ts';
import { CONSENTING_ROLES } from '#src/domain/case-words.ts';
import type { CaseMove } from '#src/features/cases/cases.service.ts';
import { LINK_REFUSAL_TEXT } from '../party-links.ts';
import { useLink } from '../party-links.repo.ts';
import { followUpPolicyOf, openLink, sendPartyLink, serviceOf } from '../party-link-mail.ts';
import type { ClosingDeps } from '../follow-up/follow-up.service.ts';
import { insertTestimonial } from '../testimonials/testimonials.repo.ts';
import { aggregateFeedback, insertFeedback } from './feedback.repo.ts';
import { caseTypeChoices, ensureCaseTypeChoice } from '#src/features/referrals/case-type-choices.ts';
import type { FeedbackInput, FeedbackQuery, StaffFeedbackInput } from './feedback.schemas.ts';

/** Rates over fewer responses than this are not shown: with so few, a rate could tell what one person said. */
export const SMALLEST_SHOWN = 3;
const pct = (n: number, of: number) => (of >= SMALLEST_SHOWN ? Math.round((1000 * n) / of) / 10 : null);
const mean = (sum: number, of: number) => (of >= SMALLEST_SHOWN ? Math.round((100 * sum) / of) / 100 : null);

export function createFeedbackService(deps: ClosingDeps) {
  const { db, clock, audit, cases } = deps;

  async function save(
    tx: Db,
    actor: Actor,
    orgId: string,
    c: { id: string; caseType: string; caseKind: string },
    partyId: string,
    source: string,
    input: FeedbackInput,
  ) {
    const rj = c.caseKind === 'restorative_justice';
    const id = newId();
    const now = clock.now();
    await insertFeedback(tx, {
      id,
      orgId,
      caseId: c.id,
      caseType: c.caseType,
      partyId,
      source,
      satisfaction: input.satisfaction,
      feltHeard: input.feltHeard,
      wouldRecommend: input.wouldRecommend,
      whatHelped: input.whatHelped || null,
      copeBefore: rj ? (input.copeBefore ?? null) : null,
      copeAfter: rj ? (input.copeAfter ?? null) : null,
      mayQuote: input.mayQuote,
      submittedAt: now,
      recordedBy: actor.type === 'anonymous' ? null : (actor.label ?? null),
    });
    if (input.mayQuote && input.whatHelped?.trim())
      await insertTestimonial(tx, {
        id: newId(),
        orgId,
        feedbackId: id,
        caseType: c.caseType,
        originalText: input.whatHelped,
        text: input.whatHelped,
        createdAt: now,
      });
    await audit.record(tx, actor, orgId, { action: 'feedback.recorded', entityType: 'feedback', entityId: id, detail: { caseId: c.id, source } });
    return { id };
  }

  /** When a case closes, each party taking part who has an email address gets a survey link. */
  async function sendSurveys(tx: Db, orgId: string, caseId: string) {
    const policy = await followUpPolicyOf(tx, orgId);
    const svc = await serviceOf(tx, orgId);
    const parties = (await cases.partiesIn(tx, orgId, caseId)).filter((p) => CONSENTING_ROLES.includes(p.role) && p.consent !== 'withdrawn');
    const tokens: string[] = [];
    for (const party of parties) {
      const token = await sendPartyLink(tx, {
        orgId,
        caseId,
        party,
        purpose: 'feedback',
        days: policy.linkDays,
        now: clock.now(),
        baseUrl: deps.baseUrl,
        serviceSlug: svc.slug,
        serviceName: svc.name,
      });
      if (token) tokens.push(token);
    }
    return tokens;
  }

  return {
    hooks: {
      afterTransition: async (tx: Db, actor: OrgActor, move: CaseMove) => {
        if (move.to === 'closed') await sendSurveys(tx, actor.orgId, move.caseId);
      },
    },

    /** The survey page: the service's name and whether to ask the cope-and-recover questions. Opening it is audited. */
    async linkSurvey(token: unknown, who: Actor) {
      const link = await openLink(db, token, 'feedback', clock.now());
      return inOrg(db, link.orgId, async (tx) => {
        const c = await cases.caseIn(tx, link.orgId, link.caseId);
        await audit.record(tx, who, link.orgId, { action: 'feedback_link.opened', entityType: 'party_link', entityId: link.id });
        return { service: await serviceOf(tx, link.orgId), askCope: c.caseKind === 'restorative_justice' };
      });
    },

    async answerByLink(token: unknown, who: Actor, input: FeedbackInput) {
      const link = await openLink(db, token, 'feedback', clock.now());
      return inOrg(db, link.orgId, async (tx) => {
        if (!(await useLink(tx, link.orgId, link.id, clock.now()))) throw new AppError('CONFLICT', LINK_REFUSAL_TEXT.USED, { reason: 'LINK_USED' });
        const c = await cases.caseIn(tx, link.orgId, link.caseId);
        const saved = await save(tx, who, link.orgId, c, link.partyId, 'link', input);
        return { ...saved, service: await serviceOf(tx, link.orgId) };
      });
    },

    /** Staff enter feedback from paper or a call. */
    async record(actor: OrgActor, caseId: string, input: StaffFeedbackInput) {
      return inOrg(db, actor.orgId, async (tx) => {
        await cases.caseFor(tx, actor, caseId, 'work');
        const c = await cases.caseIn(tx, actor.orgId, caseId);
        if (!(await cases.partiesIn(tx, actor.orgId, caseId)).some((p) => p.id === input.partyId))
          throw new AppError('UNPROCESSABLE', msg('Choose a person on this case'), {
            reason: 'NO_SUCH_PARTY',
            fields: { partyId: msg('Choose a person on this case') },
          });
        return save(tx, actor, actor.orgId, c, input.partyId, input.source, input);
      });
    },

    /** The case types the feedback filter offers, when the figures could not be read (a filter refused). */
    async caseTypeChoices(actor: OrgActor) {
      authorise(actor, 'feedback.view');
      return inOrg(db, actor.orgId, (tx) => caseTypeChoices(tx, actor.orgId));
    },

    /** The aggregate for staff: counts and rates per case type, in a date range. Audited. */
    async aggregate(actor: OrgActor, query: FeedbackQuery) {
      authorise(actor, 'feedback.view');
      if (query.from && query.to && query.from > query.to)
        throw new AppError('UNPROCESSABLE', msg('From must be on or before To'), {
          reason: 'VALIDATION_FAILED',
          fields: { to: msg('From must be on or before To') },
        });
      return inOrg(db, actor.orgId, async (tx) => {
        const choices = await caseTypeChoices(tx, actor.orgId);
        ensureCaseTypeChoice(query.caseType, choices);
        const rows = await aggregateFeedback(tx, {
          orgId: actor.orgId,
          caseType: query.caseType,
          from: query.from ? new Date(`${query.from}T00:00:00Z`) : undefined,
          to: query.to ? new Date(Date.parse(`${query.to}T00:00:00Z`) + 86_400_000) : undefined,
        });
        await audit.record(tx, actor, actor.orgId, {
          action: 'feedback.aggregate_viewed',
          entityType: 'organisation',
          entityId: actor.orgId,
          detail: { ...query },
        });
        const byCaseType = rows
          .map((r) => ({
            caseType: r.caseType,
            responses: Number(r.responses),
            meanSatisfaction: mean(r.satisfactionSum, Number(r.responses)),
            feltHeardPercent: pct(r.feltHeard, Number(r.responses)),
            wouldRecommendPercent: pct(r.wouldRecommend, Number(r.responses)),
            copeRated: r.copeRated,
            meanCopeBefore: mean(r.copeBeforeSum, r.copeRated),
            meanCopeAfter: mean(r.copeAfterSum, r.copeRated),
          }))
          .sort((a, b) => a.caseType.localeCompare(b.caseType));
        const total = byCaseType.reduce((n, r) => n + r.responses, 0);
        const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((n, r) => n + f(r), 0);
        return {
          filter: query,
          /** The service's case types the filter offers (offered now or on a case), with their names. */
          choices,
          responses: total,
          meanSatisfaction: mean(
            sum((r) => r.satisfactionSum),
            total,
          ),
          feltHeardPercent: pct(
            sum((r) => r.feltHeard),
            total,
          ),
          wouldRecommendPercent: pct(
            sum((r) => r.wouldRecommend),
            total,
          ),
          byCaseType,
        };
      });
    },
  };
}
export type FeedbackService = ReturnType<typeof createFeedbackService>;
