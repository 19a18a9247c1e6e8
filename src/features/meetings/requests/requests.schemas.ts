// Requests for a further meeting: the inputs the pages and the API share.
import { z } from 'zod';
import { MEETING_KINDS } from '#src/domain/meeting-words.ts';

export const REQUESTED_BY = ['party', 'referrer', 'mediator'] as const;

export const ZMeetingRequest = z
  .object({
    requestedBy: z
      .enum(REQUESTED_BY, { error: 'Choose who asked for the meeting' })
      .optional()
      .describe('Who asked: a party, the referrer or a mediator (always the referrer for a referrer’s API key)'),
    partyId: z.string().uuid('Choose which person asked').optional(),
    requesterName: z.string().trim().max(200, 'The name must be 200 characters or fewer').optional(),
    kind: z.enum(MEETING_KINDS, { error: 'Choose the kind of meeting asked for' }),
    reason: z.string().trim().min(1, 'Say why a meeting is wanted').max(2000, 'The reason must be 2000 characters or fewer'),
    preferredTimes: z.string().trim().max(1000, 'The preferred times must be 1000 characters or fewer').optional(),
  })
  .superRefine((v, ctx) => {
    if (v.requestedBy === 'party' && !v.partyId) ctx.addIssue({ code: 'custom', path: ['partyId'], message: 'Choose which person asked' });
  });
export type MeetingRequestInput = z.infer<typeof ZMeetingRequest>;

export const ZDecline = z.object({
  reason: z.string().trim().min(1, 'Say why the request is declined').max(1000, 'The reason must be 1000 characters or fewer'),
});
export type DeclineInput = z.infer<typeof ZDecline>;

export const ZRequestQuery = z.object({ status: z.enum(['open', 'booked', 'declined']).default('open') });
