// What a referral holds, for the public journey, the professional form and the API alike.
import { msg } from '#src/i18n/i18n.ts';
import { z } from 'zod';
import { isoDate, tooLong } from '#src/lib/zod-fields.ts';
import { PARTY_ROLES } from '#src/domain/case-words.ts';
import { ZEmailInput, ZPhoneInput, ZPostcodeInput } from '#src/domain/contact-inputs.ts';
import { RISKS, SEND_DECISIONS, SEND_ISSUES } from '#src/domain/referral-words.ts';

export { ZEmailInput, ZPhoneInput, ZPostcodeInput };
export { RISK_LABELS, RISKS, SEND_DECISION_LABELS, SEND_DECISIONS, SEND_ISSUES } from '#src/domain/referral-words.ts';

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong(label, String(max)))
    .optional();

export const ZReferralParty = z.object({
  name: z.string().trim().min(1, 'Enter the name of each person, or a description such as “neighbour at number 12”').max(120),
  role: z.enum(PARTY_ROLES, { error: 'Choose the role of each person' }),
  email: ZEmailInput,
  phone: ZPhoneInput,
  address: optionalText(500, msg('Address')),
  postcode: ZPostcodeInput,
  safeContact: optionalText(1000, msg('How to contact them safely')),
  canLeaveMessages: z.boolean().optional(),
  needs: optionalText(1000, msg('Access, language and interpreter needs')),
  isReferredPerson: z.boolean().optional(),
});
export type ReferralPartyInput = z.infer<typeof ZReferralParty>;

/** The questions each case type needs (rules.md §A–D). */
export const ZCaseDetails = {
  community: z.object({ kind: z.enum(['neighbour', 'family', 'parent_teen', 'group', 'other']).optional() }),
  restorative_justice: z.object({
    offenceType: optionalText(200, msg('Offence type')),
    sentencingStage: z.enum(['pre_sentence', 'community_sentence', 'custody', 'post_sentence', 'out_of_court', 'unknown']).optional(),
    inCustody: z.boolean().optional(),
    establishment: optionalText(200, msg('Establishment')),
    prisonNumber: optionalText(20, msg('Prison number')),
    offenderManager: optionalText(300, msg('Offender manager')),
    initiatedBy: z.enum(['victim', 'person_who_harmed', 'referrer', 'other']).optional(),
    reportedToPolice: z.enum(['yes', 'no', 'not_sure']).optional().describe('Whether what happened was reported to the police'),
  }),
  send: z.object({
    decisionType: z.enum(SEND_DECISIONS, { error: 'Choose the decision being disputed' }).optional(),
    issues: z.array(z.enum(SEND_ISSUES)).optional(),
    decisionLetterDate: isoDate(msg('Date of the decision letter')).optional(),
    ehcPlanStatus: z.enum(['none', 'assessment_requested', 'draft', 'final', 'ceasing']).optional(),
    healthProvisionSought: optionalText(1000, msg('Health provision sought')),
  }),
  social_care: z.object({
    area: z.enum(['children_families', 'adult_social_care']).optional(),
    disputeAbout: z.array(z.enum(['care_arrangements', 'contact', 'living_arrangements', 'care_plan', 'finances', 'other'])).optional(),
    legalStatus: optionalText(300, msg('Legal status')),
    capacityConcerns: z.boolean().optional(),
    capacityDetails: optionalText(1000, msg('Capacity concerns')),
  }),
} as const;

const ZBase = z.object({
  caseType: z.string({ error: 'Choose the kind of help needed' }).regex(/^[a-z][a-z0-9_-]{1,39}$/, 'Choose the kind of help needed'),
  description: z.string().trim().min(1, 'Say what is happening').max(10000, 'Keep the description to 10,000 characters'),
  whatWouldHelp: optionalText(5000, msg('What would help')),
  consentToContact: z.literal(true, { error: 'We can only take a referral when the person agrees to be contacted' }),
  parties: z.array(ZReferralParty).min(1, 'Tell us about at least one person').max(20, 'A referral can name up to 20 people'),
  urgent: z.boolean().optional(),
  anyoneAtRisk: z.boolean().optional(),
  safetyDetails: optionalText(5000, msg('Safety details')),
  bestTimes: optionalText(500, msg('Best times to contact')),
  risks: z.array(z.enum(RISKS)).optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});

export const ZSelfReferral = ZBase;
export type SelfReferral = z.infer<typeof ZSelfReferral>;

export const ZReferrer = z.object({
  organisation: z.string().trim().min(1, 'Enter the referrer’s organisation').max(200),
  role: z.string().trim().min(1, 'Enter the referrer’s role, like social worker or offender manager').max(200),
  name: z.string().trim().min(1, 'Enter the referrer’s name').max(120),
  email: z.email('Enter the referrer’s email address in the correct format'),
  phone: ZPhoneInput,
});

export const ZProfessionalReferral = ZBase.extend({
  referrer: ZReferrer,
  personAgreed: z.literal(true, { error: 'Confirm that the person knows about this referral and has agreed to it' }),
  lineManagerAware: z.boolean().optional(),
});
export type ProfessionalReferral = z.infer<typeof ZProfessionalReferral>;

/** Checks the case-type questions against the case type's schema; returns the cleaned details or field errors. */
export function parseCaseDetails(caseType: keyof typeof ZCaseDetails, details: unknown) {
  return ZCaseDetails[caseType].safeParse(details ?? {});
}

export const ZDecision = z.object({
  reason: z.string().trim().min(1, 'Give a reason: the referrer or person will be told it').max(2000),
  signpostedTo: optionalText(500, msg('Signposted to')),
});

export const ZEnquiry = z.object({
  name: z.string().trim().min(1, 'Enter your name').max(120),
  email: ZEmailInput,
  phone: ZPhoneInput,
  postcode: ZPostcodeInput,
  message: z.string().trim().min(1, 'Enter your message').max(5000, 'Keep your message to 5,000 characters'),
  days: z.array(z.enum(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'])).optional(),
  times: z.array(z.enum(['morning', 'afternoon', 'evening'])).optional(),
});
export type Enquiry = z.infer<typeof ZEnquiry>;

export const ZVolunteerApplication = z.object({
  name: z.string().trim().min(1, 'Enter your name').max(120),
  email: z.email('Enter an email address in the correct format, like name@example.org'),
  phone: ZPhoneInput,
  postcode: ZPostcodeInput,
  languages: optionalText(500, msg('Languages')),
  availability: optionalText(1000, msg('When you are available')),
  why: z.string().trim().min(1, 'Tell us why you would like to volunteer').max(5000),
  experience: optionalText(5000, msg('Experience')),
});
export type VolunteerApplication = z.infer<typeof ZVolunteerApplication>;
