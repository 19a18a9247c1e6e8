// The only file that queries venues and venue_rooms. Every query is scoped by the service (orgId). Archived venues
// and rooms are kept (meetings point at them) and left out of what booking and the slot finder read.
import type { Db } from '#src/db/client.ts';
import { prepared } from '#src/db/prepared.ts';
import { anyPart } from '#src/db/read-in-one.ts';
import { and, asc, eq, inArray, isNull, sql } from '#src/db/orm.ts';
import { venueRooms, venues } from '#src/db/schema/meetings.ts';
import { isUuid } from '#src/lib/ids.ts';

export type VenueRow = typeof venues.$inferSelect;
export type RoomRow = typeof venueRooms.$inferSelect;
export type VenueWithRooms = VenueRow & { rooms: RoomRow[] };

export async function insertVenue(tx: Db, row: typeof venues.$inferInsert) {
  await tx.insert(venues).values(row);
}

export async function insertRoom(tx: Db, row: typeof venueRooms.$inferInsert) {
  await tx.insert(venueRooms).values(row);
}

export async function findVenue(tx: Db, orgId: string, venueId: string): Promise<VenueRow | undefined> {
  if (!isUuid(venueId)) return undefined;
  const rows = await tx
    .select()
    .from(venues)
    .where(and(eq(venues.orgId, orgId), eq(venues.id, venueId)));
  return rows[0];
}

export async function findRoom(tx: Db, orgId: string, venueId: string, roomId: string): Promise<RoomRow | undefined> {
  if (!isUuid(roomId) || !isUuid(venueId)) return undefined;
  const rows = await tx
    .select()
    .from(venueRooms)
    .where(and(eq(venueRooms.orgId, orgId), eq(venueRooms.venueId, venueId), eq(venueRooms.id, roomId)));
  return rows[0];
}

export async function listRoomsOf(tx: Db, orgId: string, venueIds: string[], opts: { includeArchived?: boolean } = {}) {
  if (!venueIds.length) return [];
  const conditions = [eq(venueRooms.orgId, orgId), inArray(venueRooms.venueId, venueIds)];
  if (!opts.includeArchived) conditions.push(isNull(venueRooms.archivedAt));
  return tx
    .select()
    .from(venueRooms)
    .where(and(...conditions))
    .orderBy(asc(venueRooms.name));
}

/**
 * The service's venues by name, each with its rooms by name. Without `includeArchived`: only open-for-booking
 * venues and rooms — what booking and the slot finder use.
 */
/** Whether the service has any venue in use (the getting-started checklist). */
const anyVenueWith = (db: Db) =>
  db
    .select({ id: venues.id })
    .from(venues)
    .where(and(eq(venues.orgId, sql.placeholder('orgId')), isNull(venues.archivedAt)))
    .limit(1);
const anyVenue = prepared('venues_any', anyVenueWith);

/** Whether the service has a venue in use (placeholder orgId), read with other parts in one statement (db/read-in-one.ts). */
export const anyVenuePart = anyPart(anyVenueWith);

export async function hasVenue(tx: Db, orgId: string): Promise<boolean> {
  const rows = await anyVenue(tx, { orgId });
  return rows.length > 0;
}

/** Every venue's name, archived ones too, by name (the calendar's choice of venue), without their rooms. */
export async function listVenueNames(tx: Db, orgId: string) {
  return tx.select({ id: venues.id, name: venues.name, archivedAt: venues.archivedAt }).from(venues).where(eq(venues.orgId, orgId)).orderBy(asc(venues.name));
}

export async function listVenuesWithRooms(tx: Db, orgId: string, opts: { includeArchived?: boolean } = {}): Promise<VenueWithRooms[]> {
  const conditions = [eq(venues.orgId, orgId)];
  if (!opts.includeArchived) conditions.push(isNull(venues.archivedAt));
  const list = await tx
    .select()
    .from(venues)
    .where(and(...conditions))
    .orderBy(asc(venues.name));
  const rooms = await listRoomsOf(
    tx,
    orgId,
    list.map((v) => v.id),
    opts,
  );
  return list.map((v) => ({ ...v, rooms: rooms.filter((r) => r.venueId === v.id) }));
}

export async function updateVenue(tx: Db, orgId: string, venueId: string, values: Partial<typeof venues.$inferInsert>) {
  await tx
    .update(venues)
    .set(values)
    .where(and(eq(venues.orgId, orgId), eq(venues.id, venueId)));
}

export async function updateRoom(tx: Db, orgId: string, roomId: string, values: Partial<typeof venueRooms.$inferInsert>) {
  await tx
    .update(venueRooms)
    .set(values)
    .where(and(eq(venueRooms.orgId, orgId), eq(venueRooms.id, roomId)));
}
