// Restorative justice on a case: the offence category and the senior decision on a held case, each participant's
// suitability and versioned risk assessments (signed off by a supervisor), custody details with the prison-visit
// checklist, the contact gate over them, and (letters.service.ts) letters vetted by the facilitators. Each change is
// on the case timeline and audited in its transaction; every read is authorised through the case (src/access).
import type { Db } from '#src/db/client.ts';
import { inOrg } from '#src/db/tenant.ts';
import type { OrgActor } from '#src/access/actor.ts';
import { authorise } from '#src/access/permissions.ts';
import type { Audit } from '#src/features/audit/audit.service.ts';
import { insertEvent } from '#src/features/cases/case-timeline.ts';
import type { CaseService } from '#src/features/cases/cases.service.ts';
import { londonParts } from '#src/domain/meeting-times.ts';
import { msg } from '#src/i18n/i18n.ts';
import { AppError, notFound } from '#src/lib/app-error.ts';
import type { Clock } from '#src/lib/clock.ts';
import { newId } from '#src/lib/ids.ts';
import { createLetterService } from './letters/letters.service.ts';
import { createCustodyService } from './custody.service.ts';
import { createCourtService } from './rj-court.service.ts';
import { createVictimsCodeService } from './victims-code.service.ts';
import { createRjReturnService } from './returns/rj-return.service.ts';
import { by, openRjCase, participantOf, rjEvent, unprocessable } from './rj-case.ts';
import { type RjPolicy, ZRjPolicy } from './rj-policy.ts';
import { gateOf, policyOf, rjFacts } from './rj-facts.ts';
import {
  findAssessment,
  findRjCase,
  insertAssessment,
  partyHasRjRecords,
  insertSuitability,
  listCustody,
  savePolicy,
  signOffAssessment,
  upsertRjCase,
} from './rj.repo.ts';
import type { AssessmentInput, OffenceInput, SeniorDecisionInput, SuitabilityInput } from './rj.schemas.ts';
import { victimsCodeClock } from './rules/victims-code.ts';
import { calendarDaysBetween } from '#src/features/send/send-clocks.ts';
import { lastCurrentDay } from './rules/contact-gate.ts';
import { stepsLeft } from './rules/prison-rules.ts';
import { asksResponsibility, suitabilityOutcome } from './rules/suitability-rules.ts';
import { vetterRefusal } from './rules/letter-rules.ts';
import { caseFacilitators } from '#src/features/volunteers/assignments/case-team-facts.ts';

export type RjDeps = { db: Db; clock: Clock; audit: Audit; cases: CaseService };

export function createRjService(deps: RjDeps) {
  const { db, clock, audit, cases } = deps;
  const today = () => londonParts(clock.now()).date;
  const letters = createLetterService(deps);

  const openCase = (tx: Db, actor: OrgActor, caseId: string, need: 'view' | 'work') => openRjCase(cases, tx, actor, caseId, need);
  const event = rjEvent(clock);
  const custody = createCustodyService(deps);
  // A participant with RJ records is not removed from the case (the records are the evidence for the contact gate):
  // they withdraw their consent instead, like a party with an intake record or meetings.
  cases.useHooks({ partyHasRecords: partyHasRjRecords });

  return {
    letters,
    returns: createRjReturnService(deps),

    /** Everything on the case's RJ tab: the hold, each participant's suitability, assessments and custody, and the gates. Audited. */
    async overview(actor: OrgActor, caseId: string) {
      authorise(actor, 'cases.view');
      return inOrg(db, actor.orgId, async (tx) => {
        const { c, facts } = await openCase(tx, actor, caseId, 'view');
        const custody = await listCustody(tx, actor.orgId, caseId);
        const team = await caseFacilitators(tx, actor.orgId, caseId);
        const day = today();
        const participants = facts.participants.map((p) => {
          const s = facts.suitability.get(p.id);
          const a = facts.assessments.get(p.id);
          const k = custody.find((x) => x.partyId === p.id);
          return {
            id: p.id,
            name: p.name,
            role: p.role,
            consent: p.consent,
            inCustody: p.inCustody || Boolean(k),
            asksResponsibility: asksResponsibility(p.role),
            suitability: s ?? null,
            suitabilityOutcome: suitabilityOutcome(p.role, s),
            assessment: a ? { ...a, currentUntil: lastCurrentDay(a.assessedOn, facts.policy.assessmentValidDays) } : null,
            assessmentCurrent: a ? lastCurrentDay(a.assessedOn, facts.policy.assessmentValidDays) >= day : false,
            history: facts.assessmentHistory.filter((h) => h.partyId === p.id),
            custody: k ? { ...k, stepsLeft: stepsLeft(facts.policy.prisonChecklist, k.checklist) } : null,
          };
        });
        const rjRow = await findRjCase(tx, actor.orgId, caseId);
        const court = rjRow?.sentenceDeferredTo
          ? {
              court: rjRow.court ?? '',
              sentenceDeferredTo: rjRow.sentenceDeferredTo,
              courtReportSentOn: rjRow.courtReportSentOn,
              daysToCourt: calendarDaysBetween(day, rjRow.sentenceDeferredTo),
            }
          : null;
        const victimsCode = {
          firstContactOn: rjRow?.firstContactOn ?? null,
          enhancedRights: rjRow?.enhancedRights ?? false,
          informationGivenOn: rjRow?.informationGivenOn ?? null,
        };
        await audit.record(tx, actor, actor.orgId, { action: 'rj.viewed', entityType: 'case', entityId: caseId });
        return {
          case: { id: c.id, reference: c.reference, status: c.status, details: facts.details },
          policy: facts.policy,
          category: facts.category,
          hold: facts.hold,
          seniorNote: facts.seniorNote,
          seniorBy: facts.seniorBy,
          participants,
          /** Victims' Code (#25): what is recorded and the clock, null when the service is not the first contact. */
          /** Pre-sentence (#35): the court, the date sentence is deferred to, the report; null until recorded. */
          court,
          preSentence: facts.details.sentencingStage === 'pre_sentence' || court !== null,
          victimsCode: { ...victimsCode, clock: victimsCodeClock(victimsCode, day) },
          /** The facilitators on the case now, who alone vet its letters, and why the asker may not (or null). */
          facilitators: {
            names: team.map((f) => f.name),
            vetRefusal: vetterRefusal(team, actor.type === 'user' ? actor.id : null) ?? null,
          },
          direct: gateOf(facts, 'direct', day),
          indirect: gateOf(facts, 'indirect', day),
          today: day,
        };
      });
    },

    /** Records the offence category (#32); a category taken only when the person harmed asks may hold the case. */
    async setOffence(actor: OrgActor, caseId: string, input: OffenceInput) {
      authorise(actor, 'cases.view');
      return inOrg(db, actor.orgId, async (tx) => {
        await openCase(tx, actor, caseId, 'work');
        const row = await findRjCase(tx, actor.orgId, caseId);
        const now = clock.now();
        await upsertRjCase(tx, {
          id: row?.id ?? newId(),
          orgId: actor.orgId,
          caseId,
          offenceCategory: input.category,
          seniorDecision: row?.seniorDecision ?? null,
          seniorNote: row?.seniorNote ?? null,
          seniorBy: row?.seniorBy ?? null,
          seniorAt: row?.seniorAt ?? null,
          firstContactOn: row?.firstContactOn ?? null,
          enhancedRights: row?.enhancedRights ?? false,
          informationGivenOn: row?.informationGivenOn ?? null,
          updatedAt: now,
        });
        const after = (await rjFacts(tx, actor.orgId, caseId))!;
        await insertEvent(
          tx,
          event(actor, caseId, after.hold.state === 'held' ? `Offence recorded: held for a senior decision (${after.hold.reason})` : 'Offence recorded', {
            category: input.category,
            hold: after.hold.state,
          }),
        );
        await audit.record(tx, actor, actor.orgId, { action: 'rj.offence_set', entityType: 'case', entityId: caseId, detail: { category: input.category } });
        return { hold: after.hold };
      });
    },

    /** A supervisor's or admin's decision on a held case: go ahead, or not, with the reason. */
    async seniorDecision(actor: OrgActor, caseId: string, input: SeniorDecisionInput) {
      authorise(actor, 'rj.decide');
      return inOrg(db, actor.orgId, async (tx) => {
        const { facts } = await openCase(tx, actor, caseId, 'view');
        if (facts.hold.state === 'none') throw new AppError('CONFLICT', msg('This case is not held for a senior decision'), { reason: 'RJ_NOT_HELD' });
        const row = (await findRjCase(tx, actor.orgId, caseId))!;
        const now = clock.now();
        await upsertRjCase(tx, { ...row, seniorDecision: input.decision, seniorNote: input.note, seniorBy: by(actor), seniorAt: now, updatedAt: now });
        await insertEvent(
          tx,
          event(actor, caseId, input.decision === 'proceed' ? 'Senior decision: the case may go ahead' : 'Senior decision: the case should not go ahead', {
            decision: input.decision,
          }),
        );
        await audit.record(tx, actor, actor.orgId, { action: `rj.senior_${input.decision}`, entityType: 'case', entityId: caseId });
        return { decision: input.decision };
      });
    },

    /** Records a participant's suitability (RJC Code B), with the date and who assessed. */
    async recordSuitability(actor: OrgActor, caseId: string, input: SuitabilityInput) {
      authorise(actor, 'cases.view');
      return inOrg(db, actor.orgId, async (tx) => {
        const { facts } = await openCase(tx, actor, caseId, 'work');
        const p = participantOf(facts, input.partyId);
        if (input.assessedOn > today()) throw unprocessable('assessedOn', 'The date assessed must be today or in the past');
        if (asksResponsibility(p.role) && input.acceptsResponsibility === undefined)
          throw unprocessable('acceptsResponsibility', 'Say whether they accept responsibility for the harm');
        const id = newId();
        const row = {
          id,
          orgId: actor.orgId,
          caseId,
          partyId: p.id,
          acknowledgesFacts: input.acknowledgesFacts,
          acceptsResponsibility: asksResponsibility(p.role) ? (input.acceptsResponsibility ?? null) : null,
          willing: input.willing,
          notes: input.notes || null,
          assessedOn: input.assessedOn,
          assessedBy: by(actor),
          createdAt: clock.now(),
        };
        await insertSuitability(tx, row);
        const outcome = suitabilityOutcome(p.role, row);
        await insertEvent(
          tx,
          event(actor, caseId, `${p.name}: suitability recorded (${outcome === 'suitable' ? 'suitable' : 'not suitable'})`, { suitabilityId: id }, p.id),
        );
        await audit.record(tx, actor, actor.orgId, { action: 'rj.suitability_recorded', entityType: 'party', entityId: p.id, detail: { caseId, outcome } });
        return { id, outcome };
      });
    },

    /** Records a new version of a participant's risk assessment; it counts for contact once a supervisor signs it off. */
    async recordAssessment(actor: OrgActor, caseId: string, input: AssessmentInput) {
      authorise(actor, 'cases.view');
      return inOrg(db, actor.orgId, async (tx) => {
        const { facts } = await openCase(tx, actor, caseId, 'work');
        const p = participantOf(facts, input.partyId);
        if (input.assessedOn > today()) throw unprocessable('assessedOn', 'The date assessed must be today or in the past');
        const version = (facts.assessments.get(p.id)?.version ?? 0) + 1;
        const id = newId();
        const areas = Object.fromEntries(Object.entries(input.areas).filter(([, v]) => v)) as Record<string, string>;
        await insertAssessment(tx, {
          id,
          orgId: actor.orgId,
          caseId,
          partyId: p.id,
          version,
          areas,
          rating: input.rating,
          decision: input.decision,
          assessedOn: input.assessedOn,
          assessedBy: by(actor),
          createdAt: clock.now(),
        });
        await insertEvent(
          tx,
          event(actor, caseId, `${p.name}: risk assessment version ${version} recorded, waiting for sign-off`, { assessmentId: id, version }, p.id),
        );
        await audit.record(tx, actor, actor.orgId, {
          action: 'rj.assessment_recorded',
          entityType: 'rj_risk_assessment',
          entityId: id,
          detail: { caseId, version, decision: input.decision },
        });
        return { id, version };
      });
    },

    /** A supervisor (or admin) signs off an assessment version; only the newest can be, and only once. */
    async signOff(actor: OrgActor, caseId: string, assessmentId: string) {
      authorise(actor, 'rj.decide');
      return inOrg(db, actor.orgId, async (tx) => {
        const { facts } = await openCase(tx, actor, caseId, 'view');
        const a = await findAssessment(tx, actor.orgId, caseId, assessmentId);
        if (!a) throw notFound(msg('That risk assessment was not found'));
        if (a.signedOffAt) throw new AppError('CONFLICT', msg('This risk assessment has already been signed off'), { reason: 'RJ_SIGNED_OFF' });
        if (facts.assessments.get(a.partyId)?.id !== a.id)
          throw new AppError('CONFLICT', msg('A newer version of this risk assessment has been recorded: sign off that one'), { reason: 'RJ_NOT_NEWEST' });
        await signOffAssessment(tx, actor.orgId, a.id, by(actor), clock.now());
        const name = facts.parties.find((p) => p.id === a.partyId)?.name ?? '';
        await insertEvent(tx, event(actor, caseId, `${name}: risk assessment version ${a.version} signed off`, { assessmentId: a.id }, a.partyId));
        await audit.record(tx, actor, actor.orgId, {
          action: 'rj.assessment_signed_off',
          entityType: 'rj_risk_assessment',
          entityId: a.id,
          detail: { caseId },
        });
        return { id: a.id };
      });
    },

    ...custody,
    ...createCourtService(deps),
    ...createVictimsCodeService(deps),

    /** The service's RJ policy. */
    async policy(actor: OrgActor): Promise<RjPolicy> {
      authorise(actor, 'cases.view');
      return inOrg(db, actor.orgId, (tx) => policyOf(tx, actor.orgId));
    },

    /** Saves the service's RJ policy (admins). */
    async savePolicy(actor: OrgActor, input: RjPolicy) {
      authorise(actor, 'settings.manage');
      const policy = ZRjPolicy.parse(input);
      return inOrg(db, actor.orgId, async (tx) => {
        await savePolicy(tx, actor.orgId, policy, clock.now());
        await audit.record(tx, actor, actor.orgId, { action: 'rj.policy_saved', entityType: 'organisation', entityId: actor.orgId });
        return policy;
      });
    },
  };
}
export type RjService = ReturnType<typeof createRjService>;
