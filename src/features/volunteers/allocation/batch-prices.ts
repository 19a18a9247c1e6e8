// Capacity prices for batch allocation (a Lagrangian relaxation). Relax "each volunteer at most their remaining
// capacity" with a price per volunteer: each case then simply takes its best pair at priced values
// (individual(v) − price(v), the pair term unchanged — the score is decomposable, pair-score.ts), and
//   Σ_cases max(0, best priced pair) + Σ_volunteers price × capacity
// is an upper bound on the best total. Subgradient steps raise the prices of volunteers wanted beyond their capacity
// and lower the others', tightening the bound; every few steps a feasible allocation is built from the prices (cases in
// order of their priced value, each taking its best priced pair among volunteers with room) and the best one kept.
// Deterministic: fixed steps, ties broken by position.
import type { BatchState } from './batch-state.ts';
import { canPair } from '../pairing/pairing.ts';
import { pairTerm } from '../pairing/pair-score.ts';

const STEPS = 200;
const BUILD_EVERY = 5;
/** Halve the step after this many steps without a better bound. */
const PATIENCE = 6;
const EPSILON = 1e-9;

/** Reusable buffers per case: candidates' priced values, and their order (kept nearly sorted between steps). */
type Buffers = { value: Float64Array[]; order: Int32Array[] };

function sortByValue(order: Int32Array, value: Float64Array) {
  for (let x = 1; x < order.length; x++) {
    const i = order[x]!;
    let y = x - 1;
    while (y >= 0 && (value[order[y]!]! < value[i]! || (value[order[y]!]! === value[i]! && order[y]! > i))) {
      order[y + 1] = order[y]!;
      y--;
    }
    order[y + 1] = i;
  }
}

/** Case k's best pair at priced values — among volunteers with room when roomOnly — as candidate positions. */
function bestPriced(st: BatchState, b: Buffers, k: number, price: Float64Array, roomOnly: boolean): { i: number; j: number; value: number } | null {
  const p = st.prepared[k]!;
  const cs = p.candidates;
  const at = st.volunteerAt[k]!;
  const cost = st.costAt[k]!;
  const value = b.value[k]!;
  const order = b.order[k]!;
  for (let i = 0; i < cs.length; i++) value[i] = cs[i]!.individual - (cost[i] ? price[at[i]!]! : 0);
  sortByValue(order, value);
  const usable = (i: number) => !roomOnly || cost[i] === 0 || st.used[at[i]!]! < st.room[at[i]!]!;
  const bonus = p.setting.pairTermMax;
  let best: { i: number; j: number; value: number } | null = null;
  for (let x = 0; x < order.length - 1; x++) {
    const i = order[x]!;
    if (best && 2 * value[i]! + bonus <= best.value) break;
    if (!usable(i)) continue;
    for (let y = x + 1; y < order.length; y++) {
      const j = order[y]!;
      if (best && value[i]! + value[j]! + bonus <= best.value) break;
      if (!usable(j) || !canPair(cs[i]!, cs[j]!)) continue;
      const v = value[i]! + value[j]! + pairTerm(cs[i]!, cs[j]!, p.setting);
      if (!best || v > best.value) best = { i, j, value: v };
    }
  }
  return best;
}

function build(st: BatchState, b: Buffers, price: Float64Array, caseOrder: number[]) {
  st.clear();
  for (const k of caseOrder) {
    const top = bestPriced(st, b, k, price, true);
    const cs = st.prepared[k]!.candidates;
    if (top) st.set(k, st.score(k, cs[top.i]!, cs[top.j]!));
  }
}

/** Leaves in `st` the best allocation built from the prices; returns the upper bound proved on the way. */
export function allocateByPrices(st: BatchState, afterBuild: () => void = () => {}): number {
  const n = st.room.length;
  const buffers: Buffers = {
    value: st.prepared.map((p) => new Float64Array(p.candidates.length)),
    order: st.prepared.map((p) => Int32Array.from(p.candidates, (_, i) => i)),
  };
  const price = new Float64Array(n);
  const want = new Float64Array(n);
  const caseValue = new Float64Array(st.prepared.length);
  let best = st.picks.slice();
  let bestTotal = -1;
  let bound = Number.POSITIVE_INFINITY;
  let theta = 1;
  let stale = 0;
  for (let step = 0; step < STEPS; step++) {
    want.fill(0);
    let dual = 0;
    for (let v = 0; v < n; v++) dual += price[v]! * st.room[v]!;
    for (let k = 0; k < st.prepared.length; k++) {
      const top = bestPriced(st, buffers, k, price, false);
      caseValue[k] = top && top.value > 0 ? top.value : 0;
      if (!top || top.value <= 0) continue;
      dual += top.value;
      for (const i of [top.i, top.j]) want[st.volunteerAt[k]![i]!]! += st.costAt[k]![i]!;
    }
    if (dual < bound - EPSILON) [bound, stale] = [dual, 0];
    else if (++stale >= PATIENCE) [theta, stale] = [theta / 2, 0];
    let norm = 0;
    for (let v = 0; v < n; v++) {
      const g = want[v]! - st.room[v]!;
      want[v] = price[v] === 0 && g < 0 ? 0 : g;
      norm += want[v]! ** 2;
    }
    const last = norm === 0 || step === STEPS - 1 || bound - bestTotal <= EPSILON * bound;
    if (step % BUILD_EVERY === 0 || last) {
      const caseOrder = Array.from(caseValue, (_, k) => k).sort((x, y) => caseValue[y]! - caseValue[x]! || x - y);
      build(st, buffers, price, caseOrder);
      afterBuild();
      const total = st.total();
      if (total > bestTotal + EPSILON) [bestTotal, best] = [total, st.picks.slice()];
    }
    if (last) break;
    const size = (theta * Math.max(bound - bestTotal, 1e-6)) / norm;
    for (let v = 0; v < n; v++) price[v] = Math.max(0, price[v]! + size * want[v]!);
  }
  st.clear();
  best.forEach((pick, k) => {
    st.set(k, pick);
  });
  return bound;
}
