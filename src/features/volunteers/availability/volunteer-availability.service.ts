// A volunteer's availability: the weekly pattern and time away. Staff who manage volunteers change anyone's;
// a volunteer changes their own ('mine': the record linked to their sign-in). Every change is audited.
import { msg } from '#src/i18n/i18n.ts';
import type { Db } from '#src/db/client.ts';
import type { AwayPeriod, WeeklyWindow } from '#src/db/schema/volunteers.ts';
import { inOrg } from '#src/db/tenant.ts';
import { AppError, notFound } from '#src/lib/app-error.ts';
import { newId } from '#src/lib/ids.ts';
import type { OrgActor } from '#src/access/actor.ts';
import { authorise } from '#src/access/permissions.ts';
import { findVolunteerByUserId, getVolunteer, updateVolunteer, type VolunteerRow } from '../records/volunteers.repo.ts';
import type { AvailabilityInput, AwayInput } from '../records/volunteers.schemas.ts';
import type { VolunteerDeps } from '../records/volunteers.service.ts';
import { judge, orRefuse } from '#src/access/access.ts';

/** A volunteer by id, or 'mine': the record linked to the signed-in volunteer. */
export type VolunteerRef = string | 'mine';

export const NO_RECORD_REASON = 'NO_VOLUNTEER_RECORD';

const byDate = (a: AwayPeriod, b: AwayPeriod) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to);
const byDay = (a: WeeklyWindow, b: WeeklyWindow) => a.day - b.day || a.from.localeCompare(b.from);

export function createVolunteerAvailability({ db, clock, audit }: VolunteerDeps) {
  async function load(tx: Db, actor: OrgActor, ref: VolunteerRef): Promise<VolunteerRow> {
    if (ref !== 'mine') return getVolunteer(tx, actor.orgId, ref);
    authorise(actor, 'my.work');
    const own = await findVolunteerByUserId(tx, actor.orgId, actor.id);
    if (!own)
      throw new AppError(
        'NOT_FOUND',
        msg('Your sign-in is not linked to a volunteer record in {orgName}. Ask your volunteer coordinator to link your account from your volunteer record.'),
        { reason: NO_RECORD_REASON, params: { orgName: actor.orgName } },
      );
    return own;
  }

  async function change(actor: OrgActor, ref: VolunteerRef, what: string, edit: (v: VolunteerRow) => Partial<VolunteerRow>) {
    return inOrg(db, actor.orgId, async (tx) => {
      const v = await load(tx, actor, ref);
      orRefuse(judge(actor, 'volunteer', 'change_availability', v));
      const values = edit(v);
      await updateVolunteer(tx, actor.orgId, v.id, { ...values, updatedAt: clock.now() });
      await audit.record(tx, actor, actor.orgId, { action: 'volunteer.availability_changed', entityType: 'volunteer', entityId: v.id, detail: { what } });
      const after = { ...v, ...values };
      return { id: v.id, weekly: after.weeklyAvailability, away: after.away };
    });
  }

  return {
    /** The weekly pattern and time away, and whether the actor may change them. */
    async availability(actor: OrgActor, ref: VolunteerRef) {
      return inOrg(db, actor.orgId, async (tx) => {
        const v = await load(tx, actor, ref);
        orRefuse(judge(actor, 'volunteer', 'view', v));
        await audit.record(tx, actor, actor.orgId, { action: 'volunteer.viewed', entityType: 'volunteer', entityId: v.id, detail: { page: 'availability' } });
        return {
          volunteer: { id: v.id, name: v.name, status: v.status },
          weekly: v.weeklyAvailability,
          away: [...v.away].sort(byDate),
          canChange: judge(actor, 'volunteer', 'change_availability', v).allowed,
        };
      });
    },

    /** Replaces both the weekly pattern and the time away (the API's PUT). */
    async setAvailability(actor: OrgActor, ref: VolunteerRef, input: AvailabilityInput) {
      return change(actor, ref, 'all', (v) => ({
        weeklyAvailability: input.weekly.map((w) => ({ day: w.day, from: w.from, to: w.to })).sort(byDay),
        away: input.away
          .map((p) => ({
            id: p.id && v.away.some((a) => a.id === p.id) ? p.id : newId(),
            from: p.from,
            to: p.to,
            ...(p.reason ? { reason: p.reason } : {}),
          }))
          .sort(byDate),
      }));
    },

    async setWeekly(actor: OrgActor, ref: VolunteerRef, weekly: WeeklyWindow[]) {
      return change(actor, ref, 'weekly', () => ({ weeklyAvailability: [...weekly].sort(byDay) }));
    },

    async addAway(actor: OrgActor, ref: VolunteerRef, input: AwayInput) {
      const period: AwayPeriod = { id: newId(), from: input.from, to: input.to, ...(input.reason ? { reason: input.reason } : {}) };
      return change(actor, ref, 'away_added', (v) => ({ away: [...v.away, period].sort(byDate) }));
    },

    async removeAway(actor: OrgActor, ref: VolunteerRef, periodId: string) {
      return change(actor, ref, 'away_removed', (v) => {
        if (!v.away.some((p) => p.id === periodId)) throw notFound(msg('That time away was not found'));
        return { away: v.away.filter((p) => p.id !== periodId) };
      });
    },
  };
}
