// Victims' Code (rules.md #25) on an RJ case: whether the service is the person harmed's first contact, the day of
// that contact, enhanced rights and the day the information on RJ was given (which stops the clock counted by
// rules/victims-code.ts). On the case timeline and audited.
import { inOrg } from '#src/db/tenant.ts';
import type { OrgActor } from '#src/access/actor.ts';
import { authorise } from '#src/access/permissions.ts';
import { insertEvent } from '#src/features/cases/case-timeline.ts';
import { londonParts } from '#src/domain/meeting-times.ts';
import { msg } from '#src/i18n/i18n.ts';
import { newId } from '#src/lib/ids.ts';
import { openRjCase, rjEvent, unprocessable } from './rj-case.ts';
import { findRjCase, upsertRjCase } from './rj.repo.ts';
import type { VictimsCodeInput } from './rj.schemas.ts';
import type { RjDeps } from './rj.service.ts';
import { victimsCodeClock } from './rules/victims-code.ts';

export function createVictimsCodeService(deps: RjDeps) {
  const { db, clock, audit, cases } = deps;
  const event = rjEvent(clock);
  const today = () => londonParts(clock.now()).date;
  const openCase = (tx: Parameters<typeof openRjCase>[1], actor: OrgActor, caseId: string, need: 'view' | 'work') => openRjCase(cases, tx, actor, caseId, need);

  return {
    /**
     * Records whether the service is the person harmed's first contact (Victims' Code #25), the day of that contact,
     * enhanced rights, and the day the information on RJ was given (which stops the clock). On the timeline, audited.
     */
    async setVictimsCode(actor: OrgActor, caseId: string, input: VictimsCodeInput) {
      authorise(actor, 'cases.view');
      return inOrg(db, actor.orgId, async (tx) => {
        await openCase(tx, actor, caseId, 'work');
        const day = today();
        const firstContactOn = input.firstContact ? (input.firstContactOn ?? null) : null;
        const informationGivenOn = input.firstContact ? (input.informationGivenOn ?? null) : null;
        if (input.firstContact && !firstContactOn) throw unprocessable('firstContactOn', msg('Enter the date of the first contact'));
        if (firstContactOn && firstContactOn > day) throw unprocessable('firstContactOn', msg('The date of the first contact must be today or in the past'));
        if (informationGivenOn && informationGivenOn > day)
          throw unprocessable('informationGivenOn', msg('The date the information was given must be today or in the past'));
        if (informationGivenOn && firstContactOn && informationGivenOn < firstContactOn)
          throw unprocessable('informationGivenOn', msg('The information cannot have been given before the first contact'));
        const row = await findRjCase(tx, actor.orgId, caseId);
        const now = clock.now();
        const facts = { firstContactOn, enhancedRights: input.firstContact && input.enhancedRights, informationGivenOn };
        await upsertRjCase(tx, { id: row?.id ?? newId(), orgId: actor.orgId, caseId, ...facts, updatedAt: now });
        const k = victimsCodeClock(facts, day);
        const summary = !k
          ? "Victims' Code: this service is not the first contact"
          : k.running
            ? `Victims' Code: information on restorative justice due by ${k.due}${facts.enhancedRights ? ' (enhanced rights)' : ''}`
            : `Victims' Code: information on restorative justice given ${k.metOnTime ? 'on time' : 'late'}`;
        await insertEvent(tx, event(actor, caseId, summary, { victimsCode: facts }));
        await audit.record(tx, actor, actor.orgId, { action: 'rj.victims_code_set', entityType: 'case', entityId: caseId, detail: facts });
        return { ...facts, clock: k };
      });
    },
  };
}
