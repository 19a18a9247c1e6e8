// What the RJ API answers with: the summary of an RJ case (the hold, the gates, the Victims' Code clock, the court,
// each participant) and a letter with its vetting.
import { z } from 'zod';

const ZProblem = z.object({ partyId: z.string().nullable(), name: z.string().nullable(), reason: z.string(), message: z.string() });
const ZGate = z.object({ allowed: z.boolean(), problems: z.array(ZProblem) });
const ZVictimsClock = z.object({
  due: z.string(),
  workingDays: z.number().describe('5, or 1 with enhanced rights'),
  daysLeft: z.number().describe('Working days to the due day; negative once overdue'),
  running: z.boolean(),
  overdue: z.boolean(),
  metOnTime: z.boolean().nullable(),
});
export const ZSummary = z.object({
  category: z.string().nullable(),
  court: z
    .object({ court: z.string(), sentenceDeferredTo: z.string(), courtReportSentOn: z.string().nullable(), daysToCourt: z.number() })
    .nullable()
    .describe('Pre-sentence RJ: the court, the date sentence is deferred to and the report; null until recorded'),
  victimsCode: z
    .object({
      firstContactOn: z.string().nullable(),
      enhancedRights: z.boolean(),
      informationGivenOn: z.string().nullable(),
      clock: ZVictimsClock.nullable().describe('Null when the service is not the first contact'),
    })
    .describe('Victims’ Code: information on RJ within 5 working days of the first contact (1 with enhanced rights)'),
  hold: z.object({ state: z.string(), extraCare: z.boolean(), reason: z.string().optional() }),
  direct: ZGate.describe('May a conference or joint meeting be booked?'),
  indirect: ZGate.describe('May letters or messages be passed between the parties?'),
  participants: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      role: z.string(),
      consent: z.string(),
      suitability: z.string().describe('suitable, not_suitable or not_assessed'),
      assessment: z
        .object({
          id: z.string(),
          version: z.number(),
          rating: z.string(),
          decision: z.string(),
          assessedOn: z.string(),
          currentUntil: z.string(),
          signedOff: z.boolean(),
        })
        .nullable(),
      custody: z.object({ establishment: z.string(), prisonNumber: z.string(), offenderManagerName: z.string(), stepsLeft: z.array(z.string()) }).nullable(),
    }),
  ),
});
export const ZLetterOut = z.object({
  id: z.string(),
  fromPartyId: z.string(),
  toPartyId: z.string(),
  form: z.string(),
  version: z.number(),
  status: z.string(),
  body: z.string().describe('As written: for the case team only'),
  recipientCopy: z.string().describe('What the other party receives: no address, contact details or redacted text'),
  reviews: z.array(z.object({ version: z.number(), reviewer: z.string(), decision: z.string(), note: z.string().nullable(), at: z.string() })),
  passedAt: z.string().nullable(),
});
