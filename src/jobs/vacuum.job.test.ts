import { describe, expect, it } from 'vitest';
import { vacuumDue } from './vacuum.job.ts';

describe('when the embedded database is vacuumed', () => {
  it('is in the small hours in London, in winter and in summer time', () => {
    expect(vacuumDue(new Date('2026-12-05T00:59:00Z'), undefined)).toBe(false);
    expect(vacuumDue(new Date('2026-12-05T01:00:00Z'), undefined)).toBe(true);
    expect(vacuumDue(new Date('2026-12-05T05:59:00Z'), undefined)).toBe(true);
    expect(vacuumDue(new Date('2026-12-05T06:00:00Z'), undefined)).toBe(false);
    // British Summer Time: 01:00 in London is midnight UTC; 05:30 UTC is already 06:30 there.
    expect(vacuumDue(new Date('2026-07-01T00:00:00Z'), undefined)).toBe(true);
    expect(vacuumDue(new Date('2026-07-01T05:30:00Z'), undefined)).toBe(false);
    expect(vacuumDue(new Date('2026-12-05T14:00:00Z'), undefined)).toBe(false);
  });

  it('is once a night, however often the worker asks', () => {
    const lastNight = new Date('2026-12-05T02:00:00Z');
    expect(vacuumDue(new Date('2026-12-05T03:00:00Z'), lastNight)).toBe(false);
    expect(vacuumDue(new Date('2026-12-06T01:30:00Z'), lastNight)).toBe(true);
  });
});
