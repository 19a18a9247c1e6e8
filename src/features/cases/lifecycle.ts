// Pure: the case lifecycle. Which moves are allowed from each status, and the reasons in words when not.
// referral (a separate record) → intake → ready → mediation → outcome → follow-up → closed,
// with withdrawn, unsuitable and on hold from any active status, and reopening of an ended case.
import {
  ACTIVE_STATUSES,
  type CaseStatus,
  CONSENTING_ROLES,
  type ConsentState,
  ENDED_STATUSES,
  OUTCOMES,
  type PartyRole,
  STATUS_LABELS,
} from './case-words.ts';

export type LifecycleParty = { name: string; role: PartyRole; consent: ConsentState; hasIntake: boolean };
export type LifecycleCase = { status: CaseStatus; heldFrom: CaseStatus | null; parties: LifecycleParty[]; openSafeguarding: number };
export type TransitionInput = { reason?: string; outcome?: string };
export type Decision = { allowed: true; to: CaseStatus } | { allowed: false; reasons: string[] };

const FORWARD: Partial<Record<CaseStatus, CaseStatus[]>> = {
  intake: ['ready'],
  ready: ['mediation', 'intake'],
  mediation: ['outcome'],
  outcome: ['follow_up', 'closed'],
  follow_up: ['closed'],
};

const names = (list: LifecycleParty[]) => list.map((p) => p.name).join(', ');

/** Every status a case could be asked to move to from where it is (allowed or not), for the page's choices. */
export function nextStatuses(c: Pick<LifecycleCase, 'status' | 'heldFrom'>): CaseStatus[] {
  if (c.status === 'on_hold') return c.heldFrom ? [c.heldFrom, 'withdrawn'] : ['intake', 'withdrawn'];
  if (ENDED_STATUSES.includes(c.status)) return ['intake'];
  const forward = FORWARD[c.status] ?? [];
  const side: CaseStatus[] = ['on_hold', 'withdrawn', ...(['intake', 'ready'].includes(c.status) ? (['unsuitable'] as CaseStatus[]) : [])];
  return [...forward, ...side];
}

export function decideTransition(c: LifecycleCase, to: CaseStatus, input: TransitionInput = {}): Decision {
  const from = c.status;
  const reason = input.reason?.trim() ?? '';
  const reasons: string[] = [];
  const label = STATUS_LABELS[to];
  if (from === to) return { allowed: false, reasons: [`The case is already ${STATUS_LABELS[from].toLowerCase()}`] };
  if (!nextStatuses(c).includes(to)) {
    const choices = nextStatuses(c).map((s) => STATUS_LABELS[s]);
    return {
      allowed: false,
      reasons: [`A case that is ${STATUS_LABELS[from].toLowerCase()} cannot move to ${label.toLowerCase()}. It can move to: ${choices.join(', ')}`],
    };
  }

  const consenting = c.parties.filter((p) => CONSENTING_ROLES.includes(p.role));
  if (to === 'ready') {
    if (consenting.length < 2 && !c.parties.some((p) => p.role === 'local_authority')) reasons.push('Ready needs at least two parties on the case');
    const notConsented = consenting.filter((p) => p.consent !== 'given');
    if (notConsented.length)
      reasons.push(`Ready needs consent from every party: ${names(notConsented)} ${notConsented.length === 1 ? 'has' : 'have'} not consented`);
    const noIntake = consenting.filter((p) => !p.hasIntake);
    if (noIntake.length) reasons.push(`Ready needs an intake record for every party: ${names(noIntake)} ${noIntake.length === 1 ? 'has' : 'have'} none`);
    if (c.openSafeguarding > 0) reasons.push('Ready needs every safeguarding disclosure on the case to have a decision recorded by a safeguarding lead');
  }
  if (to === 'mediation') {
    const withdrawn = consenting.filter((p) => p.consent !== 'given');
    if (withdrawn.length)
      reasons.push(`Mediation needs consent from every party: ${names(withdrawn)} ${withdrawn.length === 1 ? 'has' : 'have'} not consented`);
  }
  if (to === 'outcome' && !OUTCOMES.includes(input.outcome as (typeof OUTCOMES)[number]))
    reasons.push('Say what the outcome was: full agreement, partial agreement or no agreement');
  const needsReason: CaseStatus[] = ['withdrawn', 'unsuitable', 'on_hold'];
  if ((needsReason.includes(to) || ENDED_STATUSES.includes(from) || (from === 'ready' && to === 'intake')) && reason.length === 0)
    reasons.push(`Give a reason for moving the case to ${label.toLowerCase()}`);
  return reasons.length ? { allowed: false, reasons } : { allowed: true, to };
}

/** What a party withdrawing consent does to the case: mediation cannot go on without them. */
export function statusAfterConsentWithdrawn(c: LifecycleCase): CaseStatus | null {
  return ['ready', 'mediation'].includes(c.status) ? 'withdrawn' : null;
}

export const isActive = (status: CaseStatus) => ACTIVE_STATUSES.includes(status);
