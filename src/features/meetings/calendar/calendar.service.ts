// The calendars: the coordinator's view of every meeting of the service (week or month, by volunteer and venue)
// and each volunteer's own, which only ever holds meetings they take part in. Neither carries a party's name or
// address: a calendar entry is the time, the kind, the case reference, where (a venue, "Home visit") and the
// mediators, and links to the meeting page, which checks case access again. The service's calendar also holds the
// appointments booked with enquirers (the enquiry's reference and the member of staff; never the enquirer's name).
import type { Db } from '#src/db/client.ts';
import { inOrg } from '#src/db/tenant.ts';
import type { Audit } from '#src/features/audit/audit.service.ts';
import type { OrgActor } from '#src/access/actor.ts';
import { authorise } from '#src/access/permissions.ts';
import { requireMyVolunteer } from '#src/features/volunteers/records/my-volunteer.ts';
import { listVolunteerNames } from '#src/features/volunteers/volunteer-reads.ts';
import type { Clock } from '#src/lib/clock.ts';
import { calendarRange, londonDateOf, londonInstant } from './calendar-dates.ts';
import type { CalendarQuery } from './calendar.schemas.ts';
import { listMeetingsBetween, type MeetingWithParticipants } from '../records/meetings.repo.ts';
import { listVenueNames } from '../venues/venues.repo.ts';
import { type AppointmentRow, listAppointmentsBetween } from '../appointments/appointments.repo.ts';
import { APPOINTMENT_KIND_LABELS, type AppointmentMode } from '../appointments/appointment-rules.ts';

const SHOWN = ['booked', 'held', 'no_show'];

/** A meeting as a calendar shows it: fields picked one by one, and of the participants only the mediators' names. */
export function calendarEntry(m: MeetingWithParticipants) {
  return {
    id: m.id,
    caseId: m.caseId,
    caseReference: m.caseReference,
    kind: m.kind,
    mode: m.mode,
    place: m.place,
    venueName: m.venueName,
    roomName: m.roomName,
    startsAt: m.startsAt,
    endsAt: m.endsAt,
    status: m.status,
    mediators: m.participants.filter((p) => p.kind === 'volunteer').map((p) => p.name),
    /** Set for an enquiry's appointment: its page, and its kind in words (a msg() key). */
    href: undefined as string | undefined,
    kindLabel: undefined as string | undefined,
  };
}
export type CalendarEntry = ReturnType<typeof calendarEntry>;

/** An appointment with an enquirer as the calendar shows it: the enquiry's reference, where, and the member of staff. */
export function appointmentEntry(a: AppointmentRow): CalendarEntry {
  return {
    id: a.id,
    caseId: '',
    caseReference: a.enquiryReference ?? '',
    kind: 'appointment',
    mode: a.mode === 'online' ? 'online' : a.mode,
    place: a.mode === 'in_person' ? 'venue' : null,
    venueName: a.venueName,
    roomName: null,
    startsAt: a.startsAt,
    endsAt: a.endsAt,
    status: a.status,
    mediators: a.staffName ? [a.staffName] : [],
    href: `/enquiries/${a.enquiryId}/appointment`,
    kindLabel: APPOINTMENT_KIND_LABELS[a.mode as AppointmentMode],
  };
}

export function createCalendarService({ db, clock, audit }: { db: Db; clock: Clock; audit: Audit }) {
  /** The days shown and the meetings in them, for one volunteer or the whole service. */
  async function read(tx: Db, orgId: string, q: CalendarQuery, volunteerId: string | undefined) {
    const today = londonDateOf(clock.now());
    const date = q.date ?? today;
    const range = calendarRange(q.view, date);
    const meetings = await listMeetingsBetween(tx, orgId, londonInstant(range.first), londonInstant(range.next), {
      volunteerId,
      venueId: q.venueId,
      statuses: q.cancelled ? [...SHOWN, 'cancelled'] : SHOWN,
    });
    // A volunteer's calendar, or the service's filtered to one volunteer, has no enquiry appointments: staff see those.
    const appointments = volunteerId
      ? []
      : await listAppointmentsBetween(tx, orgId, londonInstant(range.first), londonInstant(range.next), {
          venueId: q.venueId,
          statuses: q.cancelled ? ['booked', 'cancelled'] : ['booked'],
        });
    const venues = (await listVenueNames(tx, orgId)).map((v) => ({ id: v.id, name: v.name, archived: Boolean(v.archivedAt) }));
    const entries = [...meetings.map(calendarEntry), ...appointments.map(appointmentEntry)].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    return { view: q.view, today, date, range, meetings: entries, venues };
  }

  return {
    /** Every meeting of the service in the week or month, optionally of one volunteer or at one venue. */
    async service(actor: OrgActor, q: CalendarQuery) {
      authorise(actor, 'calendar.view');
      return inOrg(db, actor.orgId, async (tx) => {
        const shown = await read(tx, actor.orgId, q, q.volunteerId);
        const volunteers = (await listVolunteerNames(tx, actor.orgId))
          .filter((v) => v.status !== 'applicant' || v.id === q.volunteerId)
          .map((v) => ({ id: v.id, name: v.name }));
        await audit.record(tx, actor, actor.orgId, {
          action: 'calendar.viewed',
          detail: { view: q.view, from: shown.range.first, volunteerId: q.volunteerId ?? null, venueId: q.venueId ?? null, cancelled: q.cancelled },
        });
        return { ...shown, volunteers };
      });
    },

    /** The signed-in volunteer's own meetings: only those they are a participant of, whatever the query asks. */
    async mine(actor: OrgActor, q: CalendarQuery) {
      authorise(actor, 'my.work');
      return inOrg(db, actor.orgId, async (tx) => {
        const v = await requireMyVolunteer(tx, actor);
        const shown = await read(tx, actor.orgId, q, v.id);
        await audit.record(tx, actor, actor.orgId, {
          action: 'calendar.own_viewed',
          entityType: 'volunteer',
          entityId: v.id,
          detail: { view: q.view, from: shown.range.first },
        });
        return { ...shown, volunteer: { id: v.id, name: v.name } };
      });
    },
  };
}
export type CalendarService = ReturnType<typeof createCalendarService>;
