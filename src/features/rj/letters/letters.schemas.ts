// A letter, a revision, a facilitator's vetting: the pages and the API share these.
import { z } from 'zod';
import { msg } from '#src/i18n/i18n.ts';
import { tooLong } from '#src/lib/zod-fields.ts';
import { REVIEW_DECISIONS } from '../rules/letter-rules.ts';

export const LETTER_FORMS = ['letter', 'message', 'recording'] as const;
export const LETTER_FORM_LABELS: Record<(typeof LETTER_FORMS)[number], string> = {
  letter: msg('Letter'),
  message: msg('Message through the facilitators'),
  recording: msg('Recorded message (described here)'),
};

const body = z
  .string()
  .trim()
  .min(1, msg('Type the letter, or describe the recording'))
  .max(20000, tooLong(msg('The letter'), '20000'));

export const ZLetter = z.object({
  fromPartyId: z.string().uuid(msg('Choose who the letter is from')),
  toPartyId: z.string().uuid(msg('Choose who the letter is to')),
  form: z.enum(LETTER_FORMS, { error: msg('Choose a letter, a message or a recording') }).default('letter'),
  body,
});
export type LetterInput = z.infer<typeof ZLetter>;

export const ZRevision = z.object({ body });
export type RevisionInput = z.infer<typeof ZRevision>;

export const ZReview = z.object({
  decision: z.enum(REVIEW_DECISIONS, { error: msg('Choose approve, ask for changes or withhold') }),
  note: z
    .string()
    .trim()
    .max(2000, tooLong(msg('Note'), '2000'))
    .optional(),
  redactions: z
    .array(
      z
        .string()
        .trim()
        .min(3, msg('Each phrase to remove must be at least 3 characters'))
        .max(500, tooLong(msg('Phrase to remove'), '500')),
    )
    .max(50)
    .default([])
    .describe('Phrases to remove from the recipient’s copy, wherever they appear'),
});
export type ReviewInput = z.infer<typeof ZReview>;
