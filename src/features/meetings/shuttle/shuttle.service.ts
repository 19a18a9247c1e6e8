// The shuttle log of a shuttle session: what each party said, with their permission to pass it on, and what was
// passed to whom and when. Only the case team and coordinators read or write it; every read is audited. What any
// viewer sees goes through shuttle-rules.ts, so a statement not to be passed on never reaches the other side.
import { msg } from '#src/i18n/i18n.ts';
import type { Db } from '#src/db/client.ts';
import { inOrg } from '#src/db/tenant.ts';
import type { OrgActor } from '#src/access/actor.ts';
import { authorise } from '#src/access/permissions.ts';
import { listParties } from '#src/features/cases/case-reads.ts';
import type { Viewer } from '#src/access/policies/party.policy.ts';
import { AppError, notFound } from '#src/lib/app-error.ts';
import { newId } from '#src/lib/ids.ts';
import { meetingEvent } from '../records/meeting-events.ts';
import type { LoadMeeting, MeetingDeps } from '../records/meetings.service.ts';
import type { ConveyInput, StatementInput } from './shuttle.schemas.ts';
import { findStatement, insertConveyance, insertStatement, listConveyances, listStatements } from './shuttle.repo.ts';
import { mayConvey, shareableText, shuttleViewFor } from './shuttle-rules.ts';

const PERMISSION_WORDS: Record<string, string> = {
  no: 'not to be passed on',
  yes: 'may be passed on',
  yes_in_words: 'may be passed on in the agreed words only',
};

export function createShuttleService({ db, clock, audit, loadMeeting }: MeetingDeps & { loadMeeting: LoadMeeting }) {
  const by = (actor: OrgActor) => actor.label ?? actor.id;

  /** A shuttle session of the case and the case's people, for the team and coordinators. */
  async function loadSession(tx: Db, actor: OrgActor, caseId: string, meetingId: string) {
    authorise(actor, 'cases.view');
    const { m } = await loadMeeting(tx, actor, caseId, meetingId, 'work');
    if (m.kind !== 'shuttle') throw new AppError('NOT_FOUND', msg('A shuttle log is kept only for shuttle sessions'), { reason: 'NOT_A_SHUTTLE_SESSION' });
    const parties = (await listParties(tx, actor.orgId, caseId)).map((p) => ({ id: p.id, name: p.name, role: p.role }));
    return { m, parties };
  }

  const writable = (m: { status: string }) => {
    if (m.status === 'cancelled' || m.status === 'no_show')
      throw new AppError('CONFLICT', msg('This shuttle session did not take place, so nothing can be logged against it'), { reason: 'MEETING_NOT_HELD' });
  };

  return {
    /** The log as staff see it, or (forPartyId) only what that party may see: the letter and the export use this. */
    async log(actor: OrgActor, caseId: string, meetingId: string, forPartyId?: string) {
      return inOrg(db, actor.orgId, async (tx) => {
        const { m, parties } = await loadSession(tx, actor, caseId, meetingId);
        const forParty = forPartyId ? parties.find((p) => p.id === forPartyId) : undefined;
        if (forPartyId && !forParty) throw notFound(msg('That person on this case was not found'));
        const viewer: Viewer = forParty ? { kind: 'party', partyId: forParty.id } : { kind: 'staff' };
        const view = shuttleViewFor(viewer, await listStatements(tx, actor.orgId, caseId, m.id), await listConveyances(tx, actor.orgId, caseId, m.id));
        await audit.record(tx, actor, actor.orgId, {
          action: forParty ? 'shuttle.party_view' : 'shuttle.viewed',
          entityType: 'meeting',
          entityId: m.id,
          detail: { caseId, forPartyId: forParty?.id ?? null },
        });
        return { meeting: m, parties, forParty, view };
      });
    },

    /** What a party said, with their permission to pass it on (and in what words). */
    async recordStatement(actor: OrgActor, caseId: string, meetingId: string, input: StatementInput) {
      return inOrg(db, actor.orgId, async (tx) => {
        const { m, parties } = await loadSession(tx, actor, caseId, meetingId);
        writable(m);
        const from = parties.find((p) => p.id === input.partyId);
        if (!from)
          throw new AppError('UNPROCESSABLE', msg('Choose a person on this case'), {
            reason: 'VALIDATION_FAILED',
            fields: { partyId: 'Choose a person on this case' },
          });
        const id = newId();
        const now = clock.now();
        const row = {
          id,
          orgId: actor.orgId,
          caseId,
          meetingId: m.id,
          fromPartyId: from.id,
          statement: input.statement,
          permission: input.permission,
          shareableWords: input.permission === 'yes_in_words' ? (input.words ?? null) : null,
          recordedAt: now,
          recordedBy: by(actor),
        };
        await insertStatement(tx, row);
        // Private to the speaker's side; the text of a statement not to be passed on never goes on the timeline.
        await meetingEvent(tx, actor, now, m, {
          kind: 'shuttle',
          visibility: 'party',
          partyId: from.id,
          summary: `Statement recorded from ${from.name} (${PERMISSION_WORDS[input.permission]})`,
          body: shareableText(row),
          data: { statementId: id, permission: input.permission },
        });
        await audit.record(tx, actor, actor.orgId, {
          action: 'shuttle.statement_recorded',
          entityType: 'meeting',
          entityId: m.id,
          detail: { caseId, statementId: id, fromPartyId: from.id, permission: input.permission },
        });
        return { id, permission: input.permission };
      });
    },

    /** Passes a permitted statement to another party: exactly the statement, or only the agreed words. */
    async convey(actor: OrgActor, caseId: string, meetingId: string, statementId: string, input: ConveyInput) {
      return inOrg(db, actor.orgId, async (tx) => {
        const { m, parties } = await loadSession(tx, actor, caseId, meetingId);
        writable(m);
        const statement = await findStatement(tx, actor.orgId, caseId, m.id, statementId);
        if (!statement) throw notFound(msg('That statement was not found'));
        const to = parties.find((p) => p.id === input.toPartyId);
        if (!to)
          throw new AppError('UNPROCESSABLE', msg('Choose a person on this case'), {
            reason: 'VALIDATION_FAILED',
            fields: { toPartyId: 'Choose a person on this case' },
          });
        const decision = mayConvey(statement, to.id);
        const conveyed = shareableText(statement);
        if (!decision.allowed || conveyed === null)
          throw new AppError('UNPROCESSABLE', decision.reasons.join('. '), {
            reason: 'NOT_TO_BE_PASSED_ON',
            fields: { toPartyId: decision.reasons.join('. ') },
          });
        const from = parties.find((p) => p.id === statement.fromPartyId);
        const id = newId();
        const now = clock.now();
        await insertConveyance(tx, {
          id,
          orgId: actor.orgId,
          caseId,
          statementId: statement.id,
          toPartyId: to.id,
          conveyed,
          conveyedAt: now,
          conveyedBy: by(actor),
        });
        await meetingEvent(tx, actor, now, m, {
          kind: 'shuttle',
          visibility: 'party',
          partyId: to.id,
          summary: `Passed on to ${to.name}${from ? ` from ${from.name}` : ''}`,
          body: conveyed,
          data: { statementId: statement.id, conveyanceId: id },
        });
        await audit.record(tx, actor, actor.orgId, {
          action: 'shuttle.conveyed',
          entityType: 'meeting',
          entityId: m.id,
          detail: { caseId, statementId: statement.id, toPartyId: to.id },
        });
        return { id, statementId: statement.id, toPartyId: to.id, conveyed, conveyedAt: now };
      });
    },
  };
}
