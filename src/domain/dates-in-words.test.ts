import { describe, expect, it } from 'vitest';
import { dateInWords, longDate } from './dates-in-words.ts';

describe('dateInWords', () => {
  it('leaves out this year, and gives any other year', () => {
    expect(dateInWords('2025-10-03', '2025-01-01')).toBe('3 October');
    expect(dateInWords('2026-10-03', '2025-01-01')).toBe('3 October 2026');
    expect(dateInWords('2026-01-02T10:00:00Z', '2026-05-05')).toBe('2 January');
  });
});

describe('longDate', () => {
  it('always gives the year, and leaves what is not a date as it is', () => {
    expect(longDate('2026-01-02')).toBe('2 January 2026');
    expect(longDate('2026-12-31T23:30:00Z')).toBe('31 December 2026');
    expect(longDate('not a date')).toBe('not a date');
  });
});
