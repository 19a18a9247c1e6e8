// The case's Mediators tab and its pages as view models: the pair now and before (the tab), suggestions with their
// reasons and every volunteer left out with why, any two chosen by hand, ending the assignment, signing off a trainee.
import { ENDED_STATUSES, type CaseStatus } from '#src/domain/case-words.ts';
import { translator, msg } from '#src/i18n/i18n.ts';
import type { AssignmentService } from './assignments.service.ts';
import { VOLUNTEER_STATUS_LABELS, type VolunteerStatus } from '../volunteer-words.ts';

const t = translator('en');
type ForCase = Awaited<ReturnType<AssignmentService['forCase']>>;
type Suggestions = Awaited<ReturnType<AssignmentService['suggest']>>;
type Entry = ForCase['team'][number];

/** A reason as a sentence of its own: "neither speaks Polish" → "Neither speaks Polish." */
const sentence = (reason: string) => `${reason.charAt(0).toUpperCase()}${reason.slice(1)}${/[.!?]$/.test(reason) ? '' : '.'}`;

const roleWords = (role: string) => (role === 'lead' ? t('Lead mediator') : t('Co-mediator'));

function supervisedWords(a: Entry) {
  if (!a.supervised) return t('No');
  if (a.signedOffAt) return t('Yes: signed off by {by}', { by: a.signedOffBy ?? t('a supervisor') });
  return t('Yes: not signed off yet');
}

/** The names of the mediators on the case, as words: "Vera Example and Tia Example". */
export const pairWords = (names: readonly string[]) =>
  names.length === 2 ? t('{first} and {second}', { first: names[0]!, second: names[1]! }) : names.join(', ');

export const pairValue = (ids: readonly string[]) => ids.join(',');

const ENDED_WORDS: Partial<Record<CaseStatus, string>> = {
  closed: msg('This case has ended: it is closed, so mediators cannot be assigned to it.'),
  withdrawn: msg('This case has ended: it was withdrawn, so mediators cannot be assigned to it.'),
  unsuitable: msg('This case has ended: it was found unsuitable for mediation, so mediators cannot be assigned to it.'),
};

/** Why mediators cannot be assigned to a case in this status (it has ended), or null when they can. */
export const caseEndedReason = (status: string): string | null =>
  ENDED_STATUSES.includes(status as CaseStatus) ? t(ENDED_WORDS[status as CaseStatus] ?? 'This case has ended: mediators cannot be assigned to it.') : null;

/** The Mediators tab: who is on the case now and before, and what may be done next (each on a page of its own). */
export function mediatorsSummary(m: ForCase, caseEnded: string | null = null) {
  const signable = new Set([...m.team, ...m.ended].filter((a) => a.signOffRefusal === null).map((a) => a.id));
  return {
    team: m.team.map((a) => ({
      id: a.id,
      name: a.name,
      role: roleWords(a.role),
      since: a.assignedAt,
      supervised: supervisedWords(a),
      override: a.overrideJustification,
      signable: signable.has(a.id),
    })),
    ended: m.ended.map((a) => ({
      id: a.id,
      name: a.name,
      role: roleWords(a.role),
      from: a.assignedAt,
      to: a.endedAt,
      reason: a.endedReason,
      supervised: supervisedWords(a),
      signable: signable.has(a.id),
    })),
    signOffWaiting: [...m.team, ...m.ended]
      .filter((a) => a.signOffWaiting)
      .map((a) => t('{name}’s supervised case can be signed off once the case has had its joint meeting or shuttle sessions.', { name: a.name })),
    canAssign: m.canAssign,
    canAssignPair: m.canAssign && !caseEnded,
    caseEnded: m.canAssign ? caseEnded : null,
    noVolunteers: m.canAssign && m.hasVolunteers === false,
  };
}

/** The "Suggested pairs" page: ranked pairs with their reasons (never the pair already on the case), and who was left out. */
export function suggestionsModel(m: ForCase, s: Suggestions, values: Record<string, string>) {
  const pairChecked = values.pair;
  return {
    current: pairWords(m.team.map((a) => a.name)),
    suggestionItems: s.suggestions.map((p, i) => ({
      value: pairValue(p.mediatorIds),
      text: t('{lead} (lead) and {co}', { lead: p.names[0], co: p.names[1] }),
      checked: pairChecked ? pairChecked === pairValue(p.mediatorIds) : i === 0,
      hint: {
        text: [t('Score {score}.', { score: p.score }), p.supervised ? t('A supervised case for the trainee.') : '', ...p.reasons.map(sentence)]
          .filter(Boolean)
          .join(' '),
      },
    })),
    notes: s.notes,
    excluded: s.excluded.map((e) => ({ name: e.name, reasons: e.reasons })),
    values,
  };
}

/** The "Choose mediators yourself" page: any two of the service's volunteers, and the admin's justification. */
export function chooseModel(m: ForCase, s: Suggestions, values: Record<string, string>) {
  const volunteerItems = (selected: string | undefined) => [
    { value: '', text: t('Choose a volunteer') },
    ...s.volunteers.map((v) => ({
      value: v.id,
      text: `${v.name} (${t(VOLUNTEER_STATUS_LABELS[v.status as VolunteerStatus] ?? v.status)})`,
      selected: v.id === selected,
    })),
  ];
  return {
    current: pairWords(m.team.map((a) => a.name)),
    canOverride: m.canOverride,
    firstItems: volunteerItems(values.mediatorA),
    secondItems: volunteerItems(values.mediatorB),
    values,
  };
}
