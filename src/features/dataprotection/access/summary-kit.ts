// The pieces the readable summary of a subject access archive is written with: escaped text, dates in words, lists
// of details, tables, and the message catalogue's word for a stored value (never the value's code).
import type { Locale, Translate } from '#src/i18n/i18n.ts';
import { longDate } from '#src/domain/dates-in-words.ts';
import { momentInWords } from '#src/domain/meeting-times.ts';

export const esc = (v: unknown) =>
  String(v ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

export type Kit = ReturnType<typeof summaryKit>;

/** `caseTypeName` names the service's own case types (domain/case-words.ts caseTypeNamer). */
export function summaryKit(t: Translate, locale: Locale, caseTypeName: (code: string) => string = (code) => code) {
  const when = (d: Date | string | null) => (d === null ? '' : typeof d === 'string' ? longDate(d.slice(0, 10), locale) : momentInWords(d, { locale }));
  /** A day in words, for a date or an instant (no time of day). */
  const day = (d: Date | string | null) => (d === null ? '' : longDate((typeof d === 'string' ? d : d.toISOString()).slice(0, 10), locale));
  const rows = (pairs: [string, unknown][]) =>
    `<dl>${pairs
      .filter(([, v]) => v !== null && v !== undefined && v !== '')
      .map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`)
      .join('')}</dl>`;
  const table = (head: string[], body: unknown[][]) =>
    body.length
      ? `<table><thead><tr>${head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${body
          .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
          .join('')}</tbody></table>`
      : `<p>${esc(t('None.'))}</p>`;
  // i18n-dynamic: the msg() labels of the features' word lists
  const word = (labels: Record<string, string>, value: string | null | undefined) => (value == null ? '' : labels[value] ? t(labels[value] as string) : value);
  const yesNo = (v: boolean | null | undefined) => (v === null || v === undefined ? '' : v ? t('Yes') : t('No'));
  const heading = (text: string) => `<h3>${esc(text)}</h3>`;
  return { t, when, day, rows, table, word, yesNo, heading, caseTypeName };
}
