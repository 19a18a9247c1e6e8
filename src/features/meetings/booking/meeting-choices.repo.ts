// What the booking form offers: the service's venue rooms (with their venue's name) and the mediators on the case
// now (with the email their invitation goes to). Read-only; venues are managed in venues.*.
import type { Db } from '#src/db/client.ts';
import { and, asc, eq, isNull, sql } from '#src/db/orm.ts';
import { venueRooms, venues } from '#src/db/schema/meetings.ts';
import { caseAssignments, volunteers } from '#src/db/schema/volunteers.ts';

/** Rooms that can be booked: neither the room nor its venue archived; by venue, then room. */
export async function listBookableRooms(tx: Db, orgId: string) {
  return tx
    .select({
      id: venueRooms.id,
      name: venueRooms.name,
      capacity: venueRooms.capacity,
      separateWaitingRoom: venueRooms.separateWaitingRoom,
      venueId: venues.id,
      venueName: venues.name,
    })
    .from(venueRooms)
    .innerJoin(venues, and(eq(venues.id, venueRooms.venueId), eq(venues.orgId, orgId)))
    .where(and(eq(venueRooms.orgId, orgId), isNull(venueRooms.archivedAt), isNull(venues.archivedAt)))
    .orderBy(asc(venues.name), asc(venueRooms.name))
    .limit(500);
}

/** The volunteers assigned to the case now (lead first), with the email and sign-in their invitations use. */
export async function listCaseMediators(tx: Db, orgId: string, caseId: string) {
  return tx
    .select({ volunteerId: volunteers.id, name: volunteers.name, email: volunteers.email, userId: volunteers.userId, role: caseAssignments.role })
    .from(caseAssignments)
    .innerJoin(volunteers, and(eq(volunteers.id, caseAssignments.volunteerId), eq(volunteers.orgId, orgId)))
    .where(and(eq(caseAssignments.orgId, orgId), eq(caseAssignments.caseId, caseId), isNull(caseAssignments.endedAt)))
    .orderBy(sql`CASE WHEN ${caseAssignments.role} = 'lead' THEN 0 ELSE 1 END`, asc(caseAssignments.assignedAt));
}
export type CaseMediator = Awaited<ReturnType<typeof listCaseMediators>>[number];
