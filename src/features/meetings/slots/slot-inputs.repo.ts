// Reads what the slot finder needs for one case: the mediators assigned now with their usual times and time away,
// the case's parties with the times they gave at intake and their consent, everyone's booked meetings in the
// range, and (for a meeting at a venue) the venues' rooms and their bookings. Five queries, whatever the numbers.
import type { Db } from '#src/db/client.ts';
import { and, asc, eq, gt, inArray, isNull, lt, or } from '#src/db/orm.ts';
import { intakeRecords, parties } from '#src/db/schema/cases.ts';
import { meetingParticipants, meetings, venueRooms, venues } from '#src/db/schema/meetings.ts';
import { caseAssignments, volunteers } from '#src/db/schema/volunteers.ts';
import type { Busy, SlotMediator, SlotParty, SlotVenue } from './slot-finder.types.ts';

export type SlotCaseParty = SlotParty & { role: string; consent: string };
export type SlotCaseFacts = { mediators: SlotMediator[]; parties: SlotCaseParty[]; venues: SlotVenue[] };
export type SlotRange = { start: Date; end: Date };

/** Booked meetings of these volunteers and parties overlapping the range, by person. */
async function busyOf(tx: Db, orgId: string, range: SlotRange, volunteerIds: string[], partyIds: string[]) {
  const byVolunteer = new Map<string, Busy[]>();
  const byParty = new Map<string, Busy[]>();
  const who = [
    volunteerIds.length ? inArray(meetingParticipants.volunteerId, volunteerIds) : undefined,
    partyIds.length ? inArray(meetingParticipants.partyId, partyIds) : undefined,
  ].filter((c) => c !== undefined);
  if (!who.length) return { byVolunteer, byParty };
  const rows = await tx
    .select({
      meetingId: meetings.id,
      start: meetings.startsAt,
      end: meetings.endsAt,
      mode: meetings.mode,
      volunteerId: meetingParticipants.volunteerId,
      partyId: meetingParticipants.partyId,
    })
    .from(meetingParticipants)
    .innerJoin(meetings, and(eq(meetings.id, meetingParticipants.meetingId), eq(meetings.orgId, orgId)))
    .where(
      and(eq(meetingParticipants.orgId, orgId), eq(meetings.status, 'booked'), lt(meetings.startsAt, range.end), gt(meetings.endsAt, range.start), or(...who)),
    );
  for (const r of rows) {
    const busy: Busy = { start: r.start, end: r.end, inPerson: r.mode === 'in_person', meetingId: r.meetingId };
    if (r.volunteerId) byVolunteer.set(r.volunteerId, [...(byVolunteer.get(r.volunteerId) ?? []), busy]);
    if (r.partyId) byParty.set(r.partyId, [...(byParty.get(r.partyId) ?? []), busy]);
  }
  return { byVolunteer, byParty };
}

/** The service's venues in use (or the one asked for) with their rooms in use and the rooms' bookings in the range (none without one). */
export async function loadSlotVenues(tx: Db, orgId: string, range: SlotRange | null, venueId?: string): Promise<SlotVenue[]> {
  const rows = await tx
    .select({
      id: venues.id,
      name: venues.name,
      openingHours: venues.openingHours,
      closedDates: venues.closedDates,
      roomId: venueRooms.id,
      roomName: venueRooms.name,
      capacity: venueRooms.capacity,
      separateWaitingRoom: venueRooms.separateWaitingRoom,
    })
    .from(venues)
    .leftJoin(venueRooms, and(eq(venueRooms.venueId, venues.id), eq(venueRooms.orgId, orgId), isNull(venueRooms.archivedAt)))
    .where(and(eq(venues.orgId, orgId), isNull(venues.archivedAt), venueId ? eq(venues.id, venueId) : undefined))
    .orderBy(asc(venues.name), asc(venueRooms.name));
  const roomIds = rows.flatMap((r) => (r.roomId ? [r.roomId] : []));
  const bookings =
    range && roomIds.length
      ? await tx
          .select({ meetingId: meetings.id, roomId: meetings.roomId, start: meetings.startsAt, end: meetings.endsAt })
          .from(meetings)
          .where(
            and(
              eq(meetings.orgId, orgId),
              eq(meetings.status, 'booked'),
              inArray(meetings.roomId, roomIds),
              lt(meetings.startsAt, range.end),
              gt(meetings.endsAt, range.start),
            ),
          )
      : [];
  const byVenue = new Map<string, SlotVenue & { rooms: SlotVenue['rooms'][number][] }>();
  for (const r of rows) {
    let venue = byVenue.get(r.id);
    if (!venue) {
      venue = { id: r.id, name: r.name, openingHours: r.openingHours, closedDates: r.closedDates, rooms: [] };
      byVenue.set(r.id, venue);
    }
    if (r.roomId && r.roomName !== null) {
      venue.rooms.push({
        id: r.roomId,
        name: r.roomName,
        capacity: r.capacity ?? 0,
        separateWaitingRoom: r.separateWaitingRoom ?? false,
        bookings: bookings.filter((b) => b.roomId === r.roomId).map((b) => ({ start: b.start, end: b.end, meetingId: b.meetingId })),
      });
    }
  }
  return [...byVenue.values()];
}

/** Everything about the case's people the finder needs, for every party of the case (the caller picks). */
export async function loadSlotPeople(tx: Db, orgId: string, caseId: string, range: SlotRange): Promise<Omit<SlotCaseFacts, 'venues'>> {
  const mediatorRows = await tx
    .select({ id: volunteers.id, name: volunteers.name, weeklyWindows: volunteers.weeklyAvailability, away: volunteers.away })
    .from(caseAssignments)
    .innerJoin(volunteers, and(eq(volunteers.id, caseAssignments.volunteerId), eq(volunteers.orgId, orgId)))
    .where(and(eq(caseAssignments.orgId, orgId), eq(caseAssignments.caseId, caseId), isNull(caseAssignments.endedAt)))
    .orderBy(asc(caseAssignments.assignedAt), asc(volunteers.name));
  const partyRows = await tx
    .select({ id: parties.id, name: parties.name, role: parties.role, consent: parties.consent, weeklyWindows: intakeRecords.availabilityWindows })
    .from(parties)
    .leftJoin(intakeRecords, and(eq(intakeRecords.partyId, parties.id), eq(intakeRecords.orgId, orgId)))
    .where(and(eq(parties.orgId, orgId), eq(parties.caseId, caseId)))
    .orderBy(asc(parties.createdAt), asc(parties.name));
  const { byVolunteer, byParty } = await busyOf(
    tx,
    orgId,
    range,
    mediatorRows.map((m) => m.id),
    partyRows.map((p) => p.id),
  );
  return {
    mediators: mediatorRows.map((m) => ({ id: m.id, name: m.name, weeklyWindows: m.weeklyWindows, away: m.away, busy: byVolunteer.get(m.id) ?? [] })),
    parties: partyRows.map((p) => ({
      id: p.id,
      name: p.name,
      role: p.role,
      consent: p.consent,
      consentWithdrawn: p.consent === 'withdrawn',
      weeklyWindows: p.weeklyWindows ?? [],
      busy: byParty.get(p.id) ?? [],
    })),
  };
}
