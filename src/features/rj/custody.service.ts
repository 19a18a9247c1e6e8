// A participant in custody (rules.md #36): establishment, prison number and offender manager (contact with them goes
// through the offender manager), and the service's prison-visit checklist, which rj-contact-check.ts reads before a
// prison visit is booked. Each change is on the case timeline and audited.
import { inOrg } from '#src/db/tenant.ts';
import type { OrgActor } from '#src/access/actor.ts';
import { authorise } from '#src/access/permissions.ts';
import { insertEvent } from '#src/features/cases/case-timeline.ts';
import { londonParts } from '#src/domain/meeting-times.ts';
import { newId } from '#src/lib/ids.ts';
import { by, openRjCase, participantOf, rjEvent, unprocessable } from './rj-case.ts';
import { listCustody, setChecklist, upsertCustody } from './rj.repo.ts';
import type { ChecklistStepInput, CustodyInput } from './rj.schemas.ts';
import type { RjDeps } from './rj.service.ts';
import { stepsLeft } from './rules/prison-rules.ts';

export function createCustodyService(deps: RjDeps) {
  const { db, clock, audit, cases } = deps;
  const event = rjEvent(clock);
  const today = () => londonParts(clock.now()).date;
  const openCase = (tx: Parameters<typeof openRjCase>[1], actor: OrgActor, caseId: string) => openRjCase(cases, tx, actor, caseId, 'work');

  return {
    /** Records (or corrects) a participant's custody: establishment, prison number and offender manager. */
    async recordCustody(actor: OrgActor, caseId: string, partyId: string, input: CustodyInput) {
      authorise(actor, 'cases.view');
      return inOrg(db, actor.orgId, async (tx) => {
        const { facts } = await openCase(tx, actor, caseId);
        const p = participantOf(facts, partyId, '_');
        const existing = (await listCustody(tx, actor.orgId, caseId)).find((k) => k.partyId === p.id);
        await upsertCustody(tx, {
          id: existing?.id ?? newId(),
          orgId: actor.orgId,
          caseId,
          partyId: p.id,
          ...input,
          checklist: existing?.checklist ?? {},
          updatedAt: clock.now(),
        });
        await insertEvent(tx, event(actor, caseId, `${p.name}: in custody; contact is through their offender manager`, {}, p.id));
        await audit.record(tx, actor, actor.orgId, { action: 'rj.custody_recorded', entityType: 'party', entityId: p.id, detail: { caseId } });
        return { partyId: p.id };
      });
    },

    /** Ticks (or unticks) a step of the prison-visit checklist for a participant in custody. */
    async checklistStep(actor: OrgActor, caseId: string, partyId: string, input: ChecklistStepInput) {
      authorise(actor, 'cases.view');
      return inOrg(db, actor.orgId, async (tx) => {
        const { facts } = await openCase(tx, actor, caseId);
        const p = participantOf(facts, partyId, '_');
        const k = (await listCustody(tx, actor.orgId, caseId)).find((x) => x.partyId === p.id);
        if (!k) throw unprocessable('_', 'Record their establishment, prison number and offender manager first');
        if (!facts.policy.prisonChecklist.includes(input.step)) throw unprocessable('step', 'Choose a step of this service’s prison visit checklist');
        const checklist = { ...k.checklist };
        if (input.done) checklist[input.step] = { on: today(), by: by(actor) };
        else delete checklist[input.step];
        await setChecklist(tx, actor.orgId, p.id, checklist, clock.now());
        await insertEvent(
          tx,
          event(
            actor,
            caseId,
            `${p.name}: prison visit step “${input.step}” ${input.done ? 'done' : 'not done'}`,
            { step: input.step, done: input.done },
            p.id,
          ),
        );
        await audit.record(tx, actor, actor.orgId, { action: 'rj.checklist_step', entityType: 'party', entityId: p.id, detail: { caseId, done: input.done } });
        return { stepsLeft: stepsLeft(facts.policy.prisonChecklist, checklist) };
      });
    },
  };
}
