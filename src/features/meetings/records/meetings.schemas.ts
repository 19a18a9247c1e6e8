// The zod inputs the meeting pages and the API share: booking, moving, cancelling, a no-show, a response taken by
// phone, and the record of a meeting. Pages read their forms into these shapes (meeting-forms.ts).
import { msg } from '#src/i18n/i18n.ts';
import { tooLong } from '#src/lib/zod-fields.ts';
import { z } from 'zod';
import { MEETING_KINDS, MEETING_MODES, MEETING_PLACES, NEXT_STEPS, RESPONSES } from '#src/domain/meeting-words.ts';
import { onePartyProblem } from '../slots/service-rules.ts';

const uuid = (message: string) => z.string().uuid(message);
const text = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong(what, String(max)));
const httpsLink = z
  .string()
  .trim()
  .max(500, 'The video link must be 500 characters or fewer')
  .refine((s) => /^https:\/\/[^\s<>"]+$/.test(s), 'The video link must start with https://, like https://meet.example.org/abc');

/** How long a meeting may be, in minutes: the same for booking and for finding a time. */
export const MIN_MINUTES = 15;
export const MAX_MINUTES = 8 * 60;
const duration = z
  .number({ error: 'Enter how long the meeting lasts, in minutes, like 90' })
  .int('Enter the length in whole minutes, like 90')
  .min(MIN_MINUTES, `A meeting lasts at least ${MIN_MINUTES} minutes`)
  .max(MAX_MINUTES, `A meeting lasts at most ${MAX_MINUTES} minutes (8 hours)`);
const start = z.iso.datetime({ offset: true, error: 'Enter the start as a date and time, like 2026-12-15T10:00:00Z' });

export const ZOtherPerson = z.object({
  name: text(200, msg('The name')).min(1, 'Enter the other person’s name'),
  email: z.email('Enter the other person’s email address in the correct format, like name@example.org').max(320).optional(),
});

export const ZBookMeeting = z
  .object({
    kind: z.enum(MEETING_KINDS, { error: 'Choose the kind of meeting' }),
    mode: z.enum(MEETING_MODES, { error: 'Choose how the meeting happens: in person, online or by phone' }),
    place: z.enum(MEETING_PLACES, { error: 'Choose where the meeting happens' }).optional(),
    roomId: uuid('Choose a room').optional(),
    homePartyId: uuid('Choose whose home the meeting is at').optional(),
    locationText: text(300, msg('Where')).optional(),
    start: start.describe('The start, with its offset: 2026-12-15T10:00:00Z or 2026-07-01T10:00:00+01:00'),
    durationMinutes: duration,
    volunteerIds: z.array(uuid('Choose mediators on this case')).max(10).default([]),
    partyIds: z.array(uuid('Choose people on this case')).max(30).default([]),
    others: z.array(ZOtherPerson).max(10).default([]).describe('Anyone else invited, by name and email'),
    videoLink: httpsLink.optional().describe('For online meetings when the service has no video link template'),
    shortNoticeAgreed: z.boolean().default(false).describe('SEND: the parent agreed to less than the usual working days’ notice'),
    notes: text(2000, msg('The notes')).optional(),
    requestId: uuid('That request was not found').optional().describe('The further-meeting request this booking answers'),
  })
  .superRefine((v, ctx) => {
    if (v.mode === 'in_person' && !v.place) ctx.addIssue({ code: 'custom', path: ['place'], message: 'Choose where the meeting happens' });
    if (v.mode === 'in_person' && v.place === 'venue' && !v.roomId) ctx.addIssue({ code: 'custom', path: ['roomId'], message: 'Choose a room at a venue' });
    if (v.mode === 'in_person' && v.place === 'home' && !v.homePartyId)
      ctx.addIssue({ code: 'custom', path: ['homePartyId'], message: 'Choose whose home the meeting is at' });
    const onlyOne = onePartyProblem(v.kind, v.partyIds.length);
    if (onlyOne) ctx.addIssue({ code: 'custom', path: ['partyIds'], message: onlyOne });
    else if (v.volunteerIds.length + v.partyIds.length + v.others.length === 0)
      ctx.addIssue({ code: 'custom', path: ['partyIds'], message: 'Choose at least one person to invite' });
  });
export type BookMeeting = z.infer<typeof ZBookMeeting>;

export const ZReschedule = z.object({
  start,
  durationMinutes: duration,
  reason: text(1000, msg('The reason')).min(1, 'Say why the meeting is moving'),
  shortNoticeAgreed: z.boolean().default(false),
});
export type Reschedule = z.infer<typeof ZReschedule>;

export const ZCancel = z.object({ reason: text(1000, msg('The reason')).min(1, 'Say why the meeting is cancelled') });
export type Cancel = z.infer<typeof ZCancel>;

export const ZNoShow = z.object({
  absentParticipantIds: z.array(uuid('Choose who did not come')).max(50).default([]),
  reason: text(1000, msg('The reason')).min(1, 'Say why the meeting did not take place'),
});
export type NoShow = z.infer<typeof ZNoShow>;

/** Responses staff can record for someone who answered by phone or in person (iCalendar's names; "tentative" is "maybe"). */
export const RECORDABLE_RESPONSES = RESPONSES.filter((r) => r !== 'needs_action') as ['accepted', 'declined', 'tentative'];
export const ZResponse = z.object({
  participantId: uuid('Choose whose answer this is'),
  response: z.enum(RECORDABLE_RESPONSES, { error: 'Choose accepted, declined or maybe' }),
});
export type ResponseInput = z.infer<typeof ZResponse>;

export const ZRecordMeeting = z.object({
  attendedParticipantIds: z.array(uuid('Choose who came')).max(50).default([]).describe('Everyone else invited is recorded as not attending'),
  groundRules: z
    .array(text(300, msg('A ground rule')))
    .max(20)
    .default([])
    .describe('The ground rules agreed (joint meetings and RJ conferences)'),
  issues: text(5000, msg('The issues')).default(''),
  options: text(5000, msg('The options')).default(''),
  outcome: text(5000, msg('The outcome')).min(1, 'Say what the outcome was'),
  nextStep: z.enum(NEXT_STEPS, { error: 'Choose the next step' }),
  notes: text(5000, msg('The notes')).optional(),
});
export type RecordMeeting = z.infer<typeof ZRecordMeeting>;

export const ZMeetingParams = z.object({ id: z.string().uuid('Case ids are UUIDs'), meetingId: z.string().uuid('Meeting ids are UUIDs') });
export const ZCaseParams = z.object({ id: z.string().uuid('Case ids are UUIDs') });
