// Mediator pairs on one case: who is on it, suggestions with their reasons, assigning (a pair that breaks a rule
// is refused with the reasons, or assigned by an admin with a recorded justification), ending an assignment and
// signing off a supervised case. Every change goes on the case timeline and the audit trail.
import { msg, type Translate } from '#src/i18n/i18n.ts';
import type { Db } from '#src/db/client.ts';
import { inOrg } from '#src/db/tenant.ts';
import { AppError, invalid, notFound } from '#src/lib/app-error.ts';
import type { Clock } from '#src/lib/clock.ts';
import { isUuid } from '#src/lib/ids.ts';
import type { Audit } from '#src/features/audit/audit.service.ts';
import type { OrgActor } from '#src/access/actor.ts';
import { authorise } from '#src/access/permissions.ts';
import { ENDED_STATUSES, type CaseStatus } from '#src/domain/case-words.ts';
import type { CaseService } from '#src/features/cases/cases.service.ts';
import { insertEvent } from '#src/features/cases/case-timeline.ts';
import { judge, may, orRefuse } from '#src/access/access.ts';
import { refusalOf } from '#src/access/decision.ts';
import {
  activeAssignmentsForCase,
  assignmentHistoryForCase,
  countSignedOffSupervisedCases,
  endActiveAssignments,
  findAssignment,
  lockCaseForAssignment,
  signOffAssignment,
} from './assignments.repo.ts';
import type { AssignInput } from './assignments.schemas.ts';
import { todayOf } from '../calendar.ts';
import { volunteerPolicyOf } from '../records/my-volunteer.ts';
import { loadPairingCase, loadPairingVolunteers } from '../pairing/pairing-inputs.repo.ts';
import { checkPair, suggestPairs, withoutCurrentPair } from '../pairing/pairing.ts';
import { caseSessions } from '#src/features/cases/case-reads.ts';
import type { PairingContext, PairingVolunteer } from '../pairing/pairing.types.ts';
import { presentAssignment, recordPair } from './record-pair.ts';

/**
 * The 422 for a pair that breaks a rule: every reason in the message, one field per reason, and all of them on
 * mediatorIds. `reasonsIn` words the reasons with a reader's `t` (in English they are `reasons`).
 */
export function pairRefused(reasons: string[], opts: { adminMayOverride: boolean; reasonsIn?: (t: Translate) => string[] }) {
  const reasonsIn = opts.reasonsIn ?? (() => reasons);
  const message = opts.adminMayOverride
    ? msg('This pair cannot be assigned: {reasons}. An admin may assign it anyway with a justification.')
    : msg('This pair cannot be assigned: {reasons}.');
  return new AppError('UNPROCESSABLE', message, {
    reason: 'PAIR_NOT_ALLOWED',
    params: { reasons: (t: Translate) => reasonsIn(t).join('; ') },
    // The fields hold the reasons in English, one by one, for the API (the message is worded in the reader's language).
    fields: { mediatorIds: reasons.join('; '), ...Object.fromEntries(reasons.map((r, i) => [`reasons.${i}`, r])) },
  });
}

export type AssignmentDeps = { db: Db; clock: Clock; audit: Audit; cases: CaseService };

/** The service's policy, today's date, the case and every volunteer, as the pairing rules read them. */
export async function pairingInputs(tx: Db, deps: { clock: Clock }, orgId: string, caseId?: string) {
  const ctx: PairingContext = { today: todayOf(deps.clock), policy: await volunteerPolicyOf(tx, orgId) };
  const volunteers = await loadPairingVolunteers(tx, orgId, ctx.policy, ctx.today);
  const c = caseId ? await loadPairingCase(tx, orgId, caseId, ctx.policy) : undefined;
  return { ctx, volunteers, c };
}

/** The two chosen volunteers, or 422 when either is not a volunteer of this service (or has left). */
export function chosenPair(volunteers: PairingVolunteer[], ids: readonly [string, string]): [PairingVolunteer, PairingVolunteer] {
  const [a, b] = ids.map((id) => volunteers.find((v) => v.id === id));
  if (!a || !b) throw invalid({ mediatorIds: 'Choose two volunteers of this service who have not left' });
  return [a, b];
}

export function createAssignmentService(deps: AssignmentDeps) {
  const { db, clock, audit } = deps;
  const event = (actor: OrgActor, caseId: string) => ({ orgId: actor.orgId, caseId, at: clock.now(), actorId: actor.id, actorLabel: actor.label ?? null });

  return {
    /** Who is on the case now and before, for anyone who may see the case (mediators see their co-mediator). */
    async forCase(actor: OrgActor, caseId: string) {
      authorise(actor, 'cases.view');
      return inOrg(db, actor.orgId, async (tx) => {
        await deps.cases.caseFor(tx, actor, caseId, 'view');
        const history = await assignmentHistoryForCase(tx, actor.orgId, caseId);
        const sessions = await caseSessions(tx, actor.orgId, caseId);
        const present = (a: (typeof history)[number]) => {
          const signOff = judge(actor, 'assignment', 'sign_off', { ...a, sessionsHeld: sessions.sessionsHeld });
          return {
            ...presentAssignment(a),
            /** Whether this person may sign it off now, or the refusal (in words as signOffRefusal). */
            signOff,
            signOffRefusal: refusalOf(signOff),
            // This person could sign it off, once the case has had its joint meeting or shuttle sessions.
            signOffWaiting: sessions.sessionsHeld === 0 && judge(actor, 'assignment', 'sign_off', { ...a, sessionsHeld: 1 }).allowed,
          };
        };
        const canAssign = may(actor, 'assignment', 'assign').allowed;
        return {
          team: history.filter((a) => a.endedAt === null).map(present),
          ended: history.filter((a) => a.endedAt !== null).map(present),
          canAssign,
          canOverride: may(actor, 'assignment', 'override_pairing').allowed,
          /** Whether the service has any volunteer to pair (asked only of those who may assign). */
          hasVolunteers: canAssign ? (await pairingInputs(tx, deps, actor.orgId)).volunteers.length > 0 : undefined,
        };
      });
    },

    /** Ranked pairs with their reasons, every volunteer left out with why, and every volunteer to choose from. Audited. */
    async suggest(actor: OrgActor, caseId: string) {
      return inOrg(db, actor.orgId, async (tx) => {
        await deps.cases.caseFor(tx, actor, caseId, 'view');
        authorise(actor, 'cases.assign');
        const { ctx, volunteers, c } = await pairingInputs(tx, deps, actor.orgId, caseId);
        if (!c) throw notFound(msg('That case was not found'));
        const result = withoutCurrentPair(suggestPairs(c, volunteers, ctx, { limit: 11 }), c.currentVolunteerIds);
        await audit.record(tx, actor, actor.orgId, {
          action: 'case.pair_suggestions_viewed',
          entityType: 'case',
          entityId: caseId,
          detail: { suggestions: result.suggestions.length, excluded: result.excluded.length },
        });
        const nameOf = new Map(volunteers.map((v) => [v.id, v.name]));
        return {
          suggestions: result.suggestions.map((s) => ({
            mediatorIds: s.mediatorIds,
            names: s.mediatorIds.map((id) => nameOf.get(id) ?? id) as [string, string],
            score: s.score,
            reasons: s.reasons,
            supervised: s.supervised ?? false,
          })),
          excluded: result.excluded,
          notes: result.notes ?? [],
          volunteers: volunteers.map((v) => ({ id: v.id, name: v.name, status: v.status })),
        };
      });
    },

    /** Puts the pair on the case (ending the current pair). 422 with the reasons when a rule is broken, unless an admin overrides. */
    async assign(actor: OrgActor, caseId: string, input: AssignInput) {
      return inOrg(db, actor.orgId, async (tx) => {
        if (isUuid(caseId)) await lockCaseForAssignment(tx, actor.orgId, caseId);
        const row = await deps.cases.caseFor(tx, actor, caseId, 'view');
        authorise(actor, 'cases.assign');
        if (ENDED_STATUSES.includes(row.status as CaseStatus))
          throw new AppError('CONFLICT', msg('This case has ended: mediators cannot be assigned to it'), { reason: 'CASE_ENDED' });
        const { ctx, volunteers, c } = await pairingInputs(tx, deps, actor.orgId, caseId);
        if (!c) throw notFound(msg('That case was not found'));
        const chosen = chosenPair(volunteers, input.mediatorIds);
        const current = await activeAssignmentsForCase(tx, actor.orgId, caseId);
        if (current.length === 2 && input.mediatorIds.every((id) => current.some((a) => a.volunteerId === id)))
          throw new AppError('CONFLICT', msg('{first} and {second} are already the mediators on this case'), {
            reason: 'ALREADY_ASSIGNED',
            params: { first: chosen[0].name, second: chosen[1].name },
          });
        const check = checkPair(c, input.mediatorIds, volunteers, ctx);
        const justification = input.overrideJustification?.trim() || undefined;
        if (!check.allowed) {
          const reasonsIn = (t: Translate) => checkPair(c, input.mediatorIds, volunteers, { ...ctx, t }).reasons;
          // The law's own rules (SEND independence): refused whoever asks, with or without a justification.
          if (check.statutory.length) throw pairRefused(check.reasons, { adminMayOverride: false, reasonsIn });
          const override = may(actor, 'assignment', 'override_pairing');
          if (!justification) throw pairRefused(check.reasons, { adminMayOverride: override.allowed, reasonsIn });
          if (!override.allowed)
            throw new AppError('FORBIDDEN', msg('Only an admin can assign a pair that breaks the pairing rules: {reasons}'), {
              reason: override.reason,
              params: { reasons: (t) => reasonsIn(t).join('; ') },
            });
        }
        const assignments = await recordPair(tx, deps, actor, { caseId, c, chosen, check, overrideJustification: justification });
        return { caseId, assignments, override: !check.allowed, brokenRules: check.allowed ? [] : check.reasons };
      });
    },

    /** Every assignment the case has had (mediators on the case see them too). */
    async list(actor: OrgActor, caseId: string) {
      authorise(actor, 'cases.view');
      return inOrg(db, actor.orgId, async (tx) => {
        await deps.cases.caseFor(tx, actor, caseId, 'view');
        return (await assignmentHistoryForCase(tx, actor.orgId, caseId)).map(presentAssignment);
      });
    },

    /** Ends the pair's assignments with the reason; the mediators lose access to the case. */
    async end(actor: OrgActor, caseId: string, input: { reason: string }) {
      return inOrg(db, actor.orgId, async (tx) => {
        if (isUuid(caseId)) await lockCaseForAssignment(tx, actor.orgId, caseId);
        await deps.cases.caseFor(tx, actor, caseId, 'view');
        authorise(actor, 'cases.assign');
        const before = await activeAssignmentsForCase(tx, actor.orgId, caseId);
        if (!before.length) throw new AppError('CONFLICT', msg('Nobody is assigned to this case'), { reason: 'NOT_ASSIGNED' });
        const ended = await endActiveAssignments(tx, actor.orgId, caseId, clock.now(), input.reason);
        await insertEvent(tx, {
          ...event(actor, caseId),
          kind: 'assignment',
          summary: `Assignment ended: ${before.map((a) => a.name).join(' and ')}`,
          body: input.reason,
          data: { endedAssignmentIds: ended.map((e) => e.id), volunteerIds: before.map((a) => a.volunteerId) },
        });
        await audit.record(tx, actor, actor.orgId, {
          action: 'case.mediators_ended',
          entityType: 'case',
          entityId: caseId,
          detail: { ended: ended.map((e) => e.id) },
        });
        return { ended: ended.length };
      });
    },

    /** The supervisor (or an admin or coordinator) signs off a trainee's supervised case, once. */
    async signOff(actor: OrgActor, assignmentId: string, input: { notes?: string }, opts: { caseId?: string } = {}) {
      return inOrg(db, actor.orgId, async (tx) => {
        const a = isUuid(assignmentId) ? await findAssignment(tx, actor.orgId, assignmentId) : undefined;
        if (!a || (opts.caseId && a.caseId !== opts.caseId)) throw notFound(msg('That assignment was not found'));
        await deps.cases.caseFor(tx, actor, a.caseId, 'view');
        const sessions = await caseSessions(tx, actor.orgId, a.caseId);
        orRefuse(judge(actor, 'assignment', 'sign_off', { ...a, sessionsHeld: sessions.sessionsHeld }));
        const now = clock.now();
        const signed = await signOffAssignment(tx, actor.orgId, assignmentId, { at: now, by: actor.label ?? actor.id, notes: input.notes || null });
        if (!signed) throw new AppError('CONFLICT', msg('This supervised case has already been signed off'), { reason: 'ALREADY_SIGNED_OFF' });
        const count = await countSignedOffSupervisedCases(tx, actor.orgId, a.volunteerId);
        const required = (await volunteerPolicyOf(tx, actor.orgId)).supervisedCasesRequired;
        await insertEvent(tx, {
          ...event(actor, a.caseId),
          kind: 'assignment',
          summary: `Supervised case signed off for ${a.name} (${count} of ${required})`,
          body: input.notes || null,
          data: { assignmentId, volunteerId: a.volunteerId, supervisedCasesSignedOff: count },
        });
        await audit.record(tx, actor, actor.orgId, {
          action: 'assignment.signed_off',
          entityType: 'case_assignment',
          entityId: assignmentId,
          detail: { caseId: a.caseId, volunteerId: a.volunteerId, count },
        });
        return { id: assignmentId, caseId: a.caseId, volunteerId: a.volunteerId, signedOffAt: now.toISOString(), supervisedCasesSignedOff: count, required };
      });
    },
  };
}
export type AssignmentService = ReturnType<typeof createAssignmentService>;
