// A metric as a bar chart drawn on the server: an SVG string with Observable Plot over a server DOM (linkedom), so no
// chart needs JavaScript in the browser. The numbers are the table's beneath it; a suppressed figure is never drawn as
// a bar (its length would tell the number), only as the words "fewer than 5" or "withheld" at the axis.
//
// Plot and linkedom take about 0.4 s to load, so they are imported on the first chart, not when Parley starts.
import type { Translate } from '#src/i18n/i18n.ts';
import type { Metric } from './metrics.ts';
import { cellText, say, sayLabel } from './reports.present.ts';

export type Bar = { label: string; value: number | null; text: string };

/** The bars of a metric: one per row (its total when rows have totals), or per row and column; totals rows left out. */
export function barsOf(t: Translate, m: Metric, threshold: number): Bar[] {
  if (m.kind === 'figures')
    return m.figures.map((f) => ({ label: say(t, f.label), value: f.suppression === 'none' ? f.value : null, text: cellText(t, f, threshold) }));
  // A spread is drawn as its medians; a hidden row as its words.
  if (m.kind === 'spread')
    return m.rows.map((r) => ({
      label: say(t, r.label),
      value: r.suppression === 'none' ? r.median : null,
      text: r.suppression === 'none' ? (r.median === null ? '–' : String(r.median)) : cellText(t, { value: r.count, suppression: r.suppression }, threshold),
    }));
  const rows = m.cells.slice(0, m.rows.length);
  const bars: Bar[] = [];
  rows.forEach((cells, r) => {
    const rowLabel = sayLabel(t, m.rows[r]!);
    const bar = (c: (typeof cells)[number], label: string) => {
      bars.push({ label, value: c.suppression === 'none' ? c.count : null, text: cellText(t, { value: c.count, suppression: c.suppression }, threshold) });
    };
    if (m.rowTotals) bar(cells[cells.length - 1]!, rowLabel);
    else if (m.columns.length === 1) bar(cells[0]!, rowLabel);
    else for (const [c, col] of m.columns.entries()) bar(cells[c]!, `${rowLabel}: ${sayLabel(t, col)}`);
  });
  return bars;
}

type PlotModule = typeof import('@observablehq/plot');
let loaded: Promise<{ Plot: PlotModule; parseHTML: typeof import('linkedom')['parseHTML'] }> | undefined;
const load = () => {
  loaded ??= Promise.all([import('@observablehq/plot'), import('linkedom')]).then(([Plot, linkedom]) => ({ Plot, parseHTML: linkedom.parseHTML }));
  return loaded;
};

/** Escapes text for an SVG element's content or an attribute. */
const esc = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/**
 * The chart as an SVG string with a title and a description (role img, labelled by both), or undefined when there is
 * nothing to draw. `id` makes the title's and description's ids unique on the page.
 */
export async function chartSvg(bars: Bar[], o: { id: string; title: string; description: string; axis: string }): Promise<string | undefined> {
  if (bars.length === 0) return undefined;
  const { Plot, parseHTML } = await load();
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const shown = bars.filter((b) => b.value !== null);
  const hidden = bars.filter((b) => b.value === null);
  const max = Math.max(1, ...shown.map((b) => b.value!));
  const longest = Math.max(...bars.map((b) => b.label.length));
  const svg = Plot.plot({
    document: document as unknown as Document,
    width: 640,
    height: 40 + bars.length * 28,
    marginLeft: Math.min(300, 20 + longest * 6),
    marginRight: 40,
    x: { label: o.axis, grid: true, domain: [0, max], ticks: Math.min(10, Math.ceil(max)), tickFormat: (d: number) => (Number.isInteger(d) ? String(d) : '') },
    y: { label: null, domain: bars.map((b) => b.label) },
    marks: [
      Plot.barX(shown, { x: 'value', y: 'label', fill: '#1d70b8' }),
      Plot.text(shown, { x: 'value', y: 'label', text: 'text', textAnchor: 'start', dx: 4 }),
      Plot.text(hidden, { x: 0, y: 'label', text: 'text', textAnchor: 'start', dx: 4, fontStyle: 'italic' }),
      Plot.ruleX([0]),
    ],
  }) as unknown as Element;
  // Plot adds a <style> element; the page's Content-Security-Policy allows only Parley's own stylesheet, which sizes it.
  svg.querySelector('style')?.remove();
  // The chart is one image (role img) named by its title: Plot's labels on its groups are not for a reader, and axe
  // rightly refuses aria-label on an element with no role.
  for (const g of svg.querySelectorAll('[aria-label]')) g.removeAttribute('aria-label');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-labelledby', `${o.id}-chart-title ${o.id}-chart-desc`);
  svg.setAttribute('class', 'parley-chart');
  const inner = svg.innerHTML;
  const head = `<title id="${esc(o.id)}-chart-title">${esc(o.title)}</title><desc id="${esc(o.id)}-chart-desc">${esc(o.description)}</desc>`;
  const open = svg.outerHTML.slice(0, svg.outerHTML.length - inner.length - '</svg>'.length);
  return `${open}${head}${inner}</svg>`;
}
