// The pair rules (checkPair: one row per rule), the score's order and reasons, and suggestPairs against a brute-force
// ranking of every pair on seeded random pools.
import { describe, expect, it } from 'vitest';
import { generatePool, TODAY } from '../../../../bench/volunteers/generate.ts';
import { volunteerEligibility } from './eligibility.ts';
import { pairScore, pairTerm } from './pair-score.ts';
import { checkPair, prepareCase, suggestPairs, withoutCurrentPair } from './pairing.ts';
import { HALL, north, testCase, testContext, testVolunteer } from './pairing.fixtures.ts';
import type { PairingCase, PairingContext, PairingVolunteer } from './pairing.types.ts';
import { DEFAULT_VOLUNTEER_POLICY } from '#src/features/settings/volunteer-policy.ts';

const ctx = testContext;
const mixed: PairingContext = { ...ctx, policy: { ...DEFAULT_VOLUNTEER_POLICY, preferMixedGender: true } };

const vol = (id: string, name: string, over: Partial<PairingVolunteer> = {}): PairingVolunteer =>
  testVolunteer({ id, name, surname: name.split(' ').at(-1)!.toLowerCase(), ...over });
const kase = testCase;

const ana = vol('v-ana', 'Ana Testvolunteer');
const ben = vol('v-ben', 'Ben Testmediator', { gender: 'male' });
const tom = vol('v-tom', 'Tom Testtrainee', { status: 'trainee', accreditedAreas: [], gender: 'male', supervisedCasesSignedOff: 2 });
const tia = vol('v-tia', 'Tia Testtrainee', { status: 'trainee', accreditedAreas: [] });
const noDbs = vol('v-dee', 'Dee Testvolunteer', { dbs: null });
const notCommunity = vol('v-rae', 'Rae Testvolunteer', { accreditedAreas: ['restorative_conferencing'] });
const everyone = [ana, ben, tom, tia, noDbs, notCommunity];

describe('the pair rules (checkPair)', () => {
  const RULES: [string, string[], PairingCase, { allowed: boolean; supervised: boolean; reasons: string[] }][] = [
    ['two accredited mediators', ['v-ana', 'v-ben'], kase(), { allowed: true, supervised: false, reasons: [] }],
    ['a lead and a trainee, on a community case: supervised', ['v-ana', 'v-tom'], kase(), { allowed: true, supervised: true, reasons: [] }],
    [
      'two trainees',
      ['v-tom', 'v-tia'],
      kase(),
      {
        allowed: false,
        supervised: true,
        reasons: [
          'two trainees cannot work together',
          'neither Tom Testtrainee nor Tia Testtrainee is accredited for community mediation: one of the pair must lead',
        ],
      },
    ],
    [
      'nobody able to lead',
      ['v-rae', 'v-tom'],
      kase(),
      {
        allowed: false,
        supervised: true,
        reasons: [
          'Rae Testvolunteer: not trained in community mediation',
          'neither Rae Testvolunteer nor Tom Testtrainee is accredited for community mediation: one of the pair must lead',
        ],
      },
    ],
    ['someone not eligible', ['v-ana', 'v-dee'], kase(), { allowed: false, supervised: false, reasons: ['Dee Testvolunteer: no DBS check recorded'] }],
    [
      'a trainee on a restorative case',
      ['v-ana', 'v-tom'],
      kase({ caseType: 'restorative_justice', area: 'restorative_conferencing' }),
      { allowed: false, supervised: true, reasons: ['Tom Testtrainee: trainees co-mediate community cases only until accredited'] },
    ],
    [
      'the same person twice',
      ['v-ana', 'v-ana'],
      kase(),
      { allowed: false, supervised: false, reasons: ['choose two different mediators: Ana Testvolunteer is chosen twice'] },
    ],
    ['one mediator', ['v-ana'], kase(), { allowed: false, supervised: false, reasons: ['a case needs exactly two mediators; 1 chosen'] }],
    ['three mediators', ['v-ana', 'v-ben', 'v-tom'], kase(), { allowed: false, supervised: true, reasons: ['a case needs exactly two mediators; 3 chosen'] }],
    ['someone unknown', ['v-ana', 'v-nobody'], kase(), { allowed: false, supervised: false, reasons: ['no volunteer with the id v-nobody'] }],
  ];
  it.each(RULES)('%s', (_, ids, c, expected) => {
    expect(checkPair(c, ids, everyone, ctx)).toEqual({ statutory: [], ...expected });
  });

  it('agrees with the suggestions: every suggested pair is allowed', () => {
    for (const s of suggestPairs(kase(), everyone, ctx).suggestions) expect(checkPair(kase(), s.mediatorIds, everyone, ctx).allowed).toBe(true);
  });
});

describe('the pair score', () => {
  const best = (c: PairingCase, vs: PairingVolunteer[], context = ctx) => suggestPairs(c, vs, context).suggestions[0]!;
  const score = (vs: PairingVolunteer[], c = kase(), context = ctx) => best(c, vs, context).score;

  it('prefers nearer, less busy, more available mediators', () => {
    expect(score([ana, vol('v-x', 'Xe Test', { home: north(2) })])).toBeGreaterThan(score([ana, vol('v-x', 'Xe Test', { home: north(8) })]));
    expect(score([ana, vol('v-x', 'Xe Test', { activeCases: 0 })])).toBeGreaterThan(score([ana, vol('v-x', 'Xe Test', { activeCases: 2 })]));
    expect(score([ana, vol('v-x', 'Xe Test', { freeHoursAhead: 12 })])).toBeGreaterThan(score([ana, vol('v-x', 'Xe Test', { freeHoursAhead: 3 })]));
  });

  it('wants someone who speaks the language, once; without one it says to book an interpreter', () => {
    const polish = kase({ languages: ['Polish'] });
    const speaker = vol('v-x', 'Xe Test', { languages: ['English', 'polish'] });
    const withSpeaker = best(polish, [ana, speaker]);
    const without = best(polish, [ana, vol('v-x', 'Xe Test')]);
    expect(withSpeaker.score).toBeGreaterThan(without.score);
    expect(withSpeaker.reasons).toContain('Xe speaks Polish');
    expect(without.reasons).toContain('neither speaks Polish: book an interpreter');
    const both = best(polish, [vol('v-ana', 'Ana Testvolunteer', { languages: ['Polish'] }), speaker]);
    expect(both.reasons).toContain('Ana and Xe speak Polish');
    expect(both.score).toBe(withSpeaker.score);
  });

  it('prefers a mixed-gender pair when the service asks, and only then', () => {
    const woman = vol('v-x', 'Xe Test', { gender: 'female' });
    expect(score([ana, ben], kase(), mixed)).toBeGreaterThan(score([ana, vol('v-x', 'Xe Test', { gender: null })], kase(), mixed));
    expect(score([ana, vol('v-x', 'Xe Test', { gender: null })], kase(), mixed)).toBeGreaterThan(score([ana, woman], kase(), mixed));
    expect(score([ana, ben])).toBe(score([ana, vol('v-ben', 'Ben Testmediator', { gender: 'female' })]));
    expect(best(kase(), [ana, ben], mixed).reasons).toContain('a mixed-gender pair');
  });

  it('gives a little to a trainee who still needs supervised cases, and says it counts', () => {
    const pair = best(kase(), [ana, tom]);
    expect(pair.mediatorIds).toEqual(['v-ana', 'v-tom']);
    expect(pair.supervised).toBe(true);
    expect(pair.reasons).toContain('counts toward Tom’s supervised cases: 2 of 3 signed off');
    const done = vol('v-tom', 'Tom Testtrainee', { status: 'trainee', accreditedAreas: [], gender: 'male', supervisedCasesSignedOff: 3 });
    expect(score([ana, tom])).toBeGreaterThan(score([ana, done]));
  });

  it('is individual(v) + individual(w) + pairTerm(v, w), within 0–100', () => {
    for (const context of [ctx, mixed]) {
      const p = prepareCase(
        kase({ languages: ['Polish'] }),
        [ana, ben, tom, vol('v-x', 'Xe Test', { languages: ['Polish'], activeCases: 0, home: HALL })],
        context,
      );
      for (const a of p.candidates) {
        for (const b of p.candidates) {
          if (a === b) continue;
          const s = pairScore(a, b, p.setting);
          expect(s).toBe(a.individual + b.individual + pairTerm(a, b, p.setting));
          expect(pairTerm(a, b, p.setting)).toBeLessThanOrEqual(p.setting.pairTermMax);
          expect(s).toBeGreaterThanOrEqual(0);
          expect(s).toBeLessThanOrEqual(100);
        }
      }
    }
  });
});

describe('suggestPairs', () => {
  /** Every allowed pair (by checkPair), scored, ranked best first with ties by ids: the answer to beat. */
  function bruteForce(c: PairingCase, volunteers: PairingVolunteer[], context: PairingContext, limit: number) {
    const p = prepareCase(c, volunteers, context);
    const ranked: { ids: string[]; score: number }[] = [];
    for (const a of p.candidates) {
      for (const b of p.candidates) {
        if (a.v.id >= b.v.id || !checkPair(c, [a.v.id, b.v.id], volunteers, context).allowed) continue;
        ranked.push({ ids: [a.v.id, b.v.id], score: pairScore(a, b, p.setting) });
      }
    }
    ranked.sort((x, y) => y.score - x.score || (x.ids.join() < y.ids.join() ? -1 : 1));
    return ranked.slice(0, limit).map((r) => ({ ids: r.ids, score: Math.round(r.score * 10) / 10 }));
  }

  it.each([1, 2, 3, 4, 5, 6])('ranks exactly as scoring every pair would (seeded pool %i)', (seed) => {
    const { volunteers, cases } = generatePool({ volunteers: 40 + seed * 30, cases: 12, seed, radiusMiles: 10 });
    for (const [i, c] of cases.entries()) {
      const context = { today: TODAY, policy: { ...DEFAULT_VOLUNTEER_POLICY, preferMixedGender: i % 2 === 0 } };
      const limit = 1 + ((seed * 7 + i) % 12);
      const got = suggestPairs(c, volunteers, context, { limit });
      expect(got.suggestions.map((s) => ({ ids: [...s.mediatorIds].sort(), score: s.score }))).toEqual(bruteForce(c, volunteers, context, limit));
      const left = volunteers.filter((v) => !volunteerEligibility(v, c, context).eligible);
      expect(got.excluded.map((e) => e.volunteerId).sort()).toEqual(left.map((v) => v.id).sort());
      for (const e of got.excluded) expect(e.reasons.length).toBeGreaterThan(0);
    }
  });

  it('breaks ties by the volunteers’ ids, whatever order they come in', () => {
    const twins = ['v-d', 'v-b', 'v-c', 'v-a'].map((id) => vol(id, `Twin ${id}`, { surname: 'twin' }));
    const expected = [
      ['v-a', 'v-b'],
      ['v-a', 'v-c'],
      ['v-a', 'v-d'],
      ['v-b', 'v-c'],
    ];
    for (const order of [twins, [...twins].reverse()]) {
      const s = suggestPairs(kase(), order, ctx, { limit: 4 }).suggestions;
      expect(s.map((x) => x.mediatorIds)).toEqual(expected);
      expect(new Set(s.map((x) => x.score)).size).toBe(1);
    }
  });

  it('lists everyone left out, with their reasons, by name', () => {
    const { excluded } = suggestPairs(kase(), everyone, ctx);
    expect(excluded).toEqual([
      { volunteerId: 'v-dee', name: 'Dee Testvolunteer', reasons: ['no DBS check recorded'] },
      { volunteerId: 'v-rae', name: 'Rae Testvolunteer', reasons: ['not trained in community mediation'] },
    ]);
  });

  it('says why there is no pair at all', () => {
    expect(suggestPairs(kase(), [tom, tia], ctx)).toMatchObject({
      suggestions: [],
      notes: ['no mediator accredited for community mediation can take this case: every pair needs one to lead'],
    });
    expect(suggestPairs(kase(), [ana, noDbs], ctx).notes).toEqual(['only one mediator can take this case: a case needs two']);
  });

  it('names the lead first and explains the pair', () => {
    const [s] = suggestPairs(kase(), [tom, vol('v-ana', 'Ana Testvolunteer', { home: north(4.2), activeCases: 0 })], ctx).suggestions;
    expect(s!.reasons).toEqual([
      'Ana leads; Tom co-mediates as a trainee (a supervised case)',
      'counts toward Tom’s supervised cases: 2 of 3 signed off',
      'Ana 4 miles away; Tom 3 miles away',
      'free in the next 4 weeks: Ana 12 hours, Tom 12 hours',
      'workload: Ana 0 of 3 cases, Tom 1 of 3 cases',
    ]);
  });
});

describe('suggestions for a case that already has mediators', () => {
  it('never offer the pair already on it, and still offer the others', () => {
    const c = kase({ currentVolunteerIds: ['v-ana', 'v-ben'] });
    const all = suggestPairs(c, everyone, ctx, { limit: 11 });
    expect(all.suggestions.some((s) => [...s.mediatorIds].sort().join() === 'v-ana,v-ben')).toBe(true);
    const shown = withoutCurrentPair(all, c.currentVolunteerIds);
    expect(shown.suggestions.some((s) => [...s.mediatorIds].sort().join() === 'v-ana,v-ben')).toBe(false);
    expect(shown.suggestions.length).toBe(all.suggestions.length - 1);
    // A pair sharing one mediator with the current pair is still a change, so it stays.
    expect(shown.suggestions.some((s) => s.mediatorIds.includes('v-ana'))).toBe(true);
  });
});
