import { describe, expect, it } from 'vitest';
import {
  addDays,
  awayPeriodProblem,
  awayUntil,
  describeWeekly,
  freeHoursAhead,
  isoWeekday,
  isRealDate,
  slotsFromWindows,
  weeklyWindowProblem,
  windowsFromSlots,
} from './availability.ts';

// 2026-03-23 is a Monday.
const MONDAY = '2026-03-23';
const mondayMorningWednesdayEvening = [
  { day: 1, from: '09:00', to: '13:00' },
  { day: 3, from: '17:00', to: '21:00' },
];

describe('dates', () => {
  it('counts ISO weekdays and adds days across months and clock changes', () => {
    expect(isoWeekday(MONDAY)).toBe(1);
    expect(isoWeekday('2026-03-29')).toBe(7);
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30'); // over the spring clock change
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('knows real dates', () => {
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('2026-02-29')).toBe(false);
    expect(isRealDate('2026-13-01')).toBe(false);
    expect(isRealDate('26-01-01')).toBe(false);
  });
});

describe('freeHoursAhead', () => {
  it('sums the weekly pattern over the weeks ahead', () => {
    const v = { weeklyAvailability: mondayMorningWednesdayEvening, away: [] };
    expect(freeHoursAhead(v, MONDAY, 1)).toBe(8);
    expect(freeHoursAhead(v, MONDAY, 4)).toBe(32);
    expect(freeHoursAhead(v, '2026-03-24', 1)).toBe(8); // Tuesday to Monday still holds one of each
    expect(freeHoursAhead(v, '2026-03-24', 0)).toBe(0);
  });

  it('leaves out days away, inclusive of both ends', () => {
    const v = { weeklyAvailability: mondayMorningWednesdayEvening, away: [{ from: '2026-03-25', to: '2026-03-30' }] };
    expect(freeHoursAhead(v, MONDAY, 1)).toBe(4); // only Monday 23rd
    expect(freeHoursAhead(v, MONDAY, 2)).toBe(4 + 4); // Monday 23rd and Wednesday 1 April; Monday 30th is away
  });

  it('counts partial hours and ignores broken windows', () => {
    const v = {
      weeklyAvailability: [
        { day: 2, from: '18:30', to: '20:00' },
        { day: 2, from: '25:00', to: '26:00' },
        { day: 4, from: '12:00', to: '10:00' },
      ],
      away: [],
    };
    expect(freeHoursAhead(v, MONDAY, 1)).toBe(1.5);
  });

  it('is nothing without a weekly pattern', () => {
    expect(freeHoursAhead({ weeklyAvailability: [], away: [] }, MONDAY, 4)).toBe(0);
  });
});

describe('awayUntil', () => {
  it('is null when any day of the window is free of time away', () => {
    expect(awayUntil({ away: [] }, MONDAY, 4)).toBeNull();
    expect(awayUntil({ away: [{ from: MONDAY, to: '2026-04-18' }] }, MONDAY, 4)).toBeNull(); // back on 19 April, inside 4 weeks
  });

  it('gives the first day back when away for the whole window', () => {
    expect(awayUntil({ away: [{ from: '2026-03-01', to: '2026-04-30' }] }, MONDAY, 4)).toBe('2026-05-01');
  });

  it('follows periods that touch or overlap', () => {
    const away = [
      { from: '2026-03-20', to: '2026-04-10' },
      { from: '2026-04-11', to: '2026-04-25' },
      { from: '2026-04-20', to: '2026-05-03' },
    ];
    expect(awayUntil({ away }, MONDAY, 4)).toBe('2026-05-04');
  });

  it('a gap of one day inside the window means not away', () => {
    const away = [
      { from: '2026-03-20', to: '2026-04-01' },
      { from: '2026-04-03', to: '2026-05-30' },
    ];
    expect(awayUntil({ away }, MONDAY, 4)).toBeNull();
  });
});

describe('the form’s slots', () => {
  it('turns ticked slots into windows and back', () => {
    const windows = windowsFromSlots(['3:evening', '1:morning', '9:morning', '1:night']);
    expect(windows).toEqual(mondayMorningWednesdayEvening);
    expect(slotsFromWindows(windows)).toEqual(['1:morning', '3:evening']);
  });

  it('ticks a slot only when a window covers all of it', () => {
    expect(slotsFromWindows([{ day: 2, from: '08:00', to: '17:00' }])).toEqual(['2:morning', '2:afternoon']);
    expect(slotsFromWindows([{ day: 2, from: '10:00', to: '13:00' }])).toEqual([]);
  });

  it('describes the pattern in words', () => {
    expect(describeWeekly([...mondayMorningWednesdayEvening, { day: 6, from: '10:00', to: '12:30' }])).toEqual([
      'Monday morning',
      'Wednesday evening',
      'Saturday 10:00–12:30',
    ]);
  });
});

describe('validation', () => {
  it('checks weekly windows', () => {
    expect(weeklyWindowProblem({ day: 1, from: '09:00', to: '13:00' })).toBeNull();
    expect(weeklyWindowProblem({ day: 0, from: '09:00', to: '13:00' })).toMatch(/1 \(Monday\) to 7/);
    expect(weeklyWindowProblem({ day: 8, from: '09:00', to: '13:00' })).toMatch(/1 \(Monday\) to 7/);
    expect(weeklyWindowProblem({ day: 1.5, from: '09:00', to: '13:00' })).toMatch(/whole number/);
    expect(weeklyWindowProblem({ day: 1, from: '9am', to: '13:00' })).toBe('Start time must be a time like 09:00');
    expect(weeklyWindowProblem({ day: 1, from: '09:00', to: '24:00' })).toBe('End time must be a time like 13:00');
    expect(weeklyWindowProblem({ day: 1, from: '13:00', to: '13:00' })).toBe('End time must be after the start time');
  });

  it('checks periods away', () => {
    expect(awayPeriodProblem({ from: '2026-04-01', to: '2026-04-01' })).toBeNull();
    expect(awayPeriodProblem({ from: '2026-02-30', to: '2026-04-01' })).toEqual({ field: 'from', message: 'Enter the first day away as a real date' });
    expect(awayPeriodProblem({ from: '2026-04-01', to: 'soon' })).toEqual({ field: 'to', message: 'Enter the last day away as a real date' });
    expect(awayPeriodProblem({ from: '2026-04-02', to: '2026-04-01' })?.field).toBe('to');
  });
});
