// A check-in's answers: the pages, the party's link and the API share these.
import { z } from 'zod';
import { msg } from '#src/i18n/i18n.ts';
import { CHECK_IN_ANSWERS, STAFF_SOURCES } from '../closing-words.ts';

export const ZCheckInAnswer = z.object({
  termId: z.string().uuid().nullable().optional().describe('A term of the signed agreement; null or absent for the agreement as a whole'),
  answer: z.enum(CHECK_IN_ANSWERS, { error: msg('Say whether the agreement is being kept') }),
  note: z.string().trim().max(2000, msg('The note must be 2000 characters or fewer')).optional(),
});

/** What a party answers by their link. */
export const ZPartyCheckIn = z.object({
  answers: z.array(ZCheckInAnswer).min(1).max(100),
  wantsMeeting: z.boolean().default(false),
});
export type PartyCheckIn = z.infer<typeof ZPartyCheckIn>;

/** What staff enter from a call, a visit or paper. */
export const ZStaffCheckIn = ZPartyCheckIn.extend({
  pointId: z.string().uuid(msg('Choose the follow-up point')),
  partyId: z.string().uuid(msg('Choose who answered')),
  source: z.enum(STAFF_SOURCES, { error: msg('Say how you heard the answers') }),
});
export type StaffCheckIn = z.infer<typeof ZStaffCheckIn>;
