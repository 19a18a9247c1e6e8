// The exact optimum of a batch allocation, from HiGHS (npm `highs`, WebAssembly; benchmark and tests only, never src/).
// MILP: one binary variable per (case, eligible pair), each case at most one pair, each volunteer at most their
// remaining capacity (a volunteer already on a case uses none there), maximise the total score. Pairs and scores come
// from prepareCase/canPair/pairScore in src/features/volunteers, so HiGHS and allocateBatch optimise the same objective.
import highsPackage, { type Highs } from 'highs';
import type { PairingVolunteer } from '#src/features/volunteers/pairing/pairing.types.ts';
import { canPair, type PreparedCase } from '#src/features/volunteers/pairing/pairing.ts';
import { pairScore } from '#src/features/volunteers/pairing/pair-score.ts';

export type ExactResult = {
  /** Best total found (the optimum when status is optimal). */
  total: number;
  /** HiGHS's proven upper bound on the total. */
  bound: number;
  status: string;
  variables: number;
  rows: number;
  /** Seconds to enumerate the pairs and build the model, and seconds HiGHS ran. */
  buildSeconds: number;
  solveSeconds: number;
  /** For each case, the ids of the chosen pair, or null. */
  picks: ([string, string] | null)[];
  /** Seconds into the solve when HiGHS first held a solution at least as good as `target`, if it did. */
  reachedTargetSeconds: number | null;
};

// The package's types describe a CommonJS module, but Node loads its ES module, whose default export is the loader.
const highsLoader = highsPackage as unknown as typeof highsPackage.default;
let loaded: Promise<Highs> | undefined;
const loadHighs = () => (loaded ??= highsLoader());

const STATUS_NAMES: Record<number, string> = { 7: 'optimal', 13: 'time limit', 11: 'objective bound', 12: 'objective target' };

export async function solveExactly(
  prepared: PreparedCase[],
  volunteers: readonly PairingVolunteer[],
  timeLimitSeconds = 600,
  target = Number.POSITIVE_INFINITY,
): Promise<ExactResult> {
  const highs = await loadHighs();
  const started = performance.now();
  const index = new Map(volunteers.map((v, i) => [v.id, i]));
  const caseRows = prepared.length;
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const cost: number[] = [];
  const columns: { k: number; ids: [string, string] }[] = [];
  prepared.forEach((p, k) => {
    const current = new Set(p.c.currentVolunteerIds);
    const cs = p.candidates;
    for (let i = 0; i < cs.length; i++) {
      for (let j = i + 1; j < cs.length; j++) {
        const [a, b] = [cs[i]!, cs[j]!];
        if (!canPair(a, b)) continue;
        const rows = [k];
        for (const x of [a, b]) if (!current.has(x.v.id)) rows.push(caseRows + index.get(x.v.id)!);
        rows.sort((x, y) => x - y);
        for (const r of rows) {
          indices.push(r);
          values.push(1);
        }
        starts.push(indices.length);
        cost.push(pairScore(a, b, p.setting));
        columns.push({ k, ids: [a.v.id, b.v.id] });
      }
    }
  });
  const numCols = cost.length;
  const numRows = caseRows + volunteers.length;
  const rowUpper = [...prepared.map(() => 1), ...volunteers.map((v) => Math.max(0, v.maxActiveCases - v.activeCases))];
  const buildSeconds = (performance.now() - started) / 1000;
  return highs.withModel(
    {
      numCols,
      numRows,
      sense: highs.constants.objectiveSense.maximize,
      colCost: cost,
      colLower: new Float64Array(numCols),
      colUpper: new Float64Array(numCols).fill(1),
      rowLower: new Float64Array(numRows).fill(-highs.infinity),
      rowUpper,
      matrix: { format: 'csc', numRows, numCols, starts, indices, values },
      integrality: new Int32Array(numCols).fill(highs.constants.variableType.integer),
    },
    (model) => {
      model.options.set({ output_flag: false, time_limit: timeLimitSeconds, mip_rel_gap: 0, mip_abs_gap: 1e-6 });
      const t = performance.now();
      let reachedTargetSeconds: number | null = null;
      model.run({
        [highs.constants.callbackType.mipImprovingSolution](event) {
          const value = event.data.objective_function_value ?? event.data.mip_primal_bound ?? Number.NEGATIVE_INFINITY;
          if (reachedTargetSeconds === null && value >= target - 1e-6) reachedTargetSeconds = (performance.now() - t) / 1000;
        },
      });
      const solveSeconds = (performance.now() - t) / 1000;
      const status = model.getModelStatus();
      const x = model.getSolution().colValue;
      const picks: ([string, string] | null)[] = prepared.map(() => null);
      let total = 0;
      columns.forEach((col, j) => {
        if ((x[j] ?? 0) > 0.5) {
          picks[col.k] = col.ids;
          total += cost[j]!;
        }
      });
      const bound = Number(model.info.get('mip_dual_bound'));
      return {
        total,
        bound,
        status: STATUS_NAMES[status] ?? `status ${status}`,
        variables: numCols,
        rows: numRows,
        buildSeconds,
        solveSeconds,
        picks,
        reachedTargetSeconds,
      };
    },
  );
}
