import { msg } from '#src/i18n/i18n.ts';
import { ZPreferredLanguage } from '#src/i18n/languages.ts';
import { z } from 'zod';
import { isoDate, tooLong } from '#src/lib/zod-fields.ts';
import { ZWeeklyWindow } from '#src/domain/availability.ts';
import { CASE_STATUSES, CLOSING_REASONS, OUTCOMES, PARTY_ROLES, PATHWAYS } from '#src/domain/case-words.ts';
import { ZEmailInput, ZPhoneInput, ZPostcodeInput } from '#src/domain/contact-inputs.ts';
import { INTAKE_NEEDS_VIEW, ISSUE_OUTCOMES } from './lifecycle.ts';

export const ZCaseQuery = z.object({
  status: z.union([z.enum(CASE_STATUSES), z.array(z.enum(CASE_STATUSES))]).optional(),
  type: z
    .string()
    .regex(/^[a-z][a-z0-9_-]{1,39}$/)
    .optional(),
  coordinator: z.string().uuid().optional(),
  area: z.string().trim().max(120).optional(),
  overdue: z.enum(['yes']).optional(),
  q: z.string().trim().max(120).optional(),
  sort: z.enum(['opened_desc', 'opened_asc', 'reference', 'status']).optional(),
  page: z.coerce.number().int().min(1).max(10000).optional(),
});
export type CaseQuery = z.infer<typeof ZCaseQuery>;

export const ZTransition = z.object({
  to: z.enum(CASE_STATUSES, { error: 'Choose where the case should move' }),
  reason: z.string().trim().max(2000).optional(),
  outcome: z.enum(OUTCOMES).optional(),
  /** When moving to Outcome: what became of each issue on the meeting records, in the order the case lists them. */
  issueOutcomes: z
    .array(z.enum(ISSUE_OUTCOMES, { error: 'Say whether each issue was agreed, partly agreed or not agreed' }).optional())
    .max(100)
    .optional(),
  /** When closing: why (a CLOSING_REASONS value). */
  closingReason: z.enum(CLOSING_REASONS, { error: 'Choose why the case is closing' }).optional(),
});

export const ZPathway = z.object({
  pathway: z.enum(PATHWAYS, { error: 'Choose mediation or conflict coaching' }),
  reason: z.string().trim().max(2000).optional(),
});

export const ZConsent = z.object({
  partyId: z.string().uuid('Choose the person'),
  status: z.enum(['given', 'withdrawn'], { error: 'Say whether consent was given or withdrawn' }),
  method: z.enum(['verbal', 'written', 'online'], { error: 'Say how consent was given or withdrawn' }),
  notes: z.string().trim().max(2000).optional(),
  /** Written consent (restorative justice, consent-rules.ts): the version of the information given, and the date signed. */
  informationVersion: z
    .string()
    .trim()
    .max(100, tooLong(msg('Version of the information given'), '100'))
    .optional(),
  signedOn: isoDate(msg('Date signed')).optional(),
});

export const ZNote = z.object({
  body: z.string().trim().min(1, 'Write the note').max(20000),
  partyId: z.string().uuid().optional(),
  restricted: z.boolean().optional(),
  disclosure: z.boolean().optional(),
  /** About other people: left out when someone asks for a copy of their data. */
  thirdParty: z.boolean().optional(),
});

export const CONTACT_METHODS = ['call', 'letter', 'email', 'visit', 'text', 'via_offender_manager'] as const;
export const CONTACT_OUTCOMES = ['spoke', 'no_answer', 'left_message', 'sent', 'met', 'declined'] as const;
export const ZContact = z.object({
  partyId: z.string().uuid('Choose the person contacted'),
  method: z.enum(CONTACT_METHODS, { error: 'Choose how you made contact' }),
  outcome: z.enum(CONTACT_OUTCOMES, { error: 'Choose what happened' }),
  notes: z.string().trim().max(5000).optional(),
});

export const ZIntake = z.object({
  partyId: z.string().uuid('Choose the person'),
  situationNow: z.string({ error: INTAKE_NEEDS_VIEW }).trim().min(1, INTAKE_NEEDS_VIEW).max(20000),
  wantedFuture: z.string().trim().max(20000).optional(),
  ideas: z.string().trim().max(20000).optional(),
  concerns: z.string().trim().max(20000).optional(),
  availability: z.string().trim().max(2000).optional(),
  /** When they can usually meet (London time), for finding a meeting time; replaces what was saved. */
  availabilityWindows: z.array(ZWeeklyWindow).max(50, 'List at most 50 weekly windows').optional(),
  suitability: z.enum(['suitable', 'unsuitable', 'unsure']).optional(),
  suitabilityNotes: z.string().trim().max(5000).optional(),
  meetingMode: z.enum(['home_visit', 'office', 'prison_visit', 'phone', 'online']).optional(),
  metOn: isoDate(msg('Date met')).optional(),
  disclosure: z.boolean().optional(),
});

export const ZTask = z.object({
  title: z.string().trim().min(1, 'Say what needs doing, like “Call Sam back”').max(300),
  dueOn: isoDate(msg('Due date')),
  assigneeId: z.string().uuid().optional(),
});

export const ZSafeguardingDecision = z.object({
  decision: z.string().trim().min(1, 'Record the decision').max(5000),
  referredTo: z.string().trim().max(500).optional(),
  referredAt: isoDate(msg('Date referred')).optional(),
  legalBasis: z.string().trim().max(500).optional(),
  close: z.boolean().optional(),
});

const partyText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong(label, String(max)))
    .optional();

/** A party added after triage, or what is corrected about one: role, name, contact details, safe-contact instructions, needs. */
export const ZPartyFields = z.object({
  name: z.string({ error: 'Enter the person’s name' }).trim().min(1, 'Enter the person’s name').max(120, 'Name must be 120 characters or fewer'),
  role: z.enum(PARTY_ROLES, { error: 'Choose the person’s role in the case' }),
  email: ZEmailInput,
  phone: ZPhoneInput,
  address: partyText(500, msg('Address')),
  postcode: ZPostcodeInput,
  safeContact: partyText(1000, msg('How to contact them safely')),
  canLeaveMessages: z.boolean().optional(),
  /** false: their safe-contact instructions say no letters, so Parley never makes one to post to them. */
  canSendLetters: z.boolean().optional(),
  needs: partyText(1000, msg('Access, language and interpreter needs')),
  /** The language Parley writes to them in (meeting invitations and changes): en or cy. */
  preferredLanguage: ZPreferredLanguage.optional(),
  /** Why the change was made (a correction, a new person joining): it goes on the timeline. */
  reason: partyText(2000, msg('Reason')),
});
export const ZAddParty = ZPartyFields;
export const ZEditParty = ZPartyFields.partial().refine((v) => Object.entries(v).some(([k, x]) => k !== 'reason' && x !== undefined), {
  message: 'Say what to change about the person',
  path: ['_'],
});
export const ZRemoveParty = z.object({
  reason: z
    .string({ error: 'Give a reason for removing the person from the case' })
    .trim()
    .min(1, 'Give a reason for removing the person from the case')
    .max(2000),
});
export type PartyFieldsInput = z.infer<typeof ZPartyFields>;
