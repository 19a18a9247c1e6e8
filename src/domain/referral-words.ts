// The words of a referral that the case record shows too: the risks asked about and the SEND decisions and issues.
import { msg } from '#src/i18n/i18n.ts';

export const RISKS = ['domestic_abuse', 'substance_misuse', 'mental_health', 'weapons', 'anyone_at_risk'] as const;
export const RISK_LABELS: Record<(typeof RISKS)[number], string> = {
  domestic_abuse: msg('Domestic abuse'),
  substance_misuse: msg('Substance misuse'),
  mental_health: msg('Mental health'),
  weapons: msg('Weapons'),
  anyone_at_risk: msg('Someone at risk of harm'),
};

export const SEND_DECISIONS = [
  'refusal_to_assess',
  'refusal_to_issue',
  'plan_contents',
  'refusal_to_reassess',
  'refusal_to_amend',
  'cease_to_maintain',
] as const;
export const SEND_DECISION_LABELS: Record<(typeof SEND_DECISIONS)[number], string> = {
  refusal_to_assess: msg('Refusal to carry out an EHC needs assessment'),
  refusal_to_issue: msg('Decision not to issue an EHC plan after assessment'),
  plan_contents: msg('The contents of the EHC plan'),
  refusal_to_reassess: msg('Refusal to carry out a re-assessment'),
  refusal_to_amend: msg('Refusal to amend or replace the plan after a review or re-assessment'),
  cease_to_maintain: msg('Decision to stop maintaining the plan'),
};
export const SEND_ISSUES = ['B', 'C', 'D', 'F', 'G', 'H1', 'H2', 'I'] as const;
/** The sections of an EHC plan, as a referral and a SEND case name them. */
export const SEND_SECTION_LABELS: Record<(typeof SEND_ISSUES)[number], string> = {
  B: msg('Section B: special educational needs'),
  C: msg('Section C: health needs'),
  D: msg('Section D: social care needs'),
  F: msg('Section F: special educational provision'),
  G: msg('Section G: health provision'),
  H1: msg('Section H1: social care provision under the Chronically Sick and Disabled Persons Act'),
  H2: msg('Section H2: other social care provision'),
  I: msg('Section I: the school or college named, its type, or that none is named'),
};
