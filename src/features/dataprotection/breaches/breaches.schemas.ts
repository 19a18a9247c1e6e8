// What is recorded about a breach, for the API (dates and times as ISO 8601) and, once read, the page.
import { z } from 'zod';
import { msg } from '#src/i18n/i18n.ts';
import { BREACH_RISKS } from './breach-rules.ts';

const when = (label: string) => z.coerce.date({ error: label });

export const ZNewBreach = z.object({
  summary: z
    .string({ error: msg('Describe what happened') })
    .trim()
    .min(1, msg('Describe what happened'))
    .max(5000, msg('The description must be 5000 characters or fewer')),
  awareAt: when(msg('Enter when the service became aware of the breach, as a date and time')),
  occurredAt: when(msg('Enter when the breach happened, as a date and time')).optional(),
  risk: z.enum(BREACH_RISKS, { error: msg('Choose the risk to the people affected') }),
  peopleAffected: z.coerce
    .number({ error: msg('Enter how many people are affected as a whole number') })
    .int(msg('Enter how many people are affected as a whole number'))
    .min(0, msg('Enter how many people are affected as a whole number'))
    .max(10_000_000, msg('Enter how many people are affected as a whole number'))
    .optional(),
  actionsTaken: z.string().trim().max(5000, msg('What was done must be 5000 characters or fewer')).optional(),
});
export type NewBreach = z.infer<typeof ZNewBreach>;

export const ZBreachUpdate = z.object({
  risk: z.enum(BREACH_RISKS, { error: msg('Choose the risk to the people affected') }).optional(),
  reportedToIcoAt: when(msg('Enter when it was reported to the ICO, as a date and time')).optional(),
  icoReference: z.string().trim().max(100, msg('The ICO reference must be 100 characters or fewer')).optional(),
  notReportedReason: z.string().trim().max(2000, msg('The reason must be 2000 characters or fewer')).optional(),
  peopleToldAt: when(msg('Enter when the people affected were told, as a date and time')).optional(),
  actionsTaken: z.string().trim().max(5000, msg('What was done must be 5000 characters or fewer')).optional(),
  closed: z.boolean().optional(),
});
export type BreachUpdate = z.infer<typeof ZBreachUpdate>;
