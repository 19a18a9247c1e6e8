// Follow-up: the schedule made when a case enters follow-up (or when its agreement is signed), a task for the case
// team at each point, parties' check-ins by personal link or entered by staff, and "request another joint meeting"
// when an agreement is not being kept. Published to other features: startFollowUp and the lifecycle hooks.
import type { Db } from '#src/db/client.ts';
import { inOrg } from '#src/db/tenant.ts';
import { AppError } from '#src/lib/app-error.ts';
import type { Clock } from '#src/lib/clock.ts';
import { newId } from '#src/lib/ids.ts';
import { msg, translator } from '#src/i18n/i18n.ts';
import { enqueue } from '#src/jobs/queue.ts';
import type { Audit } from '#src/features/audit/audit.service.ts';
import type { Actor, OrgActor } from '#src/access/actor.ts';
import { authorise } from '#src/access/permissions.ts';
import type { CaseActivityService } from '#src/features/cases/case-activity.service.ts';
import { CONSENTING_ROLES } from '#src/domain/case-words.ts';
import type { CaseMove, CaseService } from '#src/features/cases/cases.service.ts';
import type { MeetingService } from '#src/features/meetings/records/meetings.service.ts';
import { LINK_REFUSAL_TEXT } from '../party-links.ts';
import { useLink } from '../party-links.repo.ts';
import type { PartyCheckIn, StaffCheckIn } from './check-in.schemas.ts';
import { type CheckInTerm, orderedAnswers, refuseUnknownTerms } from './term-answers.ts';
import { followUpPolicyOf, openLink, sendDueLinks, serviceOf } from '../party-link-mail.ts';
import { followUpLinksJob } from './follow-up-links.job.ts';
import { signedAgreementOf } from '#src/features/agreements/agreement-facts.ts';
import { followUpSchedule, weeksFor } from '#src/features/settings/follow-up-policy.ts';
import { findPoint, insertCheckIn, insertPoints, listCheckIns, listPoints, setCheckInRequest } from './follow-up.repo.ts';

const t = translator('en');
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export type ClosingDeps = {
  db: Db;
  clock: Clock;
  audit: Audit;
  cases: CaseService;
  caseActivity: CaseActivityService;
  meetings: MeetingService;
  baseUrl: string;
};

export function createFollowUpService(deps: ClosingDeps) {
  const { db, clock, audit, cases } = deps;

  const service = serviceOf;

  /**
   * Published: makes the case's follow-up schedule from the start date (the agreement's signing when the agreements
   * feature calls it; otherwise the day the case entered follow-up), with a task for the case team at each point and a
   * job that sends the parties their check-in links when each point falls due. Does nothing when a schedule exists.
   * The check-ins ask about the terms of the signed agreement as it stands when they are answered (termsOf).
   */
  async function startFollowUp(tx: Db, actor: OrgActor, caseId: string, opts: { signedAt?: Date; terms?: { id: string; text: string }[] } = {}) {
    const existing = await listPoints(tx, actor.orgId, caseId);
    if (existing.length) return { points: existing.length, created: false };
    const c = await cases.caseIn(tx, actor.orgId, caseId);
    const policy = await followUpPolicyOf(tx, actor.orgId);
    const startOn = isoDay(opts.signedAt ?? clock.now());
    const plan = followUpSchedule(weeksFor(policy, c.caseKind), startOn);
    const now = clock.now();
    const rows = plan.map((p) => ({ id: newId(), orgId: actor.orgId, caseId, seq: p.seq, weeks: p.weeks, startOn, dueOn: p.dueOn, createdAt: now }));
    await insertPoints(tx, rows);
    for (const p of rows) {
      await deps.caseActivity.addTaskIn(tx, actor, caseId, {
        title: t('Follow-up check-in ({weeks} weeks after the agreement): contact each party', { weeks: p.weeks }),
        dueOn: p.dueOn,
        assigneeId: c.coordinatorId ?? undefined,
      });
      await enqueue(tx, followUpLinksJob, { orgId: actor.orgId, caseId }, { orgId: actor.orgId, runAt: new Date(`${p.dueOn}T09:00:00Z`) });
    }
    await audit.record(tx, actor, actor.orgId, {
      action: 'follow_up.scheduled',
      entityType: 'case',
      entityId: caseId,
      detail: { points: rows.length, startOn },
    });
    return { points: rows.length, created: true };
  }

  async function saveCheckIn(
    tx: Db,
    actor: Actor,
    orgId: string,
    input: PartyCheckIn & { caseId: string; pointId: string; partyId: string; partyName: string; source: string },
  ) {
    const terms = await termsOf(tx, orgId, input.caseId);
    refuseUnknownTerms(input.answers, terms);
    const id = newId();
    const now = clock.now();
    await insertCheckIn(
      tx,
      {
        id,
        orgId,
        caseId: input.caseId,
        pointId: input.pointId,
        partyId: input.partyId,
        source: input.source,
        answeredAt: now,
        recordedBy: actor.label ?? null,
      },
      input.answers.map((a) => ({ id: newId(), termId: a.termId ?? null, answer: a.answer, note: a.note || null })),
    );
    let requestId: string | null = null;
    if (input.wantsMeeting && input.answers.some((a) => a.answer === 'not_kept' || a.answer === 'partly')) {
      const request = await deps.meetings.requests.createForParty(tx, actor, {
        orgId,
        caseId: input.caseId,
        partyId: input.partyId,
        partyName: input.partyName,
        reason: t('At the follow-up check-in, {name} said the agreement is not being kept and asked for another joint meeting.', { name: input.partyName }),
      });
      requestId = request.id;
      await setCheckInRequest(tx, orgId, id, request.id);
    }
    await audit.record(tx, actor, orgId, {
      action: 'check_in.recorded',
      entityType: 'check_in',
      entityId: id,
      detail: { caseId: input.caseId, source: input.source },
    });
    return { id, requestId };
  }

  /** The terms a check-in asks about: those of the case's signed agreement (none when nothing is signed). */
  async function termsOf(tx: Db, orgId: string, caseId: string): Promise<CheckInTerm[]> {
    return (await signedAgreementOf(tx, orgId, caseId))?.terms ?? [];
  }

  return {
    startFollowUp,

    /** The lifecycle hooks: the close gate's facts, and making the schedule when a case enters follow-up. */
    hooks: {
      followUpFacts: async (tx: Db, orgId: string, caseId: string) => {
        const points = await listPoints(tx, orgId, caseId);
        if (!points.length) return undefined;
        const last = points[points.length - 1]!;
        const answered = (await listCheckIns(tx, orgId, caseId)).some((c) => c.pointId === last.id);
        return { points: points.length, lastAnswered: answered };
      },
      afterTransition: async (tx: Db, actor: OrgActor, move: CaseMove) => {
        // From the agreement's signing when there is a signed agreement; otherwise from today.
        if (move.to === 'follow_up') await startFollowUp(tx, actor, move.caseId, await signedAgreementOf(tx, actor.orgId, move.caseId));
      },
    },

    /** The case's schedule and check-ins, for the case team and coordinators. Audited. */
    async ofCase(actor: OrgActor, caseId: string) {
      authorise(actor, 'cases.view');
      return inOrg(db, actor.orgId, async (tx) => {
        const c = await cases.caseFor(tx, actor, caseId, 'view');
        const points = await listPoints(tx, actor.orgId, caseId);
        const checkIns = await listCheckIns(tx, actor.orgId, caseId);
        const parties = await cases.partiesIn(tx, actor.orgId, caseId);
        const terms = await termsOf(tx, actor.orgId, caseId);
        await audit.record(tx, actor, actor.orgId, { action: 'follow_up.viewed', entityType: 'case', entityId: caseId });
        return {
          case: { id: c.id, reference: c.reference, status: c.status, caseType: c.caseType, caseKind: c.caseKind },
          parties: parties.filter((p) => CONSENTING_ROLES.includes(p.role)).map((p) => ({ id: p.id, name: p.name })),
          terms,
          points,
          checkIns: checkIns.map((ci) => ({
            ...ci,
            partyName: parties.find((p) => p.id === ci.partyId)?.name ?? null,
            answers: orderedAnswers(ci.answers, terms).map((a) => ({ ...a, term: a.termId ? (terms.find((x) => x.id === a.termId)?.text ?? null) : null })),
          })),
        };
      });
    },

    /** Staff enter a check-in from a call, a visit or paper. */
    async recordCheckIn(actor: OrgActor, caseId: string, input: StaffCheckIn) {
      return inOrg(db, actor.orgId, async (tx) => {
        await cases.caseFor(tx, actor, caseId, 'work');
        const point = await findPoint(tx, actor.orgId, input.pointId);
        if (!point || point.caseId !== caseId)
          throw new AppError('UNPROCESSABLE', msg('Choose a follow-up point on this case'), {
            reason: 'NO_SUCH_POINT',
            fields: { pointId: msg('Choose a follow-up point on this case') },
          });
        const party = (await cases.partiesIn(tx, actor.orgId, caseId)).find((p) => p.id === input.partyId);
        if (!party)
          throw new AppError('UNPROCESSABLE', msg('Choose a person on this case'), {
            reason: 'NO_SUCH_PARTY',
            fields: { partyId: msg('Choose a person on this case') },
          });
        return saveCheckIn(tx, actor, actor.orgId, { ...input, caseId, partyName: party.name });
      });
    },

    /** Staff send the links for points that are due now (the job does this on the day). */
    async sendLinksNow(actor: OrgActor, caseId: string) {
      return inOrg(db, actor.orgId, async (tx) => {
        await cases.caseFor(tx, actor, caseId, 'work');
        const tokens = await sendDueLinks(tx, deps, actor.orgId, caseId);
        await audit.record(tx, actor, actor.orgId, { action: 'follow_up.links_sent', entityType: 'case', entityId: caseId, detail: { count: tokens.length } });
        return { sent: tokens.length };
      });
    },

    /** The party's check-in page: what is asked. Opening it is audited; the link is not used up until answered. */
    async linkQuestions(token: unknown, who: Actor) {
      const link = await openLink(db, token, 'check_in', clock.now());
      return inOrg(db, link.orgId, async (tx) => {
        const svc = await service(tx, link.orgId);
        await audit.record(tx, who, link.orgId, { action: 'check_in_link.opened', entityType: 'party_link', entityId: link.id });
        return { service: svc, terms: await termsOf(tx, link.orgId, link.caseId) };
      });
    },

    /** The party answers by link: once. */
    async answerByLink(token: unknown, who: Actor, input: PartyCheckIn) {
      const link = await openLink(db, token, 'check_in', clock.now());
      return inOrg(db, link.orgId, async (tx) => {
        if (!(await useLink(tx, link.orgId, link.id, clock.now()))) throw new AppError('CONFLICT', LINK_REFUSAL_TEXT.USED, { reason: 'LINK_USED' });
        const party = (await cases.partiesIn(tx, link.orgId, link.caseId)).find((p) => p.id === link.partyId);
        const point = link.pointId ?? (await listPoints(tx, link.orgId, link.caseId)).at(-1)?.id;
        if (!party || !point) throw new AppError('NOT_FOUND', LINK_REFUSAL_TEXT.NOT_FOUND, { reason: 'LINK_NOT_FOUND' });
        const svc = await service(tx, link.orgId);
        const saved = await saveCheckIn(tx, { ...who, label: party.name }, link.orgId, {
          ...input,
          caseId: link.caseId,
          pointId: point,
          partyId: party.id,
          partyName: party.name,
          source: 'link',
        });
        return { ...saved, service: svc };
      });
    },
  };
}
export type FollowUpService = ReturnType<typeof createFollowUpService>;
