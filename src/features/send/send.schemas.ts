// The inputs of SEND mediation, shared by the pages and the API (OpenAPI is generated from them).
import { z } from 'zod';
import { msg } from '#src/i18n/i18n.ts';
import { isoDate, tooLong } from '#src/lib/zod-fields.ts';
import { ATTENDEE_KINDS, SEND_ROUTES } from './send-attendance.ts';
import { CERTIFICATE_KINDS, ISSUE_OUTCOMES, MIAS_DECISIONS, REQUESTERS, SEND_DECISIONS, SEND_MEDIATION_ISSUES } from './send-words.ts';

const shortText = (label: string, max = 200) =>
  z
    .string()
    .trim()
    .max(max, tooLong(label, String(max)));
const optionalText = (label: string, max = 200) =>
  shortText(label, max)
    .optional()
    .transform((v) => v || undefined);

export const ZCaseParams = z.object({ id: z.string().uuid(msg('That case was not found')) });
export const ZCertificateParams = ZCaseParams.extend({ certificateId: z.string().uuid(msg('That certificate was not found')) });

/** The SEND details of a case (rules.md #1–4, #14): every field optional so a case can be filled in as it is learned. */
export const ZSendDetails = z
  .object({
    decisionType: z.enum(SEND_DECISIONS, { error: msg('Choose the decision being disputed from the list') }).optional(),
    issues: z
      .array(z.enum(SEND_MEDIATION_ISSUES, { error: msg('Choose the mediation issues from the list') }))
      .max(SEND_MEDIATION_ISSUES.length)
      .default([])
      .describe('B, C, D, F, G, H1, H2, I, refusal_to_assess, refusal_to_issue, refusal_to_amend, cease, refusal_to_reassess'),
    decisionLetterOn: isoDate(msg('Date of the decision letter')).optional(),
    requestedBy: z.enum(REQUESTERS, { error: msg('Choose who asked: the parent or the young person') }).optional(),
    childName: optionalText(msg('Child’s name')),
    localAuthority: optionalText(msg('Local authority')),
    icbs: z
      .array(shortText(msg('Integrated care board')))
      .max(10)
      .default([])
      .describe('The integrated care boards involved, by name'),
    childViewsObtained: z.boolean().optional(),
    childViewsMethod: optionalText(msg('How the child’s views were found out'), 1000),
    childViewsNotReason: optionalText(msg('Why the child’s views were not found out'), 1000),
  })
  .superRefine((v, ctx) => {
    if (v.childViewsObtained === true && !v.childViewsMethod)
      ctx.addIssue({ code: 'custom', path: ['childViewsMethod'], message: msg('Say how the child’s views were found out') });
    if (v.childViewsObtained === false && !v.childViewsNotReason)
      ctx.addIssue({ code: 'custom', path: ['childViewsNotReason'], message: msg('Say why the child’s views were not found out') });
  });
export type SendDetailsInput = z.infer<typeof ZSendDetails>;

/** The MIAS call and the parent's decision (#5–#6). A contact after the 2 months is accepted and flagged. */
export const ZMias = z.object({
  miasOn: isoDate(msg('Date of the information and advice call')),
  decision: z.enum(MIAS_DECISIONS, { error: msg('Choose what the parent or young person decided') }),
  decisionToldOn: isoDate(msg('Date the adviser was told the decision')).optional().describe('Defaults to the date of the call'),
  meetingId: z.string().uuid(msg('That meeting was not found')).optional().describe('The meeting of kind mias_call, if one was booked'),
});
export type MiasInput = z.infer<typeof ZMias>;

/** Dates the clocks need after the decision: the ICB notice, the adviser told of the 30 days, mediation held, and #12. */
export const ZSendProgress = z.object({
  icbNotifiedOn: isoDate(msg('Date the ICBs were told')).optional(),
  adviserToldOn: isoDate(msg('Date the adviser was told mediation cannot be held within 30 days')).optional(),
  mediationHeldOn: isoDate(msg('Date mediation was held')).optional(),
  laAttendeeName: optionalText(msg('Name of the local authority’s representative')),
  laAttendeeRole: optionalText(msg('Role of the local authority’s representative')),
  laAttendeeHasAuthority: z.boolean().optional(),
  route: z
    .enum(SEND_ROUTES, { error: msg('Choose mediation or disagreement resolution') })
    .optional()
    .describe('mediation (default) or disagreement_resolution (#22: every party agrees; no certificate)'),
  everyPartyAgreed: z.boolean().optional().describe('#22: every party agreed to disagreement resolution'),
  delayReason: optionalText(msg('Reason mediation was not held within 30 days'), 1000).describe('#61: recorded once the 30 days have passed'),
  appealMade: z.boolean().optional().describe('#61: an appeal to the tribunal followed (when known)'),
});
export type SendProgressInput = z.infer<typeof ZSendProgress>;

export const ZCertificate = z
  .object({
    kind: z.enum(CERTIFICATE_KINDS, { error: msg('Choose the kind of certificate') }),
    issuedOn: isoDate(msg('Date of issue')).optional().describe('Defaults to today'),
    adviserName: shortText(msg('Adviser or mediator’s name')).min(1, msg('Enter the adviser or mediator’s name')),
    issueOutcomes: z
      .array(z.enum(ISSUE_OUTCOMES, { error: msg('Choose the outcome of each issue') }).nullable())
      .optional()
      .describe('After mediation: agreed, partly_agreed or not_agreed per issue, in the order of the case’s issues'),
    replacesId: z.string().uuid(msg('That certificate was not found')).optional().describe('A re-issue: the certificate it replaces'),
    reissueReason: optionalText(msg('Reason for the re-issue'), 1000),
  })
  .superRefine((v, ctx) => {
    if (v.replacesId && !v.reissueReason) ctx.addIssue({ code: 'custom', path: ['reissueReason'], message: msg('Say why the certificate is re-issued') });
  });
export type CertificateInput = z.infer<typeof ZCertificate>;

/** #13: who else attends (the parties and the local authority's representative are recorded elsewhere). */
export const ZAttendee = z.object({
  name: shortText(msg('Name of the person attending')).min(1, msg('Enter the name of the person attending')),
  kind: z.enum(ATTENDEE_KINDS, { error: msg('Choose who they are') }),
  agreed: z
    .boolean()
    .default(false)
    .describe('child: the parent and the mediator agreed; other: the parties consented. Not needed for an advocate or supporter'),
});
export const ZAttendees = z.object({ attendees: z.array(ZAttendee).max(20) });
export type AttendeeInput = z.infer<typeof ZAttendee>;

export const ZDutyParams = ZCaseParams.extend({ termId: z.string().uuid(msg('That duty was not found')) });
/** #18–19: when the local authority met a duty after the agreement (none: not met). */
export const ZDutyMet = z.object({ metOn: isoDate(msg('Date the duty was met')).optional() });
