// The venues API: list, add, read and change venues (opening hours, closed dates, archive), add and change rooms.
// The same service as the pages; another service's venue or room is 404.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '#src/deps.ts';
import { MERGE_PATCH_TYPE } from '#src/http/merge-patch.ts';
import { errorResponses, ZApiError } from '#src/http/api-schemas.ts';
import type { RoomRow, VenueWithRooms } from './venues.repo.ts';
import { ZRoomInput, ZRoomPatch, ZVenueInput, ZVenuePatch, ZVenueQuery } from './venues.schemas.ts';
import { openingHoursInWords } from './venues-hours.ts';

const tags = ['venues'];
const security = [{ bearer: [] }];
const ZVenueParams = z.object({ venueId: z.string().uuid('Venue ids are UUIDs') });
const ZRoomParams = ZVenueParams.extend({ roomId: z.string().uuid('Room ids are UUIDs') });

const ZRoomOut = z.object({
  id: z.string(),
  venueId: z.string(),
  name: z.string(),
  capacity: z.number(),
  accessNotes: z.string().nullable(),
  separateWaitingRoom: z.boolean(),
  archived: z.boolean(),
  archivedAt: z.string().nullable(),
});

const ZVenueOut = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string().nullable(),
  postcode: z.string().nullable(),
  accessNotes: z.string().nullable(),
  openingHours: z.array(z.object({ day: z.number(), from: z.string(), to: z.string() })).describe('ISO weekday (1 = Monday) and London times'),
  openingHoursInWords: z.string().describe('Like "Monday to Friday 09:00 to 21:00; Saturday 10:00 to 16:00"'),
  closedDates: z.array(z.string()),
  archived: z.boolean(),
  archivedAt: z.string().nullable(),
  rooms: z.array(ZRoomOut),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const presentRoom = (r: RoomRow): z.infer<typeof ZRoomOut> => ({
  id: r.id,
  venueId: r.venueId,
  name: r.name,
  capacity: r.capacity,
  accessNotes: r.accessNotes,
  separateWaitingRoom: r.separateWaitingRoom,
  archived: Boolean(r.archivedAt),
  archivedAt: r.archivedAt?.toISOString() ?? null,
});

const presentVenue = (v: VenueWithRooms): z.infer<typeof ZVenueOut> => ({
  id: v.id,
  name: v.name,
  address: v.address,
  postcode: v.postcode,
  accessNotes: v.accessNotes,
  openingHours: v.openingHours.map((w) => ({ day: w.day, from: w.from, to: w.to })),
  openingHoursInWords: openingHoursInWords(v.openingHours),
  closedDates: [...v.closedDates],
  archived: Boolean(v.archivedAt),
  archivedAt: v.archivedAt?.toISOString() ?? null,
  rooms: v.rooms.map(presentRoom),
  createdAt: v.createdAt.toISOString(),
  updatedAt: v.updatedAt.toISOString(),
});

export function registerVenueApi(app: FastifyInstance, deps: Pick<Deps, 'venues'>) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/venues',
    {
      schema: {
        summary: 'The service’s venues with their rooms, by name; archived venues and rooms only with includeArchived=true',
        tags,
        security,
        querystring: ZVenueQuery,
        response: { 200: z.object({ venues: z.array(ZVenueOut) }), ...errorResponses },
      },
    },
    async (req) => ({ venues: (await deps.venues.list(req.actor!, { includeArchived: req.query.includeArchived })).map(presentVenue) }),
  );

  api.post(
    '/api/v1/venues',
    {
      schema: {
        summary: 'Add a venue: name, address, a real UK postcode, access notes, opening hours and closed dates',
        tags,
        security,
        body: ZVenueInput,
        response: { 201: ZVenueOut, 409: ZApiError, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(presentVenue(await deps.venues.create(req.actor!, req.body))),
  );

  api.get(
    '/api/v1/venues/:venueId',
    {
      schema: {
        summary: 'One venue with all its rooms (archived ones too)',
        tags,
        security,
        params: ZVenueParams,
        response: { 200: ZVenueOut, 404: ZApiError, ...errorResponses },
      },
    },
    async (req) => presentVenue(await deps.venues.get(req.actor!, req.params.venueId)),
  );

  api.patch(
    '/api/v1/venues/:venueId',
    {
      schema: {
        summary: 'Change a venue; a JSON Merge Patch: only the fields sent change, null clears one. archived: true hides it from booking (it is kept)',
        consumes: [MERGE_PATCH_TYPE, 'application/json'],
        tags,
        security,
        params: ZVenueParams,
        body: ZVenuePatch,
        response: { 200: ZVenueOut, 404: ZApiError, 409: ZApiError, ...errorResponses },
      },
    },
    async (req) => presentVenue(await deps.venues.update(req.actor!, req.params.venueId, req.body)),
  );

  api.post(
    '/api/v1/venues/:venueId/rooms',
    {
      schema: {
        summary: 'Add a room to a venue: name, capacity (1 to 200), access notes, whether it has a separate waiting room',
        tags,
        security,
        params: ZVenueParams,
        body: ZRoomInput,
        response: { 201: ZRoomOut, 404: ZApiError, 409: ZApiError, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(presentRoom(await deps.venues.addRoom(req.actor!, req.params.venueId, req.body))),
  );

  api.patch(
    '/api/v1/venues/:venueId/rooms/:roomId',
    {
      schema: {
        summary: 'Change a room; a JSON Merge Patch: only the fields sent change, null clears one. archived: true hides it from booking (it is kept)',
        consumes: [MERGE_PATCH_TYPE, 'application/json'],
        tags,
        security,
        params: ZRoomParams,
        body: ZRoomPatch,
        response: { 200: ZRoomOut, 404: ZApiError, 409: ZApiError, ...errorResponses },
      },
    },
    async (req) => presentRoom(await deps.venues.updateRoom(req.actor!, req.params.venueId, req.params.roomId, req.body)),
  );
}
