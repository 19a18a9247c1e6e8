// What an admin sends to retention, for the pages and the API alike.
import { z } from 'zod';
import { msg } from '#src/i18n/i18n.ts';
import { MAX_RETENTION_YEARS, MIN_RETENTION_YEARS } from './retention-rules.ts';

/** A schedule for a case type the service does not have. */
export const NO_SUCH_TYPE = msg('This service has no case type with this code');

const years = z.coerce
  .number({ error: msg('Enter the number of years as a whole number, like 6') })
  .int(msg('Enter the number of years as a whole number, like 6'))
  .min(MIN_RETENTION_YEARS, msg('Keep records for at least 1 year after closure'))
  .max(MAX_RETENTION_YEARS, msg('Keep records for 100 years or fewer'));

/** Years to keep after closure, by the code of one of the service's case types (GET /api/v1/case-types); types left out keep theirs. */
export const ZSchedules = z.record(z.string().regex(/^[a-z][a-z0-9_-]{1,39}$/, NO_SUCH_TYPE), years);
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
