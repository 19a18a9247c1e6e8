// Pure: how long each of a service's case types is kept after closure (rules.md #59), and the closure date before
// which a case's people are anonymised today. A service may set its own years per case type; a type it has not set
// keeps the default of the kind of rules it follows, so a type the service adds starts with its kind's period.
import { type CaseKind, isCaseKind } from '#src/domain/case-words.ts';

/** Community mediation 3 years; family work (SEND, social care) 6; restorative justice 7; all from closure. */
export const DEFAULT_RETENTION_YEARS: Record<CaseKind, number> = { community: 3, send: 6, social_care: 6, restorative_justice: 7 };

export const MIN_RETENTION_YEARS = 1;
export const MAX_RETENTION_YEARS = 100;

/** The same calendar date `years` before `today` (both YYYY-MM-DD); 29 February falls back to the 28th. */
export function yearsBefore(today: string, years: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const year = y - years;
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

export type RetentionRule = { caseType: string; kind: string; years: number; isDefault: boolean; closedBefore: string };

/** The longest default, for a kind Parley does not know (never anonymise sooner than any rule would). */
const LONGEST_DEFAULT = Math.max(...Object.values(DEFAULT_RETENTION_YEARS));

/**
 * Each of the service's case types' rule today, in the order given: its years (the service's own, or its kind's
 * default) and the closure date before which its cases go.
 */
export function retentionPlan(
  today: string,
  types: readonly { code: string; kind: string }[],
  own: readonly { caseType: string; years: number }[],
): RetentionRule[] {
  return types.map(({ code, kind }) => {
    const set = own.find((o) => o.caseType === code);
    const years = set?.years ?? (isCaseKind(kind) ? DEFAULT_RETENTION_YEARS[kind] : LONGEST_DEFAULT);
    return { caseType: code, kind, years, isDefault: !set, closedBefore: yearsBefore(today, years) };
  });
}
