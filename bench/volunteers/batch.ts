// Batch allocation of 200 cases over 300 volunteers: allocateBatch against the exact optimum from HiGHS on the same
// instance. The instance is realistic in the way that bounds the MILP's size: cases spread over a
// fictional county 50 miles across, volunteers travelling up to 25 miles, so each case has a bounded set of
// eligible volunteers (by area, distance, DBS, capacity and conflicts), as in a real service.
import { allocateBatch, allocatePrepared } from '#src/features/volunteers/allocation/batch-allocation.ts';
import { volunteerKeys } from '#src/features/volunteers/pairing/eligibility.ts';
import { prepareCase } from '#src/features/volunteers/pairing/pairing.ts';
import type { PairingContext } from '#src/features/volunteers/pairing/pairing.types.ts';
import { DEFAULT_VOLUNTEER_POLICY } from '#src/features/settings/volunteer-policy.ts';
import { type ExactResult, solveExactly } from './exact.ts';
import { generatePool, TODAY } from './generate.ts';

export const FIT_TARGET_PERCENT = 99;
export const SPEED_TARGET_RATIO = 100;
const RUNS = 7;

export type BatchFigures = {
  seed: number;
  cases: number;
  volunteers: number;
  eligibleMean: number;
  /** Remaining capacity in the pool, in mediator places (a case needs two). */
  capacity: number;
  ours: { total: number; bound: number; placed: number; medianMs: number; minMs: number };
  exact: ExactResult & { prepareSeconds: number; placed: number };
  /** allocateBatch's total as a percentage of HiGHS's best total (the optimum when HiGHS proved it). */
  percent: number;
  /**
   * allocateBatch's total as a percentage of the least proven upper bound (HiGHS's or allocateBatch's own): a floor on
   * its percentage of the true optimum, whether or not HiGHS finished.
   */
  percentOfBound: number;
  /** HiGHS's time (eligibility + model + solve) ÷ allocateBatch's median time (eligibility included). */
  speedRatio: number;
  /** The same, with HiGHS stopped as soon as it held a solution as good as allocateBatch's (null if it never did). */
  matchRatio: number | null;
};

export const batchPasses = (b: BatchFigures) => b.percentOfBound >= FIT_TARGET_PERCENT && b.speedRatio >= SPEED_TARGET_RATIO;

export async function measureBatch(seed: number, timeLimitSeconds: number, log: (line: string) => void): Promise<BatchFigures> {
  const { volunteers, cases } = generatePool({ volunteers: 300, cases: 200, seed, radiusMiles: 25, maxTravelMiles: 25 });
  const ctx: PairingContext = { today: TODAY, policy: DEFAULT_VOLUNTEER_POLICY };

  const times: number[] = [];
  let result = allocateBatch(cases, volunteers, ctx);
  for (let run = 0; run < RUNS + 2; run++) {
    const t = performance.now();
    result = allocateBatch(cases, volunteers, ctx);
    if (run >= 2) times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);

  const t = performance.now();
  const keys = volunteers.map(volunteerKeys);
  const prepared = cases.map((c) => prepareCase(c, volunteers, ctx, { keys, explain: false }));
  const prepareSeconds = (performance.now() - t) / 1000;
  const ours = allocatePrepared(prepared, volunteers);
  log(`  seed ${seed}: allocateBatch ${ours.total.toFixed(1)} in ${times[RUNS >> 1]!.toFixed(1)} ms; HiGHS solving (up to ${timeLimitSeconds} s)…`);
  const exact = await solveExactly(prepared, volunteers, timeLimitSeconds, ours.total);
  log(`  seed ${seed}: HiGHS ${exact.status} ${exact.total.toFixed(1)} in ${exact.solveSeconds.toFixed(1)} s`);

  const medianMs = times[RUNS >> 1]!;
  const before = prepareSeconds + exact.buildSeconds;
  return {
    seed,
    cases: cases.length,
    volunteers: volunteers.length,
    eligibleMean: prepared.reduce((s, p) => s + p.candidates.length, 0) / prepared.length,
    capacity: volunteers.reduce((s, v) => s + Math.max(0, v.maxActiveCases - v.activeCases), 0),
    ours: { total: ours.total, bound: ours.bound, placed: result.proposals.length, medianMs, minMs: times[0]! },
    exact: { ...exact, prepareSeconds, placed: exact.picks.filter(Boolean).length },
    percent: (100 * ours.total) / exact.total,
    percentOfBound: (100 * ours.total) / Math.min(exact.bound, ours.bound),
    speedRatio: ((before + exact.solveSeconds) * 1000) / medianMs,
    matchRatio: exact.reachedTargetSeconds === null ? null : ((before + exact.reachedTargetSeconds) * 1000) / medianMs,
  };
}
