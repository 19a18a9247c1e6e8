// People's requests about their data: subject access, erasure and rectification, each with its due date (one
// calendar month, on a working day; three when extended with a reason), and its outcome: what was done, or why it
// was refused (for erasure, the lawful reason). Admins and coordinators; every view and change audited.
import type { OrgActor } from '#src/access/actor.ts';
import { authorise } from '#src/access/permissions.ts';
import type { Db } from '#src/db/client.ts';
import { inOrg } from '#src/db/tenant.ts';
import { londonParts } from '#src/domain/meeting-times.ts';
import { msg } from '#src/i18n/i18n.ts';
import { AppError, invalid, notFound } from '#src/lib/app-error.ts';
import type { Clock } from '#src/lib/clock.ts';
import type { Audit } from '#src/features/audit/audit.service.ts';
import { findPeople } from '#src/features/cases/case-erasure.ts';
import { listCaseTypes } from '#src/features/orgs/org-records.ts';
import { daysLeft, requestDueOn } from './request-rules.ts';
import { findRequest, insertRequest, listRequests, type RequestChanges, type RequestRow, updateRequest } from './requests.repo.ts';
import type { NewRequest, RequestUpdate } from './requests.schemas.ts';

export type RequestService = ReturnType<typeof createRequestService>;

export function createRequestService({ db, clock, audit }: { db: Db; clock: Clock; audit: Audit }) {
  const today = () => londonParts(clock.now()).date;
  const withClock = (r: RequestRow) => ({ ...r, daysLeft: r.status === 'open' ? daysLeft(today(), r.dueOn) : null });

  async function load(tx: Db, actor: OrgActor, id: string) {
    const row = await findRequest(tx, actor.orgId, id);
    if (!row) throw notFound(msg('That request was not found'));
    return row;
  }

  /** The people found and the service's case types, for their names (the request page). */
  async function findPersonWithTypes(actor: OrgActor, q: string) {
    authorise(actor, 'dataprotection.view');
    return inOrg(db, actor.orgId, async (tx) => {
      const rows = await findPeople(tx, actor.orgId, q.trim());
      // The search words are personal data: the audit notes that a search was made and how many it found, never them.
      await audit.record(tx, actor, actor.orgId, {
        action: 'data_subject.searched',
        entityType: 'organisation',
        entityId: actor.orgId,
        detail: { found: rows.length },
      });
      return { rows, types: await listCaseTypes(tx, actor.orgId) };
    });
  }

  return {
    async list(actor: OrgActor) {
      authorise(actor, 'dataprotection.view');
      return inOrg(db, actor.orgId, async (tx) => {
        const rows = await listRequests(tx, actor.orgId);
        await audit.record(tx, actor, actor.orgId, { action: 'data_requests.viewed', entityType: 'organisation', entityId: actor.orgId });
        return rows.map(withClock);
      });
    },

    async get(actor: OrgActor, id: string) {
      authorise(actor, 'dataprotection.view');
      return inOrg(db, actor.orgId, async (tx) => {
        const row = await load(tx, actor, id);
        await audit.record(tx, actor, actor.orgId, { action: 'data_request.viewed', entityType: 'data_request', entityId: id });
        return withClock(row);
      });
    },

    async record(actor: OrgActor, input: NewRequest) {
      authorise(actor, 'dataprotection.view');
      const startsOn = input.startsOn ?? input.receivedOn;
      if (input.receivedOn > today()) throw invalid({ receivedOn: msg('The date received must not be in the future') });
      if (startsOn < input.receivedOn) throw invalid({ startsOn: msg('The month cannot run from before the request was received') });
      return inOrg(db, actor.orgId, async (tx) => {
        const now = clock.now();
        const made = await insertRequest(tx, {
          orgId: actor.orgId,
          kind: input.kind,
          requesterName: input.requesterName,
          requesterContact: input.requesterContact || null,
          receivedOn: input.receivedOn,
          startsOn,
          dueOn: requestDueOn(startsOn),
          recordedBy: actor.label ?? actor.id,
          createdAt: now,
          updatedAt: now,
        });
        await audit.record(tx, actor, actor.orgId, {
          action: 'data_request.recorded',
          entityType: 'data_request',
          entityId: made.id,
          detail: { kind: input.kind },
        });
        return made;
      });
    },

    /** Finds the person a request is about across the service's cases, by name, email, phone or postcode. */
    async findPerson(actor: OrgActor, q: string) {
      return (await findPersonWithTypes(actor, q)).rows;
    },

    findPersonWithTypes,

    /** Extends (once, with the reason to tell the person), completes or refuses an open request. */
    async update(actor: OrgActor, id: string, input: RequestUpdate) {
      authorise(actor, 'dataprotection.view');
      return inOrg(db, actor.orgId, async (tx) => {
        const row = await load(tx, actor, id);
        if (row.status !== 'open') throw new AppError('CONFLICT', msg('That request has already been answered'), { reason: 'REQUEST_CLOSED' });
        const changes: RequestChanges = { updatedAt: clock.now() };
        if (input.action === 'extend') {
          if (row.extensionReason) throw invalid({ reason: msg('The request has already been extended: it can be extended once, by two months') });
          changes.extensionReason = input.reason;
          changes.dueOn = requestDueOn(row.startsOn, true);
        } else {
          if (input.action === 'refuse' && row.kind === 'erasure' && !input.refusalReason)
            throw invalid({ refusalReason: msg('Choose the lawful reason for refusing') });
          changes.status = input.action === 'complete' ? 'completed' : 'refused';
          changes.outcome = input.outcome;
          changes.refusalReason = input.action === 'refuse' ? (input.refusalReason ?? null) : null;
          changes.closedOn = today();
        }
        await updateRequest(tx, actor.orgId, id, changes);
        await audit.record(tx, actor, actor.orgId, { action: `data_request.${input.action}`, entityType: 'data_request', entityId: id });
        return withClock({ ...row, ...changes } as RequestRow);
      });
    },
  };
}
