// Zod inputs for venues and their rooms: the same shapes serve the pages (after the form is read) and the API.
import { msg } from '#src/i18n/i18n.ts';
import { tooLong } from '#src/lib/zod-fields.ts';
import { z } from 'zod';
import { isRealDate } from '#src/domain/availability.ts';
import { ZWeeklyWindow } from '#src/domain/availability.ts';
import { parsePostcode } from '#src/lib/normalise.ts';
import { openingHoursProblem } from './venues-hours.ts';

/** Optional text: blank means "not given" (null), so an edit can clear it. */
const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong(label, max.toLocaleString('en-GB')))
    .nullable()
    .optional()
    .transform((v) => (v === '' ? null : v));

export const MAX_ROOM_CAPACITY = 200;

const venueFields = {
  name: z.string({ error: 'Enter the venue’s name' }).trim().min(1, 'Enter the venue’s name').max(120, 'The name must be 120 characters or fewer'),
  address: z.string({ error: 'Enter the venue’s address' }).trim().min(1, 'Enter the venue’s address').max(500, 'The address must be 500 characters or fewer'),
  postcode: z
    .string({ error: 'Enter the venue’s postcode' })
    .trim()
    .min(1, 'Enter the venue’s postcode')
    .refine((v) => parsePostcode(v) !== undefined, 'Enter a real postcode, like CT1 2AB'),
  accessNotes: optionalText(1000, msg('Access notes')),
  openingHours: z
    .array(ZWeeklyWindow)
    .max(21, 'List at most 21 opening windows')
    .superRefine((windows, ctx) => {
      const problem = openingHoursProblem(windows as { day: number; from: string; to: string }[]);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .describe('When the venue is open: ISO weekday (1 = Monday … 7 = Sunday) and "HH:MM" London times'),
  closedDates: z
    .array(z.string().refine(isRealDate, 'Closed dates must be real dates, like 2026-12-25'))
    .max(366, 'List at most 366 closed dates')
    .transform((dates) => [...new Set(dates)].sort())
    .describe('Dates the venue is closed beyond its weekly hours, "YYYY-MM-DD"'),
};

export const ZVenueInput = z.object({ ...venueFields, openingHours: venueFields.openingHours.default([]), closedDates: venueFields.closedDates.default([]) });
export type VenueInput = z.infer<typeof ZVenueInput>;

export const ZVenuePatch = z.object({
  name: venueFields.name.optional(),
  address: venueFields.address.optional(),
  postcode: venueFields.postcode.optional(),
  accessNotes: venueFields.accessNotes,
  openingHours: venueFields.openingHours.optional(),
  closedDates: venueFields.closedDates.optional(),
  archived: z.boolean().optional().describe('true hides the venue from booking (it is kept); false brings it back'),
});
export type VenuePatch = Partial<z.infer<typeof ZVenuePatch>>;

const roomFields = {
  name: z.string({ error: 'Enter the room’s name' }).trim().min(1, 'Enter the room’s name').max(120, 'The name must be 120 characters or fewer'),
  capacity: z
    .number({ error: 'Enter how many people the room holds, like 6' })
    .int('Enter how many people the room holds as a whole number, like 6')
    .min(1, 'The room must hold at least 1 person')
    .max(MAX_ROOM_CAPACITY, `Enter ${MAX_ROOM_CAPACITY} people or fewer`),
  accessNotes: optionalText(1000, msg('Access notes')),
  separateWaitingRoom: z.boolean({ error: 'Say whether there is a separate waiting room' }),
};

export const ZRoomInput = z.object({ ...roomFields, separateWaitingRoom: roomFields.separateWaitingRoom.default(false) });
export type RoomInput = z.infer<typeof ZRoomInput>;

export const ZRoomPatch = z.object({
  name: roomFields.name.optional(),
  capacity: roomFields.capacity.optional(),
  accessNotes: roomFields.accessNotes,
  separateWaitingRoom: roomFields.separateWaitingRoom.optional(),
  archived: z.boolean().optional().describe('true hides the room from booking (it is kept); false brings it back'),
});
export type RoomPatch = Partial<z.infer<typeof ZRoomPatch>>;

export const ZVenueQuery = z.object({
  includeArchived: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .describe('true also lists archived venues and rooms'),
});
