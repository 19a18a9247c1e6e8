// View models for the pages of one case: picked field by field from the case service's answer, so a new
// column never reaches a page by default. Words go through t() here or in the templates.
import { msg, type Translate } from '#src/i18n/i18n.ts';
import { RISK_LABELS, SEND_DECISION_LABELS } from '#src/domain/referral-words.ts';
import { sendContactDeadline } from '#src/domain/send-deadline.ts';
import {
  caseTypeName,
  CLOSING_REASON_LABELS,
  CLOSING_REASONS,
  type CaseStatus,
  OUTCOME_LABELS,
  OUTCOMES,
  type Outcome,
  PARTY_ROLE_LABELS,
  type PartyRole,
  STATUS_LABELS,
} from '#src/domain/case-words.ts';
import {
  CONSENT_LABELS,
  CONSENT_METHOD_LABELS,
  CONSENT_TAG_CLASSES,
  CONTACT_METHOD_LABELS,
  CONTACT_OUTCOME_LABELS,
  EVENT_KIND_LABELS,
  MEETING_MODE_LABELS,
  STATUS_BADGE_CLASSES,
  SUITABILITY_LABELS,
  TIMELINE_KIND_LABELS,
} from './case-page-words.ts';
import type { CasePagesService } from './case-pages.service.ts';
import { ISSUE_OUTCOME_LABELS, ISSUE_OUTCOMES } from './lifecycle.ts';
import { SLOTS, slotsFromWindows, WEEKDAYS } from '#src/domain/availability.ts';
import { dateParts } from '#src/http/page-form.ts';
import type { EventKind } from './timeline.repo.ts';

export type CasePage = Awaited<ReturnType<CasePagesService['casePage']>>;
export type CaseTab = 'overview' | 'people' | 'timeline' | 'tasks';

const TIME = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });
const time = (d: Date) => TIME.format(d);
const label = <K extends string>(t: Translate, labels: Record<K, string>, key: string | null | undefined) => (key ? t(labels[key as K] ?? key) : undefined);
const choices = <K extends string>(t: Translate, labels: Record<K, string>, selected?: string) =>
  (Object.entries(labels) as [K, string][]).map(([value, text]) => ({ value, text: t(text), checked: value === selected }));

/** The heading and sub navigation every page of the case shares. */
export function caseHeader(t: Translate, view: CasePage, tab: CaseTab | 'mediators' | 'meetings' | 'agreement' | 'follow_up' | 'rj' | 'send') {
  const c = view.case;
  const base = `/cases/${c.id}`;
  return {
    id: c.id,
    reference: c.reference,
    type: caseTypeName(
      t,
      view.directory.types.find((x) => x.code === c.caseType),
      c.caseType,
    ),
    status: label(t, STATUS_LABELS, c.status),
    statusClass: STATUS_BADGE_CLASSES[c.status as CaseStatus] ?? 'moj-badge--grey',
    outcome: label(t, OUTCOME_LABELS, c.outcome),
    urgent: c.urgent,
    openSafeguarding: view.openSafeguarding,
    canManage: view.canManage,
    /** May record work on the case (contacts, consents, notes, intake, tasks): coordinators and the mediators on it. */
    canWork: view.canWork,
    isRj: c.caseKind === 'restorative_justice',
    subNavigation: [
      { text: t('Overview'), href: base, active: tab === 'overview' },
      { text: t('People ({count})', { count: view.parties.length }), href: `${base}/people`, active: tab === 'people' },
      { text: t('Timeline'), href: `${base}/timeline`, active: tab === 'timeline' },
      { text: t('Tasks ({count})', { count: view.tasks.filter((x) => !x.doneAt).length }), href: `${base}/tasks`, active: tab === 'tasks' },
      { text: t('Mediators'), href: `${base}/mediators`, active: tab === 'mediators' },
      { text: t('Meetings ({count} upcoming)', { count: view.upcomingMeetings }), href: `${base}/meetings`, active: tab === 'meetings' },
      ...(c.caseKind === 'restorative_justice' ? [{ text: t('Restorative justice'), href: `${base}/rj`, active: tab === 'rj' }] : []),
      ...(c.caseKind === 'send' ? [{ text: t('SEND'), href: `${base}/send`, active: tab === 'send' }] : []),
      { text: t('Agreement'), href: `${base}/agreement`, active: tab === 'agreement' },
      ...(['outcome', 'follow_up', 'closed'].includes(c.status)
        ? [{ text: t('Follow-up and feedback'), href: `${base}/follow-up`, active: tab === 'follow_up' }]
        : []),
    ],
  };
}

/** Who is on the case, for the forms' "which person" choices. */
export const partyChoices = (t: Translate, view: CasePage, selected?: string) => [
  { value: '', text: t('Choose a person') },
  ...view.parties.map((p) => ({ value: p.id, text: `${p.name} (${label(t, PARTY_ROLE_LABELS, p.role)})`, selected: p.id === selected })),
];

export function overviewModel(t: Translate, view: CasePage, today: string, values: Record<string, string> = {}) {
  const c = view.case;
  const details = (c.details ?? {}) as Record<string, unknown>;
  const referrer = details.referrer as Record<string, unknown> | null | undefined;
  const decisionLetterDate = typeof details.decisionLetterDate === 'string' ? details.decisionLetterDate : undefined;
  const deadline = c.caseKind === 'send' && decisionLetterDate ? sendContactDeadline(decisionLetterDate, today) : undefined;
  return {
    pathway: c.pathway,
    canChangePathway: view.canManage && ['intake', 'ready', 'mediation'].includes(c.status),
    pathwayItems: [
      { value: 'mediation', text: t('Mediation'), checked: (values['pathway-pathway'] ?? c.pathway) === 'mediation' },
      {
        value: 'coaching',
        text: t('Conflict coaching'),
        hint: { text: t('One-to-one sessions with the person taking part, when the other party will not take part') },
        checked: (values['pathway-pathway'] ?? c.pathway) === 'coaching',
      },
    ],
    coordinator: c.coordinatorId ? (view.directory.names[c.coordinatorId] ?? t('A former member')) : undefined,
    summary: c.summary,
    openedAt: c.openedAt,
    statusChangedAt: c.statusChangedAt,
    closedAt: c.closedAt,
    localAuthority: c.localAuthority,
    referralId: c.referralId,
    referrer: referrer && typeof referrer.organisation === 'string' ? `${referrer.name ?? ''}, ${referrer.role ?? ''}, ${referrer.organisation}` : undefined,
    risks: ((details.risks as string[] | undefined) ?? []).map((r) => label(t, RISK_LABELS, r)),
    send: decisionLetterDate
      ? {
          decisionLetterDate,
          decision: label(t, SEND_DECISION_LABELS, details.decisionType as string | undefined),
          deadline: deadline?.deadline,
          daysLeft: deadline?.daysLeft,
          passed: deadline?.passed,
        }
      : undefined,
    overdueTasks: view.tasks.filter((x) => !x.doneAt && x.dueOn < today).length,
    mediators: view.team.map((m) =>
      m.role === 'lead'
        ? t('{name} (lead)', { name: m.name })
        : m.supervised
          ? t('{name} (co-mediator, supervised case)', { name: m.name })
          : t('{name} (co-mediator)', { name: m.name }),
    ),
    moves: view.moves.map((m) => ({
      value: m.to,
      text: t(m.label),
      checked: values.to === m.to,
      blocked: m.decision.allowed ? undefined : m.decision.reasons,
    })),
    closingReasonItems: CLOSING_REASONS.map((r) => ({ value: r, text: t(CLOSING_REASON_LABELS[r]), checked: values.closingReason === r })),
    outcomeItems: OUTCOMES.map((o) => ({ value: o, text: t(OUTCOME_LABELS[o as Outcome]), checked: values.outcome === o })),
    issues: view.issues.map((issue, i) => ({
      name: `issueOutcomes-${i}`,
      issue,
      items: ISSUE_OUTCOMES.map((o) => ({ value: o, text: t(ISSUE_OUTCOME_LABELS[o]), checked: values[`issueOutcomes-${i}`] === o })),
    })),
    values,
  };
}

export function peopleModel(t: Translate, view: CasePage, values: Record<string, string> = {}) {
  const intakes = new Map(view.intakes.map((i) => [i.partyId, i]));
  return {
    parties: view.parties.map((p) => {
      const intake = intakes.get(p.id);
      return {
        id: p.id,
        name: p.name,
        role: label(t, PARTY_ROLE_LABELS, p.role as PartyRole),
        email: p.email,
        phone: p.phone,
        address: p.address,
        postcode: p.postcode,
        safeContact: p.safeContact,
        canLeaveMessages: p.canLeaveMessages === null ? t('Not known') : p.canLeaveMessages ? t('Yes') : t('No'),
        canSendLetters: p.canSendLetters === null ? t('Not known') : p.canSendLetters ? t('Yes') : t('No: never post anything to them'),
        needs: p.needs,
        custody: p.inCustody ? { establishment: p.establishment, prisonNumber: p.prisonNumber, offenderManager: p.offenderManager } : undefined,
        consent: label(t, CONSENT_LABELS, p.consent),
        consentClass: CONSENT_TAG_CLASSES[p.consent] ?? 'govuk-tag--grey',
        intake: intake
          ? { metOn: intake.metOn, updatedAt: intake.updatedAt, updatedBy: intake.updatedBy, suitability: label(t, SUITABILITY_LABELS, intake.suitability) }
          : undefined,
      };
    }),
    values,
  };
}

/** The "Record consent" page: who, given or withdrawn, how (and for restorative justice, what they read and when they signed). */
export function consentModel(t: Translate, view: CasePage, values: Record<string, string> = {}) {
  return {
    partyItems: partyChoices(t, view, values.partyId),
    statusItems: choices(t, { given: msg('Consent given'), withdrawn: msg('Consent withdrawn') }, values.status),
    methodItems: choices(t, CONSENT_METHOD_LABELS, values.method),
    values,
  };
}

/** The "Record a contact attempt" page: who, how, what happened; people in custody are reached through their offender manager. */
export function contactModel(t: Translate, view: CasePage, values: Record<string, string> = {}) {
  return {
    inCustody: view.parties.filter((p) => p.inCustody).map((p) => ({ name: p.name, offenderManager: p.offenderManager })),
    partyItems: partyChoices(t, view, values.partyId),
    methodItems: choices(t, CONTACT_METHOD_LABELS, values.method),
    outcomeItems: choices(t, CONTACT_OUTCOME_LABELS, values.outcome),
    values,
  };
}

export function timelineModel(t: Translate, view: CasePage, kinds: EventKind[], values: Record<string, string> = {}) {
  return {
    kindItems: (Object.entries(TIMELINE_KIND_LABELS) as [EventKind, string][]).map(([value, text]) => ({
      value,
      text: t(text),
      checked: kinds.includes(value),
    })),
    filtered: kinds.length > 0,
    events: [...view.timeline].reverse().map((e) => ({
      kind: label(t, EVENT_KIND_LABELS, e.kind),
      summary: e.summary,
      body: e.body,
      at: e.at.toISOString(),
      time: time(e.at),
      actor: e.actorLabel,
      restricted: e.visibility === 'restricted',
      disclosure: e.disclosure,
      thirdParty: (e.data as { thirdParty?: unknown } | null)?.thirdParty === true,
    })),
    partyItems: [{ value: '', text: t('The whole case') }, ...partyChoices(t, view, values.partyId).slice(1)],
    values,
  };
}

export function tasksModel(view: CasePage, today: string, values: Record<string, string> = {}) {
  const toDo = view.tasks.filter((x) => !x.doneAt);
  return {
    open: toDo.map((x) => ({
      id: x.id,
      title: x.title,
      dueOn: x.dueOn,
      overdue: x.dueOn < today,
      dueToday: x.dueOn === today,
      assignee: x.assigneeId ? view.directory.names[x.assigneeId] : undefined,
    })),
    done: view.tasks.filter((x) => x.doneAt).map((x) => ({ id: x.id, title: x.title, doneAt: x.doneAt })),
    values,
  };
}

export function intakeModel(t: Translate, view: CasePage, partyId: string, values?: Record<string, string>) {
  const party = view.parties.find((p) => p.id === partyId);
  if (!party) return undefined;
  const saved = view.intakes.find((i) => i.partyId === partyId);
  const met = dateParts(saved?.metOn);
  const current: Record<string, string> = values ?? {
    situationNow: saved?.situationNow ?? '',
    wantedFuture: saved?.wantedFuture ?? '',
    ideas: saved?.ideas ?? '',
    concerns: saved?.concerns ?? '',
    availability: saved?.availability ?? '',
    slots: slotsFromWindows(saved?.availabilityWindows ?? []).join(','),
    suitability: saved?.suitability ?? '',
    suitabilityNotes: saved?.suitabilityNotes ?? '',
    meetingMode: saved?.meetingMode ?? '',
    'metOn-day': met.day,
    'metOn-month': met.month,
    'metOn-year': met.year,
    disclosure: '',
  };
  return {
    party: {
      id: party.id,
      name: party.name,
      role: label(t, PARTY_ROLE_LABELS, party.role),
      inCustody: party.inCustody,
      establishment: party.establishment,
      offenderManager: party.offenderManager,
    },
    saved: saved ? { updatedAt: saved.updatedAt, updatedBy: saved.updatedBy, disclosure: saved.disclosure } : undefined,
    meetingModeItems: choices(t, MEETING_MODE_LABELS, current.meetingMode),
    suitabilityItems: choices(t, SUITABILITY_LABELS, current.suitability),
    availabilityDays: availabilityDays(t, (current.slots ?? '').split(',')),
    values: current,
  };
}

/** The intake form's weekly grid: a checkbox per weekday and part of the day, as on a volunteer's availability. */
function availabilityDays(t: Translate, ticked: readonly string[]) {
  return WEEKDAYS.map((d) => ({
    id: `slots-${d.day}`,
    label: t(d.label),
    items: SLOTS.map((s) => ({
      value: `${d.day}:${s.slot}`,
      text: t('{slot} ({from} to {to})', { slot: t(s.label), from: s.from, to: s.to }),
      checked: ticked.includes(`${d.day}:${s.slot}`),
    })),
  }));
}
