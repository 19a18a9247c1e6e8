import { describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION_YEARS, retentionPlan, yearsBefore } from './retention-rules.ts';

const BUILT_IN = [
  { code: 'community', kind: 'community' },
  { code: 'restorative_justice', kind: 'restorative_justice' },
  { code: 'send', kind: 'send' },
  { code: 'social_care', kind: 'social_care' },
];

describe('the retention rules (rules.md #59)', () => {
  it('keeps community mediation 3 years, SEND and social care 6, restorative justice 7', () => {
    expect(DEFAULT_RETENTION_YEARS).toEqual({ community: 3, send: 6, social_care: 6, restorative_justice: 7 });
  });

  it('counts back to the same calendar date, 29 February falling back to the 28th', () => {
    expect(yearsBefore('2025-12-06', 3)).toBe('2022-12-06');
    expect(yearsBefore('2028-02-29', 1)).toBe('2027-02-28');
    expect(yearsBefore('2028-02-29', 4)).toBe('2024-02-29');
    expect(yearsBefore('2026-01-01', 7)).toBe('2019-01-01');
  });

  it("uses a service's own years for a type it has set and the default for the rest", () => {
    const plan = retentionPlan('2026-12-06', BUILT_IN, [{ caseType: 'community', years: 5 }]);
    expect(plan).toEqual([
      { caseType: 'community', kind: 'community', years: 5, isDefault: false, closedBefore: '2021-12-06' },
      { caseType: 'restorative_justice', kind: 'restorative_justice', years: 7, isDefault: true, closedBefore: '2019-12-06' },
      { caseType: 'send', kind: 'send', years: 6, isDefault: true, closedBefore: '2020-12-06' },
      { caseType: 'social_care', kind: 'social_care', years: 6, isDefault: true, closedBefore: '2020-12-06' },
    ]);
  });

  it('gives a type the service added its kind’s default until the service sets its own, apart from the built-in type of that kind', () => {
    const types = [...BUILT_IN, { code: 'workplace', kind: 'community' }, { code: 'family-group', kind: 'restorative_justice' }];
    const byDefault = retentionPlan('2026-12-06', types, [{ caseType: 'community', years: 5 }]);
    expect(byDefault.find((r) => r.caseType === 'workplace')).toEqual({
      caseType: 'workplace',
      kind: 'community',
      years: 3,
      isDefault: true,
      closedBefore: '2023-12-06',
    });
    expect(byDefault.find((r) => r.caseType === 'family-group')).toMatchObject({ years: 7, isDefault: true });
    const own = retentionPlan('2026-12-06', types, [{ caseType: 'workplace', years: 2 }]);
    expect(own.find((r) => r.caseType === 'workplace')).toMatchObject({ years: 2, isDefault: false, closedBefore: '2024-12-06' });
    expect(own.find((r) => r.caseType === 'community')).toMatchObject({ years: 3, isDefault: true });
  });

  it('keeps a type of a kind it does not know for the longest default', () => {
    expect(retentionPlan('2026-12-06', [{ code: 'odd', kind: 'unknown' }], [])).toEqual([
      { caseType: 'odd', kind: 'unknown', years: 7, isDefault: true, closedBefore: '2019-12-06' },
    ]);
  });
});
