// What an admin sends to retention, for the pages and the API alike.
import { z } from 'zod';
import { CASE_TYPES } from '#src/domain/case-words.ts';
import { msg } from '#src/i18n/i18n.ts';
import { MAX_RETENTION_YEARS, MIN_RETENTION_YEARS } from './retention-rules.ts';

const years = z.coerce
  .number({ error: msg('Enter the number of years as a whole number, like 6') })
  .int(msg('Enter the number of years as a whole number, like 6'))
  .min(MIN_RETENTION_YEARS, msg('Keep records for at least 1 year after closure'))
  .max(MAX_RETENTION_YEARS, msg('Keep records for 100 years or fewer'));

export const ZSchedules = z.object(
  Object.fromEntries(CASE_TYPES.map((c) => [c, years.optional()])) as Record<(typeof CASE_TYPES)[number], z.ZodOptional<typeof years>>,
);
export type Schedules = z.infer<typeof ZSchedules>;

export const ZHoldInput = z.object({
  caseReference: z
    .string({ error: msg('Enter the case reference') })
    .trim()
    .min(1, msg('Enter the case reference'))
    .max(40, msg('Enter the case reference')),
  reason: z
    .string({ error: msg('Say why the case must be kept') })
    .trim()
    .min(1, msg('Say why the case must be kept'))
    .max(1000, msg('The reason must be 1000 characters or fewer')),
});
export type HoldInput = z.infer<typeof ZHoldInput>;
