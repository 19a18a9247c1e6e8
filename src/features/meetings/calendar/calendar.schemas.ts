// The calendar pages' query (?view=week|month&date=YYYY-MM-DD&volunteerId=&venueId=&cancelled=show): anything
// unreadable falls back to the default, so a hand-edited address still shows a calendar.
import { z } from 'zod';
import { isRealDate } from '#src/domain/availability.ts';

export const ZCalendarQuery = z.object({
  view: z.enum(['week', 'month']).catch('week').default('week'),
  date: z.string().refine(isRealDate).optional().catch(undefined),
  volunteerId: z.string().uuid().optional().catch(undefined),
  venueId: z.string().uuid().optional().catch(undefined),
  cancelled: z
    .enum(['show'])
    .optional()
    .catch(undefined)
    .transform((v) => v === 'show'),
});
export type CalendarQuery = z.infer<typeof ZCalendarQuery>;
