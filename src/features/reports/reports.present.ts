// Reports as people and programs read them: table rows with their words (page), CSV lines, and the API's JSON, each
// with every suppressed figure hidden the same way (the count itself never leaves this file when suppressed).
import { caseTypeNamer } from '#src/domain/case-words.ts';
import { msg, type Translate } from '#src/i18n/i18n.ts';
import { coverageOf, type ReportId } from './report-list.ts';
import type { Figure, Labelled, Metric, SpreadMetric, TableMetric } from './metrics.ts';
import type { Cell } from './suppression.ts';

export const SECONDARY_WORD = msg('withheld');
export const SECONDARY_HINT = msg('“withheld” hides a figure so that a total cannot reveal a small number beside it.');

/** What a figure shows: the count, or "fewer than 5", or "withheld". */
export function cellText(t: Translate, c: { value: number | null; suppression: Cell['suppression'] }, threshold: number): string {
  if (c.suppression === 'primary') return t('fewer than {n}', { n: threshold });
  if (c.suppression === 'secondary') return say(t, SECONDARY_WORD);
  return c.value === null ? '–' : String(c.value);
}

/** A label, title or definition of a report: a msg() value from report-list.ts or report-builders.ts. */
export function say(t: Translate, label: string): string {
  // i18n-dynamic: every report label is a msg() value (an unknown stored key is shown as it is)
  return t(label);
}

/** A row's or column's label: worded in the reader's language, or a service's own name as it is. */
export function sayLabel(t: Translate, l: Labelled): string {
  return l.asIs ? l.label : say(t, l.label);
}

/**
 * The cases a report covers, as its heading says: the case type chosen, or every type (of the report's kind, for a
 * return that counts one kind: "All community mediation case types").
 */
export function casesCovered(
  t: Translate,
  r: { id: ReportId; caseType?: string; choices: readonly { code: string; name: string | null; kind: string }[] },
): string {
  if (r.caseType) return t('Case type: {type}', { type: caseTypeNamer(t, r.choices)(r.caseType) });
  return say(t, coverageOf(r.id).allTypes);
}

/** The cases a download covers: as the heading says, and the place it is narrowed to when it is ("…, in CT"). */
export function coverageLine(t: Translate, r: Parameters<typeof casesCovered>[1] & { area?: string | null; localAuthority?: string | null }): string {
  const place = [r.area, r.localAuthority].filter(Boolean).join(', ');
  return place ? t('{cases}, in {place}', { cases: casesCovered(t, r), place }) : casesCovered(t, r);
}

const cellOf = (c: Cell) => ({ value: c.count, suppression: c.suppression });
const figureOf = (f: Figure) => ({ value: f.value, suppression: f.suppression });

/** The header and body rows of a table (the totals row last), as words. */
export function tableRows(t: Translate, m: TableMetric, threshold: number): { head: string[]; rows: string[][] } {
  const head = [say(t, m.rowHeading), ...m.columns.map((c) => sayLabel(t, c)), ...(m.rowTotals ? [t('Total')] : [])];
  const labels = [...m.rows.map((r) => sayLabel(t, r)), ...(m.columnTotals ? [t('Total')] : [])];
  return { head, rows: m.cells.map((row, i) => [labels[i]!, ...row.map((c) => cellText(t, cellOf(c), threshold))]) };
}

/** The unit a figures metric's values are in, as its column heading. */
export function unitHeading(t: Translate, unit: 'count' | 'days' | 'number'): string {
  return unit === 'days' ? t('Median days') : unit === 'number' ? t('Figure') : t('Count');
}

/** A spread's header and rows as words: the stage, how many times, the median and the 90th percentile in days. */
export function spreadRows(t: Translate, m: SpreadMetric, threshold: number): { head: string[]; rows: string[][] } {
  const head = [say(t, m.rowHeading), say(t, m.countHeading), t('Median days'), t('90th percentile days')];
  const days = (v: number | null) => (v === null ? '–' : String(v));
  const rows = m.rows.map((r) => {
    if (r.suppression !== 'none') {
      const hidden = cellText(t, { value: r.count, suppression: r.suppression }, threshold);
      return [say(t, r.label), hidden, say(t, SECONDARY_WORD), say(t, SECONDARY_WORD)];
    }
    return [say(t, r.label), String(r.count), days(r.median), days(r.p90)];
  });
  return { head, rows };
}

export function figureRows(t: Translate, figures: Figure[], threshold: number) {
  return figures.map((f) => ({ label: say(t, f.label), definition: say(t, f.definition), text: cellText(t, figureOf(f), threshold), basedOn: f.basedOn }));
}

/**
 * The report as CSV (RFC 4180): its title, period and the cases it covers, then for each metric its title, definition,
 * then its table; suppressed figures in words.
 */
export function reportCsv(t: Translate, title: string, period: string, cases: string, metrics: Metric[], threshold: number): string {
  const lines: string[][] = [
    [say(t, title)],
    [period],
    [cases],
    [t('Figures from 1 to {max} are shown as “fewer than {n}”.', { max: threshold - 1, n: threshold })],
    [say(t, SECONDARY_HINT)],
  ];
  for (const m of metrics) {
    lines.push([]);
    if (m.kind === 'table' || m.kind === 'spread') {
      const { head, rows } = m.kind === 'table' ? tableRows(t, m, threshold) : spreadRows(t, m, threshold);
      lines.push([say(t, m.title)], [say(t, m.definition)], head, ...rows);
    } else {
      lines.push([say(t, m.title)], [t('Measure'), unitHeading(t, m.unit), t('Definition')]);
      for (const f of figureRows(t, m.figures, threshold)) lines.push([f.label, f.text, f.definition]);
    }
  }
  return `${lines.map((l) => l.map(csvField).join(',')).join('\r\n')}\r\n`;
}

function csvField(v: string): string {
  // A leading =, +, - or @ would be read as a formula by a spreadsheet.
  const safe = /^[=+\-@]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The API's form of a metric: suppressed values are null, marked "fewer_than_threshold" or "secondary". */
export function metricJson(t: Translate, m: Metric) {
  const mark = (s: Cell['suppression']) => (s === 'primary' ? ('fewer_than_threshold' as const) : s === 'secondary' ? ('secondary' as const) : null);
  if (m.kind === 'figures')
    return {
      id: m.id,
      kind: 'figures' as const,
      title: say(t, m.title),
      unit: m.unit,
      figures: m.figures.map((f) => ({
        id: f.id,
        label: say(t, f.label),
        definition: say(t, f.definition),
        value: f.suppression === 'none' ? f.value : null,
        basedOn: f.suppression === 'none' ? f.basedOn : null,
        suppressed: mark(f.suppression),
      })),
    };
  if (m.kind === 'spread')
    return {
      id: m.id,
      kind: 'spread' as const,
      title: say(t, m.title),
      definition: say(t, m.definition),
      rows: m.rows.map((r) => {
        const shown = r.suppression === 'none';
        return {
          key: r.key,
          label: say(t, r.label),
          count: shown ? r.count : null,
          medianDays: shown ? r.median : null,
          p90Days: shown ? r.p90 : null,
          suppressed: mark(r.suppression),
        };
      }),
    };
  return {
    id: m.id,
    kind: 'table' as const,
    title: say(t, m.title),
    definition: say(t, m.definition),
    rows: [...m.rows.map((r) => ({ key: r.key, label: sayLabel(t, r) })), ...(m.columnTotals ? [{ key: 'total', label: t('Total') }] : [])],
    columns: [...m.columns.map((c) => ({ key: c.key || 'count', label: sayLabel(t, c) })), ...(m.rowTotals ? [{ key: 'total', label: t('Total') }] : [])],
    cells: m.cells.map((row) => row.map((c) => ({ value: c.suppression === 'none' ? c.count : null, suppressed: mark(c.suppression) }))),
  };
}
