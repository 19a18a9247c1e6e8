// Pure: pairs for a backlog of cases at once, to maximise the total fit under the same rules as a single case
// (pairing.ts) and every volunteer's remaining capacity (maxActiveCases − activeCases, counting this batch; a
// volunteer already on a case uses no new capacity there). Each case gets at most one pair.
//
// The objective is the sum of the pairs' scores (pair-score.ts: individual(v) + individual(w) + pairTerm(v, w)), the
// same objective the exact MILP in bench/volunteers maximises. The method:
//   1. capacity prices (batch-prices.ts): because the score is decomposable, a price on each volunteer's capacity (a
//      Lagrange multiplier) just lowers their individual part, and each case's best priced pair is found by the same
//      pruned search as suggestPairs; subgradient steps adjust the prices, and every few steps a feasible allocation
//      is built from them (cases in order of priced value, each taking its best priced pair among volunteers with
//      room) and the best kept. The prices also prove an upper bound on the best total;
//   2. local improvement on it: re-pick a case's best pair with the capacity left, swap one mediator between two
//      cases, and free a busy mediator for an unplaced case by replacing them elsewhere or moving them from a weaker
//      case — until no move improves, or after MAX_PASSES passes.
// No clock and no randomness: the same backlog always gives the same proposals.
import type { PairingCase, PairingContext, PairingVolunteer } from '../pairing/pairing.types.ts';
import { bestPairs, canPair, describePair, type PreparedCase, prepareCase, type RankedPair, roundScore } from '../pairing/pairing.ts';
import { allocateByPrices } from './batch-prices.ts';
import { BatchState, type Pick } from './batch-state.ts';
import { volunteerKeys, wordsOf } from '../pairing/eligibility.ts';
import { AREA_LABELS } from '../volunteer-words.ts';

export type BatchProposal = { caseId: string; mediatorIds: [string, string]; score: number; reasons: string[]; supervised: boolean };
export type BatchAllocation = { proposals: BatchProposal[]; unassigned: { caseId: string; reasons: string[] }[]; totalScore: number };

const MAX_PASSES = 12;
/** Pairs of an unplaced case tried when freeing a busy mediator. */
const EJECTION_PAIRS = 12;
const EPSILON = 1e-9;

/** Re-pick case k's best pair with the capacity left (covers replacing either mediator, and placing an unplaced case). */
function repick(st: BatchState, k: number): boolean {
  const old = st.picks[k] ?? null;
  st.set(k, null);
  const [best] = st.best(k, 1);
  if (best && (!old || best.score > old.score + EPSILON)) {
    st.set(k, best);
    return true;
  }
  st.set(k, old);
  return false;
}

/** Swap one mediator between two placed cases, when both still fit and the total rises. */
function swap(st: BatchState, k: number, m: number): boolean {
  const pk = st.picks[k];
  const pm = st.picks[m];
  if (!pk || !pm) return false;
  const before = pk.score + pm.score;
  for (const [x, keepK] of [
    [pk.a, pk.b],
    [pk.b, pk.a],
  ] as const) {
    for (const [y, keepM] of [
      [pm.a, pm.b],
      [pm.b, pm.a],
    ] as const) {
      if (x.v.id === y.v.id || y.v.id === keepK.v.id || x.v.id === keepM.v.id) continue;
      const yInK = st.candidate(k, y.v.id);
      const xInM = st.candidate(m, x.v.id);
      if (!yInK || !xInM || !canPair(keepK, yInK) || !canPair(keepM, xInM)) continue;
      const newK = st.score(k, keepK, yInK);
      const newM = st.score(m, keepM, xInM);
      if (newK.score + newM.score <= before + EPSILON) continue;
      st.set(k, null);
      st.set(m, null);
      if (st.hasRoom(k, yInK)) {
        st.set(k, newK);
        if (st.hasRoom(m, xInM)) {
          st.set(m, newM);
          return true;
        }
        st.set(k, null);
      }
      st.set(k, pk);
      st.set(m, pm);
    }
  }
  return false;
}

/** For an unplaced case k: free a busy mediator by replacing them in another case, or by moving them from a weaker one. */
function eject(st: BatchState, k: number): boolean {
  const p = st.prepared[k]!;
  for (const pair of bestPairs(p.candidates, p.setting, EJECTION_PAIRS)) {
    const busy = [pair.a, pair.b].filter((x) => !st.hasRoom(k, x));
    if (busy.length !== 1) continue;
    const u = busy[0]!;
    for (const m of [...st.casesUsing(u)].sort((x, y) => x - y)) {
      const pm = st.picks[m]!;
      const partner = pm.a.v.id === u.v.id ? pm.b : pm.a;
      st.set(m, null);
      if (!st.hasRoom(k, u)) {
        st.set(m, pm);
        continue;
      }
      let replaced: RankedPair | null = null;
      for (const w of st.prepared[m]!.candidates) {
        if (w.v.id === partner.v.id || w.v.id === u.v.id || w.v.id === pair.a.v.id || w.v.id === pair.b.v.id) continue;
        if (!canPair(partner, w) || !st.hasRoom(m, w)) continue;
        const option = st.score(m, partner, w);
        if (!replaced || option.score > replaced.score) replaced = option;
      }
      if (pair.score + (replaced ? replaced.score : 0) - pm.score > EPSILON) {
        st.set(k, pair);
        if (replaced && st.hasRoom(m, replaced.a) && st.hasRoom(m, replaced.b)) st.set(m, replaced);
        return true;
      }
      st.set(m, pm);
    }
  }
  return false;
}

function improve(st: BatchState, passes = MAX_PASSES) {
  const n = st.picks.length;
  for (let pass = 0; pass < passes; pass++) {
    let improved = false;
    for (let k = 0; k < n; k++) if (repick(st, k)) improved = true;
    for (let k = 0; k < n; k++) {
      const pick = st.picks[k];
      if (!pick) continue;
      // A swap needs one of k's mediators to be eligible for the other case.
      const others = [...new Set([...st.casesEligible(pick.a), ...st.casesEligible(pick.b)])].filter((m) => m > k).sort((x, y) => x - y);
      for (const m of others) if (swap(st, k, m)) improved = true;
    }
    for (let k = 0; k < n; k++) if (!st.picks[k] && eject(st, k)) improved = true;
    if (!improved) return;
  }
}

/**
 * The picks for each case (in the order given), their exact total, and an upper bound on the best total possible
 * (from the prices), for callers that compare with an optimum.
 */
export function allocatePrepared(prepared: PreparedCase[], volunteers: readonly PairingVolunteer[]): { picks: Pick[]; total: number; bound: number } {
  const st = new BatchState(prepared, volunteers);
  const bound = allocateByPrices(st);
  improve(st);
  return { picks: st.picks, total: st.total(), bound };
}

function whyUnplaced(p: PreparedCase, ctx: PairingContext): string[] {
  const { t } = wordsOf(ctx);
  const leads = p.candidates.filter((x) => x.elig.leadQualified).length;
  if (leads === 0) return [t('no mediator accredited for {area} can take this case: every pair needs one to lead', { area: t(AREA_LABELS[p.c.area]) })];
  if (p.candidates.length < 2) return [t('only one mediator can take this case: a case needs two')];
  return [t('the mediators who could take this case are needed for cases in this batch where they fit better, or have no room left')];
}

/** Proposes a pair for as many cases as the rules and capacities allow, maximising the total fit. */
export function allocateBatch(cases: readonly PairingCase[], volunteers: readonly PairingVolunteer[], ctx: PairingContext): BatchAllocation {
  const keys = volunteers.map(volunteerKeys);
  const prepared = cases.map((c) => prepareCase(c, volunteers, ctx, { keys, explain: false }));
  const { picks, total } = allocatePrepared(prepared, volunteers);
  const proposals: BatchProposal[] = [];
  const unassigned: BatchAllocation['unassigned'] = [];
  picks.forEach((pick, k) => {
    const p = prepared[k]!;
    if (!pick) {
      unassigned.push({ caseId: p.c.id, reasons: whyUnplaced(p, ctx) });
      return;
    }
    const s = describePair(pick, p, ctx);
    proposals.push({ caseId: p.c.id, mediatorIds: s.mediatorIds, score: s.score, reasons: s.reasons, supervised: s.supervised ?? false });
  });
  return { proposals, unassigned, totalScore: roundScore(total) };
}
