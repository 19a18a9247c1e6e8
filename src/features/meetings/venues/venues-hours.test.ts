import { describe, expect, it } from 'vitest';
import {
  daysInWords,
  openingHoursFormValues,
  openingHoursInWords,
  openingHoursProblem,
  readClosedDates,
  readOpeningHoursForm,
  readTime,
} from './venues-hours.ts';

const weekdays = (from: string, to: string) => [1, 2, 3, 4, 5].map((day) => ({ day, from, to }));

describe('opening hours in words', () => {
  it('groups the days that share hours', () => {
    expect(openingHoursInWords([...weekdays('09:00', '21:00'), { day: 6, from: '10:00', to: '16:00' }])).toBe(
      'Monday to Friday 09:00 to 21:00; Saturday 10:00 to 16:00',
    );
    expect(openingHoursInWords([1, 3, 5].map((day) => ({ day, from: '09:00', to: '17:00' })))).toBe('Monday, Wednesday and Friday 09:00 to 17:00');
    expect(
      openingHoursInWords([
        { day: 2, from: '13:00', to: '17:00' },
        { day: 2, from: '09:00', to: '12:00' },
      ]),
    ).toBe('Tuesday 09:00 to 12:00 and 13:00 to 17:00');
    expect(openingHoursInWords([])).toBe('');
    expect(daysInWords([1, 2, 3, 6])).toBe('Monday to Wednesday and Saturday');
    expect(daysInWords([6, 7])).toBe('Saturday and Sunday');
  });

  it('finds overlapping windows', () => {
    expect(openingHoursProblem(weekdays('09:00', '17:00'))).toBeUndefined();
    expect(
      openingHoursProblem([
        { day: 3, from: '09:00', to: '13:00' },
        { day: 3, from: '12:00', to: '17:00' },
      ]),
    ).toBe('The opening hours on Wednesday overlap');
  });
});

describe('the venue form', () => {
  it('reads times as typed', () => {
    expect(readTime('9', 'x').value).toBe('09:00');
    expect(readTime('9.30', 'x').value).toBe('09:30');
    expect(readTime('21:00', 'x').value).toBe('21:00');
    expect(readTime('25:00', 'Opens').error).toBe('Opens must be a time on the 24-hour clock, like 09:00 or 17:30');
    expect(readTime('9am', 'Opens').error).toBeDefined();
  });

  it('reads one pair of times a day; both blank is closed', () => {
    const typed: Record<string, string> = {
      'hours-1-from': '9',
      'hours-1-to': '17:00',
      'hours-2-from': '10:00',
      'hours-3-to': '12:00',
      'hours-4-from': '18:00',
      'hours-4-to': '09:00',
    };
    const read = readOpeningHoursForm((f) => typed[f] ?? '');
    expect(read.windows).toEqual([{ day: 1, from: '09:00', to: '17:00' }]);
    expect(read.problems).toEqual({
      'hours-2-to': 'Enter the time it closes on Tuesday, or leave both times blank if it is closed',
      'hours-3-from': 'Enter the time it opens on Wednesday, or leave both times blank if it is closed',
      'hours-4-to': 'The closing time on Thursday must be after the opening time',
    });
  });

  it('fills the form from stored hours and says which days do not fit it', () => {
    const filled = openingHoursFormValues([
      { day: 1, from: '09:00', to: '12:00' },
      { day: 1, from: '13:00', to: '17:00' },
      { day: 6, from: '10:00', to: '16:00' },
    ]);
    expect(filled.values).toEqual({ 'hours-1-from': '09:00', 'hours-1-to': '17:00', 'hours-6-from': '10:00', 'hours-6-to': '16:00' });
    expect(filled.unfit).toEqual(['Monday']);
  });

  it('reads closed dates one a line, sorted, without repeats', () => {
    expect(readClosedDates('2026-12-26\n\n25/12/2026\r\n2026-12-26 ')).toEqual({ dates: ['2026-12-25', '2026-12-26'] });
    expect(readClosedDates('2026-02-30').error).toBe('“2026-02-30” is not a real date: put one date on each line, like 2026-12-25');
    expect(readClosedDates('Christmas').error).toContain('Christmas');
  });
});
