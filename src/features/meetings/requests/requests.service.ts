// Requests for a further meeting, from a party, the referrer or a mediator: recorded on the case (the case team and
// coordinators, or the referrer's own API key for a case that came from their referral) and worked from the
// coordinators' queue, where each is booked (from the booking form) or declined with a reason.
import { msg } from '#src/i18n/i18n.ts';
import type { Db } from '#src/db/client.ts';
import { inOrg } from '#src/db/tenant.ts';
import type { Actor, OrgActor } from '#src/access/actor.ts';
import { authorise } from '#src/access/permissions.ts';
import { type CaseRow, listParties } from '#src/features/cases/case-reads.ts';
import { insertEvent } from '#src/features/cases/case-timeline.ts';
import { AppError, notFound } from '#src/lib/app-error.ts';
import { newId } from '#src/lib/ids.ts';
import { kindInWords } from '../meeting-text.ts';
import type { MeetingDeps } from '../records/meetings.service.ts';
import { findRequest, insertRequest, listRequests, listRequestsOfCase, resolveRequest } from './requests.repo.ts';
import { subjectOf } from '#src/access/subjects.ts';
import type { DeclineInput, MeetingRequestInput } from './requests.schemas.ts';

/** A referrer's API key (src/access's `referrer` subject): it sees only the cases its own referrals became. */
const isReferrerKey = (actor: OrgActor) => subjectOf(actor).kind === 'referrer';
const by = (actor: OrgActor) => actor.label ?? actor.id;
/** Who made a request: a person's name, or for an API key its id, so a key finds exactly its own requests again. */
const maker = (actor: OrgActor) => (isReferrerKey(actor) ? `api-key:${actor.id}` : by(actor));

/** The referrer's name as the referral gave it, if it did. */
function referrerName(c: CaseRow): string | undefined {
  const referrer = (c.details as { referrer?: { name?: unknown } } | null)?.referrer;
  return typeof referrer?.name === 'string' && referrer.name.trim() ? referrer.name : undefined;
}

export function createRequestService({ db, clock, audit, cases }: MeetingDeps) {
  /** The case, for the case team and coordinators, or for the API key whose referral it came from (404 otherwise: src/access). */
  async function caseFor(tx: Db, actor: OrgActor, caseId: string, need: 'view' | 'work'): Promise<CaseRow> {
    if (!isReferrerKey(actor)) authorise(actor, 'cases.view');
    return cases.caseFor(tx, actor, caseId, need);
  }

  return {
    /**
     * A party asks for another joint meeting from their own link (features/closing: a check-in saying the agreement is
     * not being kept), in the caller's transaction; the link has proved who they are. On the timeline and audited.
     */
    async createForParty(tx: Db, actor: Actor, input: { orgId: string; caseId: string; partyId: string; partyName: string; reason: string }) {
      const id = newId();
      const now = clock.now();
      await insertRequest(tx, {
        id,
        orgId: input.orgId,
        caseId: input.caseId,
        requestedBy: 'party',
        partyId: input.partyId,
        requesterName: input.partyName,
        kind: 'joint',
        reason: input.reason,
        preferredTimes: null,
        status: 'open',
        createdAt: now,
        createdBy: actor.label ?? 'party link',
      });
      await insertEvent(tx, {
        orgId: input.orgId,
        caseId: input.caseId,
        at: now,
        actorId: null,
        actorLabel: actor.label ?? null,
        partyId: input.partyId,
        kind: 'meeting',
        summary: `${input.partyName} asked for a further meeting (joint meeting)`,
        body: input.reason,
        data: { requestId: id, requestedBy: 'party' },
      });
      await audit.record(tx, actor, input.orgId, {
        action: 'meeting_request.created',
        entityType: 'meeting_request',
        entityId: id,
        detail: { caseId: input.caseId, requestedBy: 'party' },
      });
      return { id, status: 'open' as const };
    },

    /** What the request form offers: the case's people and the referrer's name. */
    async requestForm(actor: OrgActor, caseId: string) {
      return inOrg(db, actor.orgId, async (tx) => {
        const c = await caseFor(tx, actor, caseId, 'work');
        const parties = (await listParties(tx, actor.orgId, caseId)).map((p) => ({ id: p.id, name: p.name, role: p.role }));
        return { case: { id: c.id, reference: c.reference }, parties, referrerName: referrerName(c) };
      });
    },

    async create(actor: OrgActor, caseId: string, input: MeetingRequestInput) {
      return inOrg(db, actor.orgId, async (tx) => {
        const c = await caseFor(tx, actor, caseId, 'work');
        const requestedBy = isReferrerKey(actor) ? 'referrer' : input.requestedBy;
        if (!requestedBy)
          throw new AppError('UNPROCESSABLE', msg('Choose who asked for the meeting'), {
            reason: 'VALIDATION_FAILED',
            fields: { requestedBy: 'Choose who asked for the meeting' },
          });
        const party = requestedBy === 'party' ? (await listParties(tx, actor.orgId, caseId)).find((p) => p.id === input.partyId) : undefined;
        if (requestedBy === 'party' && !party)
          throw new AppError('UNPROCESSABLE', msg('Choose a person on this case'), {
            reason: 'VALIDATION_FAILED',
            fields: { partyId: 'Choose a person on this case' },
          });
        const requesterName =
          party?.name ??
          (input.requesterName ||
            (requestedBy === 'referrer'
              ? (referrerName(c) ?? (isReferrerKey(actor) ? by(actor) : 'The referrer'))
              : actor.type === 'user'
                ? by(actor)
                : 'A mediator'));
        const id = newId();
        const now = clock.now();
        await insertRequest(tx, {
          id,
          orgId: actor.orgId,
          caseId,
          requestedBy,
          partyId: party?.id ?? null,
          requesterName,
          kind: input.kind,
          reason: input.reason,
          preferredTimes: input.preferredTimes || null,
          status: 'open',
          createdAt: now,
          createdBy: maker(actor),
        });
        await insertEvent(tx, {
          orgId: actor.orgId,
          caseId,
          at: now,
          actorId: actor.id,
          actorLabel: actor.label ?? null,
          partyId: party?.id ?? null,
          kind: 'meeting',
          summary: `${requesterName} asked for a further meeting (${kindInWords(input.kind).toLowerCase()})`,
          body: [input.reason, input.preferredTimes ? `Preferred times: ${input.preferredTimes}` : ''].filter(Boolean).join('\n\n'),
          data: { requestId: id, requestedBy },
        });
        await audit.record(tx, actor, actor.orgId, {
          action: 'meeting_request.created',
          entityType: 'meeting_request',
          entityId: id,
          detail: { caseId, requestedBy },
        });
        return { id, status: 'open' as const };
      });
    },

    /** One case's requests, newest first. A referrer's key sees only the requests it made, without staff's decision notes. Audited. */
    async ofCase(actor: OrgActor, caseId: string) {
      return inOrg(db, actor.orgId, async (tx) => {
        await caseFor(tx, actor, caseId, 'view');
        const all = await listRequestsOfCase(tx, actor.orgId, caseId);
        const shown = isReferrerKey(actor)
          ? all.filter((r) => r.requestedBy === 'referrer' && r.createdBy === maker(actor)).map((r) => ({ ...r, resolution: null }))
          : all;
        await audit.record(tx, actor, actor.orgId, {
          action: 'meeting_request.case_list_viewed',
          entityType: 'case',
          entityId: caseId,
          detail: { count: shown.length },
        });
        return shown;
      });
    },

    /** The service's requests of one status, oldest first: the coordinators' queue. */
    async queue(actor: OrgActor, status: 'open' | 'booked' | 'declined' = 'open') {
      authorise(actor, 'meetings.book');
      return inOrg(db, actor.orgId, async (tx) => {
        const rows = await listRequests(tx, actor.orgId, status);
        await audit.record(tx, actor, actor.orgId, {
          action: 'meeting_request.queue_viewed',
          entityType: 'organisation',
          entityId: actor.orgId,
          detail: { status, count: rows.length },
        });
        return rows;
      });
    },

    /** One request, for the people who book meetings. */
    async get(actor: OrgActor, requestId: string) {
      authorise(actor, 'meetings.book');
      const found = await inOrg(db, actor.orgId, (tx) => findRequest(tx, actor.orgId, requestId));
      if (!found) throw notFound(msg('That request was not found'));
      return found;
    },

    async decline(actor: OrgActor, requestId: string, input: DeclineInput) {
      authorise(actor, 'meetings.book');
      return inOrg(db, actor.orgId, async (tx) => {
        const r = await findRequest(tx, actor.orgId, requestId);
        if (!r) throw notFound(msg('That request was not found'));
        const now = clock.now();
        const done = await resolveRequest(tx, actor.orgId, r.id, {
          status: 'declined',
          resolution: input.reason,
          meetingId: null,
          resolvedAt: now,
          resolvedBy: by(actor),
        });
        if (!done)
          throw new AppError('CONFLICT', msg('This request has already been booked or declined'), {
            reason: 'REQUEST_SETTLED',
            fields: { reason: 'This request has already been settled' },
          });
        await insertEvent(tx, {
          orgId: actor.orgId,
          caseId: r.caseId,
          at: now,
          actorId: actor.id,
          actorLabel: actor.label ?? null,
          kind: 'meeting',
          summary: `Request for a further meeting from ${r.requesterName} declined`,
          body: input.reason,
          data: { requestId: r.id },
        });
        await audit.record(tx, actor, actor.orgId, {
          action: 'meeting_request.declined',
          entityType: 'meeting_request',
          entityId: r.id,
          detail: { caseId: r.caseId },
        });
        return { id: r.id, status: 'declined' as const };
      });
    },
  };
}
