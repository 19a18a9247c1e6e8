import { describe, expect, it } from 'vitest';
import { CASE_STATUSES, type CaseStatus } from './case-words.ts';
import { decideTransition, type LifecycleCase, type LifecycleParty, nextStatuses, statusAfterConsentWithdrawn } from './lifecycle.ts';

const sam: LifecycleParty = { name: 'Sam Patel', role: 'party', consent: 'given', hasIntake: true };
const jo: LifecycleParty = { name: 'Jo Okafor', role: 'party', consent: 'given', hasIntake: true };
const supporter: LifecycleParty = { name: 'Kit Helper', role: 'supporter', consent: 'not_asked', hasIntake: false };
const ok = (status: CaseStatus, extra: Partial<LifecycleCase> = {}): LifecycleCase => ({
  status,
  heldFrom: null,
  parties: [sam, jo, supporter],
  openSafeguarding: 0,
  ...extra,
});
const full = { reason: 'because', outcome: 'full_agreement' };

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

  it('withdraws a ready or mediating case when a party withdraws consent', () => {
    for (const s of CASE_STATUSES) expect(statusAfterConsentWithdrawn(ok(s))).toBe(s === 'ready' || s === 'mediation' ? 'withdrawn' : null);
  });
});
