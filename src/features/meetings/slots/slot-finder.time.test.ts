import { describe, expect, it } from 'vitest';
import { londonOffsetMinutes, londonToUtc, utcToLondon } from './slot-finder.time.ts';

describe('Europe/London time', () => {
  it('knows the clock changes of 2026 and 2027', () => {
    expect(londonOffsetMinutes(Date.parse('2026-10-25T00:59:00Z'))).toBe(60);
    expect(londonOffsetMinutes(Date.parse('2026-10-25T01:00:00Z'))).toBe(0);
    expect(londonOffsetMinutes(Date.parse('2027-03-28T00:59:00Z'))).toBe(0);
    expect(londonOffsetMinutes(Date.parse('2027-03-28T01:00:00Z'))).toBe(60);
  });

  it('turns local times into UTC and back', () => {
    expect(new Date(londonToUtc('2026-10-24', 9 * 60)).toISOString()).toBe('2026-10-24T08:00:00.000Z');
    expect(new Date(londonToUtc('2026-10-25', 9 * 60)).toISOString()).toBe('2026-10-25T09:00:00.000Z');
    expect(new Date(londonToUtc('2027-03-28', 9 * 60)).toISOString()).toBe('2027-03-28T08:00:00.000Z');
    expect(new Date(londonToUtc('2027-03-28', 0)).toISOString()).toBe('2027-03-28T00:00:00.000Z');
    expect(utcToLondon(Date.parse('2026-07-01T23:30:00Z'))).toEqual({ date: '2026-07-02', minutes: 30 });
    expect(utcToLondon(Date.parse('2026-12-01T23:30:00Z'))).toEqual({ date: '2026-12-01', minutes: 23 * 60 + 30 });
  });
});
