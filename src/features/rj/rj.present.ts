// The RJ tab's page model: the contact gates, the hold and senior decision, each participant's suitability, risk
// assessment and custody, the letters with their vetting, and the forms' choices. Words go through t().
import { msg, type Translate } from '#src/i18n/i18n.ts';
import { PARTY_ROLE_LABELS, type PartyRole } from '#src/domain/case-words.ts';
import type { FieldErrors } from '#src/lib/app-error.ts';
import { CONSENT_LABELS } from '#src/features/cases/case-page-words.ts';
import { OFFENCE_CATEGORIES, OFFENCE_CATEGORY_LABELS } from './rj-policy.ts';
import type { RjService } from './rj.service.ts';
import { RISK_AREA_LABELS, RISK_AREAS, RISK_DECISION_LABELS, RISK_RATING_LABELS, RISK_RATINGS } from './rj.schemas.ts';
import { RISK_DECISIONS } from './rules/contact-gate.ts';
import { LETTER_FORM_LABELS, LETTER_FORMS } from './letters/letters.schemas.ts';
import { victimsCodeModel } from './victims-code.present.ts';
import { dateParts } from '#src/http/page-form.ts';

type Overview = Awaited<ReturnType<RjService['overview']>>;
type Letters = Awaited<ReturnType<RjService['letters']['list']>>;
export type FormState = { form: string; values: Record<string, unknown>; fields: FieldErrors; partyId?: string; letterId?: string };

const INITIATED_WORDS: Record<string, string> = {
  victim: msg('The person harmed'),
  person_who_harmed: msg('The person who harmed'),
  referrer: msg('The referrer'),
  other: msg('Someone else affected'),
};

export const STATUS_LABELS: Record<string, string> = {
  awaiting_vetting: msg('Waiting for vetting'),
  changes_asked: msg('Changes asked for'),
  withheld: msg('Withheld'),
  approved: msg('Approved: ready to pass on'),
  passed: msg('Passed on'),
};
const STATUS_TAGS: Record<string, string> = {
  awaiting_vetting: 'govuk-tag--yellow',
  changes_asked: 'govuk-tag--orange',
  withheld: 'govuk-tag--red',
  approved: 'govuk-tag--blue',
  passed: 'govuk-tag--green',
};
const SUITABILITY_LABELS: Record<string, string> = {
  suitable: msg('Suitable'),
  not_suitable: msg('Not suitable'),
  not_assessed: msg('Not assessed yet'),
};
const DECISION_WORDS: Record<string, string> = { approve: msg('approved'), changes: msg('asked for changes'), withhold: msg('withheld') };
const HOLD_WORDS: Record<string, string> = {
  held: msg('Held for a senior decision'),
  proceed: msg('A senior decided the case may go ahead'),
  declined: msg('A senior decided the case should not go ahead'),
};

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const radios = (t: Translate, labels: Record<string, string>, keys: readonly string[], chosen: unknown) =>
  // i18n-dynamic: labels are msg() literals
  keys.map((k) => ({ value: k, text: t(labels[k] ?? k), checked: chosen === k }));
const yesNo = (t: Translate, chosen: unknown) => [
  { value: 'yes', text: t('Yes'), checked: chosen === 'yes' },
  { value: 'no', text: t('No'), checked: chosen === 'no' },
];

export function rjModel(t: Translate, o: Overview, letters: Letters, state?: FormState) {
  const values = state?.values ?? {};
  const fields = state?.fields ?? {};
  const formOf = (name: string, extra: { partyId?: string; letterId?: string } = {}) =>
    state &&
    state.form === name &&
    (extra.partyId === undefined || state.partyId === extra.partyId) &&
    (extra.letterId === undefined || state.letterId === extra.letterId)
      ? { values, fields }
      : { values: {}, fields: {} };
  const role = (r: string) => t(PARTY_ROLE_LABELS[r as PartyRole] ?? r);
  const participantItems = (chosen: unknown) => [
    { value: '', text: t('Choose a person') },
    ...o.participants.map((p) => ({ value: p.id, text: `${p.name} (${role(p.role)})`, selected: p.id === chosen })),
  ];
  const [first, second] = o.facilitators.names;
  const d = o.case.details;
  const answer = (v: unknown) => (v === 'yes' || v === true ? t('Yes') : v === 'no' || v === false ? t('No') : v === 'not_sure' ? t('Not sure') : null);
  const initiated = typeof d.initiatedBy === 'string' ? INITIATED_WORDS[d.initiatedBy] : undefined;
  const fromReferral = [
    // i18n-dynamic: INITIATED_WORDS are msg() literals
    { key: { text: t('Who asked for restorative justice') }, value: { text: initiated ? t(initiated) : null } },
    { key: { text: t('Reported to the police') }, value: { text: answer(d.reportedToPolice) } },
    { key: { text: t('Someone involved in prison') }, value: { text: answer(d.inCustody) } },
  ].filter((r) => r.value.text);
  const courtTyped = state?.form === 'court';
  const dateOfCourt = (name: 'sentenceDeferredTo' | 'courtReportSentOn') =>
    courtTyped
      ? { day: str(values[`${name}-day`]), month: str(values[`${name}-month`]), year: str(values[`${name}-year`]) }
      : dateParts(o.court?.[name] ?? null);
  return {
    preSentence: o.preSentence || courtTyped,
    courtView: o.court && {
      ...o.court,
      left:
        o.court.daysToCourt < 0
          ? t('The deferment date has passed')
          : t('{days, plural, one {# day} other {# days}} until the court sits again', { days: o.court.daysToCourt }),
    },
    courtForm: {
      fields: courtTyped ? fields : {},
      court: courtTyped ? str(values.court) : (o.court?.court ?? ''),
      sentenceDeferredTo: dateOfCourt('sentenceDeferredTo'),
      courtReportSentOn: dateOfCourt('courtReportSentOn'),
    },
    fromReferral,
    victimsCode: victimsCodeModel(t, o.victimsCode, state?.form === 'victims' ? { values, fields } : undefined),
    facilitators: {
      vetters: first && second ? t('Letters on this case are vetted by {first} and {second}.', { first, second }) : null,
      // i18n-dynamic: vetterRefusal returns msg() literals
      vetRefusal: o.facilitators.vetRefusal ? t(o.facilitators.vetRefusal) : null,
    },
    gates: [
      { title: t('A conference or joint meeting'), ...o.direct },
      { title: t('Letters and messages between the parties'), ...o.indirect },
    ],
    // i18n-dynamic: HOLD_WORDS are msg() literals
    hold: o.hold.state === 'none' ? null : { ...o.hold, words: t(HOLD_WORDS[o.hold.state] ?? ''), note: o.seniorNote, by: o.seniorBy },
    extraCare: o.hold.extraCare,
    category: o.category ? t(OFFENCE_CATEGORY_LABELS[o.category]) : null,
    categoryItems: [
      { value: '', text: t('Choose the kind of offence') },
      ...OFFENCE_CATEGORIES.map((c) => ({ value: c, text: t(OFFENCE_CATEGORY_LABELS[c]), selected: c === (str(values.category) || o.category) })),
    ],
    offenceForm: formOf('offence'),
    seniorForm: {
      ...formOf('senior'),
      decisionItems: [
        { value: 'proceed', text: t('The case may go ahead'), checked: values.decision === 'proceed' },
        { value: 'decline', text: t('The case should not go ahead'), checked: values.decision === 'decline' },
      ],
    },
    participants: o.participants.map((p) => ({
      ...p,
      roleText: role(p.role),
      // i18n-dynamic: CONSENT_LABELS are msg() literals
      consentText: t(CONSENT_LABELS[p.consent] ?? p.consent),
      // i18n-dynamic: SUITABILITY_LABELS are msg() literals
      suitabilityText: t(SUITABILITY_LABELS[p.suitabilityOutcome] ?? p.suitabilityOutcome),
      assessment: p.assessment && {
        ...p.assessment,
        // i18n-dynamic: label tables are msg() literals
        ratingText: t(RISK_RATING_LABELS[p.assessment.rating as 'low'] ?? p.assessment.rating),
        decisionText: t(RISK_DECISION_LABELS[p.assessment.decision as 'direct'] ?? p.assessment.decision),
        areas: RISK_AREAS.filter((a) => p.assessment!.areas[a]).map((a) => ({
          key: { text: t(RISK_AREA_LABELS[a]) },
          value: { text: p.assessment!.areas[a] },
        })),
      },
      custodyForm: formOf('custody', { partyId: p.id }),
      checklist: p.custody ? o.policy.prisonChecklist.map((step) => ({ step, done: p.custody!.checklist[step] ?? null })) : [],
    })),
    suitabilityForm: {
      ...formOf('suitability'),
      partyItems: participantItems(values.partyId),
      facts: yesNo(t, values.acknowledgesFacts),
      responsibility: yesNo(t, values.acceptsResponsibility),
      willing: yesNo(t, values.willing),
    },
    assessmentForm: {
      ...formOf('assessment'),
      partyItems: participantItems(values.partyId),
      areas: RISK_AREAS.map((a) => ({ name: a, label: t(RISK_AREA_LABELS[a]), value: str(values[a]) })),
      ratingItems: radios(t, RISK_RATING_LABELS, RISK_RATINGS, values.rating),
      decisionItems: radios(t, RISK_DECISION_LABELS, RISK_DECISIONS, values.decision),
    },
    letters: letters.map((l) => ({
      ...l,
      // i18n-dynamic: STATUS_LABELS are msg() literals
      statusText: t(STATUS_LABELS[l.status] ?? l.status),
      statusTag: STATUS_TAGS[l.status] ?? 'govuk-tag--grey',
      // i18n-dynamic: DECISION_WORDS are msg() literals
      reviews: l.reviews.map((r) => ({ ...r, words: t(DECISION_WORDS[r.decision] ?? r.decision) })),
      reviewForm: {
        ...formOf('review', { letterId: l.id }),
        decisionItems: [
          { value: 'approve', text: t('Approve'), checked: values.decision === 'approve' && state?.letterId === l.id },
          { value: 'changes', text: t('Ask for changes'), checked: values.decision === 'changes' && state?.letterId === l.id },
          { value: 'withhold', text: t('Withhold'), checked: values.decision === 'withhold' && state?.letterId === l.id },
        ],
      },
      reviseForm: formOf('revise', { letterId: l.id }),
    })),
    letterForm: {
      ...formOf('letter'),
      fromItems: participantItems(values.fromPartyId),
      toItems: participantItems(values.toPartyId),
      formItems: radios(t, LETTER_FORM_LABELS, LETTER_FORMS, values.form ?? 'letter'),
    },
  };
}
