import { describe, expect, it } from 'vitest';
import { DEFAULT_RJ_POLICY, readRjPolicy } from '../rj-policy.ts';
import { heldReason, holdState } from './offence-rules.ts';
import { prisonVisitProblems, stepsLeft } from './prison-rules.ts';
import { suitabilityOutcome, suitabilityProblem } from './suitability-rules.ts';

const label = (c: string) => ({ domestic_abuse: 'Domestic abuse', property: 'Burglary, theft or damage', hate_crime: 'Hate crime' })[c] ?? c;

describe('the offence-type hold', () => {
  const policy = { extraCare: DEFAULT_RJ_POLICY.extraCare, victimInitiatedOnly: ['domestic_abuse' as const] };

  it('holds a domestic abuse case started by the person who harmed, with the reason', () => {
    const h = holdState({ category: 'domestic_abuse', initiatedBy: 'person_who_harmed', seniorDecision: null }, policy, label);
    expect(h).toEqual({
      state: 'held',
      extraCare: true,
      reason: 'this service takes domestic abuse cases only when the person harmed asks, and this one was started by the person who harmed',
    });
    expect(heldReason(h)).toBe(h.state === 'held' ? h.reason : null);
  });

  it('does not hold it when the person harmed asked, nor a category the service takes from anyone', () => {
    expect(holdState({ category: 'domestic_abuse', initiatedBy: 'victim', seniorDecision: null }, policy, label)).toEqual({ state: 'none', extraCare: true });
    expect(holdState({ category: 'hate_crime', initiatedBy: 'person_who_harmed', seniorDecision: null }, policy, label)).toEqual({
      state: 'none',
      extraCare: true,
    });
    expect(holdState({ category: 'property', initiatedBy: 'person_who_harmed', seniorDecision: null }, policy, label)).toEqual({
      state: 'none',
      extraCare: false,
    });
    expect(holdState({ category: null, initiatedBy: 'person_who_harmed', seniorDecision: null }, policy, label)).toEqual({ state: 'none', extraCare: false });
  });

  it('holds a referrer’s referral too, and a senior’s decision settles it either way', () => {
    expect(holdState({ category: 'domestic_abuse', initiatedBy: 'referrer', seniorDecision: null }, policy, label).state).toBe('held');
    const go = holdState({ category: 'domestic_abuse', initiatedBy: 'person_who_harmed', seniorDecision: 'proceed' }, policy, label);
    expect(go.state).toBe('proceed');
    expect(heldReason(go)).toBeNull();
    const no = holdState({ category: 'domestic_abuse', initiatedBy: 'person_who_harmed', seniorDecision: 'decline' }, policy, label);
    expect(heldReason(no)).toMatch(/^a senior decided it should not go ahead/);
  });
});

describe('suitability (RJC Code B)', () => {
  const yes = { acknowledgesFacts: true, acceptsResponsibility: true, willing: true };
  it('asks responsibility only of the person who harmed', () => {
    expect(suitabilityOutcome('victim', { ...yes, acceptsResponsibility: null })).toBe('suitable');
    expect(suitabilityOutcome('person_who_harmed', { ...yes, acceptsResponsibility: null })).toBe('not_suitable');
    expect(suitabilityOutcome('person_who_harmed', yes)).toBe('suitable');
    expect(suitabilityOutcome('victim', undefined)).toBe('not_assessed');
  });
  it('names every precondition not met', () => {
    expect(suitabilityProblem('Hal Harmwell', 'person_who_harmed', { acknowledgesFacts: false, acceptsResponsibility: false, willing: true })).toBe(
      'Hal Harmwell does not acknowledge the basic facts, does not accept responsibility',
    );
    expect(suitabilityProblem('Vera Victimson', 'victim', { acknowledgesFacts: true, acceptsResponsibility: null, willing: false })).toBe(
      'Vera Victimson is not willing to take part',
    );
    expect(suitabilityProblem('Vera Victimson', 'victim', undefined)).toBe('Vera Victimson’s suitability has not been recorded yet');
  });
});

describe('the RJ policy', () => {
  it('reads the defaults under a stored policy, and falls back when the stored one no longer fits', () => {
    expect(readRjPolicy({ assessmentValidDays: 30 }).assessmentValidDays).toBe(30);
    expect(readRjPolicy({ assessmentValidDays: 'soon' })).toEqual(DEFAULT_RJ_POLICY);
    expect(readRjPolicy(undefined).prisonChecklist).toHaveLength(3);
  });
});

describe('the prison visit checklist', () => {
  const steps = ['Security clearance', 'Governor approval', 'Visit booked'];
  const done = { on: '2026-12-01', by: 'Cora' };
  it('is complete only when every step the service lists is done, naming those left in order', () => {
    expect(stepsLeft(steps, {})).toEqual(steps);
    expect(stepsLeft(steps, { 'Governor approval': done, 'An old step': done })).toEqual(['Security clearance', 'Visit booked']);
    expect(prisonVisitProblems(steps, [{ name: 'Pat Harmer', checklist: { 'Security clearance': done } }])).toEqual([
      'The prison visit checklist for Pat Harmer is not complete: Governor approval, Visit booked',
    ]);
    const all = Object.fromEntries(steps.map((s) => [s, done]));
    expect(prisonVisitProblems(steps, [{ name: 'Pat Harmer', checklist: all }])).toEqual([]);
    expect(prisonVisitProblems([], [{ name: 'Pat Harmer', checklist: {} }])).toEqual([]);
  });
});
