// Pair suggestions for one case among 1,000 volunteers: suggestPairs timed case by case, with two baselines timed in
// the same run on the same cases — eligibility alone (the least any exact method must do) and a naive scorer that
// scores every allowed pair and sorts them — and a check that suggestPairs ranks exactly as the naive scorer.
import { percentile } from '../load.ts';
import { caseFacts, eligibilityFor } from '#src/features/volunteers/pairing/eligibility.ts';
import { pairScore } from '#src/features/volunteers/pairing/pair-score.ts';
import { canPair, describePair, prepareCase, type RankedPair, ranksBefore, suggestPairs } from '#src/features/volunteers/pairing/pairing.ts';
import type { PairingCase, PairingContext, PairingVolunteer, PairSuggestion } from '#src/features/volunteers/pairing/pairing.types.ts';
import { DEFAULT_VOLUNTEER_POLICY } from '#src/features/settings/volunteer-policy.ts';
import { generatePool, TODAY } from './generate.ts';

export const SUGGESTION_TARGET_MS = 20;
const LIMIT = 10;

export type Timing = { p50: number; p95: number; p99: number; max: number };
export type SuggestionFigures = {
  volunteers: number;
  cases: number;
  suggest: Timing;
  eligibilityOnly: Timing;
  naive: Timing;
  /** Eligible volunteers per case, and allowed pairs per case (what the naive scorer scores). */
  eligible: { mean: number; min: number; max: number };
  pairs: { mean: number; max: number };
  excludedMean: number;
  identical: number;
  topReasons: [string, number][];
};

function timing(ms: number[]): Timing {
  const sorted = [...ms].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted.at(-1) ?? 0 };
}

/** Scores every allowed pair, sorts them all, and describes the best `limit`. */
function naiveSuggestions(
  c: PairingCase,
  volunteers: readonly PairingVolunteer[],
  ctx: PairingContext,
  limit: number,
): { suggestions: PairSuggestion[]; pairs: number } {
  const prepared = prepareCase(c, volunteers, ctx);
  const all: RankedPair[] = [];
  const cs = prepared.candidates;
  for (let i = 0; i < cs.length; i++) {
    for (let j = i + 1; j < cs.length; j++) if (canPair(cs[i]!, cs[j]!)) all.push({ a: cs[i]!, b: cs[j]!, score: pairScore(cs[i]!, cs[j]!, prepared.setting) });
  }
  all.sort((x, y) => (ranksBefore(x, y) ? -1 : ranksBefore(y, x) ? 1 : 0));
  return { suggestions: all.slice(0, limit).map((p) => describePair(p, prepared, ctx)), pairs: all.length };
}

/** A reason with its particulars (names, numbers, dates) taken out, to count the kinds of reason. */
const kindOf = (reason: string) =>
  reason
    .replace(/\d+(\.\d+)?/g, 'N')
    .replace(/ (to|as|of) [A-Z][a-z]+ [A-Z][a-z]+\b(?! [A-Z(])( and [A-Z][a-z]+ [A-Z][a-z]+)*/g, ' $1 …')
    .replace(/\([A-Z]+N NN?[A-Z]+\)/, '(…)')
    .replace(/(since|until) N [A-Z][a-z]+( N)?/, '$1 …');

export function measureSuggestions(volunteerCount = 1000, caseCount = 600, seed = 42): SuggestionFigures {
  const { volunteers, cases } = generatePool({ volunteers: volunteerCount, cases: caseCount, seed, radiusMiles: 12 });
  const ctx: PairingContext = { today: TODAY, policy: DEFAULT_VOLUNTEER_POLICY };
  for (const c of cases.slice(0, 50)) {
    suggestPairs(c, volunteers, ctx);
    naiveSuggestions(c, volunteers, ctx, LIMIT);
  }
  const suggestMs: number[] = [];
  const eligibilityMs: number[] = [];
  const naiveMs: number[] = [];
  const eligible: number[] = [];
  const pairs: number[] = [];
  const reasons = new Map<string, number>();
  let excluded = 0;
  let identical = 0;
  for (const c of cases) {
    let t = performance.now();
    const facts = caseFacts(c);
    const eligibility = volunteers.map((v) => eligibilityFor(v, facts, ctx));
    eligibilityMs.push(performance.now() - t);

    t = performance.now();
    const got = suggestPairs(c, volunteers, ctx, { limit: LIMIT });
    suggestMs.push(performance.now() - t);

    t = performance.now();
    const naive = naiveSuggestions(c, volunteers, ctx, LIMIT);
    naiveMs.push(performance.now() - t);

    if (JSON.stringify(naive.suggestions) === JSON.stringify(got.suggestions)) identical++;
    eligible.push(eligibility.filter((e) => e.eligible).length);
    pairs.push(naive.pairs);
    excluded += got.excluded.length;
    for (const e of got.excluded) for (const r of e.reasons) reasons.set(kindOf(r), (reasons.get(kindOf(r)) ?? 0) + 1);
  }
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  return {
    volunteers: volunteers.length,
    cases: cases.length,
    suggest: timing(suggestMs),
    eligibilityOnly: timing(eligibilityMs),
    naive: timing(naiveMs),
    eligible: { mean: mean(eligible), min: Math.min(...eligible), max: Math.max(...eligible) },
    pairs: { mean: mean(pairs), max: Math.max(...pairs) },
    excludedMean: excluded / cases.length,
    identical,
    topReasons: [...reasons].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)),
  };
}
