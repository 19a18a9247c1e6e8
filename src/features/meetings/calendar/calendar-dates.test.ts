import { describe, expect, it } from 'vitest';
import { dayInWords, londonDateOf, londonInstant, londonTimeOf, mondayOf, monthWeeks, nextMonthStart, previousMonthStart } from './calendar-dates.ts';

describe('London dates and times', () => {
  it('reads an instant as London wall-clock time, an hour ahead in summer', () => {
    expect(londonTimeOf(new Date('2026-01-15T09:30:00Z'))).toBe('09:30');
    expect(londonTimeOf(new Date('2026-07-15T09:30:00Z'))).toBe('10:30');
    expect(londonDateOf(new Date('2026-07-15T23:30:00Z'))).toBe('2026-07-16');
    expect(londonDateOf(new Date('2026-01-15T23:30:00Z'))).toBe('2026-01-15');
  });

  it('turns a London date and time into the instant, across the clock changes', () => {
    expect(londonInstant('2026-01-15').toISOString()).toBe('2026-01-15T00:00:00.000Z');
    expect(londonInstant('2026-07-15').toISOString()).toBe('2026-07-14T23:00:00.000Z');
    // Clocks go forward at 01:00 GMT on 29 March 2026 and back at 01:00 GMT on 25 October 2026.
    expect(londonInstant('2026-03-29').toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(londonInstant('2026-03-29', '10:00').toISOString()).toBe('2026-03-29T09:00:00.000Z');
    expect(londonInstant('2026-10-25').toISOString()).toBe('2026-10-24T23:00:00.000Z');
    expect(londonInstant('2026-10-25', '10:00').toISOString()).toBe('2026-10-25T10:00:00.000Z');
    expect(londonInstant('2026-10-26').toISOString()).toBe('2026-10-26T00:00:00.000Z');
  });

  it('finds weeks and months', () => {
    expect(mondayOf('2026-03-15')).toBe('2026-03-09');
    expect(mondayOf('2026-03-16')).toBe('2026-03-16');
    expect(nextMonthStart('2026-12-31')).toBe('2027-01-01');
    expect(previousMonthStart('2026-01-20')).toBe('2025-12-01');
    const weeks = monthWeeks('2026-03-15');
    expect(weeks[0]).toEqual([null, null, null, null, null, null, '2026-03-01']);
    expect(weeks.at(-1)).toEqual(['2026-03-30', '2026-03-31', null, null, null, null, null]);
    expect(weeks).toHaveLength(6);
    expect(dayInWords('2026-03-16')).toBe('Monday 16 March 2026');
  });
});
