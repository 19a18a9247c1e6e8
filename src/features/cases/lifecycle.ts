// Pure: the case lifecycle. Which moves are allowed from each status, and the reasons in words when not.
// referral (a separate record) → intake → ready → mediation → outcome → follow-up → closed,
// with withdrawn, unsuitable and on hold from any active status, and reopening of an ended case.
import { msg, type Translate, translator } from '#src/i18n/i18n.ts';
import {
  ACTIVE_STATUSES,
  type CaseStatus,
  CLOSING_REASONS,
  CONSENTING_ROLES,
  type ConsentState,
  ENDED_STATUSES,
  OUTCOMES,
  type PartyRole,
  STATUS_LABELS,
} from '#src/domain/case-words.ts';

export type LifecycleParty = { name: string; role: PartyRole; consent: ConsentState; hasIntake: boolean };
/** A mediator on the case now: whether they may lead a case of this type and area (accredited for it). */
export type LifecycleMediator = { name: string; leadQualified: boolean };
export type LifecycleCase = {
  status: CaseStatus;
  heldFrom: CaseStatus | null;
  parties: LifecycleParty[];
  openSafeguarding: number;
  /** The mediators assigned now. */
  mediators?: LifecycleMediator[];
  /** Joint meetings, RJ conferences and shuttle sessions held on the case. */
  sessionsHeld?: number;
  /** The issues listed on the case's meeting records, one per line, in the order first recorded. */
  issues?: string[];
  /** mediation (the default), or coaching: one party, one-to-one sessions of kind coaching. */
  pathway?: 'mediation' | 'coaching';
  /** The follow-up schedule (features/closing): how many points and whether the last one has a check-in. */
  followUp?: { points: number; lastAnswered: boolean };
  /** The case's written agreement (features/agreements): its latest version's state and who has not signed it yet. */
  agreement?: AgreementFacts;
};
export type AgreementFacts = { state: 'none' | 'draft' | 'ready' | 'signed'; waitingFor: string[] };
/** What became of one issue when mediation ended. */
export const ISSUE_OUTCOMES = ['agreed', 'partly_agreed', 'not_agreed'] as const;
export type IssueOutcome = (typeof ISSUE_OUTCOMES)[number];
export const ISSUE_OUTCOME_LABELS: Record<IssueOutcome, string> = { agreed: msg('Agreed'), partly_agreed: msg('Partly agreed'), not_agreed: msg('Not agreed') };
/** issueOutcomes: the outcome of each issue, in the order of LifecycleCase.issues. */
export type TransitionInput = { reason?: string; outcome?: string; issueOutcomes?: (string | undefined)[]; closingReason?: string };
export type Decision = { allowed: true; to: CaseStatus } | { allowed: false; reasons: string[] };

const FORWARD: Partial<Record<CaseStatus, CaseStatus[]>> = {
  intake: ['ready'],
  ready: ['mediation', 'intake'],
  mediation: ['outcome'],
  outcome: ['follow_up', 'closed'],
  follow_up: ['closed'],
};

const ENGLISH = translator('en');
const names = (list: readonly { name: string }[]) => list.map((p) => p.name).join(', ');

/** Every status a case could be asked to move to from where it is (allowed or not), for the page's choices. */
export function nextStatuses(c: Pick<LifecycleCase, 'status' | 'heldFrom'>): CaseStatus[] {
  if (c.status === 'on_hold') return c.heldFrom ? [c.heldFrom, 'withdrawn'] : ['intake', 'withdrawn'];
  if (ENDED_STATUSES.includes(c.status)) return ['intake'];
  const forward = FORWARD[c.status] ?? [];
  const side: CaseStatus[] = ['on_hold', 'withdrawn', ...(['intake', 'ready'].includes(c.status) ? (['unsuitable'] as CaseStatus[]) : [])];
  return [...forward, ...side];
}

/** `t` words the reasons (English when not given), so the rule stays pure and each reader gets their language. */
export function decideTransition(c: LifecycleCase, to: CaseStatus, input: TransitionInput = {}, t: Translate = ENGLISH): Decision {
  const from = c.status;
  const reason = input.reason?.trim() ?? '';
  const reasons: string[] = [];
  // i18n-dynamic: STATUS_LABELS holds msg() values
  const label = t(STATUS_LABELS[to]);
  // i18n-dynamic: STATUS_LABELS holds msg() values
  const fromLabel = t(STATUS_LABELS[from]);
  if (from === to) return { allowed: false, reasons: [t('The case is already {status}', { status: fromLabel.toLowerCase() })] };
  if (!nextStatuses(c).includes(to)) {
    // i18n-dynamic: STATUS_LABELS holds msg() values
    const choices = nextStatuses(c).map((s) => t(STATUS_LABELS[s]));
    return {
      allowed: false,
      reasons: [
        t('A case that is {from} cannot move to {to}. It can move to: {choices}', {
          from: fromLabel.toLowerCase(),
          to: label.toLowerCase(),
          choices: choices.join(', '),
        }),
      ],
    };
  }

  // A party who has withdrawn from a group case is no longer asked for anything; the others go on without them.
  const consenting = c.parties.filter((p) => CONSENTING_ROLES.includes(p.role) && p.consent !== 'withdrawn');
  const coaching = c.pathway === 'coaching';
  const enoughParties = coaching ? consenting.length >= 1 : consenting.length >= 2 || c.parties.some((p) => p.role === 'local_authority');
  if (to === 'ready') {
    if (!enoughParties)
      reasons.push(coaching ? t('Conflict coaching needs the person being coached on the case') : t('Ready needs at least two parties on the case'));
    const notConsented = consenting.filter((p) => p.consent !== 'given');
    if (notConsented.length)
      reasons.push(
        t('Ready needs consent from every party: {names} {count, plural, one {has} other {have}} not consented', {
          names: names(notConsented),
          count: notConsented.length,
        }),
      );
    const noIntake = consenting.filter((p) => !p.hasIntake);
    if (noIntake.length)
      reasons.push(
        t('Ready needs an intake record for every party: {names} {count, plural, one {has} other {have}} none', {
          names: names(noIntake),
          count: noIntake.length,
        }),
      );
    if (c.openSafeguarding > 0) reasons.push(t('Ready needs every safeguarding disclosure on the case to have a decision recorded by a safeguarding lead'));
  }
  if (to === 'mediation') {
    const withdrawn = consenting.filter((p) => p.consent !== 'given');
    if (withdrawn.length)
      reasons.push(
        t('Mediation needs consent from every party: {names} {count, plural, one {has} other {have}} not consented', {
          names: names(withdrawn),
          count: withdrawn.length,
        }),
      );
    if (!enoughParties)
      reasons.push(
        coaching
          ? t('Conflict coaching needs the person being coached on the case')
          : t('Mediation needs at least two parties on the case (when the other party will not take part, offer conflict coaching)'),
      );
    reasons.push(...mediationPairReasons(c.mediators ?? [], t));
  }
  if (to === 'outcome') reasons.push(...outcomeReasons(c, input, t));
  if (to === 'closed') reasons.push(...closingReasons(c, input, t));
  const needsReason: CaseStatus[] = ['withdrawn', 'unsuitable', 'on_hold'];
  if ((needsReason.includes(to) || ENDED_STATUSES.includes(from) || (from === 'ready' && to === 'intake')) && reason.length === 0)
    reasons.push(t('Give a reason for moving the case to {status}', { status: label.toLowerCase() }));
  return reasons.length ? { allowed: false, reasons } : { allowed: true, to };
}

/** Mediation needs a pair on the case, one of whom may lead it. */
export function mediationPairReasons(mediators: LifecycleMediator[], t: Translate = ENGLISH): string[] {
  if (mediators.length < 2) return [t('Mediation needs a pair of mediators assigned to the case')];
  if (!mediators.some((m) => m.leadQualified))
    return [
      t('Mediation needs a mediator who may lead this case: neither {names} is accredited for it', {
        names: names(mediators).replace(/, ([^,]*)$/, ' nor $1'),
      }),
    ];
  return [];
}

/**
 * Outcome needs something to have an outcome about (a joint meeting, RJ conference or shuttle session held), the
 * overall outcome, and, when the meeting records list issues, what became of each one, agreeing with the overall outcome.
 */
export function outcomeReasons(c: LifecycleCase, input: TransitionInput, t: Translate = ENGLISH): string[] {
  const reasons: string[] = [];
  if (!c.sessionsHeld)
    reasons.push(
      c.pathway === 'coaching'
        ? t('Outcome needs a conflict coaching session to have been held on the case')
        : t('Outcome needs a joint meeting, RJ conference or shuttle session to have been held on the case'),
    );
  const outcome = OUTCOMES.find((o) => o === input.outcome);
  if (!outcome) reasons.push(t('Say what the outcome was: full agreement, partial agreement or no agreement'));
  // Mediation's agreement is written and signed by everyone; a coaching session has no other party to sign with.
  if ((outcome === 'full_agreement' || outcome === 'partial_agreement') && c.agreement && c.pathway !== 'coaching')
    reasons.push(...agreementReasons(c.agreement, t));
  const issues = c.issues ?? [];
  const given = issues.map((_, i) => ISSUE_OUTCOMES.find((o) => o === input.issueOutcomes?.[i]));
  const missing = issues.filter((_, i) => !given[i]);
  if (missing.length) {
    reasons.push(
      t('Say what became of each issue on the meeting records: {issues} {count, plural, one {has} other {have}} no outcome', {
        issues: missing.join(', '),
        count: missing.length,
      }),
    );
    return reasons;
  }
  if (outcome === 'full_agreement' && given.some((g) => g !== 'agreed'))
    reasons.push(t('A full agreement needs every issue agreed: choose partial agreement, or record each issue as agreed'));
  if (outcome === 'no_agreement' && given.some((g) => g !== 'not_agreed'))
    reasons.push(t('No agreement cannot include an issue that was agreed or partly agreed: choose partial agreement'));
  if (outcome === 'partial_agreement' && issues.length > 0 && given.every((g) => g === 'not_agreed'))
    reasons.push(t('A partial agreement needs at least one issue agreed or partly agreed'));
  return reasons;
}

/**
 * Closing needs a closing reason from the service's list; from follow-up it also needs the last follow-up point to
 * have a check-in (from a party's link or entered by staff), so the case closes only after the last check-in.
 */
export function closingReasons(c: LifecycleCase, input: TransitionInput, t: Translate = ENGLISH): string[] {
  const reasons: string[] = [];
  if (!CLOSING_REASONS.some((r) => r === input.closingReason)) reasons.push(t('Choose why the case is closing'));
  if (input.closingReason === 'other' && !input.reason?.trim()) reasons.push(t('Say why the case is closing'));
  if (c.status === 'follow_up' && c.followUp && c.followUp.points > 0 && !c.followUp.lastAnswered)
    reasons.push(t('Closing after follow-up needs a check-in at the last follow-up point: record one from a call, or wait for the party to answer'));
  return reasons;
}

/** A full or partial agreement is written down and signed by every party and the mediators (product.md). */
export function agreementReasons(a: AgreementFacts, t: Translate = ENGLISH): string[] {
  if (a.state === 'none')
    return [t('A full or partial agreement needs the written agreement signed by every party and the mediators: draft it on the Agreement tab')];
  if (a.state === 'draft') return [t('The agreement is still a draft: make it ready to sign and have every party and the mediators sign it')];
  if (a.state === 'ready') return [t('The agreement is waiting for signatures from {names}', { names: a.waitingFor.join(', ') })];
  return [];
}

/** The issues listed on meeting records: one per line (or separated by semicolons), each once, in the order first recorded. */
export function issuesFromRecords(records: readonly (string | null | undefined)[]): string[] {
  const seen = new Map<string, string>();
  for (const text of records)
    for (const line of (text ?? '').split(/[\n;]/)) {
      const issue = line.replace(/^\s*[-*•\d.)]+\s*/, '').trim();
      if (issue && !seen.has(issue.toLowerCase())) seen.set(issue.toLowerCase(), issue);
    }
  return [...seen.values()];
}

export type WithdrawalDecision = {
  /** Where the case moves, or null when it stays where it is. */
  moveTo: CaseStatus | null;
  /** The people still taking part. */
  remaining: string[];
  /** With three or more parties: the question for the coordinator, whether the case goes on with the others. */
  askGoOn: boolean;
};

/**
 * One party withdrawing from a case: with two or more others still taking part the case stays where it is and the
 * coordinator is asked whether it goes on with them (group mediation); only when fewer than two remain does the case
 * itself move, and then only once it is ready or in mediation (in intake it waits for another party or a decision).
 * c.parties already shows the party as withdrawn.
 */
export function afterPartyWithdraws(c: LifecycleCase): WithdrawalDecision {
  const remaining = c.parties.filter((p) => CONSENTING_ROLES.includes(p.role) && p.consent !== 'withdrawn').map((p) => p.name);
  if (remaining.length >= 2) return { moveTo: null, remaining, askGoOn: true };
  return { moveTo: ['ready', 'mediation'].includes(c.status) ? 'withdrawn' : null, remaining, askGoOn: false };
}

/** What a party withdrawing consent does to the case (see afterPartyWithdraws). */
export function statusAfterConsentWithdrawn(c: LifecycleCase): CaseStatus | null {
  return afterPartyWithdraws(c).moveTo;
}

export const INTAKE_NEEDS_VIEW = 'Write how the person sees the situation now: an intake record needs at least their view';

/** An intake record says at least how the person sees the situation now. */
export function intakeRefusal(input: { situationNow?: string | null }): string | null {
  return input.situationNow?.trim() ? null : INTAKE_NEEDS_VIEW;
}

export const isActive = (status: CaseStatus) => ACTIVE_STATUSES.includes(status);
