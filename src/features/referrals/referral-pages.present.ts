// View models for the staff referral pages: the queue's rows and everything a referral holds, with its
// stored codes in words. Fields are picked one by one, so a new column never reaches a page by default.
import { msg, type Translate } from '#src/i18n/i18n.ts';
import { caseTypeName, PARTY_ROLE_LABELS, STATUS_LABELS, type CaseStatus } from '#src/domain/case-words.ts';
import { RISK_LABELS, SEND_DECISION_LABELS } from './referrals.schemas.ts';
import type { ReferralPagesService } from './referral-pages.service.ts';
import { sendContactDeadline } from '#src/domain/send-deadline.ts';
import { longDate } from '#src/domain/dates-in-words.ts';
type ReferralPage = Awaited<ReturnType<ReferralPagesService['referralPage']>>;
type Referral = ReferralPage['referral'];

export const REFERRAL_STATUSES = ['new', 'accepted', 'declined', 'signposted'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
export const REFERRAL_STATUS_LABELS: Record<ReferralStatus, string> = {
  new: msg('New'),
  accepted: msg('Accepted'),
  declined: msg('Declined'),
  signposted: msg('Signposted'),
};
export const REFERRAL_STATUS_CLASSES: Record<ReferralStatus, string> = {
  new: 'govuk-tag--blue',
  accepted: 'govuk-tag--green',
  declined: 'govuk-tag--grey',
  signposted: 'govuk-tag--purple',
};
export const SOURCE_LABELS: Record<string, string> = {
  self: msg('Self-referral'),
  professional: msg('Professional (online form)'),
  api: msg('Professional (API)'),
  enquiry: msg('Enquiry (contact form)'),
};

const yesNo = (t: Translate, v: unknown) => (v === true ? t('Yes') : v === false ? t('No') : undefined);
const word = (t: Translate, labels: Record<string, string>, v: unknown) => (typeof v === 'string' ? t(labels[v] ?? v) : undefined);

/** "today", "1 day", "3 days": how long a referral has waited. */
export function age(t: Translate, createdAt: Date, now: Date): string {
  const days = Math.floor((now.getTime() - createdAt.getTime()) / 86_400_000);
  return days <= 0 ? t('today') : t('{days, plural, one {# day} other {# days}}', { days });
}

/** Tags for a referral's urgency and the risks it names. */
export function flagsOf(t: Translate, r: { urgent: boolean; risks: string[] }) {
  return [
    ...(r.urgent ? [{ text: t('Urgent'), classes: 'govuk-tag--red' }] : []),
    ...r.risks.map((risk) => ({ text: word(t, RISK_LABELS, risk) ?? risk, classes: 'govuk-tag--orange' })),
  ];
}

const COMMUNITY_KINDS: Record<string, string> = {
  neighbour: msg('Neighbours'),
  family: msg('Family'),
  parent_teen: msg('Parent and teenager'),
  group: msg('Group'),
  other: msg('Other'),
};
const SENTENCING: Record<string, string> = {
  pre_sentence: msg('Before sentencing'),
  community_sentence: msg('Community sentence'),
  custody: msg('Custodial sentence'),
  post_sentence: msg('After the sentence'),
  out_of_court: msg('Out-of-court disposal'),
  unknown: msg('Not known'),
};
const INITIATED_BY: Record<string, string> = {
  victim: msg('The victim'),
  person_who_harmed: msg('The person who harmed'),
  referrer: msg('The referrer'),
  other: msg('Someone else'),
};
const EHC_PLAN: Record<string, string> = {
  none: msg('No EHC plan'),
  assessment_requested: msg('Assessment requested'),
  draft: msg('Draft plan'),
  final: msg('Final plan'),
  ceasing: msg('Plan being stopped'),
};
const SOCIAL_CARE_AREA: Record<string, string> = { children_families: msg('Children and families'), adult_social_care: msg('Adult social care') };
const DISPUTES: Record<string, string> = {
  care_arrangements: msg('Care arrangements'),
  contact: msg('Family contact'),
  living_arrangements: msg('Living arrangements'),
  care_plan: msg('Care plan'),
  finances: msg('Finances'),
  other: msg('Other'),
};

type Row = { key: string; value: string };

/** The case-type questions as summary rows, in words: those of the case type's kind (a type a service adds asks its kind's). */
export function caseTypeRows(t: Translate, caseKind: string, details: Record<string, unknown>, today: string): Row[] {
  const rows: [string, string | undefined][] = [];
  const list = (labels: Record<string, string>, v: unknown) => (Array.isArray(v) ? v.map((x) => word(t, labels, x)).join(', ') : undefined);
  if (caseKind === 'community') rows.push([msg('Kind of dispute'), word(t, COMMUNITY_KINDS, details.kind)]);
  if (caseKind === 'restorative_justice')
    rows.push(
      [msg('Offence'), details.offenceType as string | undefined],
      [msg('Stage of the criminal process'), word(t, SENTENCING, details.sentencingStage)],
      [msg('In custody'), yesNo(t, details.inCustody)],
      [msg('Establishment'), details.establishment as string | undefined],
      [msg('Prison number'), details.prisonNumber as string | undefined],
      [msg('Offender manager'), details.offenderManager as string | undefined],
      [msg('Who asked for restorative justice'), word(t, INITIATED_BY, details.initiatedBy)],
    );
  if (caseKind === 'send') {
    const letter = typeof details.decisionLetterDate === 'string' ? details.decisionLetterDate : undefined;
    const deadline = letter ? sendContactDeadline(letter, today) : undefined;
    rows.push(
      [msg('Decision being disputed'), word(t, SEND_DECISION_LABELS, details.decisionType)],
      [msg('EHC plan sections in dispute'), Array.isArray(details.issues) ? details.issues.join(', ') : undefined],
      [msg('EHC plan'), word(t, EHC_PLAN, details.ehcPlanStatus)],
      [msg('Health provision sought'), details.healthProvisionSought as string | undefined],
      [msg('Date of the local authority’s decision letter'), letter ? longDate(letter) : undefined],
      [
        msg('Deadline to contact the mediation service (2 months)'),
        deadline
          ? `${longDate(deadline.deadline)} – ${deadline.passed ? t('passed {days} days ago', { days: -deadline.daysLeft }) : t('{days} days left', { days: deadline.daysLeft })}`
          : undefined,
      ],
    );
  }
  if (caseKind === 'social_care')
    rows.push(
      [msg('Area'), word(t, SOCIAL_CARE_AREA, details.area)],
      [msg('What the dispute is about'), list(DISPUTES, details.disputeAbout)],
      [msg('Legal status'), details.legalStatus as string | undefined],
      [msg('Concerns about capacity to decide'), yesNo(t, details.capacityConcerns)],
      [msg('Capacity concerns'), details.capacityDetails as string | undefined],
    );
  return rows.filter((r): r is [string, string] => Boolean(r[1])).map(([key, value]) => ({ key: t(key), value }));
}

export function referralModel(t: Translate, page: ReferralPage, now: Date, coordinatorId?: string) {
  const r: Referral = page.referral;
  const answers = (r.answers ?? {}) as Record<string, unknown>;
  const referrer = r.referrer as Record<string, unknown> | null;
  const today = now.toISOString().slice(0, 10);
  return {
    id: r.id,
    reference: r.reference,
    status: r.status,
    statusLabel: word(t, REFERRAL_STATUS_LABELS, r.status),
    statusClass: REFERRAL_STATUS_CLASSES[r.status as ReferralStatus] ?? 'govuk-tag--grey',
    isNew: r.status === 'new',
    source: word(t, SOURCE_LABELS, r.source),
    caseType: caseTypeName(
      t,
      page.types.find((c) => c.code === r.caseType),
      r.caseType,
    ),
    createdAt: r.createdAt,
    age: age(t, r.createdAt, now),
    flags: flagsOf(t, r),
    description: r.description,
    answers: [
      [msg('What would help'), answers.whatWouldHelp],
      [msg('Is anyone at risk of harm?'), yesNo(t, answers.anyoneAtRisk)],
      [msg('Safety details'), answers.safetyDetails],
      [msg('Best times to contact'), answers.bestTimes],
      [msg('Agreed to be contacted'), yesNo(t, r.consentToContact)],
    ]
      .filter((row): row is [string, string] => typeof row[1] === 'string' && row[1] !== '')
      .map(([key, value]) => ({ key: t(key), value })),
    details: caseTypeRows(t, r.caseKind, (answers.details ?? {}) as Record<string, unknown>, today),
    parties: r.parties.map((p) => ({
      name: p.name,
      role: word(t, PARTY_ROLE_LABELS, p.role),
      isReferredPerson: Boolean(p.isReferredPerson),
      rows: [
        [msg('Phone'), p.phone],
        [msg('Email'), p.email],
        [msg('Address'), [p.address, p.postcode].filter(Boolean).join(', ')],
        [msg('How to contact them safely'), p.safeContact],
        [msg('Can we leave messages?'), yesNo(t, p.canLeaveMessages)],
        [msg('Access, language and interpreter needs'), p.needs],
      ]
        .filter((row): row is [string, string] => typeof row[1] === 'string' && row[1] !== '')
        .map(([key, value]) => ({ key: t(key), value })),
    })),
    referrer: referrer
      ? [
          [msg('Name'), referrer.name],
          [msg('Role'), referrer.role],
          [msg('Organisation'), referrer.organisation],
          [msg('Email'), referrer.email],
          [msg('Phone'), referrer.phone],
          [msg('The person knows about the referral and agreed to it'), yesNo(t, referrer.personAgreed)],
          [msg('Their line manager is aware'), yesNo(t, referrer.lineManagerAware)],
        ]
          .filter((row): row is [string, string] => typeof row[1] === 'string' && row[1] !== '')
          .map(([key, value]) => ({ key: t(key), value }))
      : undefined,
    decision: r.decidedAt ? { at: r.decidedAt, reason: r.decisionReason, caseId: r.caseId } : undefined,
    duplicates: {
      referrals: page.duplicates.referrals.map((d) => ({ id: d.id, reference: d.reference })),
      cases: page.duplicates.cases.map((d) => ({ id: d.id, reference: d.reference, status: word(t, STATUS_LABELS, d.status as CaseStatus) })),
    },
    canTriage: page.canTriage,
    coordinatorItems: page.coordinators.map((c) => ({ value: c.id, text: c.name, selected: c.id === coordinatorId })),
  };
}
