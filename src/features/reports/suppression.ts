// Pure: small-number suppression of a table of counts, so no published figure identifies a person.
//
// Primary: a count from 1 to threshold − 1 is hidden and shown as "fewer than {threshold}". A count of 0 is shown as 0:
// it says nobody, which identifies nobody, and showing zeros means a hidden cell is known to be at least 1, which the
// words "fewer than 5" say anyway.
// Secondary: where totals are shown, a row or column holding exactly one hidden figure would let anyone subtract it
// out of the total, so the next-smallest non-zero figure in that line is hidden too (or, if none, the line's total);
// this is repeated until no row or column of the table, totals included, holds exactly one hidden figure.

export const DEFAULT_THRESHOLD = 5;

export type Suppression = 'none' | 'primary' | 'secondary';

export type CountTable = {
  /** counts[row][column], whole numbers ≥ 0. */
  counts: number[][];
  /** Whether each row is shown with its total (a last column). */
  rowTotals: boolean;
  /** Whether each column is shown with its total (a last row); with rowTotals, also the grand total. */
  columnTotals: boolean;
};

export type Cell = { count: number; suppression: Suppression };

/**
 * The table with its totals, each figure marked. The result has the counts' rows, then the totals row if
 * columnTotals; each row has the counts' columns, then its total if rowTotals.
 */
export function suppressTable(table: CountTable, threshold = DEFAULT_THRESHOLD): Cell[][] {
  const rows = table.counts.length;
  const cols = rows === 0 ? 0 : table.counts[0]!.length;
  const grid: number[][] = table.counts.map((r) => (table.rowTotals ? [...r, sum(r)] : [...r]));
  if (table.columnTotals) {
    const width = cols + (table.rowTotals ? 1 : 0);
    grid.push(Array.from({ length: width }, (_, c) => sum(grid.slice(0, rows).map((r) => r[c]!))));
  }
  const marks: Suppression[][] = grid.map((r) => r.map((n) => (n > 0 && n < threshold ? 'primary' : 'none')));

  // Each line is a list of cells whose last one is the total of the others.
  const lines: [number, number][][] = [];
  if (table.rowTotals) for (let r = 0; r < grid.length; r++) lines.push(grid[r]!.map((_, c) => [r, c] as [number, number]));
  if (table.columnTotals) {
    const width = grid[0]?.length ?? 0;
    for (let c = 0; c < width; c++) lines.push(grid.map((_, r) => [r, c] as [number, number]));
  }

  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      const hidden = line.filter(([r, c]) => marks[r]![c] !== 'none');
      if (hidden.length !== 1) continue;
      const partner = nextSmallest(line, grid, marks);
      if (!partner) continue;
      marks[partner[0]]![partner[1]] = 'secondary';
      changed = true;
    }
  }
  return grid.map((r, i) => r.map((count, c) => ({ count, suppression: marks[i]![c]! })));
}

/** The smallest shown non-zero figure among the line's parts, else its total, else any shown figure. */
function nextSmallest(line: [number, number][], grid: number[][], marks: Suppression[][]): [number, number] | undefined {
  const shown = (cells: [number, number][]) => cells.filter(([r, c]) => marks[r]![c] === 'none');
  const parts = shown(line.slice(0, -1));
  const total = shown(line.slice(-1));
  const bySize = (cells: [number, number][]) => [...cells].sort((a, b) => grid[a[0]]![a[1]]! - grid[b[0]]![b[1]]!);
  return bySize(parts.filter(([r, c]) => grid[r]![c]! > 0))[0] ?? total[0] ?? bySize(parts)[0];
}

/** A single figure with no total beside it (a median, a percentage): hidden when it rests on fewer than threshold cases. */
export function suppressFigure(basedOn: number, threshold = DEFAULT_THRESHOLD): Suppression {
  return basedOn > 0 && basedOn < threshold ? 'primary' : 'none';
}

function sum(ns: number[]) {
  return ns.reduce((a, b) => a + b, 0);
}
