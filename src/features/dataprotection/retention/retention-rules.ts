// Pure: how long each case type is kept after closure (rules.md #59), and the closure date before which a case's
// people are anonymised today. A service may set its own years per case type; a type it has not set keeps the default.
import { CASE_TYPES, type CaseType } from '#src/domain/case-words.ts';

/** Community mediation 3 years; family work (SEND, social care) 6; restorative justice 7; all from closure. */
export const DEFAULT_RETENTION_YEARS: Record<CaseType, number> = { community: 3, send: 6, social_care: 6, restorative_justice: 7 };

export const MIN_RETENTION_YEARS = 1;
export const MAX_RETENTION_YEARS = 100;

/** The same calendar date `years` before `today` (both YYYY-MM-DD); 29 February falls back to the 28th. */
export function yearsBefore(today: string, years: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const year = y - years;
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

export type RetentionRule = { caseType: CaseType; years: number; isDefault: boolean; closedBefore: string };

/** Each case type's rule today: its years (the service's own, or the default) and the closure date before which cases go. */
export function retentionPlan(today: string, own: { caseType: string; years: number }[]): RetentionRule[] {
  return CASE_TYPES.map((caseType) => {
    const set = own.find((o) => o.caseType === caseType);
    const years = set?.years ?? DEFAULT_RETENTION_YEARS[caseType];
    return { caseType, years, isDefault: !set, closedBefore: yearsBefore(today, years) };
  });
}
