// Pure: turns what the queries counted into the tables and figures a report shows, suppressed (suppression.ts).
import { type Cell, suppressFigure, suppressTable, type Suppression } from './suppression.ts';

/** A row or column: its key and its label, a msg() value worded where shown, or (asIs) a name the service chose, shown as it is. */
export type Labelled = { key: string; label: string; asIs?: boolean };

export type TableMetric = {
  kind: 'table';
  id: string;
  title: string;
  definition: string;
  rowHeading: string;
  rows: Labelled[];
  columns: Labelled[];
  /** Rows of cells; with columnTotals the last row is the totals, with rowTotals the last cell of each row is. */
  cells: Cell[][];
  rowTotals: boolean;
  columnTotals: boolean;
};

export type Figure = { id: string; label: string; definition: string; value: number | null; basedOn: number; suppression: Suppression };
/** Figures standing alone: medians in days, counts, or numbers of another kind (hours) each labelled with its unit. */
export type FiguresMetric = { kind: 'figures'; id: string; title: string; unit: 'count' | 'days' | 'number'; figures: Figure[] };
/** Per row, how many times something happened and the median and 90th percentile of its days; hidden below the threshold. */
export type SpreadRow = { key: string; label: string; count: number; median: number | null; p90: number | null; suppression: Suppression };
export type SpreadMetric = { kind: 'spread'; id: string; title: string; definition: string; rowHeading: string; countHeading: string; rows: SpreadRow[] };
export type Metric = TableMetric | FiguresMetric | SpreadMetric;

/**
 * A table from counted (row key, column key, n) triples: the rows and columns in the order given, then any other key
 * the data holds (a value added since, shown as it is stored). Empty rows are kept, so a reader sees every category.
 */
export function pivot(counted: { a: string; b: string; n: number }[], spec: Omit<TableMetric, 'kind' | 'cells'>, threshold: number): TableMetric {
  const withExtra = (known: Labelled[], seen: string[]) => [
    ...known,
    ...[...new Set(seen)].filter((k) => !known.some((x) => x.key === k)).map((k) => ({ key: k, label: k, asIs: true })),
  ];
  const rows = withExtra(
    spec.rows,
    counted.map((c) => c.a),
  );
  const columns = withExtra(
    spec.columns,
    counted.map((c) => c.b),
  );
  const counts = rows.map((r) => columns.map((c) => counted.filter((x) => x.a === r.key && x.b === c.key).reduce((s, x) => s + Number(x.n), 0)));
  const cells = suppressTable({ counts, rowTotals: spec.rowTotals, columnTotals: spec.columnTotals }, threshold);
  return { kind: 'table', ...spec, rows, columns, cells };
}

/** A count standing alone (no total beside it): hidden from 1 to threshold − 1. */
export function countFigure(id: string, label: string, definition: string, n: number, threshold: number): Figure {
  return { id, label, definition, value: n, basedOn: n, suppression: suppressFigure(n, threshold) };
}

/**
 * Rows of days (a median and a 90th percentile) in the order given, then any other key the data holds; a row resting
 * on fewer times than the threshold is hidden whole, its count too (a row of none shows 0 and no days).
 */
export function spread(
  measured: { key: string; count: number; median: number | null; p90: number | null }[],
  spec: Omit<SpreadMetric, 'kind' | 'rows'> & { rows: Labelled[] },
  threshold: number,
): SpreadMetric {
  const keys = [...spec.rows, ...measured.filter((m) => !spec.rows.some((r) => r.key === m.key)).map((m) => ({ key: m.key, label: m.key }))];
  const rows = keys.map(({ key, label }) => {
    const m = measured.find((x) => x.key === key);
    const count = m?.count ?? 0;
    return { key, label, count, median: m?.median ?? null, p90: m?.p90 ?? null, suppression: suppressFigure(count, threshold) };
  });
  return { kind: 'spread', ...spec, rows };
}

/** A median: hidden when it rests on fewer cases than the threshold. */
export function medianFigure(id: string, label: string, definition: string, m: { median: number | null; cases: number }, threshold: number): Figure {
  return { id, label, definition, value: m.median, basedOn: m.cases, suppression: suppressFigure(m.cases, threshold) };
}
