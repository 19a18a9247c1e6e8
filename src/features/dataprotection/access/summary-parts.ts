// The parts of a subject access summary that other features provide: the referrals that named the person, their
// restorative justice letters, their SEND record and certificates, and what they told us at the end of the case;
// and their consent in words. Every stored value is shown in the message catalogue's words, never as its code.
import { CONSENT_LABELS } from '#src/features/cases/case-page-words.ts';
import { ANSWER_SOURCE_LABELS, CHECK_IN_ANSWER_LABELS } from '#src/features/closing/closing-subject-access.ts';
import { referralAnswerRows, REFERRAL_SOURCE_LABELS, REFERRAL_STATUS_LABELS } from '#src/features/referrals/referral-subject-access.ts';
import { LETTER_FORM_LABELS, LETTER_STATUS_LABELS } from '#src/features/rj/rj-subject-access.ts';
import {
  ATTENDEE_KIND_LABELS,
  CERTIFICATE_KIND_LABELS,
  CERTIFICATE_OUTCOME_LABELS,
  MIAS_DECISION_LABELS,
  REQUESTER_LABELS,
  SEND_DECISION_LABELS,
  SEND_ISSUE_LABELS,
  SEND_ROUTE_LABELS,
} from '#src/features/send/send-subject-access.ts';
import { PARTY_ROLE_LABELS } from '#src/domain/case-words.ts';
import type { SubjectData } from './gather.ts';
import { esc, type Kit } from './summary-kit.ts';

type CaseData = SubjectData['cases'][number];
type Referral = CaseData['referrals'][number];

/** "Not asked yet", "Agreed on 4 December 2026", "Withdrawn on 5 December 2026". */
export function consentInWords({ t, day, word }: Kit, consent: string, recordedAt: Date | string | null): string {
  if (consent === 'given' && recordedAt) return t('Agreed on {date}', { date: day(recordedAt) });
  if (consent === 'withdrawn' && recordedAt) return t('Withdrawn on {date}', { date: day(recordedAt) });
  return word(CONSENT_LABELS, consent);
}

type Person = {
  name?: string | null;
  role?: string | null;
  email?: string | null;
  phone?: string | null;
  address?: string | null;
  postcode?: string | null;
  safeContact?: string | null;
  canLeaveMessages?: boolean | null;
  needs?: string | null;
};

/** A person's own details as the summary lists them, on a case and on a referral alike. */
export function personDetails({ t, word, yesNo }: Kit, p: Person): [string, unknown][] {
  return [
    [t('Name'), p.name],
    [t('Role'), word(PARTY_ROLE_LABELS, p.role)],
    [t('Email'), p.email],
    [t('Phone'), p.phone],
    [t('Address'), p.address],
    [t('Postcode'), p.postcode],
    [t('Safe way to contact you'), p.safeContact],
    [t('Can we leave messages'), yesNo(p.canLeaveMessages)],
    [t('Needs'), p.needs],
  ];
}

function referral(kit: Kit, r: Omit<Referral, 'caseId'>) {
  const { t, when, rows, word, yesNo } = kit;
  const a = (r.answers ?? {}) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  const you = r.you.map((p) => rows(personDetails(kit, p)));
  const details = referralAnswerRows(t, r.caseKind, (a.details ?? {}) as Record<string, unknown>, r.createdAt.toISOString().slice(0, 10));
  return `<h4>${esc(t('Referral {reference}', { reference: r.reference }))}</h4>
${rows([
  [t('Received'), when(r.createdAt)],
  [t('Kind of case'), kit.caseTypeName(r.caseType)],
  [t('How it came to us'), r.referredBy === 'self' ? word(REFERRAL_SOURCE_LABELS, r.source) : t('From a professional, whose details are not included')],
  [t('Decision'), word(REFERRAL_STATUS_LABELS, r.status)],
  [t('Decided'), when(r.decidedAt)],
  [t('Reason for the decision'), r.decisionReason],
  [t('What the referral said'), r.description],
  [t('What would help'), text(a.whatWouldHelp)],
  [t('Is anyone at risk of harm?'), typeof a.anyoneAtRisk === 'boolean' ? yesNo(a.anyoneAtRisk) : null],
  [t('Safety details'), text(a.safetyDetails)],
  [t('Best times to contact'), text(a.bestTimes)],
  [t('Agreed to be contacted'), yesNo(r.consentToContact)],
  ...details.map((d): [string, unknown] => [d.key, d.value]),
])}
<p>${esc(t('Your details as the referral gave them:'))}</p>
${you.length ? you.join('') : `<p>${esc(t('None.'))}</p>`}`;
}

export function referralsPart(kit: Kit, referrals: CaseData['referrals']): string {
  if (!referrals.length) return '';
  return `<h3>${esc(kit.t('The referral'))}</h3>\n${referrals.map((r) => referral(kit, r)).join('\n')}`;
}

export function otherReferralsPart(kit: Kit, referrals: SubjectData['otherReferrals']): string {
  if (!referrals.length) return '';
  return `<h2>${esc(kit.t('Other referrals that named you'))}</h2>\n${referrals.map((r) => referral(kit, r)).join('\n')}`;
}

export function lettersPart({ t, when, table, word, heading }: Kit, letters: CaseData['letters']): string {
  return `${heading(t('Letters'))}
${table(
  [t('Written'), t('Letter'), t('Kind'), t('Status'), t('Passed on'), t('Words')],
  letters.map((l) => [
    when(l.writtenAt),
    l.direction === 'written' ? t('You wrote it') : t('Passed on to you'),
    word(LETTER_FORM_LABELS, l.form),
    word(LETTER_STATUS_LABELS, l.status),
    when(l.passedAt),
    l.text,
  ]),
)}`;
}

export function sendPart({ t, day, rows, table, word, yesNo, heading }: Kit, s: NonNullable<CaseData['send']>): string {
  return `${heading(t('Special educational needs (SEND) mediation'))}
${rows([
  [t('Decision being disputed'), word(SEND_DECISION_LABELS, s.decisionType)],
  [t('Issues'), s.issues.map((i) => word(SEND_ISSUE_LABELS, i)).join('; ')],
  [t('Date of the local authority’s decision letter'), day(s.decisionLetterOn)],
  [t('Who asked for mediation'), word(REQUESTER_LABELS, s.requestedBy)],
  [t('The child or young person'), s.childName],
  [t('Local authority'), s.localAuthority],
  [t('The child’s views were obtained'), yesNo(s.childViewsObtained)],
  [t('How the child’s views were obtained'), s.childViewsMethod],
  [t('Why the child’s views were not obtained'), s.childViewsNotReason],
  [t('Mediation information and advice call'), day(s.miasOn)],
  [t('Decision after the call'), word(MIAS_DECISION_LABELS, s.miasDecision)],
  [t('Decision passed on'), day(s.decisionToldOn)],
  [t('Mediation held'), day(s.mediationHeldOn)],
  [t('Route'), word(SEND_ROUTE_LABELS, s.route)],
])}
<p>${esc(t('Who attended with you'))}</p>
${table(
  [t('Name'), t('Who'), t('Agreed by everyone')],
  s.attendees.map((a) => [a.name, word(ATTENDEE_KIND_LABELS, a.kind), yesNo(a.agreed)]),
)}
<p>${esc(t('Mediation certificates'))}</p>
${table(
  [t('Number'), t('Kind'), t('Outcome'), t('Issued'), t('Appeal by'), t('Issued by'), t('Replaced')],
  s.certificates.map((c) => [
    c.number,
    word(CERTIFICATE_KIND_LABELS, c.kind),
    word(CERTIFICATE_OUTCOME_LABELS, c.outcome),
    day(c.issuedOn),
    day(c.appealDeadline),
    c.adviserOrganisation,
    c.supersededAt ? day(c.supersededAt) : '',
  ]),
)}`;
}

export function feedbackPart({ t, when, table, word, yesNo, heading }: Kit, feedback: CaseData['feedback'], checkIns: CaseData['checkIns']): string {
  if (!feedback.length && !checkIns.length) return '';
  return `${heading(t('Your feedback'))}
${table(
  [t('Given'), t('How'), t('Satisfaction'), t('Felt heard'), t('Would recommend'), t('What helped'), t('May we quote it')],
  feedback.map((f) => [
    when(f.submittedAt),
    word(ANSWER_SOURCE_LABELS, f.source),
    t('{n} out of 5', { n: f.satisfaction }),
    yesNo(f.feltHeard),
    yesNo(f.wouldRecommend),
    f.whatHelped ?? '',
    yesNo(f.mayQuote),
  ]),
)}
${
  checkIns.length
    ? `<p>${esc(t('Your check-ins after the agreement'))}</p>${table(
        [t('Answered'), t('How'), t('Answers'), t('Note')],
        checkIns.map((c) => [
          when(c.answeredAt),
          word(ANSWER_SOURCE_LABELS, c.source),
          c.answers.map((a) => [word(CHECK_IN_ANSWER_LABELS, a.answer), a.note].filter(Boolean).join(': ')).join(' · '),
          c.note ?? '',
        ]),
      )}`
    : ''
}`;
}
