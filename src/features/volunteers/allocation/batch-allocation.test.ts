// Batch allocation: every proposal obeys the pair rules and every volunteer's remaining capacity, and on tiny
// backlogs the total reaches the optimum found by trying every allocation.
import { describe, expect, it } from 'vitest';
import { generatePool, seeded, TODAY } from '../../../../bench/volunteers/generate.ts';
import { allocateBatch, allocatePrepared } from './batch-allocation.ts';
import { pairScore } from '../pairing/pair-score.ts';
import { canPair, checkPair, prepareCase, type PreparedCase } from '../pairing/pairing.ts';
import type { PairingCase, PairingContext, PairingVolunteer } from '../pairing/pairing.types.ts';
import { DEFAULT_VOLUNTEER_POLICY } from '#src/features/settings/volunteer-policy.ts';

const ctx: PairingContext = { today: TODAY, policy: DEFAULT_VOLUNTEER_POLICY };
const room = (v: PairingVolunteer) => Math.max(0, v.maxActiveCases - v.activeCases);

/** A tiny backlog where most volunteers could take most cases, so capacity decides. */
function tinyBacklog(seed: number): { cases: PairingCase[]; volunteers: PairingVolunteer[] } {
  const r = seeded(seed);
  const place = () => ({ lat: 51.2 + r.next() * 0.05, lng: 0.5 + r.next() * 0.08 });
  const volunteers = Array.from({ length: r.int(5, 8) }, (_, i): PairingVolunteer => {
    const trainee = r.chance(0.3);
    const max = r.int(1, 3);
    return {
      id: `v${i}`,
      name: `Vera${i} Testvolunteer${i}`,
      status: trainee ? 'trainee' : 'accredited',
      accreditedAreas: trainee ? [] : r.chance(0.5) ? ['community', 'restorative_conferencing'] : ['community'],
      dbs: { recheckDueOn: '2027-01-01', workforce: 'both', barredLists: true },
      activeCases: r.int(0, max - 1),
      maxActiveCases: max,
      languages: r.chance(0.3) ? ['Polish'] : [],
      gender: r.pick(['female', 'male', null]),
      home: place(),
      postcode: null,
      travelMiles: 25,
      freeHoursAhead: r.int(1, 20),
      awayUntil: null,
      connections: [],
      surname: `testvolunteer${i}`,
      address: null,
      employedByLocalAuthority: null,
      supervisedCasesSignedOff: r.int(0, 3),
    };
  });
  const cases = Array.from({ length: r.int(3, 5) }, (_, k): PairingCase => {
    const rj = r.chance(0.3);
    return {
      id: `c${k}`,
      caseType: rj ? 'restorative_justice' : 'community',
      caseKind: rj ? 'restorative_justice' : 'community',
      area: rj ? 'restorative_conferencing' : 'community',
      needsDbs: true,
      workforce: null,
      place: place(),
      postcode: null,
      languages: r.chance(0.3) ? ['Polish'] : [],
      parties: [],
      localAuthority: null,
      currentVolunteerIds: [],
    };
  });
  return { cases, volunteers };
}

/** The best total over every allocation: each case gets nothing or any allowed pair that still fits. */
function optimum(prepared: PreparedCase[], volunteers: PairingVolunteer[]): number {
  const left = new Map(volunteers.map((v) => [v.id, room(v)]));
  const go = (k: number): number => {
    if (k === prepared.length) return 0;
    let best = go(k + 1);
    const p = prepared[k]!;
    for (const a of p.candidates) {
      for (const b of p.candidates) {
        if (a.v.id >= b.v.id || !canPair(a, b) || !left.get(a.v.id) || !left.get(b.v.id)) continue;
        left.set(a.v.id, left.get(a.v.id)! - 1);
        left.set(b.v.id, left.get(b.v.id)! - 1);
        best = Math.max(best, pairScore(a, b, p.setting) + go(k + 1));
        left.set(a.v.id, left.get(a.v.id)! + 1);
        left.set(b.v.id, left.get(b.v.id)! + 1);
      }
    }
    return best;
  };
  return go(0);
}

function expectWithinRulesAndCapacity(cases: readonly PairingCase[], volunteers: PairingVolunteer[], context: PairingContext) {
  const result = allocateBatch(cases, volunteers, context);
  const used = new Map<string, number>();
  for (const p of result.proposals) {
    const c = cases.find((x) => x.id === p.caseId)!;
    expect(checkPair(c, p.mediatorIds, volunteers, context)).toEqual({ allowed: true, reasons: [], statutory: [], supervised: p.supervised });
    for (const id of p.mediatorIds) if (!c.currentVolunteerIds.includes(id)) used.set(id, (used.get(id) ?? 0) + 1);
  }
  for (const v of volunteers) expect(used.get(v.id) ?? 0).toBeLessThanOrEqual(room(v));
  const placed = [...result.proposals.map((p) => p.caseId), ...result.unassigned.map((u) => u.caseId)];
  expect(placed.sort()).toEqual(cases.map((c) => c.id).sort());
  const sum = result.proposals.reduce((s, p) => s + p.score, 0);
  expect(Math.abs(result.totalScore - sum)).toBeLessThan(0.05 * result.proposals.length + 0.1);
  return result;
}

describe('allocateBatch', () => {
  it.each(Array.from({ length: 40 }, (_, i) => i + 1))('reaches the optimum on tiny backlog %i', (seed) => {
    const { cases, volunteers } = tinyBacklog(seed);
    const prepared = cases.map((c) => prepareCase(c, volunteers, ctx));
    const { total } = allocatePrepared(prepared, volunteers);
    expect(total).toBeCloseTo(optimum(prepared, volunteers), 9);
    expectWithinRulesAndCapacity(cases, volunteers, ctx);
  });

  it.each([11, 12, 13])('keeps to the rules and every capacity on a generated backlog (seed %i)', (seed) => {
    const { volunteers, cases } = generatePool({ volunteers: 150, cases: 100, seed, radiusMiles: 15 });
    const result = expectWithinRulesAndCapacity(cases, volunteers, ctx);
    expect(result.proposals.length).toBeGreaterThan(20);
    expect(allocateBatch(cases, volunteers, ctx)).toEqual(result);
  });

  it('uses no new capacity for a mediator already on the case', () => {
    const { cases, volunteers } = tinyBacklog(3);
    const full = volunteers.map((v) => ({ ...v, activeCases: v.maxActiveCases }));
    const c = { ...cases[0]!, currentVolunteerIds: full.slice(0, 2).map((v) => v.id) };
    full[0] = { ...full[0]!, status: 'accredited', accreditedAreas: ['community', 'restorative_conferencing'] };
    const result = allocateBatch([c, ...cases.slice(1)], full, ctx);
    expect(result.proposals.map((p) => [p.caseId, [...p.mediatorIds].sort()])).toEqual([[c.id, [full[0]!.id, full[1]!.id].sort()]]);
  });

  it('says why a case gets no pair', () => {
    const { cases, volunteers } = tinyBacklog(5);
    const trainees = volunteers.map((v) => ({ ...v, status: 'trainee' as const, accreditedAreas: [] }));
    const result = allocateBatch([{ ...cases[0]!, area: 'community', caseType: 'community' }], trainees, ctx);
    expect(result).toEqual({
      proposals: [],
      unassigned: [{ caseId: cases[0]!.id, reasons: ['no mediator accredited for community mediation can take this case: every pair needs one to lead'] }],
      totalScore: 0,
    });
    const one = volunteers.map((v) => ({ ...v, maxActiveCases: 1, activeCases: 0, status: 'accredited' as const, accreditedAreas: ['community' as const] }));
    const two = [0, 1, 2, 3].map((k) => ({ ...cases[0]!, id: `c${k}`, area: 'community' as const, caseType: 'community' }));
    const busy = allocateBatch(two, one.slice(0, 4), ctx);
    expect(busy.proposals).toHaveLength(2);
    expect(busy.unassigned.map((u) => u.reasons)).toEqual([
      ['the mediators who could take this case are needed for cases in this batch where they fit better, or have no room left'],
      ['the mediators who could take this case are needed for cases in this batch where they fit better, or have no room left'],
    ]);
  });
});
