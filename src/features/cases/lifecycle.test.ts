import { describe, expect, it } from 'vitest';
import { CASE_STATUSES, type CaseStatus } from '#src/domain/case-words.ts';
import {
  afterPartyWithdraws,
  agreementReasons,
  decideTransition,
  intakeRefusal,
  issuesFromRecords,
  type LifecycleCase,
  type LifecycleParty,
  nextStatuses,
  statusAfterConsentWithdrawn,
} from './lifecycle.ts';

const sam: LifecycleParty = { name: 'Sam Patel', role: 'party', consent: 'given', hasIntake: true };
const jo: LifecycleParty = { name: 'Jo Okafor', role: 'party', consent: 'given', hasIntake: true };
const supporter: LifecycleParty = { name: 'Kit Helper', role: 'supporter', consent: 'not_asked', hasIntake: false };
const ok = (status: CaseStatus, extra: Partial<LifecycleCase> = {}): LifecycleCase => ({
  status,
  heldFrom: null,
  parties: [sam, jo, supporter],
  openSafeguarding: 0,
  mediators: [
    { name: 'Lee Lead', leadQualified: true },
    { name: 'Tia Trainee', leadQualified: false },
  ],
  sessionsHeld: 1,
  issues: [],
  ...extra,
});
const full = { reason: 'because', outcome: 'full_agreement', closingReason: 'agreement_kept' };

const EXPECTED_MOVES: Record<CaseStatus, CaseStatus[]> = {
  intake: ['ready', 'on_hold', 'withdrawn', 'unsuitable'],
  ready: ['mediation', 'intake', 'on_hold', 'withdrawn', 'unsuitable'],
  mediation: ['outcome', 'on_hold', 'withdrawn'],
  outcome: ['follow_up', 'closed', 'on_hold', 'withdrawn'],
  follow_up: ['closed', 'on_hold', 'withdrawn'],
  closed: ['intake'],
  withdrawn: ['intake'],
  unsuitable: ['intake'],
  on_hold: ['intake', 'withdrawn'],
};

describe('case lifecycle', () => {
  describe.each(CASE_STATUSES)('from %s', (from) => {
    it.each(CASE_STATUSES)(`to %s is allowed exactly when it is a listed move (given consent, intake and a reason)`, (to) => {
      const decision = decideTransition(ok(from), to, full);
      expect(decision.allowed).toBe(EXPECTED_MOVES[from].includes(to));
      if (!decision.allowed) expect(decision.reasons.length).toBeGreaterThan(0);
    });
  });

  it('lists the moves from each status for the page', () => {
    for (const s of CASE_STATUSES) expect(nextStatuses({ status: s, heldFrom: null })).toEqual(EXPECTED_MOVES[s]);
    expect(nextStatuses({ status: 'on_hold', heldFrom: 'mediation' })).toEqual(['mediation', 'withdrawn']);
  });

  it('explains, naming the people, why a case is not ready', () => {
    const c = ok('intake', { parties: [{ ...sam, consent: 'not_asked' }, { ...jo, hasIntake: false }, supporter] });
    const d = decideTransition(c, 'ready');
    expect(d).toEqual({
      allowed: false,
      reasons: ['Ready needs consent from every party: Sam Patel has not consented', 'Ready needs an intake record for every party: Jo Okafor has none'],
    });
  });

  it('does not ask supporters, advocates or interpreters for consent', () => {
    expect(decideTransition(ok('intake'), 'ready')).toEqual({ allowed: true, to: 'ready' });
  });

  it('needs two parties, and waits for safeguarding decisions', () => {
    expect(decideTransition(ok('intake', { parties: [sam] }), 'ready')).toMatchObject({
      allowed: false,
      reasons: ['Ready needs at least two parties on the case'],
    });
    const d = decideTransition(ok('intake', { openSafeguarding: 1 }), 'ready');
    expect(d.allowed).toBe(false);
    if (!d.allowed) expect(d.reasons[0]).toContain('safeguarding');
  });

  it('asks for the outcome when mediation ends', () => {
    expect(decideTransition(ok('mediation'), 'outcome')).toMatchObject({
      allowed: false,
      reasons: ['Say what the outcome was: full agreement, partial agreement or no agreement'],
    });
    expect(decideTransition(ok('mediation'), 'outcome', { outcome: 'partial_agreement' })).toEqual({ allowed: true, to: 'outcome' });
  });

  it.each(['withdrawn', 'unsuitable', 'on_hold'] as const)('asks for a reason to move to %s', (to) => {
    const d = decideTransition(ok('intake'), to, { reason: '  ' });
    expect(d.allowed).toBe(false);
    if (!d.allowed) expect(d.reasons).toContain(`Give a reason for moving the case to ${to === 'on_hold' ? 'on hold' : to}`);
  });

  it('asks for a reason to reopen an ended case', () => {
    expect(decideTransition(ok('closed'), 'intake').allowed).toBe(false);
    expect(decideTransition(ok('closed'), 'intake', { reason: 'The neighbours asked for another meeting' })).toEqual({ allowed: true, to: 'intake' });
  });

  it('resumes an on-hold case where it was, checking consent again', () => {
    const held = ok('on_hold', { heldFrom: 'ready', parties: [{ ...sam, consent: 'withdrawn' }, jo] });
    const d = decideTransition(held, 'ready');
    expect(d.allowed).toBe(false);
    expect(decideTransition(ok('on_hold', { heldFrom: 'mediation' }), 'mediation')).toEqual({ allowed: true, to: 'mediation' });
    expect(decideTransition(ok('on_hold', { heldFrom: 'mediation' }), 'closed').allowed).toBe(false);
  });

  it('says a case cannot jump ahead, and where it can go', () => {
    const d = decideTransition(ok('intake'), 'closed', full);
    expect(d).toEqual({ allowed: false, reasons: ['A case that is intake cannot move to closed. It can move to: Ready, On hold, Withdrawn, Unsuitable'] });
  });

  it('withdraws a ready or mediating two-party case when a party withdraws consent', () => {
    const twoParty = (s: CaseStatus) => ok(s, { parties: [{ ...sam, consent: 'withdrawn' }, jo, supporter] });
    for (const s of CASE_STATUSES) expect(statusAfterConsentWithdrawn(twoParty(s))).toBe(s === 'ready' || s === 'mediation' ? 'withdrawn' : null);
  });
});

describe('the gates', () => {
  const ana: LifecycleParty = { name: 'Ana Brook', role: 'party', consent: 'given', hasIntake: true };

  it('an intake record needs at least the person’s view of the situation', () => {
    expect(intakeRefusal({})).toMatch(/how the person sees the situation now/);
    expect(intakeRefusal({ situationNow: '   ' })).not.toBeNull();
    expect(intakeRefusal({ situationNow: 'The music at night keeps the children awake' })).toBeNull();
  });

  it('Mediation needs an assigned pair', () => {
    expect(decideTransition(ok('ready', { mediators: [] }), 'mediation')).toEqual({
      allowed: false,
      reasons: ['Mediation needs a pair of mediators assigned to the case'],
    });
    expect(decideTransition(ok('ready', { mediators: [{ name: 'Lee Lead', leadQualified: true }] }), 'mediation').allowed).toBe(false);
    expect(decideTransition(ok('on_hold', { heldFrom: 'mediation', mediators: undefined }), 'mediation').allowed).toBe(false);
  });

  it('Mediation needs one of the pair to be lead-qualified', () => {
    const twoTrainees = [
      { name: 'Tia Trainee', leadQualified: false },
      { name: 'Ola Novice', leadQualified: false },
    ];
    expect(decideTransition(ok('ready', { mediators: twoTrainees }), 'mediation')).toEqual({
      allowed: false,
      reasons: ['Mediation needs a mediator who may lead this case: neither Tia Trainee nor Ola Novice is accredited for it'],
    });
    expect(decideTransition(ok('ready'), 'mediation')).toEqual({ allowed: true, to: 'mediation' });
  });

  it('Outcome needs a joint meeting or shuttle session held', () => {
    expect(decideTransition(ok('mediation', { sessionsHeld: 0 }), 'outcome', full)).toEqual({
      allowed: false,
      reasons: ['Outcome needs a joint meeting, RJ conference or shuttle session to have been held on the case'],
    });
  });

  it('Outcome needs what became of each issue on the meeting records, agreeing with the overall outcome', () => {
    const c = ok('mediation', { issues: ['Noise at night', 'The shared fence'] });
    expect(decideTransition(c, 'outcome', { outcome: 'partial_agreement', issueOutcomes: ['agreed'] })).toEqual({
      allowed: false,
      reasons: ['Say what became of each issue on the meeting records: The shared fence has no outcome'],
    });
    expect(decideTransition(c, 'outcome', { outcome: 'full_agreement', issueOutcomes: ['agreed', 'not_agreed'] })).toMatchObject({
      allowed: false,
      reasons: [expect.stringMatching(/full agreement needs every issue agreed/)],
    });
    expect(decideTransition(c, 'outcome', { outcome: 'no_agreement', issueOutcomes: ['partly_agreed', 'not_agreed'] }).allowed).toBe(false);
    expect(decideTransition(c, 'outcome', { outcome: 'partial_agreement', issueOutcomes: ['not_agreed', 'not_agreed'] }).allowed).toBe(false);
    expect(decideTransition(c, 'outcome', { outcome: 'partial_agreement', issueOutcomes: ['agreed', 'not_agreed'] })).toEqual({ allowed: true, to: 'outcome' });
    expect(decideTransition(c, 'outcome', { outcome: 'full_agreement', issueOutcomes: ['agreed', 'agreed'] })).toEqual({ allowed: true, to: 'outcome' });
  });

  it('reads the issues from meeting records, one per line, each once', () => {
    expect(issuesFromRecords(['Noise at night\n- The shared fence', null, 'noise at night; Parking'])).toEqual([
      'Noise at night',
      'The shared fence',
      'Parking',
    ]);
    expect(issuesFromRecords(['', undefined])).toEqual([]);
  });

  it('one party withdrawing from a case of three withdraws only that party, and asks whether it goes on with the others', () => {
    const three = ok('mediation', { parties: [{ ...sam, consent: 'withdrawn' }, jo, ana, supporter] });
    expect(afterPartyWithdraws(three)).toEqual({ moveTo: null, remaining: ['Jo Okafor', 'Ana Brook'], askGoOn: true });
    // The withdrawn party no longer holds the case back.
    expect(decideTransition({ ...three, status: 'ready' }, 'mediation')).toEqual({ allowed: true, to: 'mediation' });
  });

  it('the case moves only when fewer than two parties remain', () => {
    const two = ok('mediation', { parties: [{ ...sam, consent: 'withdrawn' }, { ...jo, consent: 'withdrawn' }, ana] });
    expect(afterPartyWithdraws(two)).toEqual({ moveTo: 'withdrawn', remaining: ['Ana Brook'], askGoOn: false });
    expect(afterPartyWithdraws({ ...two, status: 'intake' })).toEqual({ moveTo: null, remaining: ['Ana Brook'], askGoOn: false });
  });
});

describe('Outcome and the written agreement', () => {
  it('needs a full or partial agreement signed by everyone, and says who has not signed', () => {
    expect(agreementReasons({ state: 'none', waitingFor: [] })[0]).toContain('needs the written agreement signed by every party and the mediators');
    expect(agreementReasons({ state: 'draft', waitingFor: [] })[0]).toContain('still a draft');
    expect(agreementReasons({ state: 'ready', waitingFor: ['Sam', 'Vera'] })).toEqual(['The agreement is waiting for signatures from Sam, Vera']);
    expect(agreementReasons({ state: 'signed', waitingFor: [] })).toEqual([]);
    const c = {
      status: 'mediation' as const,
      heldFrom: null,
      parties: [],
      openSafeguarding: 0,
      sessionsHeld: 1,
      agreement: { state: 'draft' as const, waitingFor: [] },
    };
    expect(decideTransition(c, 'outcome', { outcome: 'no_agreement' })).toEqual({ allowed: true, to: 'outcome' });
    expect(decideTransition(c, 'outcome', { outcome: 'partial_agreement' })).toMatchObject({ allowed: false });
  });
});

describe('closing and conflict coaching', () => {
  const kim: LifecycleParty = { name: 'Kim Kale', role: 'party', consent: 'given', hasIntake: true };
  const lee: LifecycleParty = { name: 'Lee Lime', role: 'party', consent: 'withdrawn', hasIntake: false };

  it('closes with a reason from the list, and from follow-up only after the last check-in', () => {
    expect(decideTransition(ok('outcome'), 'closed', { reason: 'x' })).toEqual({ allowed: false, reasons: ['Choose why the case is closing'] });
    expect(decideTransition(ok('outcome'), 'closed', { closingReason: 'no_agreement' })).toEqual({ allowed: true, to: 'closed' });
    expect(decideTransition(ok('outcome'), 'closed', { closingReason: 'other' }).allowed).toBe(false);
    const waiting = ok('follow_up', { followUp: { points: 3, lastAnswered: false } });
    const d = decideTransition(waiting, 'closed', { closingReason: 'agreement_kept' });
    expect(d.allowed).toBe(false);
    if (!d.allowed) expect(d.reasons[0]).toMatch(/^Closing after follow-up needs a check-in at the last follow-up point/);
    expect(decideTransition(ok('follow_up', { followUp: { points: 3, lastAnswered: true } }), 'closed', { closingReason: 'agreement_kept' }).allowed).toBe(
      true,
    );
  });

  it('lets a coaching case go on with the one party taking part, and says so when it is not coaching', () => {
    const one = (status: CaseStatus, extra: Partial<LifecycleCase> = {}) => ok(status, { parties: [kim, lee], ...extra });
    const refused = decideTransition(one('ready'), 'mediation');
    expect(refused.allowed).toBe(false);
    if (!refused.allowed)
      expect(refused.reasons).toContain('Mediation needs at least two parties on the case (when the other party will not take part, offer conflict coaching)');
    expect(decideTransition(one('intake', { pathway: 'coaching' }), 'ready')).toEqual({ allowed: true, to: 'ready' });
    expect(decideTransition(one('ready', { pathway: 'coaching' }), 'mediation')).toEqual({ allowed: true, to: 'mediation' });
    const noSession = decideTransition(one('mediation', { pathway: 'coaching', sessionsHeld: 0 }), 'outcome', { outcome: 'full_agreement' });
    expect(noSession).toEqual({ allowed: false, reasons: ['Outcome needs a conflict coaching session to have been held on the case'] });
  });
});
