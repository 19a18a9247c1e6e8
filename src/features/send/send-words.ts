// The words of SEND mediation: the mediation issues (rules.md #1–3), who asked, the MIAS decision, the certificates.
import { msg } from '#src/i18n/i18n.ts';
import { SEND_DECISION_LABELS, SEND_DECISIONS, SEND_ISSUES, SEND_SECTION_LABELS } from '#src/domain/referral-words.ts';

export { SEND_DECISION_LABELS, SEND_DECISIONS };
export type SendDecision = (typeof SEND_DECISIONS)[number];

/** The mediation issues, a multi-select (#2): the plan's sections and the decisions themselves. */
export const SEND_MEDIATION_ISSUES = [...SEND_ISSUES, 'refusal_to_assess', 'refusal_to_issue', 'refusal_to_amend', 'cease', 'refusal_to_reassess'] as const;
export type SendIssue = (typeof SEND_MEDIATION_ISSUES)[number];
export const SEND_ISSUE_LABELS: Record<SendIssue, string> = {
  ...SEND_SECTION_LABELS,
  refusal_to_assess: msg('Refusal to carry out an EHC needs assessment'),
  refusal_to_issue: msg('Decision not to issue an EHC plan after assessment'),
  refusal_to_amend: msg('Refusal to amend or replace the plan after a review or re-assessment'),
  cease: msg('Decision to stop maintaining the plan'),
  refusal_to_reassess: msg('Refusal to carry out a re-assessment'),
};
/** Health needs and provision: the ICBs are told and take part (#9). */
export const HEALTH_ISSUES: readonly SendIssue[] = ['C', 'G'];

export const REQUESTERS = ['parent', 'young_person'] as const;
export type Requester = (typeof REQUESTERS)[number];
export const REQUESTER_LABELS: Record<Requester, string> = {
  parent: msg('The parent'),
  young_person: msg('The young person'),
};

export const MIAS_DECISIONS = ['wants_mediation', 'declines', 'undecided'] as const;
export type MiasDecision = (typeof MIAS_DECISIONS)[number];
export const MIAS_DECISION_LABELS: Record<MiasDecision, string> = {
  wants_mediation: msg('Wants mediation'),
  declines: msg('Does not want mediation'),
  undecided: msg('Has not decided yet'),
};

export const CERTIFICATE_KINDS = ['declined', 'deemed', 'after_mediation'] as const;
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number];
export const CERTIFICATE_KIND_LABELS: Record<CertificateKind, string> = {
  declined: msg('Mediation declined'),
  deemed: msg('Deemed: mediation not held within 30 days'),
  after_mediation: msg('After mediation'),
};

/** Per issue, the case's own words (agreed, partly agreed, not agreed); the certificate's outcome follows from them. */
export { ISSUE_OUTCOME_LABELS, ISSUE_OUTCOMES, type IssueOutcome } from '#src/features/cases/lifecycle.ts';
export const CERTIFICATE_OUTCOMES = ['full', 'partial', 'none'] as const;
export type CertificateOutcome = (typeof CERTIFICATE_OUTCOMES)[number];
export const CERTIFICATE_OUTCOME_LABELS: Record<CertificateOutcome, string> = {
  full: msg('Full agreement'),
  partial: msg('Partial agreement'),
  none: msg('No agreement'),
};

export const CLOCK_KINDS = [
  'contact',
  'declined_certificate',
  'icb_notice',
  'mediation_held',
  'deemed_certificate',
  'meeting_notice',
  'after_mediation_certificate',
  'reg42_duty',
  'appeal',
] as const;
export type ClockKind = (typeof CLOCK_KINDS)[number];
export const CLOCK_LABELS: Record<ClockKind, string> = {
  contact: msg('Contact the mediation adviser (2 months from the decision letter)'),
  declined_certificate: msg('Certificate: mediation declined (3 working days)'),
  icb_notice: msg('Tell the ICBs about the health issues (3 working days)'),
  mediation_held: msg('Mediation held (30 days from the request)'),
  deemed_certificate: msg('Deemed certificate: 30 days passed (3 working days)'),
  meeting_notice: msg('Notice of the mediation meeting (5 working days)'),
  after_mediation_certificate: msg('Certificate after mediation (3 working days)'),
  reg42_duty: msg('Local authority duty after the agreement (reg 42)'),
  appeal: msg('Appeal to the tribunal'),
};
/** Said on screen next to the 30-day clock (#8). */
export const MEDIATION_30_DAYS_NOTE = msg(
  'Sources disagree on whether mediation must be arranged or held within 30 days of the request. Parley counts the 30 calendar days to the meeting being held.',
);
