// Pre-sentence restorative justice (rules.md #35): a court may defer sentence, up to 6 months, for RJ when both
// parties consent, and the facilitators send a report to the court. The RJ case records the court, the date sentence
// is deferred to and the day the report was sent; the tab shows the days left until the court sits again. On the
// case timeline and audited.
import { inOrg } from '#src/db/tenant.ts';
import type { OrgActor } from '#src/access/actor.ts';
import { authorise } from '#src/access/permissions.ts';
import { insertEvent } from '#src/features/cases/case-timeline.ts';
import { londonParts } from '#src/domain/meeting-times.ts';
import { addCalendarMonths } from '#src/domain/send-deadline.ts';
import { msg } from '#src/i18n/i18n.ts';
import { newId } from '#src/lib/ids.ts';
import { openRjCase, rjEvent, unprocessable } from './rj-case.ts';
import { findRjCase, upsertRjCase } from './rj.repo.ts';
import type { CourtInput } from './rj.schemas.ts';
import type { RjDeps } from './rj.service.ts';

/** The longest a court defers sentence for restorative justice (#35). */
export const MAX_DEFERMENT_MONTHS = 6;

export function createCourtService(deps: RjDeps) {
  const { db, clock, audit, cases } = deps;
  const event = rjEvent(clock);
  const today = () => londonParts(clock.now()).date;

  return {
    /** Records the court, the date sentence is deferred to and (once sent) the day the report went to the court. */
    async recordCourt(actor: OrgActor, caseId: string, input: CourtInput) {
      authorise(actor, 'cases.view');
      return inOrg(db, actor.orgId, async (tx) => {
        await openRjCase(cases, tx, actor, caseId, 'work');
        const day = today();
        if (input.sentenceDeferredTo > addCalendarMonths(day, MAX_DEFERMENT_MONTHS))
          throw unprocessable('sentenceDeferredTo', msg('A court defers sentence for restorative justice by up to 6 months: check the date'));
        if (input.courtReportSentOn && input.courtReportSentOn > day)
          throw unprocessable('courtReportSentOn', msg('The date the report was sent must be today or in the past'));
        const row = await findRjCase(tx, actor.orgId, caseId);
        const facts = { court: input.court, sentenceDeferredTo: input.sentenceDeferredTo, courtReportSentOn: input.courtReportSentOn ?? null };
        await upsertRjCase(tx, { id: row?.id ?? newId(), orgId: actor.orgId, caseId, ...facts, updatedAt: clock.now() });
        const summary = facts.courtReportSentOn
          ? `Pre-sentence: report sent to ${facts.court} on ${facts.courtReportSentOn}`
          : `Pre-sentence: ${facts.court} deferred sentence to ${facts.sentenceDeferredTo}`;
        await insertEvent(tx, event(actor, caseId, summary, { sentenceDeferredTo: facts.sentenceDeferredTo }));
        await audit.record(tx, actor, actor.orgId, {
          action: 'rj.court_recorded',
          entityType: 'case',
          entityId: caseId,
          detail: { sentenceDeferredTo: facts.sentenceDeferredTo, reportSent: facts.courtReportSentOn !== null },
        });
        return facts;
      });
    },
  };
}
