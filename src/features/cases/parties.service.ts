// The people on a case after triage: adding someone, correcting their role, name, contact details, safe-contact
// instructions and needs, and removing someone entered in error. Each change goes on the timeline and the audit trail
// (the audit names the fields changed, never what was typed). A changed address reaches their letters still to post.
import { msg, wordedLower } from '#src/i18n/i18n.ts';
import type { Db } from '#src/db/client.ts';
import { inOrg } from '#src/db/tenant.ts';
import { AppError, inEnglish, invalidWith } from '#src/lib/app-error.ts';
import type { Clock } from '#src/lib/clock.ts';
import { newId } from '#src/lib/ids.ts';
import { normEmail, normName, normPhone, normPostcode } from '#src/lib/normalise.ts';
import type { Audit } from '#src/features/audit/audit.service.ts';
import type { OrgActor } from '#src/access/actor.ts';
import { partyInMeetings } from '#src/features/cases/case-sessions.repo.ts';
import { addressLines } from '#src/features/email/letter-words.ts';
import { readdressLetters, withdrawLettersTo } from '#src/features/email/outbox.ts';
import { CASE_TYPE_LABELS, type CaseType, PARTY_ROLE_LABELS, type PartyRole, rolesFor } from '#src/domain/case-words.ts';
import { may, orRefuse } from '#src/access/access.ts';
import { deleteParty, insertParties, listParties, type NewParty, type PartyRow, updateParty } from './cases.repo.ts';
import { partyHasSafeguarding } from './safeguarding.repo.ts';
import type { PartyFieldsInput } from './cases.schemas.ts';
import type { CaseService } from './cases.service.ts';
import { insertEvent, listIntakes } from './timeline.repo.ts';

const FIELD_WORDS: Record<string, string> = {
  name: 'name',
  role: 'role',
  email: 'email',
  phone: 'phone',
  address: 'address',
  postcode: 'postcode',
  safeContact: 'safe-contact instructions',
  canLeaveMessages: 'whether messages can be left',
  canSendLetters: 'whether letters can be sent',
  needs: 'needs',
  preferredLanguage: 'preferred language',
};

/** The role, if it is one offered for this kind of case; otherwise 422 naming the roles that are. */
function checkRole(caseKind: string, role: PartyRole) {
  const offered = rolesFor(caseKind);
  if (!offered.includes(role)) {
    const kind = CASE_TYPE_LABELS[caseKind as CaseType] ?? caseKind;
    throw invalidWith({
      role: {
        text: msg('Choose a role used in {kind}: {roles}'),
        // i18n-dynamic: PARTY_ROLE_LABELS holds msg() values
        params: { kind: wordedLower(kind), roles: (t) => offered.map((r) => t(PARTY_ROLE_LABELS[r]).toLowerCase()).join(', ') },
      },
    });
  }
}

/** What the form or API gave, as party columns (blank answers clear a detail), with the search keys kept in step. */
function columns(input: Partial<PartyFieldsInput>): Partial<NewParty> {
  const out: Partial<NewParty> = {};
  const blankToNull = (v: string | undefined) => (v === undefined ? undefined : v.trim() || null);
  if (input.name !== undefined) Object.assign(out, { name: input.name, nameNorm: normName(input.name) });
  if (input.role !== undefined) out.role = input.role;
  if (input.email !== undefined) Object.assign(out, { email: blankToNull(input.email), emailNorm: normEmail(input.email) });
  if (input.phone !== undefined) Object.assign(out, { phone: blankToNull(input.phone), phoneNorm: normPhone(input.phone) });
  if (input.address !== undefined) out.address = blankToNull(input.address);
  if (input.postcode !== undefined) Object.assign(out, { postcode: blankToNull(input.postcode), postcodeNorm: normPostcode(input.postcode) });
  if (input.safeContact !== undefined) out.safeContact = blankToNull(input.safeContact);
  if (input.canLeaveMessages !== undefined) out.canLeaveMessages = input.canLeaveMessages;
  if (input.canSendLetters !== undefined) out.canSendLetters = input.canSendLetters;
  if (input.needs !== undefined) out.needs = blankToNull(input.needs);
  if (input.preferredLanguage !== undefined) out.preferredLanguage = input.preferredLanguage;
  return out;
}

/** The fields whose value actually changes. */
function changedFields(before: PartyRow, after: Partial<NewParty>): string[] {
  return Object.keys(FIELD_WORDS).filter((k) => k in after && (after as Record<string, unknown>)[k] !== (before as Record<string, unknown>)[k]);
}

export function createPartyService(deps: { db: Db; clock: Clock; audit: Audit; cases: CaseService }) {
  const { db, clock, audit } = deps;

  async function openForManage(tx: Db, actor: OrgActor, caseId: string) {
    const c = await deps.cases.caseFor(tx, actor, caseId, 'view');
    orRefuse(may(actor, 'case', 'change_parties'));
    return c;
  }
  async function findParty(tx: Db, actor: OrgActor, caseId: string, partyId: string) {
    const party = (await listParties(tx, actor.orgId, caseId)).find((p) => p.id === partyId);
    if (!party) throw new AppError('NOT_FOUND', msg('That person is not on this case'), { reason: 'NO_SUCH_PARTY' });
    return party;
  }
  const event = (actor: OrgActor, caseId: string, partyId: string | null) => ({
    orgId: actor.orgId,
    caseId,
    partyId,
    at: clock.now(),
    actorId: actor.id,
    actorLabel: actor.label ?? null,
    kind: 'party' as const,
  });

  return {
    async add(actor: OrgActor, caseId: string, input: PartyFieldsInput) {
      return inOrg(db, actor.orgId, async (tx) => {
        const c = await openForManage(tx, actor, caseId);
        checkRole(c.caseKind, input.role);
        const id = newId();
        const now = clock.now();
        await insertParties(tx, [
          { id, orgId: actor.orgId, caseId, ...columns(input), name: input.name, role: input.role, nameNorm: normName(input.name), createdAt: now },
        ]);
        await insertEvent(tx, {
          ...event(actor, caseId, id),
          summary: `${input.name} added to the case as ${PARTY_ROLE_LABELS[input.role].toLowerCase()}`,
          body: input.reason || null,
          data: { partyId: id, role: input.role },
        });
        await audit.record(tx, actor, actor.orgId, { action: 'party.added', entityType: 'party', entityId: id, detail: { caseId, role: input.role } });
        return { id };
      });
    },

    async edit(actor: OrgActor, caseId: string, partyId: string, input: Partial<PartyFieldsInput>) {
      return inOrg(db, actor.orgId, async (tx) => {
        const c = await openForManage(tx, actor, caseId);
        const before = await findParty(tx, actor, caseId, partyId);
        if (input.role !== undefined && input.role !== before.role) checkRole(c.caseKind, input.role);
        const values = columns(input);
        const changed = changedFields(before, values);
        if (!changed.length) return { id: partyId, changed, lettersWithdrawn: 0 };
        await updateParty(tx, actor.orgId, caseId, partyId, values);
        // Their letters still to post go to the address as it now is: one waiting for an address can now be posted.
        if (changed.includes('address') || changed.includes('postcode'))
          await readdressLetters(
            tx,
            actor.orgId,
            partyId,
            addressLines('address' in values ? values.address : before.address, 'postcode' in values ? values.postcode : before.postcode),
          );
        // "Never post anything to them": nothing still to post goes to them.
        const lettersWithdrawn = changed.includes('canSendLetters') && values.canSendLetters === false ? await withdrawLettersTo(tx, actor.orgId, partyId) : 0;
        const name = values.name ?? before.name;
        const roleChange = changed.includes('role')
          ? `role corrected from ${PARTY_ROLE_LABELS[before.role as PartyRole]?.toLowerCase() ?? before.role} to ${PARTY_ROLE_LABELS[values.role as PartyRole].toLowerCase()}`
          : null;
        const others = changed.filter((f) => f !== 'role').map((f) => FIELD_WORDS[f]);
        const withdrawnWords = lettersWithdrawn ? `${lettersWithdrawn} ${lettersWithdrawn === 1 ? 'letter' : 'letters'} still to post withdrawn` : null;
        const what = [roleChange, others.length ? `${others.join(', ')} changed` : null, withdrawnWords].filter(Boolean).join('; ');
        await insertEvent(tx, {
          ...event(actor, caseId, partyId),
          summary: `${name}: ${what}`,
          body: input.reason || null,
          data: { partyId, changed, ...(roleChange ? { roleFrom: before.role, roleTo: values.role } : {}), ...(lettersWithdrawn ? { lettersWithdrawn } : {}) },
        });
        await audit.record(tx, actor, actor.orgId, {
          action: 'party.changed',
          entityType: 'party',
          entityId: partyId,
          detail: { caseId, changed, ...(lettersWithdrawn ? { lettersWithdrawn } : {}) },
        });
        return { id: partyId, changed, lettersWithdrawn };
      });
    },

    /**
     * Someone entered in error. A person who has an intake record, a safeguarding record, meetings or records kept by
     * another feature (restorative justice) withdraws instead (their consent), keeping the record.
     */
    async remove(actor: OrgActor, caseId: string, partyId: string, input: { reason: string }) {
      return inOrg(db, actor.orgId, async (tx) => {
        await openForManage(tx, actor, caseId);
        const party = await findParty(tx, actor, caseId, partyId);
        const hasIntake = (await listIntakes(tx, actor.orgId, caseId)).some((i) => i.partyId === partyId);
        const hasSafeguarding = !hasIntake && (await partyHasSafeguarding(tx, actor.orgId, partyId));
        const hasRj = !hasIntake && !hasSafeguarding && (await deps.cases.partyHasRecordsElsewhere(tx, actor.orgId, partyId));
        if (hasIntake || hasSafeguarding || hasRj || (await partyInMeetings(tx, actor.orgId, partyId))) {
          const field = { text: msg('{name} cannot be removed: record that they withdrew their consent instead'), params: { name: party.name } };
          throw new AppError(
            'CONFLICT',
            msg(
              '{name} has {records, select, intake {an intake record} safeguarding {a safeguarding record} rj {restorative justice records (suitability, a risk assessment, custody details or letters)} other {meetings}} on this case, so cannot be removed: record that they withdrew their consent instead',
            ),
            {
              reason: 'PARTY_HAS_RECORDS',
              params: { name: party.name, records: hasIntake ? 'intake' : hasSafeguarding ? 'safeguarding' : hasRj ? 'rj' : 'meetings' },
              fields: { reason: inEnglish(field) },
              fieldParams: { reason: field },
            },
          );
        }
        await deleteParty(tx, actor.orgId, caseId, partyId);
        await insertEvent(tx, {
          ...event(actor, caseId, null),
          summary: `${party.name} removed from the case`,
          body: input.reason,
          data: { partyId, role: party.role },
        });
        await audit.record(tx, actor, actor.orgId, { action: 'party.removed', entityType: 'party', entityId: partyId, detail: { caseId, role: party.role } });
        return { id: partyId, removed: true as const };
      });
    },
  };
}
export type PartyService = ReturnType<typeof createPartyService>;
