// The signed-in volunteer's landing page and their cases: a short summary (active cases, hours this year, claims
// waiting) and every assignment they have had, with the co-mediator. Only their own; audited as reads of it.
import type { Db } from '#src/db/client.ts';
import { inOrg } from '#src/db/tenant.ts';
import type { Clock } from '#src/lib/clock.ts';
import type { Audit } from '#src/features/audit/audit.service.ts';
import type { OrgActor } from '#src/access/actor.ts';
import { authorise } from '#src/access/permissions.ts';
import { ENDED_STATUSES } from '#src/domain/case-words.ts';
import { countWaiting } from '../expenses/expenses.repo.ts';
import { hoursTotals } from '../hours/hours.repo.ts';
import { assignmentsOfVolunteer, countActiveCases } from '../assignments/my-cases.repo.ts';
import { calendarOf } from '../calendar.ts';
import { volunteerFor, requireMyVolunteer } from '../records/my-volunteer.ts';
import { findVolunteerByUserId } from '../records/volunteers.repo.ts';
import { listCaseTypes } from '#src/features/orgs/org-records.ts';

/** Active (the assignment goes on and the case has not ended) and past assignments of one volunteer, with the service's case types (for their names). */
async function casesOf(tx: Db, orgId: string, v: { id: string; name: string }) {
  const rows = await assignmentsOfVolunteer(tx, orgId, v.id);
  const isActive = (r: (typeof rows)[number]) => r.endedAt === null && !(ENDED_STATUSES as readonly string[]).includes(r.caseStatus);
  const types = await listCaseTypes(tx, orgId);
  return { volunteer: { id: v.id, name: v.name }, active: rows.filter(isActive), past: rows.filter((r) => !isActive(r)), types };
}

/** The volunteer's next booked meeting in the coming 90 days, or null: meetings' read, given in deps.ts (volunteers is below meetings). */
export type NextMeeting = (
  tx: Db,
  orgId: string,
  volunteerId: string,
  now: Date,
) => Promise<{ kind: string; startsAt: Date; caseReference: string | null } | null>;

export function createMyWorkService({ db, clock, audit, nextMeeting }: { db: Db; clock: Clock; audit: Audit; nextMeeting: NextMeeting }) {
  return {
    /** The summary for /my; `volunteer` is null when the sign-in is not linked to a volunteer record yet. */
    async home(actor: OrgActor) {
      authorise(actor, 'my.work');
      return inOrg(db, actor.orgId, async (tx) => {
        const v = actor.type === 'user' ? await findVolunteerByUserId(tx, actor.orgId, actor.id) : undefined;
        if (!v) return { volunteer: null };
        const cal = calendarOf(clock);
        const totals = await hoursTotals(tx, actor.orgId, v.id, cal);
        const summary = {
          volunteer: { id: v.id, name: v.name, status: v.status },
          activeCases: await countActiveCases(tx, actor.orgId, v.id),
          maxActiveCases: v.maxActiveCases,
          minutesThisYear: totals.year,
          minutesThisMonth: totals.month,
          year: cal.today.slice(0, 4),
          waiting: await countWaiting(tx, actor.orgId, v.id),
          nextMeeting: await nextMeeting(tx, actor.orgId, v.id, clock.now()),
        };
        await audit.record(tx, actor, actor.orgId, { action: 'volunteer.own_summary_viewed', entityType: 'volunteer', entityId: v.id });
        return summary;
      });
    },

    /** Their assignments: active (the assignment goes on and the case has not ended) and past. */
    async cases(actor: OrgActor) {
      authorise(actor, 'my.work');
      return inOrg(db, actor.orgId, async (tx) => {
        const v = await requireMyVolunteer(tx, actor);
        await audit.record(tx, actor, actor.orgId, { action: 'volunteer.own_cases_viewed', entityType: 'volunteer', entityId: v.id });
        return casesOf(tx, actor.orgId, v);
      });
    },

    /** A volunteer's assignments as staff see them on the record's Cases page (a mediator only their own). Audited. */
    async casesOfVolunteer(actor: OrgActor, volunteerId: string) {
      return inOrg(db, actor.orgId, async (tx) => {
        const v = await volunteerFor(tx, actor, volunteerId, 'view');
        await audit.record(tx, actor, actor.orgId, { action: 'volunteer.cases_viewed', entityType: 'volunteer', entityId: v.id });
        return casesOf(tx, actor.orgId, v);
      });
    },
  };
}
export type MyWorkService = ReturnType<typeof createMyWorkService>;
