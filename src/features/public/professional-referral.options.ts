// The words for the choices on the professional referral form (shown through t()).
import { msg } from '#src/i18n/i18n.ts';
import { PARTY_ROLE_LABELS, type PartyRole } from '#src/domain/case-words.ts';
import { RISK_LABELS, RISKS, SEND_DECISION_LABELS, SEND_DECISIONS, SEND_ISSUES } from '#src/features/referrals/referrals.schemas.ts';
import type { Translate } from '#src/i18n/i18n.ts';

type Choice = { value: string; text: string };
const choices = (labels: Record<string, string>, t: Translate): Choice[] => Object.entries(labels).map(([value, text]) => ({ value, text: t(text) }));

export const SEND_ISSUE_LABELS: Record<(typeof SEND_ISSUES)[number], string> = {
  B: msg('Section B: special educational needs'),
  C: msg('Section C: health needs'),
  D: msg('Section D: social care needs'),
  F: msg('Section F: special educational provision'),
  G: msg('Section G: health provision'),
  H1: msg('Section H1: social care provision under the Chronically Sick and Disabled Persons Act'),
  H2: msg('Section H2: other social care provision'),
  I: msg('Section I: the school or college named, its type, or that none is named'),
};

const COMMUNITY_KINDS = {
  neighbour: 'Neighbours',
  family: 'Family members',
  parent_teen: 'A parent and a teenager',
  group: 'A group, such as residents or a club',
  other: 'Something else',
};
const SENTENCING_STAGES = {
  pre_sentence: 'Before sentencing',
  community_sentence: 'Serving a community sentence',
  custody: 'Serving a custodial sentence',
  post_sentence: 'Sentence completed',
  out_of_court: 'Out-of-court resolution',
  unknown: 'Not known',
};
const INITIATED_BY = { victim: 'The person harmed', person_who_harmed: 'The person who harmed', referrer: 'Me or my organisation', other: 'Someone else' };
const EHC_PLAN_STATUSES = {
  none: 'No EHC plan',
  assessment_requested: 'An assessment has been asked for',
  draft: 'Draft plan',
  final: 'Final plan',
  ceasing: 'The plan is being stopped',
};
const SOCIAL_CARE_AREAS = { children_families: 'Children and families', adult_social_care: 'Adult social care' };
const DISPUTE_ABOUT = {
  care_arrangements: 'Care arrangements',
  contact: 'Family contact',
  living_arrangements: 'Living arrangements',
  care_plan: 'The care or support plan',
  finances: 'Money and charges',
  other: 'Something else',
};

export function formChoices(t: Translate, roles: readonly PartyRole[]) {
  return {
    roles: [{ value: '', text: t('Select a role') }, ...roles.map((r) => ({ value: r, text: t(PARTY_ROLE_LABELS[r]) }))],
    risks: RISKS.map((r) => ({ value: r, text: t(RISK_LABELS[r]) })),
    kinds: choices(COMMUNITY_KINDS, t),
    sentencingStages: choices(SENTENCING_STAGES, t),
    initiatedBy: choices(INITIATED_BY, t),
    decisions: SEND_DECISIONS.map((d) => ({ value: d, text: t(SEND_DECISION_LABELS[d]) })),
    issues: SEND_ISSUES.map((i) => ({ value: i, text: t(SEND_ISSUE_LABELS[i]) })),
    planStatuses: choices(EHC_PLAN_STATUSES, t),
    areas: choices(SOCIAL_CARE_AREAS, t),
    disputeAbout: choices(DISPUTE_ABOUT, t),
    yesNo: [
      { value: 'yes', text: t('Yes') },
      { value: 'no', text: t('No') },
    ],
  };
}

/** Checkbox fields, which must reach the template as lists. */
export const LIST_FIELDS = ['risks', 'issues', 'disputeAbout'];
