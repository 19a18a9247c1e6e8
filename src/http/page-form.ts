// Reading HTML form posts into the shapes the services' schemas expect: checkboxes to booleans and lists,
// blank answers to "not given", and GOV.UK date inputs (day, month, year) to ISO dates.
import { listIn, msg, type Translate, translator, worded, wordedLower } from '#src/i18n/i18n.ts';

export type FormBody = Record<string, unknown>;

export const asBody = (body: unknown): FormBody => (body && typeof body === 'object' ? (body as FormBody) : {});

/** One text answer as typed ('' when absent). */
export function textOf(body: FormBody, key: string): string {
  const v = body[key];
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && typeof v[0] === 'string') return v[0];
  return '';
}

/** One text answer, or undefined when left blank. */
export function optionalText(body: FormBody, key: string): string | undefined {
  const v = textOf(body, key);
  return v.trim() === '' ? undefined : v;
}

/** Every ticked value of a group of checkboxes. */
export function listOf(body: FormBody, key: string): string[] {
  const v = body[key];
  if (typeof v === 'string') return v === '' ? [] : [v];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string' && x !== '');
  return [];
}

/** A single checkbox: ticked or not. */
export const isTicked = (body: FormBody, key: string): boolean => listOf(body, key).length > 0;

/** Lines of a textarea, trimmed, blanks dropped. */
export const linesOf = (body: FormBody, key: string): string[] =>
  textOf(body, key)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

export function isRealDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

export type DateAnswer = { value?: string; error?: string };

const DATE_PARTS = { day: msg('day'), month: msg('month'), year: msg('year') } as const;

/**
 * A GOV.UK date input named `{prefix}-day`, `{prefix}-month`, `{prefix}-year`: its ISO date, nothing when all
 * three are blank, or an error in GOV.UK's words, worded with `t` (English by default; `label` a msg() value).
 */
export function dateOf(body: FormBody, prefix: string, label: string, opts: { required?: boolean; t?: Translate } = {}): DateAnswer {
  const t = opts.t ?? translator();
  const day = textOf(body, `${prefix}-day`).trim();
  const month = textOf(body, `${prefix}-month`).trim();
  const year = textOf(body, `${prefix}-year`).trim();
  if (!day && !month && !year) return opts.required ? { error: t('Enter the {label}', { label: wordedLower(label) }) } : {};
  const missing = (['day', 'month', 'year'] as const).filter((part) => !{ day, month, year }[part]);
  if (missing.length) {
    const parts = (tt: Translate, locale: Parameters<typeof listIn>[0]) =>
      listIn(
        locale,
        missing.map((part) => tt(DATE_PARTS[part])),
        'conjunction',
        ' and ',
      );
    return { error: t('{label} must include a {parts}', { label: worded(label), parts }) };
  }
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return { error: t('{label} must be a real date', { label: worded(label) }) };
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isRealDate(iso) ? { value: iso } : { error: t('{label} must be a real date', { label: worded(label) }) };
}

/** The three parts of an ISO date, to fill a GOV.UK date input. */
export function dateParts(iso: string | null | undefined): { day: string; month: string; year: string } {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  return m ? { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1]! } : { day: '', month: '', year: '' };
}
