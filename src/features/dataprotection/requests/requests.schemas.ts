// A person's request, as the API takes it: its kind and when it arrived; then extending it, or closing it.
import { z } from 'zod';
import { msg } from '#src/i18n/i18n.ts';
import { ERASURE_REFUSAL_REASONS, REQUEST_KINDS } from './request-rules.ts';

const day = (message: string) => z.iso.date(message);

export const ZNewRequest = z.object({
  kind: z.enum(REQUEST_KINDS, { error: msg('Choose what the person asked for') }),
  requesterName: z
    .string({ error: msg('Enter the name of the person asking') })
    .trim()
    .min(1, msg('Enter the name of the person asking'))
    .max(200, msg('The name must be 200 characters or fewer')),
  requesterContact: z.string().trim().max(300, msg('How to reach them must be 300 characters or fewer')).optional(),
  receivedOn: day(msg('Enter the date the request was received, like 2026-12-04')),
  startsOn: day(msg('Enter the date the month runs from, like 2026-12-04'))
    .optional()
    .describe('When ID, a fee or clarification came later: the month runs from then'),
});
export type NewRequest = z.infer<typeof ZNewRequest>;

export const ZRequestUpdate = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('extend'),
    reason: z
      .string({ error: msg('Say why the request needs two more months') })
      .trim()
      .min(1, msg('Say why the request needs two more months'))
      .max(2000, msg('The reason must be 2000 characters or fewer')),
  }),
  z.object({
    action: z.literal('complete'),
    outcome: z
      .string({ error: msg('Say what was done') })
      .trim()
      .min(1, msg('Say what was done'))
      .max(5000, msg('What was done must be 5000 characters or fewer')),
  }),
  z.object({
    action: z.literal('refuse'),
    outcome: z
      .string({ error: msg('Say why the request was refused') })
      .trim()
      .min(1, msg('Say why the request was refused'))
      .max(5000, msg('The reason must be 5000 characters or fewer')),
    refusalReason: z.enum(ERASURE_REFUSAL_REASONS, { error: msg('Choose the lawful reason for refusing') }).optional(),
  }),
]);
export type RequestUpdate = z.infer<typeof ZRequestUpdate>;
