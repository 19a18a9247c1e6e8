import { describe, expect, it } from 'vitest';
import { type Cell, suppressFigure, suppressTable } from './suppression.ts';

// Shorthand for reading the results: the count, or P (fewer than the threshold) or S (hidden to protect a P).
const show = (rows: Cell[][]) => rows.map((r) => r.map((c) => (c.suppression === 'primary' ? 'P' : c.suppression === 'secondary' ? 'S' : c.count)));

describe('small-number suppression', () => {
  it('hides a count below 5 and, in a row with its total, the next-smallest count so the total cannot reveal it', () => {
    // 12 + 3 + 8 = 23: with 3 hidden alone, 23 − 12 − 8 would give it away, so 8 goes too.
    expect(show(suppressTable({ counts: [[12, 3, 8]], rowTotals: true, columnTotals: false }))).toEqual([[12, 'P', 'S', 23]]);
  });

  it('hides the four corners of a rectangle in a table with row and column totals', () => {
    //       A   B | T
    // r1   20   3 | 23     3 is primary; 20 (its row), 12 (its column) and then 15 (the row and column of 12 and 20)
    // r2   15  12 | 27     are secondary, so every row and column holds two hidden figures and no total is short
    // T    35  15 | 50     by a single unknown.
    const out = suppressTable({
      counts: [
        [20, 3],
        [15, 12],
      ],
      rowTotals: true,
      columnTotals: true,
    });
    expect(show(out)).toEqual([
      ['S', 'P', 23],
      ['S', 'S', 27],
      [35, 15, 50],
    ]);
    // The counts are kept for the caller; only the marks decide what is shown.
    expect(out[0]![1]).toEqual({ count: 3, suppression: 'primary' });
  });

  it('hides a total when the only other figure in its column is 0, and carries on until every line is safe', () => {
    //       A   B   C | T
    // r1   10   2   7 | 19     2 primary → 7 (row r1) and 9 (column B); column C has only a 0 left, so its total
    // r2    6   9   0 | 15     7 goes; then 6 (row r2), 11 (totals row) and 10 (column A) follow.
    // T    16  11   7 | 34
    const out = suppressTable({
      counts: [
        [10, 2, 7],
        [6, 9, 0],
      ],
      rowTotals: true,
      columnTotals: true,
    });
    expect(show(out)).toEqual([
      ['S', 'P', 'S', 19],
      ['S', 'S', 0, 15],
      [16, 'S', 'S', 34],
    ]);
  });

  it('shows 0 as 0, uses the service’s threshold, and without totals hides only the small counts', () => {
    expect(show(suppressTable({ counts: [[12, 9, 0]], rowTotals: true, columnTotals: false }, 10))).toEqual([['S', 'P', 0, 21]]);
    expect(show(suppressTable({ counts: [[3, 8, 0]], rowTotals: false, columnTotals: false }))).toEqual([['P', 8, 0]]);
  });

  it('hides a small total with its parts, and needs nothing more when the line already holds two hidden figures', () => {
    expect(show(suppressTable({ counts: [[2, 1, 0]], rowTotals: true, columnTotals: false }))).toEqual([['P', 'P', 0, 'P']]);
    expect(show(suppressTable({ counts: [[4], [30]], rowTotals: false, columnTotals: true }))).toEqual([['P'], ['S'], [34]]);
  });

  it('hides a single figure (a median) resting on fewer than 5 cases', () => {
    expect([suppressFigure(0), suppressFigure(1), suppressFigure(4), suppressFigure(5)]).toEqual(['none', 'primary', 'primary', 'none']);
  });
});
