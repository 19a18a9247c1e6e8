// Volunteer hours: a volunteer logs their own time (per case or not), sees their totals, and deletes an entry
// within 30 days; staff read anyone's hours, add them for someone, and run the service-wide report funders ask
// for. Every read of a volunteer's hours and every change is audited.
import { msg } from '#src/i18n/i18n.ts';
import type { Db } from '#src/db/client.ts';
import { inOrg } from '#src/db/tenant.ts';
import { AppError, inEnglish, invalid, notFound } from '#src/lib/app-error.ts';
import { zodFields } from '#src/lib/zod-fields.ts';
import { newId } from '#src/lib/ids.ts';
import type { Clock } from '#src/lib/clock.ts';
import type { Audit } from '#src/features/audit/audit.service.ts';
import type { OrgActor } from '#src/access/actor.ts';
import { authorise } from '#src/access/permissions.ts';
import { isRealDate } from '#src/http/page-form.ts';
import { judge, orRefuse, ownsRecord } from '#src/access/access.ts';
import { type DateRange, formatMinutes, type HoursEntryInput, MAX_MINUTES_A_DAY, ZHoursEntry } from './hours.schemas.ts';
import {
  deleteHoursEntry,
  findHoursEntry,
  hoursPerCase,
  hoursTotals,
  insertHours,
  listHours,
  lockVolunteerForHours,
  minutesOnDay,
  reportByActivity,
  reportByCaseType,
  reportByVolunteer,
} from './hours.repo.ts';
import { casesEverAssigned } from '../assignments/my-cases.repo.ts';
import { listCaseTypes } from '#src/features/orgs/org-records.ts';
import { calendarOf } from '../calendar.ts';
import { ownCaseProblem, pastDateProblem, requireMyVolunteer, throwIfProblems, volunteerFor } from '../records/my-volunteer.ts';
import type { VolunteerRow } from '../records/volunteers.repo.ts';

const by = (actor: OrgActor) => actor.label ?? actor.id;

export function createHoursService({ db, clock, audit }: { db: Db; clock: Clock; audit: Audit }) {
  /** The volunteer's entries, totals (month, year, all), minutes per case and the cases they may log against. */
  async function overview(tx: Db, actor: OrgActor, v: VolunteerRow) {
    const cal = calendarOf(clock);
    const now = clock.now();
    const entries = await listHours(tx, actor.orgId, v.id);
    const result = {
      volunteer: { id: v.id, name: v.name, status: v.status },
      entries: entries.map((e) => ({ ...e, canDelete: judge(actor, 'hours_entry', 'delete', { ownerUserId: v.userId, createdAt: e.createdAt }, now).allowed })),
      totals: await hoursTotals(tx, actor.orgId, v.id, cal),
      perCase: await hoursPerCase(tx, actor.orgId, v.id),
      caseChoices: await casesEverAssigned(tx, actor.orgId, v.id),
      /** The service's case types, for their names. */
      types: await listCaseTypes(tx, actor.orgId),
      today: cal.today,
    };
    await audit.record(tx, actor, actor.orgId, {
      action: ownsRecord(actor, v.userId) ? 'volunteer.own_hours_viewed' : 'volunteer.hours_viewed',
      entityType: 'volunteer',
      entityId: v.id,
    });
    return result;
  }

  async function add(tx: Db, actor: OrgActor, v: VolunteerRow, input: HoursEntryInput) {
    const valid = ZHoursEntry.safeParse(input);
    if (!valid.success) throw invalid(zodFields(valid.error));
    const { today } = calendarOf(clock);
    throwIfProblems({ on: pastDateProblem(input.on, today), caseId: await ownCaseProblem(tx, actor.orgId, v.id, input.caseId) });
    await lockVolunteerForHours(tx, actor.orgId, v.id);
    const already = await minutesOnDay(tx, actor.orgId, v.id, input.on);
    if (already + input.minutes > MAX_MINUTES_A_DAY)
      throw new AppError('UNPROCESSABLE', msg('More than 24 hours on one day'), {
        reason: 'DAY_OVER_24_HOURS',
        fields: {
          minutes: inEnglish({
            text: msg('A day has at most 24 hours, and {logged} are already logged on that day'),
            params: { logged: formatMinutes(already) },
          }),
        },
      });
    const id = newId();
    await insertHours(tx, {
      id,
      orgId: actor.orgId,
      volunteerId: v.id,
      caseId: input.caseId ?? null,
      on: input.on,
      minutes: input.minutes,
      activity: input.activity,
      notes: input.notes ?? null,
      recordedBy: by(actor),
      createdAt: clock.now(),
    });
    await audit.record(tx, actor, actor.orgId, {
      action: 'volunteer.hours_added',
      entityType: 'volunteer',
      entityId: v.id,
      detail: { entryId: id, on: input.on, minutes: input.minutes, activity: input.activity, caseId: input.caseId ?? null },
    });
    return { id };
  }

  async function remove(tx: Db, actor: OrgActor, v: VolunteerRow, entryId: string) {
    const entry = await findHoursEntry(tx, actor.orgId, v.id, entryId);
    if (!entry) throw notFound(msg('That entry of hours was not found'));
    orRefuse(judge(actor, 'hours_entry', 'delete', { ownerUserId: v.userId, createdAt: entry.createdAt }, clock.now()));
    await deleteHoursEntry(tx, actor.orgId, entry.id);
    await audit.record(tx, actor, actor.orgId, {
      action: 'volunteer.hours_deleted',
      entityType: 'volunteer',
      entityId: v.id,
      detail: { entryId: entry.id, on: entry.on, minutes: entry.minutes, activity: entry.activity },
    });
  }

  const readable = (tx: Db, actor: OrgActor, volunteerId: string) => volunteerFor(tx, actor, volunteerId, 'read_hours');
  const writable = (tx: Db, actor: OrgActor, volunteerId: string) => volunteerFor(tx, actor, volunteerId, 'log_hours');

  return {
    /** The signed-in volunteer's own hours (403 NO_VOLUNTEER_RECORD when their sign-in is not linked). */
    async mine(actor: OrgActor) {
      authorise(actor, 'my.work');
      return inOrg(db, actor.orgId, async (tx) => overview(tx, actor, await requireMyVolunteer(tx, actor)));
    },

    async addMine(actor: OrgActor, input: HoursEntryInput) {
      authorise(actor, 'my.work');
      return inOrg(db, actor.orgId, async (tx) => add(tx, actor, await requireMyVolunteer(tx, actor), input));
    },

    async removeMine(actor: OrgActor, entryId: string) {
      authorise(actor, 'my.work');
      return inOrg(db, actor.orgId, async (tx) => remove(tx, actor, await requireMyVolunteer(tx, actor), entryId));
    },

    /** A volunteer's hours: staff with volunteers.view, or the volunteer themself. */
    async ofVolunteer(actor: OrgActor, volunteerId: string) {
      return inOrg(db, actor.orgId, async (tx) => overview(tx, actor, await readable(tx, actor, volunteerId)));
    },

    /** Logs hours for a volunteer: staff with volunteers.manage, or the volunteer themself. */
    async addFor(actor: OrgActor, volunteerId: string, input: HoursEntryInput) {
      return inOrg(db, actor.orgId, async (tx) => add(tx, actor, await writable(tx, actor, volunteerId), input));
    },

    async removeFor(actor: OrgActor, volunteerId: string, entryId: string) {
      return inOrg(db, actor.orgId, async (tx) => remove(tx, actor, await writable(tx, actor, volunteerId), entryId));
    },

    /** Hours per volunteer, per case type and per activity between two dates (default: this year so far). */
    async report(actor: OrgActor, range: DateRange = {}) {
      authorise(actor, 'volunteers.view');
      const cal = calendarOf(clock);
      const from = range.from ?? cal.yearStart;
      const to = range.to ?? cal.today;
      throwIfProblems({ from: isRealDate(from) ? undefined : 'From must be a real date', to: isRealDate(to) ? undefined : 'To must be a real date' });
      if (from > to)
        throw new AppError('UNPROCESSABLE', msg('The dates are the wrong way round'), {
          reason: 'VALIDATION_FAILED',
          fields: { to: 'The end date must be the same as or after the start date' },
        });
      return inOrg(db, actor.orgId, async (tx) => {
        const volunteers = await reportByVolunteer(tx, actor.orgId, from, to);
        const caseTypes = await reportByCaseType(tx, actor.orgId, from, to);
        const activities = await reportByActivity(tx, actor.orgId, from, to);
        const types = await listCaseTypes(tx, actor.orgId);
        const totalMinutes = volunteers.reduce((sum, r) => sum + r.minutes, 0);
        await audit.record(tx, actor, actor.orgId, {
          action: 'volunteer.hours_report_viewed',
          entityType: 'organisation',
          entityId: actor.orgId,
          detail: { from, to },
        });
        return { from, to, volunteers, caseTypes, types, activities, totalMinutes, entries: volunteers.reduce((sum, r) => sum + r.entries, 0) };
      });
    },
  };
}
export type HoursService = ReturnType<typeof createHoursService>;
export type HoursOverview = Awaited<ReturnType<HoursService['mine']>>;
export type HoursReport = Awaited<ReturnType<HoursService['report']>>;
