// The words of a case: types, statuses, party roles, outcomes. Labels are what people see (through t()).
import { msg } from '#src/i18n/i18n.ts';
/** The kinds of rules a case follows. A service's case types (case_types) each follow one; its first four are named for them. */
export const CASE_KINDS = ['community', 'restorative_justice', 'send', 'social_care'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];
/** The four case types every service starts with, one of each kind, with the kind's name as their code. */
export const CASE_TYPES = CASE_KINDS;
export type CaseType = CaseKind;
export const isCaseKind = (s: string): s is CaseKind => (CASE_KINDS as readonly string[]).includes(s);
/**
 * The cases a count takes: those of one case type, by its code (as the reports' case type filter chooses), or with
 * `{ caseKind }` every case whose type follows that kind, whatever the type's code (as the statutory returns count: a
 * type a service adds counts with the built-in type of its kind).
 */
export type CaseTypeOrKind = string | { caseKind: CaseKind };
export const CASE_TYPE_LABELS: Record<CaseType, string> = {
  community: msg('Community mediation'),
  restorative_justice: msg('Restorative justice'),
  send: msg('SEND mediation'),
  social_care: msg('Social care mediation'),
};

export const CASE_STATUSES = ['intake', 'ready', 'mediation', 'outcome', 'follow_up', 'closed', 'withdrawn', 'unsuitable', 'on_hold'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const STATUS_LABELS: Record<CaseStatus, string> = {
  intake: msg('Intake'),
  ready: msg('Ready'),
  mediation: msg('Mediation'),
  outcome: msg('Outcome'),
  follow_up: msg('Follow-up'),
  closed: msg('Closed'),
  withdrawn: msg('Withdrawn'),
  unsuitable: msg('Unsuitable'),
  on_hold: msg('On hold'),
};
export const ACTIVE_STATUSES: readonly CaseStatus[] = ['intake', 'ready', 'mediation', 'outcome', 'follow_up'];
export const ENDED_STATUSES: readonly CaseStatus[] = ['closed', 'withdrawn', 'unsuitable'];

export const PARTY_ROLES = [
  'party',
  'victim',
  'person_who_harmed',
  'parent',
  'young_person',
  'local_authority',
  'health_body',
  'staff_member',
  'service_user',
  'family_member',
  'supporter',
  'advocate',
  'interpreter',
] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];
export const PARTY_ROLE_LABELS: Record<PartyRole, string> = {
  party: msg('Party'),
  victim: msg('Victim'),
  person_who_harmed: msg('Person who harmed'),
  parent: msg('Parent'),
  young_person: msg('Young person'),
  local_authority: msg('Local authority'),
  health_body: msg('Health body'),
  staff_member: msg('Staff member'),
  service_user: msg('Service user'),
  family_member: msg('Family member'),
  supporter: msg('Supporter'),
  advocate: msg('Advocate'),
  interpreter: msg('Interpreter'),
};
/** The roles offered for each kind of case (referral forms and the People tab); none is chosen for the person. */
export const ROLES_BY_CASE_KIND: Record<CaseKind, readonly PartyRole[]> = {
  community: ['party', 'parent', 'young_person', 'family_member', 'supporter', 'advocate', 'interpreter'],
  restorative_justice: ['victim', 'person_who_harmed', 'family_member', 'supporter', 'advocate', 'interpreter'],
  send: ['parent', 'young_person', 'local_authority', 'health_body', 'supporter', 'advocate', 'interpreter'],
  social_care: ['service_user', 'family_member', 'staff_member', 'local_authority', 'health_body', 'party', 'advocate', 'supporter', 'interpreter'],
};
export const rolesFor = (caseKind: string): readonly PartyRole[] => (isCaseKind(caseKind) ? ROLES_BY_CASE_KIND[caseKind] : PARTY_ROLES);

/** People taking part in the mediation itself, whose consent it needs. Supporters, advocates and interpreters come with them. */
export const CONSENTING_ROLES: readonly PartyRole[] = [
  'party',
  'victim',
  'person_who_harmed',
  'parent',
  'young_person',
  'local_authority',
  'health_body',
  'service_user',
  'family_member',
  'staff_member',
];

export const OUTCOMES = ['full_agreement', 'partial_agreement', 'no_agreement'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const OUTCOME_LABELS: Record<Outcome, string> = {
  full_agreement: msg('Full agreement'),
  partial_agreement: msg('Partial agreement'),
  no_agreement: msg('No agreement'),
};

/** Why a case closed: the list the service recognises (asked for when a case closes). */
export const CLOSING_REASONS = [
  'agreement_kept',
  'agreement_partly_kept',
  'agreement_not_kept',
  'no_agreement',
  'withdrawn',
  'coaching_completed',
  'other',
] as const;
export type ClosingReason = (typeof CLOSING_REASONS)[number];
export const CLOSING_REASON_LABELS: Record<ClosingReason, string> = {
  agreement_kept: msg('Agreement reached and kept'),
  agreement_partly_kept: msg('Agreement reached and partly kept'),
  agreement_not_kept: msg('Agreement reached but not kept'),
  no_agreement: msg('No agreement reached'),
  withdrawn: msg('A party withdrew'),
  coaching_completed: msg('Conflict coaching completed'),
  other: msg('Other (say why)'),
};

/** mediation (two or more parties), or coaching: one-to-one conflict coaching when the other party will not take part. */
export const PATHWAYS = ['mediation', 'coaching'] as const;
export type Pathway = (typeof PATHWAYS)[number];

export type ConsentState = 'not_asked' | 'given' | 'withdrawn';

/** One of a service's case types (features/settings/case-types.ts): a built-in one has no name of its own. */
export type ServiceCaseType = { code: string; name: string | null; kind: CaseKind; referencePrefix: string | null; offered: boolean };
/** What people see for a case type: the service's own name for it, or the built-in type's name in their language. */
export function caseTypeName(t: (text: string) => string, type: { name: string | null; kind: string } | undefined, code: string): string {
  if (type?.name) return type.name;
  const kind = type?.kind ?? code;
  return isCaseKind(kind) ? t(CASE_TYPE_LABELS[kind]) : code;
}
/** The names of a service's case types, read once for a page or a report: a code's name without a query per row. */
export function caseTypeNamer(t: (text: string) => string, types: readonly { code: string; name: string | null; kind: string }[]): (code: string) => string {
  const byCode = new Map(types.map((c) => [c.code, c]));
  return (code) => caseTypeName(t, byCode.get(code), code);
}
