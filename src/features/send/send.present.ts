// The SEND tab's view model: the details as a summary, the clocks with days left, the certificates, and the four forms'
// choices filled from what was typed (after an error) or what is recorded. Words go through t() here or in the template.
import type { FormBody } from '#src/http/page-form.ts';
import { dateParts, textOf, listOf } from '#src/http/page-form.ts';
import type { Translate } from '#src/i18n/i18n.ts';
import type { FieldErrors } from '#src/lib/app-error.ts';
import {
  CERTIFICATE_KIND_LABELS,
  CERTIFICATE_KINDS,
  CERTIFICATE_OUTCOME_LABELS,
  CLOCK_LABELS,
  ISSUE_OUTCOME_LABELS,
  ISSUE_OUTCOMES,
  MEDIATION_30_DAYS_NOTE,
  MIAS_DECISION_LABELS,
  MIAS_DECISIONS,
  REQUESTER_LABELS,
  REQUESTERS,
  SEND_DECISION_LABELS,
  SEND_DECISIONS,
  SEND_ISSUE_LABELS,
  SEND_MEDIATION_ISSUES,
} from './send-words.ts';
import type { SendService } from './send.service.ts';
import type { Clock } from './case-clocks.ts';
import { ATTENDEE_KIND_LABELS, ATTENDEE_KINDS, SEND_ROUTE_LABELS, SEND_ROUTES } from './send-attendance.ts';

type SendView = Awaited<ReturnType<SendService['get']>>;
// i18n-dynamic: the labels are maps of msg() values (send-words.ts)
const label = (t: Translate, labels: Record<string, string>, v: string | null | undefined) => (v ? t(labels[v] ?? v) : undefined);
const yesNo = (v: boolean | null) => (v === true ? 'yes' : v === false ? 'no' : '');
const dateValues = (values: FormBody, key: string, iso: string | null, typed: boolean) =>
  typed ? { day: textOf(values, `${key}-day`), month: textOf(values, `${key}-month`), year: textOf(values, `${key}-year`) } : dateParts(iso);

/** A clock in words: "3 working days left", "Overdue by 2 days", "Due today". */
export function clockRow(t: Translate, k: Clock) {
  const days = Math.abs(k.daysLeft);
  const left =
    k.daysLeft === 0 && !k.overdue
      ? t('Due today')
      : k.overdue
        ? k.unit === 'working'
          ? t('Overdue by {days, plural, one {# working day} other {# working days}}', { days: Math.max(days, 1) })
          : t('Overdue by {days, plural, one {# day} other {# days}}', { days: Math.max(days, 1) })
        : k.unit === 'working'
          ? t('{days, plural, one {# working day left} other {# working days left}}', { days })
          : t('{days, plural, one {# day left} other {# days left}}', { days });
  // i18n-dynamic: CLOCK_LABELS are msg() literals
  return { kind: k.kind, what: t(CLOCK_LABELS[k.kind]), due: k.due, left, overdue: k.overdue, running: k.running };
}

export function sendPageModel(t: Translate, v: SendView, canWork: boolean, state?: { form: string; values: FormBody; fields: FieldErrors }) {
  const d = v.details;
  const typed = (form: string) => state?.form === form;
  const values = state?.values ?? {};
  const val = (form: string, key: string, recorded: string | null) => (typed(form) ? textOf(values, key) : (recorded ?? ''));
  const fields = (form: string) => (typed(form) ? (state?.fields ?? {}) : {});
  const issues = typed('details') ? listOf(values, 'issues') : d.issues;
  const inForce = v.certificates.filter((c) => !c.supersededAt);
  const drs = d.route === 'disagreement_resolution';
  return {
    canWork,
    drs,
    // #61: the 30 days have passed without mediation held on time, and no reason for the delay is recorded yet.
    askDelayReason: !drs && !d.delayReason && v.clocks.some((k) => k.kind === 'mediation_held' && k.overdue),
    flags: v.flags,
    sectionIOnly: !v.flags.certificateRequired && d.issues.length > 0,
    // i18n-dynamic: a msg() literal (send-words.ts)
    note30: t(MEDIATION_30_DAYS_NOTE),
    clocks: v.clocks.map((k) => clockRow(t, k)),
    duties: v.duties.map((x) => ({
      termId: x.termId,
      metOn: x.metOn,
      metOnValue: dateValues(values, 'metOn', x.metOn, typed('duty') && textOf(values, 'termId') === x.termId),
      error: typed('duty') && textOf(values, 'termId') === x.termId ? state?.fields.metOn : undefined,
      what: x.what,
      due: x.due ?? t('No date'),
      appealable: x.appealable ? t('Yes: reg 44 limits, as if a tribunal order') : t('No: within 2 weeks (reg 42(3))'),
      left:
        x.metOn !== null
          ? t('Met on {date}', { date: x.metOn })
          : x.daysLeft === null
            ? ''
            : x.daysLeft < 0
              ? t('Overdue by {days, plural, one {# day} other {# days}}', { days: -x.daysLeft })
              : t('{days, plural, one {# day left} other {# days left}}', { days: x.daysLeft }),
      overdue: x.daysLeft !== null && x.daysLeft < 0,
    })),
    summary: {
      decision: label(t, SEND_DECISION_LABELS, d.decisionType),
      issues: d.issues.map((i) => label(t, SEND_ISSUE_LABELS, i)),
      decisionLetterOn: d.decisionLetterOn,
      requestedBy: label(t, REQUESTER_LABELS, d.requestedBy),
      childName: d.childName,
      localAuthority: d.localAuthority,
      icbs: d.icbs,
      childViews: d.childViewsObtained === true ? d.childViewsMethod : d.childViewsObtained === false ? d.childViewsNotReason : null,
      childViewsObtained: d.childViewsObtained,
      miasOn: d.miasOn,
      miasDecision: label(t, MIAS_DECISION_LABELS, d.miasDecision),
      laAttendee: d.laAttendeeName ? `${d.laAttendeeName}, ${d.laAttendeeRole ?? ''}` : null,
      laAttendeeHasAuthority: d.laAttendeeHasAuthority,
      mediationHeldOn: d.mediationHeldOn,
      route: label(t, SEND_ROUTE_LABELS, d.route),
      delayReason: d.delayReason,
      appealMade: d.appealMade === true ? t('Yes') : d.appealMade === false ? t('No') : t('Not known'),
    },
    attendees: d.attendees.map((a, i) => ({
      index: i,
      name: a.name,
      kind: label(t, ATTENDEE_KIND_LABELS, a.kind),
      agreed: a.kind === 'advocate' || a.kind === 'supporter' ? t('No consent needed') : a.agreed ? t('Agreed') : t('Not agreed'),
    })),
    attendee: {
      fields: fields('attendee'),
      name: typed('attendee') ? textOf(values, 'attendeeName') : '',
      kindItems: ATTENDEE_KINDS.map((x) => ({
        value: x,
        text: t(ATTENDEE_KIND_LABELS[x]),
        checked: typed('attendee') && textOf(values, 'attendeeKind') === x,
      })),
      agreed: typed('attendee') && textOf(values, 'agreed') !== '',
    },
    certificates: v.certificates.map((c) => ({
      id: c.id,
      number: c.number,
      kind: label(t, CERTIFICATE_KIND_LABELS, c.kind),
      outcome: label(t, CERTIFICATE_OUTCOME_LABELS, c.outcome),
      issuedOn: c.issuedOn,
      appealDeadline: c.appealDeadline,
      superseded: c.supersededAt !== null,
      reissueReason: c.reissueReason,
      href: `/cases/${v.case.id}/send/certificates/${c.id}.pdf`,
    })),
    details: {
      fields: fields('details'),
      decisionItems: [
        { value: '', text: t('Choose the decision') },
        ...SEND_DECISIONS.map((x) => ({ value: x, text: t(SEND_DECISION_LABELS[x]), selected: val('details', 'decisionType', d.decisionType) === x })),
      ],
      issueItems: SEND_MEDIATION_ISSUES.map((x) => ({ value: x, text: t(SEND_ISSUE_LABELS[x]), checked: issues.includes(x) })),
      decisionLetterOn: dateValues(values, 'decisionLetterOn', d.decisionLetterOn, typed('details')),
      requesterItems: REQUESTERS.map((x) => ({ value: x, text: t(REQUESTER_LABELS[x]), checked: val('details', 'requestedBy', d.requestedBy) === x })),
      childName: val('details', 'childName', d.childName),
      localAuthority: val('details', 'localAuthority', d.localAuthority),
      icbs: typed('details') ? textOf(values, 'icbs') : d.icbs.join('\n'),
      viewsObtained: val('details', 'childViewsObtained', yesNo(d.childViewsObtained)),
      viewsMethod: val('details', 'childViewsMethod', d.childViewsMethod),
      viewsNotReason: val('details', 'childViewsNotReason', d.childViewsNotReason),
    },
    mias: {
      fields: fields('mias'),
      miasOn: dateValues(values, 'miasOn', d.miasOn, typed('mias')),
      decisionToldOn: dateValues(values, 'decisionToldOn', d.decisionToldOn, typed('mias')),
      decisionItems: MIAS_DECISIONS.map((x) => ({ value: x, text: t(MIAS_DECISION_LABELS[x]), checked: val('mias', 'decision', d.miasDecision) === x })),
    },
    progress: {
      fields: fields('progress'),
      icbNotifiedOn: dateValues(values, 'icbNotifiedOn', d.icbNotifiedOn, typed('progress')),
      adviserToldOn: dateValues(values, 'adviserToldOn', d.adviserToldOn, typed('progress')),
      mediationHeldOn: dateValues(values, 'mediationHeldOn', d.mediationHeldOn, typed('progress')),
      laAttendeeName: val('progress', 'laAttendeeName', d.laAttendeeName),
      laAttendeeRole: val('progress', 'laAttendeeRole', d.laAttendeeRole),
      hasAuthority: val('progress', 'laAttendeeHasAuthority', yesNo(d.laAttendeeHasAuthority)),
      routeItems: SEND_ROUTES.map((x) => ({ value: x, text: t(SEND_ROUTE_LABELS[x]), checked: val('progress', 'route', d.route) === x })),
      everyPartyAgreed: val('progress', 'everyPartyAgreed', yesNo(d.everyPartyAgreed)),
      delayReason: val('progress', 'delayReason', d.delayReason),
      appealMade: val('progress', 'appealMade', yesNo(d.appealMade)),
    },
    certificate: {
      fields: fields('certificate'),
      kindItems: CERTIFICATE_KINDS.map((x) => ({ value: x, text: t(CERTIFICATE_KIND_LABELS[x]), checked: textOf(values, 'kind') === x })),
      issuedOn: dateValues(values, 'issuedOn', null, typed('certificate')),
      adviserName: typed('certificate') ? textOf(values, 'adviserName') : '',
      issueOutcomes: d.issues.map((issue, i) => ({
        name: `issueOutcomes-${i}`,
        legend: label(t, SEND_ISSUE_LABELS, issue),
        items: ISSUE_OUTCOMES.map((o) => ({ value: o, text: t(ISSUE_OUTCOME_LABELS[o]), checked: textOf(values, `issueOutcomes-${i}`) === o })),
      })),
      replaceItems: [
        { value: '', text: t('A new certificate') },
        ...inForce.map((c) => ({
          value: c.id,
          text: t('Re-issue certificate {number}', { number: c.number }),
          selected: textOf(values, 'replacesId') === c.id,
        })),
      ],
      reissueReason: typed('certificate') ? textOf(values, 'reissueReason') : '',
    },
  };
}
