// Venues: the neutral places a service meets people in, and their rooms. Staff who book meetings (and mediators)
// read them; coordinators and admins add, change and archive them. Archived venues and rooms are kept, because
// meetings point at them, but booking and the slot finder no longer offer them. Every change is audited.
import { msg, worded } from '#src/i18n/i18n.ts';
import type { Db } from '#src/db/client.ts';
import { inOrg } from '#src/db/tenant.ts';
import type { Audit } from '#src/features/audit/audit.service.ts';
import type { OrgActor } from '#src/access/actor.ts';
import { authorise } from '#src/access/permissions.ts';
import { AppError, inEnglish, notFound } from '#src/lib/app-error.ts';
import type { Clock } from '#src/lib/clock.ts';
import { newId } from '#src/lib/ids.ts';
import { parsePostcode } from '#src/lib/normalise.ts';
import type { RoomInput, RoomPatch, VenueInput, VenuePatch } from './venues.schemas.ts';
import {
  findRoom,
  findVenue,
  insertRoom,
  insertVenue,
  listRoomsOf,
  listVenuesWithRooms,
  type RoomRow,
  updateRoom,
  updateVenue,
  type VenueRow,
  type VenueWithRooms,
} from './venues.repo.ts';

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The fields a patch changes (for the audit record): those given and different from what is stored. */
function changedFields(before: Record<string, unknown>, patch: Record<string, unknown>) {
  return Object.keys(patch).filter((k) => patch[k] !== undefined && JSON.stringify(patch[k]) !== JSON.stringify(before[k]));
}

/** Whether the venue or room is in use after the change (names need be unique only among those). */
const staysInUse = (row: { archivedAt: Date | null }, archived: boolean | undefined) => archived === false || (archived === undefined && !row.archivedAt);

function postcodeColumns(postcode: string) {
  const parsed = parsePostcode(postcode);
  return { postcode: parsed?.normalised ?? postcode.trim().toUpperCase(), postcodeNorm: parsed?.compact ?? null };
}

export function createVenueService({ db, clock, audit }: { db: Db; clock: Clock; audit: Audit }) {
  async function getVenue(tx: Db, orgId: string, venueId: string): Promise<VenueRow> {
    const venue = await findVenue(tx, orgId, venueId);
    if (!venue) throw notFound(msg('That venue was not found'));
    return venue;
  }

  async function getRoom(tx: Db, orgId: string, venueId: string, roomId: string): Promise<RoomRow> {
    const room = await findRoom(tx, orgId, venueId, roomId);
    if (!room) throw notFound(msg('That room was not found'));
    return room;
  }

  /** 409 on the name field when another venue still in use (or another room of the venue) has the name. */
  function refuseDuplicate(names: { id: string; name: string; archivedAt: Date | null }[], name: string | undefined, selfId: string | null, what: string) {
    if (name === undefined) return;
    if (names.some((n) => n.id !== selfId && !n.archivedAt && sameName(n.name, name))) {
      const message = { text: msg('There is already {what} called {name}'), params: { what: worded(what), name: name.trim() } };
      throw new AppError('CONFLICT', message.text, {
        reason: 'DUPLICATE_NAME',
        params: message.params,
        fields: { name: inEnglish(message) },
        fieldParams: { name: message },
      });
    }
  }

  async function withRooms(tx: Db, orgId: string, venue: VenueRow): Promise<VenueWithRooms> {
    return { ...venue, rooms: await listRoomsOf(tx, orgId, [venue.id], { includeArchived: true }) };
  }

  return {
    /** The service's venues with their rooms; archived ones only when asked. */
    async list(actor: OrgActor, opts: { includeArchived?: boolean } = {}): Promise<VenueWithRooms[]> {
      authorise(actor, 'venues.view');
      return inOrg(db, actor.orgId, (tx) => listVenuesWithRooms(tx, actor.orgId, opts));
    },

    /** One venue with all its rooms (archived ones too); 404 when not this service's. */
    async get(actor: OrgActor, venueId: string): Promise<VenueWithRooms> {
      authorise(actor, 'venues.view');
      return inOrg(db, actor.orgId, async (tx) => withRooms(tx, actor.orgId, await getVenue(tx, actor.orgId, venueId)));
    },

    /** What the venue and room forms start from: the venue (when changing one or adding a room), for those who manage venues. */
    async forForm(actor: OrgActor, venueId?: string): Promise<VenueWithRooms | undefined> {
      authorise(actor, 'venues.manage');
      if (!venueId) return undefined;
      return inOrg(db, actor.orgId, async (tx) => withRooms(tx, actor.orgId, await getVenue(tx, actor.orgId, venueId)));
    },

    /** One room and its venue, for the room's form. */
    async room(actor: OrgActor, venueId: string, roomId: string) {
      authorise(actor, 'venues.manage');
      return inOrg(db, actor.orgId, async (tx) => ({
        venue: await getVenue(tx, actor.orgId, venueId),
        room: await getRoom(tx, actor.orgId, venueId, roomId),
      }));
    },

    async create(actor: OrgActor, input: VenueInput): Promise<VenueWithRooms> {
      authorise(actor, 'venues.manage');
      return inOrg(db, actor.orgId, async (tx) => {
        refuseDuplicate(await listVenuesWithRooms(tx, actor.orgId), input.name, null, msg('a venue'));
        const now = clock.now();
        const id = newId();
        await insertVenue(tx, {
          id,
          orgId: actor.orgId,
          name: input.name,
          address: input.address,
          ...postcodeColumns(input.postcode),
          accessNotes: input.accessNotes ?? null,
          openingHours: input.openingHours,
          closedDates: input.closedDates,
          createdAt: now,
          updatedAt: now,
        });
        await audit.record(tx, actor, actor.orgId, { action: 'venue.added', entityType: 'venue', entityId: id, detail: { name: input.name } });
        return withRooms(tx, actor.orgId, await getVenue(tx, actor.orgId, id));
      });
    },

    /** Changes the venue's details, hours or closed dates; `archived` archives it or brings it back. */
    async update(actor: OrgActor, venueId: string, patch: VenuePatch): Promise<VenueWithRooms> {
      authorise(actor, 'venues.manage');
      return inOrg(db, actor.orgId, async (tx) => {
        const venue = await getVenue(tx, actor.orgId, venueId);
        const { archived, ...details } = patch;
        if (staysInUse(venue, archived) && (details.name !== undefined || archived === false))
          refuseDuplicate(await listVenuesWithRooms(tx, actor.orgId), details.name ?? venue.name, venue.id, msg('a venue'));
        const values: Partial<VenueRow> = { ...details, ...(details.postcode !== undefined ? postcodeColumns(details.postcode) : {}) };
        const changed = changedFields(venue, { ...details, postcode: values.postcode });
        const archiving = archived === true && !venue.archivedAt;
        const restoring = archived === false && Boolean(venue.archivedAt);
        if (archiving) values.archivedAt = clock.now();
        if (restoring) values.archivedAt = null;
        if (changed.length || archiving || restoring) {
          await updateVenue(tx, actor.orgId, venue.id, { ...values, updatedAt: clock.now() });
          if (changed.length)
            await audit.record(tx, actor, actor.orgId, { action: 'venue.changed', entityType: 'venue', entityId: venue.id, detail: { fields: changed } });
          if (archiving || restoring)
            await audit.record(tx, actor, actor.orgId, { action: archiving ? 'venue.archived' : 'venue.restored', entityType: 'venue', entityId: venue.id });
        }
        return withRooms(tx, actor.orgId, await getVenue(tx, actor.orgId, venue.id));
      });
    },

    async addRoom(actor: OrgActor, venueId: string, input: RoomInput): Promise<RoomRow> {
      authorise(actor, 'venues.manage');
      return inOrg(db, actor.orgId, async (tx) => {
        const venue = await getVenue(tx, actor.orgId, venueId);
        refuseDuplicate(await listRoomsOf(tx, actor.orgId, [venue.id]), input.name, null, msg('a room at this venue'));
        const id = newId();
        await insertRoom(tx, {
          id,
          orgId: actor.orgId,
          venueId: venue.id,
          name: input.name,
          capacity: input.capacity,
          accessNotes: input.accessNotes ?? null,
          separateWaitingRoom: input.separateWaitingRoom,
          createdAt: clock.now(),
        });
        await audit.record(tx, actor, actor.orgId, {
          action: 'venue.room_added',
          entityType: 'venue_room',
          entityId: id,
          detail: { venueId: venue.id, name: input.name },
        });
        return getRoom(tx, actor.orgId, venue.id, id);
      });
    },

    /** Changes a room; `archived` archives it or brings it back. */
    async updateRoom(actor: OrgActor, venueId: string, roomId: string, patch: RoomPatch): Promise<RoomRow> {
      authorise(actor, 'venues.manage');
      return inOrg(db, actor.orgId, async (tx) => {
        const room = await getRoom(tx, actor.orgId, venueId, roomId);
        const { archived, ...details } = patch;
        if (staysInUse(room, archived) && (details.name !== undefined || archived === false))
          refuseDuplicate(await listRoomsOf(tx, actor.orgId, [room.venueId]), details.name ?? room.name, room.id, msg('a room at this venue'));
        const changed = changedFields(room, details);
        const archiving = archived === true && !room.archivedAt;
        const restoring = archived === false && Boolean(room.archivedAt);
        const values: Partial<RoomRow> = { ...details };
        if (archiving) values.archivedAt = clock.now();
        if (restoring) values.archivedAt = null;
        if (changed.length || archiving || restoring) {
          await updateRoom(tx, actor.orgId, room.id, values);
          const entity = { entityType: 'venue_room', entityId: room.id };
          if (changed.length)
            await audit.record(tx, actor, actor.orgId, { action: 'venue.room_changed', ...entity, detail: { venueId: room.venueId, fields: changed } });
          if (archiving || restoring)
            await audit.record(tx, actor, actor.orgId, {
              action: archiving ? 'venue.room_archived' : 'venue.room_restored',
              ...entity,
              detail: { venueId: room.venueId },
            });
        }
        return getRoom(tx, actor.orgId, room.venueId, room.id);
      });
    },
  };
}
export type VenueService = ReturnType<typeof createVenueService>;
