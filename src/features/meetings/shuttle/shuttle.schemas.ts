// The shuttle log's inputs, shared by the pages and the API.
import { z } from 'zod';
import { SHARE_PERMISSIONS } from '#src/domain/meeting-words.ts';

export const ZStatement = z
  .object({
    partyId: z.string().uuid('Choose who made the statement'),
    statement: z.string().trim().min(1, 'Write down what was said').max(5000, 'The statement must be 5000 characters or fewer'),
    permission: z.enum(SHARE_PERMISSIONS, { error: 'Choose whether it may be passed on' }),
    words: z
      .string()
      .trim()
      .max(2000, 'The words to pass on must be 2000 characters or fewer')
      .optional()
      .describe('With permission yes_in_words: the only words that may be passed on'),
  })
  .superRefine((v, ctx) => {
    if (v.permission === 'yes_in_words' && !v.words) ctx.addIssue({ code: 'custom', path: ['words'], message: 'Write the words that may be passed on' });
  });
export type StatementInput = z.infer<typeof ZStatement>;

export const ZConvey = z.object({ toPartyId: z.string().uuid('Choose who it was passed on to') });
export type ConveyInput = z.infer<typeof ZConvey>;

export const ZShuttleQuery = z.object({
  forParty: z
    .string()
    .uuid('Party ids are UUIDs')
    .optional()
    .describe('Only what this party may see: their own statements and what may be or was passed to them'),
});
