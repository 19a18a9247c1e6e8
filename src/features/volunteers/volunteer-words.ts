// The words of volunteering: statuses, accreditation areas, DBS levels and workforces, and which accreditation
// a case needs. Labels are what people see (through t()).
import { msg } from '#src/i18n/i18n.ts';
import type { CaseType } from '#src/domain/case-words.ts';

export const VOLUNTEER_STATUSES = ['applicant', 'in_training', 'trainee', 'accredited', 'inactive', 'left'] as const;
export type VolunteerStatus = (typeof VOLUNTEER_STATUSES)[number];
export const VOLUNTEER_STATUS_LABELS: Record<VolunteerStatus, string> = {
  applicant: msg('Applicant'),
  in_training: msg('In training'),
  trainee: msg('Trainee'),
  accredited: msg('Accredited'),
  inactive: msg('Inactive'),
  left: msg('Left'),
};
/** Statuses that may be put on a case: trainees only alongside an accredited mediator. */
export const ASSIGNABLE_STATUSES: readonly VolunteerStatus[] = ['trainee', 'accredited'];

export const AREAS = ['community', 'parent_teen', 'restorative_conferencing', 'send', 'social_care', 'group'] as const;
export type Area = (typeof AREAS)[number];
export const AREA_LABELS: Record<Area, string> = {
  community: msg('community mediation'),
  parent_teen: msg('parent and teenager mediation'),
  restorative_conferencing: msg('restorative conferencing'),
  send: msg('SEND mediation'),
  social_care: msg('social care mediation'),
  group: msg('group mediation'),
};

export const DBS_LEVELS = ['enhanced', 'enhanced_barred'] as const;
export type DbsLevel = (typeof DBS_LEVELS)[number];
export const DBS_LEVEL_LABELS: Record<DbsLevel, string> = {
  enhanced: msg('Enhanced'),
  enhanced_barred: msg('Enhanced with barred lists'),
};
export const DBS_WORKFORCES = ['child', 'adult', 'both'] as const;
export type DbsWorkforce = (typeof DBS_WORKFORCES)[number];
export const DBS_WORKFORCE_LABELS: Record<DbsWorkforce, string> = {
  child: msg('Child workforce'),
  adult: msg('Adult workforce'),
  both: msg('Child and adult workforce'),
};

export const TRAINING_KINDS = ['course', 'cpd', 'supervision', 'observed_practice'] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];
export const TRAINING_KIND_LABELS: Record<TrainingKind, string> = {
  course: msg('Course'),
  cpd: msg('CPD'),
  supervision: msg('Case supervision'),
  observed_practice: msg('Observed practice'),
};

export const EXPENSE_KINDS = ['mileage', 'travel', 'other'] as const;
export type ExpenseKind = (typeof EXPENSE_KINDS)[number];
export const EXPENSE_KIND_LABELS: Record<ExpenseKind, string> = { mileage: msg('Mileage'), travel: msg('Travel (fares, parking)'), other: msg('Other') };
export const EXPENSE_STATUSES = ['submitted', 'approved', 'rejected', 'paid'] as const;
export type ExpenseStatus = (typeof EXPENSE_STATUSES)[number];

/** The accreditation a case needs: its kind of rules, and for community cases the kind (parent and teenager, group). */
export function requiredArea(caseKind: CaseType | string, details: Record<string, unknown> = {}): Area {
  if (caseKind === 'restorative_justice') return 'restorative_conferencing';
  if (caseKind === 'send') return 'send';
  if (caseKind === 'social_care') return 'social_care';
  const kind = (details.community as { kind?: string } | undefined)?.kind ?? (details.kind as string | undefined);
  if (kind === 'parent_teen') return 'parent_teen';
  if (kind === 'group') return 'group';
  return 'community';
}
