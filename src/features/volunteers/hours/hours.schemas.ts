// Volunteer hours: the activities a volunteer logs time against, reading "1.5" or "1 hour 30 minutes" into
// minutes, and the zod inputs the page and the API share. Hours are kept in minutes so sums are exact.
import { msg } from '#src/i18n/i18n.ts';
import { z } from 'zod';
import { isoDate } from '#src/lib/zod-fields.ts';

export const HOUR_ACTIVITIES = [
  'intake_visit',
  'joint_meeting',
  'shuttle_session',
  'indirect_exchange',
  'follow_up',
  'travel',
  'admin',
  'training',
  'supervision',
  'other',
] as const;
export type HourActivity = (typeof HOUR_ACTIVITIES)[number];
export const HOUR_ACTIVITY_LABELS: Record<HourActivity, string> = {
  intake_visit: msg('Intake visit'),
  joint_meeting: msg('Joint meeting'),
  shuttle_session: msg('Shuttle session'),
  indirect_exchange: msg('Indirect (letter) exchange'),
  follow_up: msg('Follow-up call or visit'),
  travel: msg('Travel'),
  admin: msg('Admin (calls, emails, notes)'),
  training: msg('Training'),
  supervision: msg('Supervision'),
  other: msg('Other'),
};

/** Most a volunteer can log on one day, across all their entries. */
export const MAX_MINUTES_A_DAY = 24 * 60;

export type DurationAnswer = { minutes?: number; error?: string };

/**
 * The time typed on the page: hours (whole or decimal, "1.5" or "1,5") and minutes, either may be blank.
 * Returns the total in minutes (rounded to the nearest minute) or the problem in words.
 */
export function readDuration(hoursText: string, minutesText: string): DurationAnswer {
  const h = hoursText.trim().replace(',', '.');
  const m = minutesText.trim();
  if (!h && !m) return { error: 'Enter how long you spent, in hours and minutes (like 1 and 30) or decimal hours (like 1.5)' };
  if (h && !/^\d{1,2}(\.\d{1,2})?$|^\.\d{1,2}$/.test(h)) return { error: 'Hours must be a number, like 2 or 1.5' };
  if (m && !/^\d{1,4}$/.test(m)) return { error: 'Minutes must be a whole number, like 30' };
  const minutes = Math.round(Number(h || '0') * 60) + Number(m || '0');
  if (minutes <= 0) return { error: 'The time must be more than 0 minutes' };
  if (minutes > MAX_MINUTES_A_DAY) return { error: 'The time must be 24 hours or less' };
  return { minutes };
}

/** Minutes as people read them: "1 hour 30 minutes", "45 minutes", "12 hours". */
export function formatMinutes(total: number): string {
  const h = Math.floor(total / 60);
  const m = total % 60;
  const parts = [h ? `${h} ${h === 1 ? 'hour' : 'hours'}` : '', m || !h ? `${m} ${m === 1 ? 'minute' : 'minutes'}` : ''].filter(Boolean);
  return parts.join(' ');
}

/** Minutes as decimal hours with two places, for reports and CSV ("1.50"). */
export const decimalHours = (total: number): string => (total / 60).toFixed(2);

/** One entry of hours, as the service takes it (minutes already worked out). */
export const ZHoursEntry = z
  .object({
    on: isoDate(msg('Date')),
    minutes: z.number({ error: 'Enter the time in minutes' }).int('Minutes must be a whole number').min(1, 'The time must be more than 0 minutes'),
    activity: z.enum(HOUR_ACTIVITIES, { error: 'Choose the activity' }),
    caseId: z.string().uuid('Choose one of your cases').optional(),
    notes: z.string().trim().max(2000, 'Notes must be 2000 characters or fewer').optional(),
  })
  .superRefine((v, ctx) => {
    if (v.activity === 'other' && !v.notes) ctx.addIssue({ code: 'custom', path: ['notes'], message: 'Say what the other activity was' });
  });
export type HoursEntryInput = z.infer<typeof ZHoursEntry>;

/** The API's body: minutes, or decimal hours (1.5), or both added together. */
export const ZHoursEntryApi = z
  .object({
    on: isoDate(msg('Date')),
    hours: z.number().min(0).max(24).optional().describe('Decimal hours, like 1.5'),
    minutes: z.number().int().min(0).max(MAX_MINUTES_A_DAY).optional(),
    activity: z.enum(HOUR_ACTIVITIES),
    caseId: z.string().uuid().optional(),
    notes: z.string().trim().max(2000).optional(),
  })
  .refine((v) => v.hours !== undefined || v.minutes !== undefined, { message: 'Send hours or minutes', path: ['minutes'] });
export type HoursEntryApi = z.infer<typeof ZHoursEntryApi>;

export const apiMinutes = (b: HoursEntryApi): number => Math.round((b.hours ?? 0) * 60) + (b.minutes ?? 0);

export const ZDateRange = z.object({
  from: isoDate(msg('From')).optional(),
  to: isoDate(msg('To')).optional(),
});
export type DateRange = z.infer<typeof ZDateRange>;
