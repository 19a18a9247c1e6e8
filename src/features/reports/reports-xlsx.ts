// A report as an XLSX workbook (exceljs), written row by row with its streaming writer so memory stays flat however
// long the report: one sheet, the same layout as the CSV (title, period, the cases covered, the suppression note, then each metric with
// its definition and table). Shown figures are numbers; a hidden one is the words "fewer than 5" or "withheld", never
// its count. exceljs is imported on the first export, not when Parley starts.
import type { Writable } from 'node:stream';
import type { Translate } from '#src/i18n/i18n.ts';
import type { Metric } from './metrics.ts';
import { cellText, SECONDARY_HINT, SECONDARY_WORD, say, sayLabel, unitHeading } from './reports.present.ts';

type Row = (string | number)[];
export type XlsxRow = { row: Row; bold?: boolean };

/** Rows between two turns of the event loop: often enough that compression keeps pace with the writer (measured). */
const ROWS_PER_TURN = 20;

/** The workbook's rows (title, period, the cases covered, then the metrics): words for labels and hidden figures, numbers for the figures shown. */
export function* xlsxRows(
  t: Translate,
  title: string,
  period: string,
  cases: string,
  metrics: Metric[],
  threshold: number,
): Generator<{ row: Row; bold?: boolean }> {
  yield { row: [say(t, title)], bold: true };
  yield { row: [period] };
  yield { row: [cases] };
  yield { row: [t('Figures from 1 to {max} are shown as “fewer than {n}”.', { max: threshold - 1, n: threshold })] };
  yield { row: [say(t, SECONDARY_HINT)] };
  for (const m of metrics) {
    yield { row: [] };
    yield { row: [say(t, m.title)], bold: true };
    if (m.kind === 'table') {
      yield { row: [say(t, m.definition)] };
      yield { row: [say(t, m.rowHeading), ...m.columns.map((c) => sayLabel(t, c)), ...(m.rowTotals ? [t('Total')] : [])], bold: true };
      const labels = [...m.rows.map((r) => sayLabel(t, r)), ...(m.columnTotals ? [t('Total')] : [])];
      for (const [i, cells] of m.cells.entries())
        yield {
          row: [labels[i]!, ...cells.map((c) => (c.suppression === 'none' ? c.count : cellText(t, { value: c.count, suppression: c.suppression }, threshold)))],
        };
    } else if (m.kind === 'spread') {
      yield { row: [say(t, m.definition)] };
      yield { row: [say(t, m.rowHeading), say(t, m.countHeading), t('Median days'), t('90th percentile days')], bold: true };
      for (const r of m.rows)
        yield {
          row:
            r.suppression === 'none'
              ? [say(t, r.label), r.count, r.median ?? '–', r.p90 ?? '–']
              : [say(t, r.label), cellText(t, { value: r.count, suppression: r.suppression }, threshold), say(t, SECONDARY_WORD), say(t, SECONDARY_WORD)],
        };
    } else {
      yield { row: [t('Measure'), unitHeading(t, m.unit), t('Definition')], bold: true };
      for (const f of m.figures)
        yield { row: [say(t, f.label), f.suppression === 'none' && f.value !== null ? f.value : cellText(t, f, threshold), say(t, f.definition)] };
    }
  }
}

/**
 * Writes the rows to `out` as a workbook; resolves when the workbook is committed. The rows may come as they are read
 * (an async iterable, a page of a query at a time). `onRow` reports progress every thousand rows.
 */
export async function writeXlsx(
  out: Writable,
  sheetName: string,
  rows: Iterable<XlsxRow> | AsyncIterable<XlsxRow>,
  onRow?: (n: number) => Promise<void> | void,
) {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = book.addWorksheet(sheetName.slice(0, 31));
  sheet.getColumn(1).width = 45;
  let n = 0;
  for await (const { row, bold } of rows) {
    const r = sheet.addRow(row);
    if (bold) r.font = { bold: true };
    r.commit();
    n += 1;
    // exceljs hands each committed row's XML to the zip without waiting for it to be compressed: a loop that rarely
    // yields leaves it queued uncompressed, and memory grows with the rows (131 MB at 300k rows yielding every 500).
    // A turn every few rows lets the compression keep pace.
    if (n % ROWS_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
    if (onRow && n % 1000 === 0) await onRow(n);
  }
  sheet.commit();
  await book.commit();
}
