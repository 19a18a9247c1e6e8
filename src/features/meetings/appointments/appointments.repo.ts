// The only file that queries enquiry_appointments. Every query is scoped by the service (orgId) and runs inside the
// caller's tenant transaction; the venue's and the member of staff's names come with each row.
import type { Db } from '#src/db/client.ts';
import { and, asc, desc, eq, gt, inArray, lt, type Placeholder, sql } from '#src/db/orm.ts';
import { listValues, placeholderList, preparedShapes } from '#src/db/prepared.ts';
import { users } from '#src/db/schema/people.ts';
import { enquiries } from '#src/db/schema/referrals.ts';
import { enquiryAppointments, venues } from '#src/db/schema/meetings.ts';
import { isUuid } from '#src/lib/ids.ts';

export type NewAppointment = typeof enquiryAppointments.$inferInsert;

function selectAppointments(tx: Db, orgId: string | Placeholder) {
  return tx
    .select({
      id: enquiryAppointments.id,
      enquiryId: enquiryAppointments.enquiryId,
      enquiryReference: enquiries.reference,
      mode: enquiryAppointments.mode,
      venueId: enquiryAppointments.venueId,
      venueName: venues.name,
      venueAddress: venues.address,
      locationText: enquiryAppointments.locationText,
      videoLink: enquiryAppointments.videoLink,
      staffUserId: enquiryAppointments.staffUserId,
      staffName: users.name,
      startsAt: enquiryAppointments.startsAt,
      endsAt: enquiryAppointments.endsAt,
      status: enquiryAppointments.status,
      cancelReason: enquiryAppointments.cancelReason,
      icsUid: enquiryAppointments.icsUid,
      sequence: enquiryAppointments.sequence,
      createdBy: enquiryAppointments.createdBy,
      createdAt: enquiryAppointments.createdAt,
    })
    .from(enquiryAppointments)
    .innerJoin(enquiries, and(eq(enquiries.orgId, orgId), eq(enquiries.id, enquiryAppointments.enquiryId)))
    .leftJoin(venues, and(eq(venues.orgId, orgId), eq(venues.id, enquiryAppointments.venueId)))
    .leftJoin(users, eq(users.id, enquiryAppointments.staffUserId));
}
export type AppointmentRow = Awaited<ReturnType<ReturnType<typeof selectAppointments>['limit']>>[number];

export async function insertAppointment(tx: Db, row: NewAppointment) {
  await tx.insert(enquiryAppointments).values(row);
}

/** An enquiry's appointments, the newest first (the booked one, if any, and those cancelled). */
export async function listAppointmentsOfEnquiry(tx: Db, orgId: string, enquiryId: string): Promise<AppointmentRow[]> {
  if (!isUuid(enquiryId)) return [];
  return selectAppointments(tx, orgId)
    .where(and(eq(enquiryAppointments.orgId, orgId), eq(enquiryAppointments.enquiryId, enquiryId)))
    .orderBy(desc(enquiryAppointments.createdAt));
}

/** The booked appointment of each of these enquiries. */
export async function bookedAppointmentsOf(tx: Db, orgId: string, enquiryIds: string[]): Promise<AppointmentRow[]> {
  const ids = enquiryIds.filter(isUuid);
  if (!ids.length) return [];
  return selectAppointments(tx, orgId).where(
    and(eq(enquiryAppointments.orgId, orgId), inArray(enquiryAppointments.enquiryId, ids), eq(enquiryAppointments.status, 'booked')),
  );
}

/** Appointments overlapping [from, to), soonest first, in these statuses and (optionally) at one venue. */
export async function listAppointmentsBetween(tx: Db, orgId: string, from: Date, to: Date, filter: { statuses: string[]; venueId?: string | undefined }) {
  if (!filter.statuses.length) return [];
  return appointmentsBetween(
    tx,
    { venue: filter.venueId !== undefined, statuses: filter.statuses.length },
    {
      orgId,
      from: from.toISOString(),
      to: to.toISOString(),
      venueId: filter.venueId,
      ...listValues('status', filter.statuses),
    },
  );
}

/** Built once for each shape (db/prepared.ts): with or without a venue, and how many statuses. */
const appointmentsBetween = preparedShapes('appointments_between', (db, shape: { venue: boolean; statuses: number }) => {
  const orgId = sql.placeholder('orgId');
  return selectAppointments(db, orgId)
    .where(
      and(
        eq(enquiryAppointments.orgId, orgId),
        lt(enquiryAppointments.startsAt, sql.placeholder('to')),
        gt(enquiryAppointments.endsAt, sql.placeholder('from')),
        inArray(enquiryAppointments.status, placeholderList('status', shape.statuses)),
        shape.venue ? eq(enquiryAppointments.venueId, sql.placeholder('venueId')) : undefined,
      ),
    )
    .orderBy(asc(enquiryAppointments.startsAt));
});

/** Cancels the booked appointment (raising its sequence for the calendar's cancellation); false when it was not booked. */
export async function cancelAppointment(tx: Db, orgId: string, id: string, values: { cancelReason: string; sequence: number; updatedAt: Date }) {
  const rows = await tx
    .update(enquiryAppointments)
    .set({ status: 'cancelled', ...values })
    .where(and(eq(enquiryAppointments.orgId, orgId), eq(enquiryAppointments.id, id), eq(enquiryAppointments.status, 'booked')))
    .returning({ id: enquiryAppointments.id });
  return rows.length > 0;
}
