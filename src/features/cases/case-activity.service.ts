// What happens on a case day to day: consents, contacts, notes, intake records, tasks, safeguarding disclosures.
import { msg } from '#src/i18n/i18n.ts';
import { londonParts } from '#src/domain/meeting-times.ts';
import type { z } from 'zod';
import type { Db } from '#src/db/client.ts';
import { inOrg } from '#src/db/tenant.ts';
import { AppError, invalid, notFound } from '#src/lib/app-error.ts';
import type { Clock } from '#src/lib/clock.ts';
import { newId } from '#src/lib/ids.ts';
import type { Audit } from '#src/features/audit/audit.service.ts';
import type { OrgActor } from '#src/access/actor.ts';
import { assertActiveMember } from '#src/features/people/member-check.ts';
import { STATUS_LABELS, type CaseStatus } from '#src/domain/case-words.ts';
import { may, orRefuse } from '#src/access/access.ts';
import { queueSafeguardingAlerts } from '#src/features/email/safeguarding-alert.ts';
import { listParties, updateCase, updateParty } from './cases.repo.ts';
import { completeTask, insertTask } from './tasks.repo.ts';
import { decideSafeguarding, insertSafeguarding, listSafeguarding } from './safeguarding.repo.ts';
import type { ZConsent, ZContact, ZIntake, ZNote, ZSafeguardingDecision, ZTask } from './cases.schemas.ts';
import type { CaseService } from './cases.service.ts';
import { lifecycleView } from './cases.service.ts';
import { afterPartyWithdraws, isActive, intakeRefusal } from './lifecycle.ts';
import { insertEvent, listIntakes, upsertIntake } from './timeline.repo.ts';
import { consentProblems } from './consent-rules.ts';

const CONTACT_WORDS: Record<string, string> = {
  call: 'Call',
  letter: 'Letter',
  email: 'Email',
  visit: 'Visit',
  text: 'Text message',
  via_offender_manager: 'Through the offender manager',
};
const OUTCOME_WORDS: Record<string, string> = {
  spoke: 'spoke to them',
  no_answer: 'no answer',
  left_message: 'left a message',
  sent: 'sent',
  met: 'met',
  declined: 'declined',
};

export function createCaseActivityService(deps: { db: Db; clock: Clock; audit: Audit; cases: CaseService }) {
  const { db, clock, audit } = deps;

  /** Opens the case for work (team or coordinator), and finds the party on it. */
  async function open(tx: Db, actor: OrgActor, caseId: string, partyId?: string) {
    const c = await deps.cases.caseFor(tx, actor, caseId, 'work');
    const parties = await listParties(tx, actor.orgId, caseId);
    const party = partyId ? parties.find((p) => p.id === partyId) : undefined;
    if (partyId && !party)
      throw new AppError('UNPROCESSABLE', msg('That person is not on this case'), {
        reason: 'NO_SUCH_PARTY',
        fields: { partyId: 'Choose a person on this case' },
      });
    return { c, parties, party };
  }

  const event = (actor: OrgActor, caseId: string) => ({ orgId: actor.orgId, caseId, at: clock.now(), actorId: actor.id, actorLabel: actor.label ?? null });

  /** Adds a task to the case, on the timeline and audited, in the caller's transaction. */
  async function addTaskIn(tx: Db, actor: OrgActor, caseId: string, input: z.infer<typeof ZTask>) {
    await open(tx, actor, caseId);
    if (input.assigneeId)
      await assertActiveMember(tx, actor.orgId, input.assigneeId, { field: 'assigneeId', message: 'Choose someone in this service to do the task' });
    const id = newId();
    await insertTask(tx, {
      id,
      orgId: actor.orgId,
      caseId,
      title: input.title,
      dueOn: input.dueOn,
      assigneeId: input.assigneeId ?? actor.id,
      createdAt: clock.now(),
      createdBy: actor.label ?? actor.id,
    });
    await insertEvent(tx, { ...event(actor, caseId), kind: 'task', summary: `Task: ${input.title} (due ${input.dueOn})`, data: { taskId: id } });
    await audit.record(tx, actor, actor.orgId, { action: 'task.created', entityType: 'task', entityId: id, detail: { caseId } });
    return { id };
  }

  /** A disclosure of risk of serious harm: a restricted record for the safeguarding leads, who see it on their home page. */
  async function recordDisclosure(tx: Db, actor: OrgActor, caseId: string, partyId: string | null, disclosed: string, source: string) {
    const id = newId();
    await insertSafeguarding(tx, {
      id,
      orgId: actor.orgId,
      caseId,
      partyId,
      disclosed,
      status: 'open',
      createdAt: clock.now(),
      createdBy: actor.label ?? actor.id,
    });
    await insertEvent(tx, {
      ...event(actor, caseId),
      partyId,
      kind: 'safeguarding',
      summary: `Safeguarding disclosure recorded (${source})`,
      body: disclosed,
      visibility: 'restricted',
      disclosure: true,
      data: { safeguardingId: id },
    });
    await audit.record(tx, actor, actor.orgId, { action: 'safeguarding.disclosed', entityType: 'safeguarding_record', entityId: id, detail: { caseId } });
    await queueSafeguardingAlerts(tx, { orgId: actor.orgId, caseId, safeguardingId: id, at: clock.now() });
    return id;
  }

  return {
    async recordConsent(actor: OrgActor, caseId: string, input: z.infer<typeof ZConsent>) {
      return inOrg(db, actor.orgId, async (tx) => {
        const { c, parties, party } = await open(tx, actor, caseId, input.partyId);
        const problems = consentProblems(c.caseKind, party!.role, input, londonParts(clock.now()).date);
        if (Object.keys(problems).length)
          throw new AppError('UNPROCESSABLE', Object.values(problems).join('. '), { reason: 'CONSENT_INCOMPLETE', fields: problems });
        await updateParty(tx, actor.orgId, caseId, input.partyId, { consent: input.status });
        await insertEvent(tx, {
          ...event(actor, caseId),
          partyId: input.partyId,
          kind: 'consent',
          summary: `${party!.name}: consent ${input.status} (${input.method})`,
          body: input.notes || null,
          data: {
            status: input.status,
            method: input.method,
            recordedBy: actor.label,
            ...(input.informationVersion ? { informationVersion: input.informationVersion } : {}),
            ...(input.signedOn ? { signedOn: input.signedOn } : {}),
          },
        });
        let movedTo: CaseStatus | null = null;
        let goOnWith: string[] | null = null;
        if (input.status === 'withdrawn') {
          const intakes = await listIntakes(tx, actor.orgId, caseId);
          const updated = parties.map((p) => (p.id === input.partyId ? { ...p, consent: 'withdrawn' } : p));
          const after = afterPartyWithdraws(lifecycleView(c, updated, new Set(intakes.map((i) => i.partyId)), 0));
          movedTo = after.moveTo;
          if (after.askGoOn && isActive(c.status as CaseStatus)) {
            goOnWith = after.remaining;
            await insertEvent(tx, {
              ...event(actor, caseId),
              partyId: input.partyId,
              kind: 'note',
              summary: `${party!.name} has withdrawn from the case`,
              body: `Decide whether the case goes on with ${after.remaining.join(', ')} (group mediation), or move it to on hold or withdrawn.`,
              data: { remaining: after.remaining, automatic: true },
            });
          }
          if (movedTo) {
            const now = clock.now();
            await updateCase(tx, actor.orgId, caseId, { status: movedTo, statusChangedAt: now, closedAt: now, heldFrom: null });
            await insertEvent(tx, {
              ...event(actor, caseId),
              kind: 'transition',
              summary: `${STATUS_LABELS[c.status as CaseStatus]} → ${STATUS_LABELS[movedTo]}`,
              body: `${party!.name} withdrew consent`,
              data: { from: c.status, to: movedTo, automatic: true },
            });
          }
        }
        await audit.record(tx, actor, actor.orgId, {
          action: `consent.${input.status}`,
          entityType: 'party',
          entityId: input.partyId,
          detail: { caseId, method: input.method },
        });
        return { consent: input.status, caseStatus: movedTo ?? c.status, goOnWith };
      });
    },

    async recordContact(actor: OrgActor, caseId: string, input: z.infer<typeof ZContact>) {
      return inOrg(db, actor.orgId, async (tx) => {
        const { party } = await open(tx, actor, caseId, input.partyId);
        const via = party!.inCustody && input.method !== 'via_offender_manager' ? ' (in custody: contact should go through the offender manager)' : '';
        await insertEvent(tx, {
          ...event(actor, caseId),
          partyId: input.partyId,
          kind: 'contact',
          summary: `${CONTACT_WORDS[input.method]} – ${party!.name}: ${OUTCOME_WORDS[input.outcome]}${via}`,
          body: input.notes || null,
          data: { method: input.method, outcome: input.outcome },
        });
        await audit.record(tx, actor, actor.orgId, { action: 'contact.recorded', entityType: 'case', entityId: caseId });
      });
    },

    async addNote(actor: OrgActor, caseId: string, input: z.infer<typeof ZNote>) {
      return inOrg(db, actor.orgId, async (tx) => {
        const { party } = await open(tx, actor, caseId, input.partyId);
        await insertEvent(tx, {
          ...event(actor, caseId),
          partyId: input.partyId ?? null,
          kind: 'note',
          summary: party ? `Note about ${party.name}` : 'Note',
          body: input.body,
          visibility: input.restricted || input.disclosure ? 'restricted' : 'team',
          disclosure: Boolean(input.disclosure),
          ...(input.thirdParty ? { data: { thirdParty: true } } : {}),
        });
        if (input.disclosure) await recordDisclosure(tx, actor, caseId, input.partyId ?? null, input.body, 'case note');
        await audit.record(tx, actor, actor.orgId, {
          action: 'note.added',
          entityType: 'case',
          entityId: caseId,
          detail: { restricted: Boolean(input.restricted || input.disclosure), thirdParty: Boolean(input.thirdParty) },
        });
      });
    },

    async saveIntake(actor: OrgActor, caseId: string, input: z.infer<typeof ZIntake>) {
      return inOrg(db, actor.orgId, async (tx) => {
        const { party } = await open(tx, actor, caseId, input.partyId);
        const refusal = intakeRefusal(input);
        if (refusal) throw invalid({ situationNow: refusal });
        const { partyId, ...answers } = input;
        await upsertIntake(tx, {
          id: newId(),
          orgId: actor.orgId,
          caseId,
          partyId,
          situationNow: answers.situationNow ?? null,
          wantedFuture: answers.wantedFuture ?? null,
          ideas: answers.ideas ?? null,
          concerns: answers.concerns ?? null,
          availability: answers.availability ?? null,
          availabilityWindows: answers.availabilityWindows ?? [],
          suitability: answers.suitability ?? null,
          suitabilityNotes: answers.suitabilityNotes ?? null,
          meetingMode: answers.meetingMode ?? null,
          metOn: answers.metOn ?? null,
          disclosure: Boolean(answers.disclosure),
          updatedAt: clock.now(),
          updatedBy: actor.label ?? actor.id,
        });
        await insertEvent(tx, {
          ...event(actor, caseId),
          partyId,
          kind: 'intake',
          summary: `Intake record saved for ${party!.name}`,
          visibility: 'party',
          data: { suitability: answers.suitability ?? null },
        });
        if (answers.disclosure)
          await recordDisclosure(tx, actor, caseId, partyId, answers.concerns || answers.situationNow || 'See intake record', 'intake record');
        await audit.record(tx, actor, actor.orgId, { action: 'intake.saved', entityType: 'party', entityId: partyId, detail: { caseId } });
      });
    },

    async addTask(actor: OrgActor, caseId: string, input: z.infer<typeof ZTask>) {
      return inOrg(db, actor.orgId, (tx) => addTaskIn(tx, actor, caseId, input));
    },

    /** A task on the case inside the caller's transaction (features/closing: a task at each follow-up point). */
    addTaskIn,

    async completeTask(actor: OrgActor, caseId: string, taskId: string) {
      return inOrg(db, actor.orgId, async (tx) => {
        await open(tx, actor, caseId);
        const task = await completeTask(tx, actor.orgId, caseId, taskId, clock.now());
        if (!task) throw notFound(msg('That open task was not found'));
        await insertEvent(tx, { ...event(actor, caseId), kind: 'task', summary: `Task done: ${task.title}`, data: { taskId } });
        await audit.record(tx, actor, actor.orgId, { action: 'task.completed', entityType: 'task', entityId: taskId });
      });
    },

    /** Safeguarding leads and admins: the restricted records, and deciding them. Reading is audited (it overrides confidentiality). */
    async listSafeguarding(actor: OrgActor, filter: { caseId?: string; status?: string } = {}) {
      orRefuse(may(actor, 'case', 'read_safeguarding'));
      return inOrg(db, actor.orgId, async (tx) => {
        const rows = await listSafeguarding(tx, actor.orgId, filter);
        await audit.record(tx, actor, actor.orgId, {
          action: 'safeguarding.viewed',
          entityType: 'safeguarding_record',
          detail: { count: rows.length, ...filter },
        });
        return rows;
      });
    },

    async decideSafeguarding(actor: OrgActor, recordId: string, input: z.infer<typeof ZSafeguardingDecision>) {
      orRefuse(may(actor, 'case', 'decide_safeguarding'));
      return inOrg(db, actor.orgId, async (tx) => {
        const now = clock.now();
        const row = await decideSafeguarding(tx, actor.orgId, recordId, {
          decision: input.decision,
          referredTo: input.referredTo || null,
          referredAt: input.referredAt ? new Date(`${input.referredAt}T12:00:00Z`) : null,
          legalBasis: input.legalBasis || null,
          status: input.close === false ? 'open' : 'decided',
          decidedBy: actor.label ?? actor.id,
          decidedAt: now,
        });
        if (!row) throw notFound(msg('That safeguarding record was not found'));
        await insertEvent(tx, {
          ...event(actor, row.caseId),
          kind: 'safeguarding',
          summary: input.referredTo ? `Safeguarding decision recorded: referred to ${input.referredTo}` : 'Safeguarding decision recorded',
          body: input.decision,
          visibility: 'restricted',
          data: { safeguardingId: recordId },
        });
        await audit.record(tx, actor, actor.orgId, {
          action: 'safeguarding.decided',
          entityType: 'safeguarding_record',
          entityId: recordId,
          detail: { referred: Boolean(input.referredTo), legalBasis: input.legalBasis ?? null },
        });
      });
    },
  };
}
export type CaseActivityService = ReturnType<typeof createCaseActivityService>;
