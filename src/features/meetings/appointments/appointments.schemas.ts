// The zod inputs the appointment page and the API share: booking an appointment with an enquirer, and cancelling it.
import { z } from 'zod';
import { msg } from '#src/i18n/i18n.ts';
import { tooLong } from '#src/lib/zod-fields.ts';
import { APPOINTMENT_MODES } from './appointment-rules.ts';

const optionalText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong(what, String(max)))
    .optional();

export const ZBookAppointment = z.object({
  start: z.iso
    .datetime({ offset: true, error: 'Enter the start as a date and time, like 2026-12-15T10:00:00Z' })
    .describe('The start, with its offset: 2026-12-15T10:00:00Z or 2026-07-01T10:00:00+01:00'),
  durationMinutes: z
    .number({ error: 'Enter how long the appointment lasts, in minutes, like 45' })
    .int('Enter the length in whole minutes, like 45')
    .min(15, 'An appointment lasts at least 15 minutes')
    .max(240, 'An appointment lasts at most 240 minutes (4 hours)'),
  mode: z.enum(APPOINTMENT_MODES, { error: 'Choose how the appointment happens: at a venue, by phone or by video' }),
  venueId: z.uuid('Choose the venue').optional(),
  phone: optionalText(40, msg('The phone number')).describe('For a phone appointment: the number to ring (the enquiry’s own when left out)'),
  videoLink: z
    .string()
    .trim()
    .max(500, 'The video link must be 500 characters or fewer')
    .refine((s) => s === '' || /^https:\/\/[^\s<>"]+$/.test(s), 'The video link must start with https://, like https://meet.example.org/abc')
    .optional()
    .describe('For a video appointment: the link (made from the service’s template when left out)'),
  staffUserId: z.uuid('Choose who from the service will see them').describe('The member of staff who sees them'),
});
export type BookAppointment = z.infer<typeof ZBookAppointment>;

export const ZCancelAppointment = z.object({
  reason: z
    .string()
    .trim()
    .max(1000, tooLong(msg('The reason'), '1000'))
    .min(1, 'Say why the appointment is cancelled'),
});
export type CancelAppointment = z.infer<typeof ZCancelAppointment>;
