// A party's feedback at closing: the link, the staff form and the API share these.
import { z } from 'zod';
import { msg } from '#src/i18n/i18n.ts';
import { ZCaseTypeCode } from '#src/features/referrals/case-type-choices.ts';
import { STAFF_SOURCES } from '../closing-words.ts';

const rating = (error: string) => z.coerce.number({ error }).int(error).min(1, error).max(5, error);

export const ZFeedback = z.object({
  satisfaction: rating(msg('Choose how satisfied you are, from 1 to 5')),
  feltHeard: z.boolean({ error: msg('Say whether you felt heard') }),
  wouldRecommend: z.boolean({ error: msg('Say whether you would recommend us') }),
  whatHelped: z.string().trim().max(2000, msg('What helped must be 2000 characters or fewer')).optional(),
  copeBefore: rating(msg('Choose how well you felt able to cope before, from 1 to 5')).optional(),
  copeAfter: rating(msg('Choose how well you feel able to cope now, from 1 to 5')).optional(),
  mayQuote: z.boolean().default(false),
});
export type FeedbackInput = z.infer<typeof ZFeedback>;

export const ZStaffFeedback = ZFeedback.extend({
  partyId: z.string().uuid(msg('Choose who gave the feedback')),
  source: z.enum(STAFF_SOURCES, { error: msg('Say how the feedback was given') }),
});
export type StaffFeedbackInput = z.infer<typeof ZStaffFeedback>;

export const ZFeedbackQuery = z.object({
  caseType: ZCaseTypeCode.optional().describe('Only feedback on cases of this type: one of the service’s case types (GET /api/v1/case-types)'),
  from: z.iso.date(msg('From must be a date like 2026-04-01')).optional(),
  to: z.iso.date(msg('To must be a date like 2026-04-30')).optional(),
});
export type FeedbackQuery = z.infer<typeof ZFeedbackQuery>;
