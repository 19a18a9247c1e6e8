import { describe, expect, it } from 'vitest';
import { dateInWords, dayInWords, longDate, momentInWords } from './dates-in-words.ts';

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

describe('the one way a page writes a date and a moment', () => {
  it('writes a date in words, taking an instant on its London day', () => {
    expect(dayInWords('2026-03-02')).toBe('2 March 2026');
    expect(dayInWords(new Date('2026-06-30T23:30:00Z'))).toBe('1 July 2026'); // 00:30 in London, summer time
    expect(dayInWords(new Date('2026-12-31T23:30:00Z'))).toBe('31 December 2026'); // winter: London is on UTC
  });
  it('writes a moment as "4 Dec 2026, 14:30" in London time', () => {
    expect(momentInWords(new Date('2026-12-04T14:30:00Z'))).toBe('4 Dec 2026, 14:30');
    expect(momentInWords(new Date('2026-07-04T14:30:00Z'))).toBe('4 Jul 2026, 15:30');
  });
});
