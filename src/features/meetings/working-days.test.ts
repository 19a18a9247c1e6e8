import { describe, expect, it } from 'vitest';
import { addWorkingDays, bankHolidayOn, bankHolidays, isWorkingDay, WORKING_DAYS_CAP, workingDaysBetween } from './working-days.ts';

describe('bank holidays in England and Wales', () => {
  it('knows Christmas 2026, with Monday 28 December as the substitute for Boxing Day on a Saturday', () => {
    expect(bankHolidayOn('2026-12-25')).toBe('Christmas Day');
    expect(bankHolidayOn('2026-12-28')).toMatch(/substitute/);
    expect(isWorkingDay('2026-12-25')).toBe(false);
    expect(isWorkingDay('2026-12-28')).toBe(false);
    expect(isWorkingDay('2026-12-29')).toBe(true);
  });

  it('knows Christmas 2027, with both substitute days (27 and 28 December)', () => {
    expect(isWorkingDay('2027-12-27')).toBe(false);
    expect(isWorkingDay('2027-12-28')).toBe(false);
    expect(isWorkingDay('2027-12-29')).toBe(true);
  });

  it('knows Easter 2027 (Good Friday 26 March, Easter Monday 29 March) and the Spring bank holidays', () => {
    expect(isWorkingDay('2027-03-26')).toBe(false);
    expect(isWorkingDay('2027-03-29')).toBe(false);
    expect(isWorkingDay('2027-03-25')).toBe(true);
    expect(isWorkingDay('2026-05-25')).toBe(false);
    expect(isWorkingDay('2027-05-31')).toBe(false);
    expect(isWorkingDay('2026-08-31')).toBe(false);
  });

  it('keeps only public holidays: Mothering Sunday and Father’s Day are not bank holidays', () => {
    const names = [...bankHolidays(2026).values()];
    expect(names.some((n) => /Mother|Father/.test(n))).toBe(false);
    expect(bankHolidays(2026).size).toBe(9);
    expect(bankHolidays(2026)).toBe(bankHolidays(2026));
  });

  it('treats Saturdays and Sundays as non-working days', () => {
    expect(isWorkingDay('2026-12-05')).toBe(false);
    expect(isWorkingDay('2026-12-06')).toBe(false);
    expect(isWorkingDay('2026-12-07')).toBe(true);
  });
});

describe('addWorkingDays', () => {
  it('does not count the start day and skips weekends', () => {
    expect(addWorkingDays('2026-12-04', 1)).toBe('2026-12-07');
    expect(addWorkingDays('2026-12-04', 5)).toBe('2026-12-11');
    expect(addWorkingDays('2026-12-04', 0)).toBe('2026-12-04');
  });

  it('skips Christmas and the substitute days', () => {
    expect(addWorkingDays('2026-12-24', 1)).toBe('2026-12-29');
    expect(addWorkingDays('2026-12-22', 5)).toBe('2026-12-31');
    expect(addWorkingDays('2026-12-22', 6)).toBe('2027-01-04');
    expect(addWorkingDays('2027-03-24', 2)).toBe('2027-03-30');
  });

  it('counts backwards for negative n', () => {
    expect(addWorkingDays('2026-12-29', -1)).toBe('2026-12-24');
    expect(addWorkingDays('2026-12-07', -1)).toBe('2026-12-04');
  });
});

describe('workingDaysBetween', () => {
  it('counts the working days after the first date up to the second', () => {
    expect(workingDaysBetween('2026-12-04', '2026-12-11')).toBe(5);
    expect(workingDaysBetween('2026-12-04', '2026-12-04')).toBe(0);
    expect(workingDaysBetween('2026-12-24', '2026-12-29')).toBe(1);
    expect(workingDaysBetween('2026-12-11', '2026-12-04')).toBe(-5);
  });

  it('is the inverse of addWorkingDays', () => {
    for (const n of [1, 3, 5, 10, 20]) {
      for (const d of ['2026-12-18', '2027-03-22', '2027-05-27']) expect(workingDaysBetween(d, addWorkingDays(d, n))).toBe(n);
    }
  });

  it('stops counting once it has counted what it needs, so far-off dates are never slow', () => {
    expect(workingDaysBetween('2026-12-04', '2026-12-11', 3)).toBe(3);
    expect(workingDaysBetween('2026-12-11', '2026-12-04', 3)).toBe(-3);
    expect(workingDaysBetween('2026-12-04', '2026-12-11', 0)).toBe(0);
    const started = performance.now();
    expect(workingDaysBetween('2026-12-04', '9999-12-31')).toBe(WORKING_DAYS_CAP);
    expect(workingDaysBetween('2026-12-04', '9999-12-31', 5)).toBe(5);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
