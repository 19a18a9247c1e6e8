// The words for the choices on the professional referral form (shown through t()).
import { msg, type Translate } from '#src/i18n/i18n.ts';
import { PARTY_ROLE_LABELS, type PartyRole } from '#src/domain/case-words.ts';
import { RISK_LABELS, RISKS, SEND_DECISION_LABELS, SEND_DECISIONS, SEND_ISSUES } from '#src/features/referrals/referrals.schemas.ts';
import { SEND_SECTION_LABELS } from '#src/domain/referral-words.ts';

type Choice = { value: string; text: string };
const choices = (labels: Record<string, string>, t: Translate): Choice[] => Object.entries(labels).map(([value, text]) => ({ value, text: t(text) }));

const COMMUNITY_KINDS = {
  neighbour: msg('Neighbours'),
  family: msg('Family members'),
  parent_teen: msg('A parent and a teenager'),
  group: msg('A group, such as residents or a club'),
  other: msg('Something else'),
};
const SENTENCING_STAGES = {
  pre_sentence: msg('Before sentencing'),
  community_sentence: msg('Serving a community sentence'),
  custody: msg('Serving a custodial sentence'),
  post_sentence: msg('Sentence completed'),
  out_of_court: msg('Out-of-court resolution'),
  unknown: msg('Not known'),
};
const INITIATED_BY = {
  victim: msg('The person harmed'),
  person_who_harmed: msg('The person who harmed'),
  referrer: msg('Me or my organisation'),
  other: msg('Someone else'),
};
const EHC_PLAN_STATUSES = {
  none: msg('No EHC plan'),
  assessment_requested: msg('An assessment has been asked for'),
  draft: msg('Draft plan'),
  final: msg('Final plan'),
  ceasing: msg('The plan is being stopped'),
};
const SOCIAL_CARE_AREAS = { children_families: msg('Children and families'), adult_social_care: msg('Adult social care') };
const DISPUTE_ABOUT = {
  care_arrangements: msg('Care arrangements'),
  contact: msg('Family contact'),
  living_arrangements: msg('Living arrangements'),
  care_plan: msg('The care or support plan'),
  finances: msg('Money and charges'),
  other: msg('Something else'),
};

export function formChoices(t: Translate, roles: readonly PartyRole[]) {
  return {
    roles: [{ value: '', text: t('Select a role') }, ...roles.map((r) => ({ value: r, text: t(PARTY_ROLE_LABELS[r]) }))],
    risks: RISKS.map((r) => ({ value: r, text: t(RISK_LABELS[r]) })),
    kinds: choices(COMMUNITY_KINDS, t),
    sentencingStages: choices(SENTENCING_STAGES, t),
    initiatedBy: choices(INITIATED_BY, t),
    decisions: SEND_DECISIONS.map((d) => ({ value: d, text: t(SEND_DECISION_LABELS[d]) })),
    issues: SEND_ISSUES.map((i) => ({ value: i, text: t(SEND_SECTION_LABELS[i]) })),
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
