// The agreement's inputs, shared by the pages and the API.
import { z } from 'zod';
import { ISSUE_OUTCOMES } from '#src/features/cases/lifecycle.ts';
import { OUTCOMES } from '#src/domain/case-words.ts';
import { DUE_KINDS, SEND_ACTIONS, SIGN_METHODS } from './agreement-words.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a real date, like 2027-01-31');
const uuid = (what: string) => z.string().uuid(`${what} ids are UUIDs`);

export const ZCaseParams = z.object({ id: uuid('Case') });
export const ZAgreementParams = ZCaseParams.extend({ agreementId: uuid('Agreement') });
export const ZTermParams = ZAgreementParams.extend({ termId: uuid('Term') });
export const ZVersionParams = ZAgreementParams.extend({ versionId: uuid('Version') });
export const ZSignerParams = ZVersionParams.extend({ signerId: uuid('Signer') });

export const ZCreateAgreement = z
  .object({
    from: z
      .enum(['scratch', 'meeting', 'shuttle'], { error: 'Choose how to start the agreement' })
      .describe('scratch, meeting (a held joint meeting’s record) or shuttle (a shuttle log)'),
    meetingId: uuid('Meeting').optional().describe('With from meeting or shuttle: the meeting to start from'),
  })
  .superRefine((v, ctx) => {
    if (v.from !== 'scratch' && !v.meetingId) ctx.addIssue({ code: 'custom', path: ['meetingId'], message: 'Choose the meeting to start from' });
  });
export type CreateAgreement = z.infer<typeof ZCreateAgreement>;

/** Who a term is for: "party:{partyId}", "mediator", "local_authority" or "service". */
const ZWho = z.string().regex(/^(party:[0-9a-f-]{36}|mediator|local_authority|service)$/, 'Choose who will do it from the list');

export const ZTerm = z
  .object({
    who: z.array(ZWho).min(1, 'Choose who will do it').max(20),
    what: z.string().trim().min(1, 'Say what will be done').max(2000, 'What will be done must be 2000 characters or fewer'),
    dueKind: z.enum(DUE_KINDS, { error: 'Choose when it is due: by a date, ongoing, or by the next review' }),
    dueOn: isoDate.optional().describe('With dueKind date; for SEND, left out, the default date of rules.md #18–19'),
    checkHow: z.string().trim().min(1, 'Say how it will be checked at follow-up').max(1000, 'How it will be checked must be 1000 characters or fewer'),
    appealable: z.boolean().optional().describe('SEND only: could this be appealed to the tribunal?'),
    sendAction: z.enum(SEND_ACTIONS).optional().describe('SEND only: the kind of action, for the default date'),
  })
  .superRefine((v, ctx) => {
    if (v.dueKind === 'date' && !v.dueOn && v.appealable === undefined)
      ctx.addIssue({ code: 'custom', path: ['dueOn'], message: 'Enter the date it is due by' });
  });
export type TermInput = z.infer<typeof ZTerm>;

export const ZIssues = z.object({
  issues: z
    .array(
      z.object({
        issue: z.string().trim().min(1, 'An issue cannot be empty').max(500, 'An issue must be 500 characters or fewer'),
        outcome: z.enum(ISSUE_OUTCOMES, { error: 'Choose agreed, partly agreed or not agreed' }).nullable(),
      }),
    )
    .max(50, 'List up to 50 issues'),
});
export type IssuesInput = z.infer<typeof ZIssues>;

export const ZStatements = z.object({
  notBinding: z.string().trim().min(1, 'Write what this agreement is').max(3000),
  confidentiality: z.string().trim().min(1, 'Write the confidentiality statement').max(3000),
  monitoring: z.string().trim().min(1, 'Write how the agreement will be followed up').max(3000),
});
export type StatementsInput = z.infer<typeof ZStatements>;

export const ZSignature = z.object({
  method: z.enum(SIGN_METHODS, { error: 'Choose to draw your signature or type your name' }),
  confirmName: z.literal(true, { error: 'Confirm that this is your name' }),
  agree: z.literal(true, { error: 'Confirm that you agree to the agreement as written' }),
  typedName: z.string().max(200).optional(),
  drawing: z.string().max(20_000).optional().describe('SVG path data (M and L commands) in a 600 × 200 box'),
  seenHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'The version hash is 64 hexadecimal characters')
    .describe('The hash of the version the signer read'),
});
export type SignatureInput = z.infer<typeof ZSignature>;

export const ZDecline = z.object({ reason: z.string().trim().min(1, 'Say why you are not signing').max(2000) });

export const ZOutcome = z.object({
  outcome: z.enum(OUTCOMES, { error: 'Say what the outcome was: full agreement, partial agreement or no agreement' }),
  issueOutcomes: z.array(z.enum(ISSUE_OUTCOMES).optional()).max(50).optional().describe('The outcome of each issue, in the order of the case’s issues'),
  reason: z.string().trim().max(2000).optional(),
});
export type OutcomeInput = z.infer<typeof ZOutcome>;
