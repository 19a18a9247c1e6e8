// The case's Mediators page as a view model: the pair now and before, suggestions with their reasons, every
// volunteer left out with why, and the forms (pick a suggestion, choose any two, end, sign off).
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

export const pairValue = (ids: readonly string[]) => ids.join(',');

const ENDED_WORDS: Partial<Record<CaseStatus, string>> = {
  closed: msg('This case has ended: it is closed, so mediators cannot be assigned to it.'),
  withdrawn: msg('This case has ended: it was withdrawn, so mediators cannot be assigned to it.'),
  unsuitable: msg('This case has ended: it was found unsuitable for mediation, so mediators cannot be assigned to it.'),
};

/** Why mediators cannot be assigned to a case in this status (it has ended), or null when they can. */
export const caseEndedReason = (status: string): string | null =>
  ENDED_STATUSES.includes(status as CaseStatus) ? t(ENDED_WORDS[status as CaseStatus] ?? 'This case has ended: mediators cannot be assigned to it.') : null;

/** `caseEnded`: why no pair can be assigned (the case has ended), or null; the forms to assign are left out then. */
export function mediatorsModel(m: ForCase, s: Suggestions | undefined, values: Record<string, string>, caseEnded: string | null = null) {
  const signable = [...m.team, ...m.ended].filter((a) => a.signOffRefusal === null);
  const pairChecked = values.pair;
  const volunteerItems = (selected: string | undefined, placeholder: string) => [
    { value: '', text: placeholder },
    ...(s?.volunteers ?? []).map((v) => ({
      value: v.id,
      text: `${v.name} (${t(VOLUNTEER_STATUS_LABELS[v.status as VolunteerStatus] ?? v.status)})`,
      selected: v.id === selected,
    })),
  ];
  return {
    team: m.team.map((a) => ({
      id: a.id,
      name: a.name,
      role: roleWords(a.role),
      since: a.assignedAt,
      supervised: supervisedWords(a),
      override: a.overrideJustification,
    })),
    ended: m.ended.map((a) => ({
      name: a.name,
      role: roleWords(a.role),
      from: a.assignedAt,
      to: a.endedAt,
      reason: a.endedReason,
      supervised: supervisedWords(a),
    })),
    signable: signable.map((a) => ({ id: a.id, name: a.name })),
    signOffWaiting: [...m.team, ...m.ended]
      .filter((a) => a.signOffWaiting)
      .map((a) => t('{name}’s supervised case can be signed off once the case has had its joint meeting or shuttle sessions.', { name: a.name })),
    canAssign: m.canAssign,
    canAssignPair: m.canAssign && !caseEnded,
    caseEnded: m.canAssign ? caseEnded : null,
    canOverride: m.canOverride,
    suggestionItems: (s?.suggestions ?? []).map((p, i) => ({
      value: pairValue(p.mediatorIds),
      text: t('{lead} (lead) and {co}', { lead: p.names[0], co: p.names[1] }),
      checked: pairChecked ? pairChecked === pairValue(p.mediatorIds) : i === 0,
      hint: {
        text: [t('Score {score}.', { score: p.score }), p.supervised ? t('A supervised case for the trainee.') : '', ...p.reasons.map(sentence)]
          .filter(Boolean)
          .join(' '),
      },
    })),
    notes: s?.notes ?? [],
    excluded: (s?.excluded ?? []).map((e) => ({ name: e.name, reasons: e.reasons })),
    noVolunteers: s !== undefined && s.volunteers.length === 0,
    firstItems: volunteerItems(values.mediatorA, t('Choose a volunteer')),
    secondItems: volunteerItems(values.mediatorB, t('Choose a volunteer')),
    values,
  };
}
