import { describe, expect, it } from 'vitest';
import { dbsStanding, isDbsCurrent, latestCheck, recheckBase } from './dbs-status.ts';
import { DEFAULT_VOLUNTEER_POLICY } from '#src/features/settings/volunteer-policy.ts';

const policy = DEFAULT_VOLUNTEER_POLICY; // 3 years; alerts at 60, 30 and 7 days
const shift = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const issued = (issuedOn: string, statusChecks: { on: string; result: 'no_change' | 'new_information' }[] = []) => ({ issuedOn, statusChecks });

describe('dbsStanding', () => {
  it('says when no check is recorded', () => {
    expect(dbsStanding(null, policy, '2025-06-01')).toEqual({
      state: 'missing',
      recheckDueOn: null,
      daysLeft: null,
      alertDays: null,
      needsReview: false,
      message: 'No DBS check recorded',
    });
  });

  it('counts the recheck from the issue date by the policy interval', () => {
    expect(dbsStanding(issued('2024-12-17'), policy, '2025-01-10').recheckDueOn).toBe('2027-12-17');
    expect(dbsStanding(issued('2024-12-17'), { ...policy, dbsRecheckYears: 1 }, '2025-01-10').recheckDueOn).toBe('2025-12-17');
  });

  // The recheck is due on 2027-12-17; today is that day less `days`.
  const due = '2027-12-17';
  const cases: [number, string, number | null][] = [
    [400, 'valid', null],
    [61, 'valid', null],
    [60, 'due_soon', 60],
    [59, 'due_soon', 60],
    [31, 'due_soon', 60],
    [30, 'due_soon', 30],
    [29, 'due_soon', 30],
    [8, 'due_soon', 30],
    [7, 'due_soon', 7],
    [1, 'due_soon', 7],
    [0, 'due_soon', 7],
    [-1, 'overdue', null],
    [-365, 'overdue', null],
  ];
  it.each(cases)('%i days before the recheck: %s, alert %s', (days, state, alertDays) => {
    const s = dbsStanding(issued('2024-12-17'), policy, shift(due, -days));
    expect(s.state).toBe(state);
    expect(s.alertDays).toBe(alertDays);
    expect(s.daysLeft).toBe(days);
    expect(s.recheckDueOn).toBe(due);
    expect(s.needsReview).toBe(false);
  });

  it('puts the standing in words', () => {
    const check = issued('2024-12-17');
    expect(dbsStanding(check, policy, shift(due, -25)).message).toBe('DBS recheck due in 25 days (17 December)');
    expect(dbsStanding(check, policy, shift(due, -1)).message).toBe('DBS recheck due tomorrow (17 December)');
    expect(dbsStanding(check, policy, due).message).toBe('DBS recheck due today (17 December)');
    expect(dbsStanding(check, policy, shift(due, 1)).message).toBe('DBS recheck overdue since 17 December');
    expect(dbsStanding(check, policy, '2028-02-01').message).toBe('DBS recheck overdue since 17 December 2027');
    expect(dbsStanding(check, policy, '2027-11-01').message).toBe('DBS recheck due in 46 days (17 December)');
    expect(dbsStanding(check, policy, '2027-01-01').message).toBe('DBS check current; recheck due by 17 December 2027');
  });

  it('names the year when the due date falls in another year', () => {
    expect(dbsStanding(issued('2025-01-05'), policy, '2027-12-20').message).toBe('DBS recheck due in 16 days (5 January 2028)');
  });

  it('uses the service’s own alert days, smallest that applies', () => {
    const custom = { ...policy, dbsAlertDays: [14, 90] };
    expect(dbsStanding(issued('2024-12-17'), custom, shift(due, -91)).alertDays).toBeNull();
    expect(dbsStanding(issued('2024-12-17'), custom, shift(due, -90)).alertDays).toBe(90);
    expect(dbsStanding(issued('2024-12-17'), custom, shift(due, -15)).alertDays).toBe(90);
    expect(dbsStanding(issued('2024-12-17'), custom, shift(due, -14)).alertDays).toBe(14);
    const none = dbsStanding(issued('2024-12-17'), { ...policy, dbsAlertDays: [] }, shift(due, -3));
    expect(none).toMatchObject({ state: 'valid', alertDays: null, daysLeft: 3 });
  });

  describe('leap years', () => {
    it('moves a 29 February issue to 28 February in a common year', () => {
      expect(dbsStanding(issued('2024-02-29'), policy, '2024-03-01').recheckDueOn).toBe('2027-02-28');
      expect(dbsStanding(issued('2024-02-29'), policy, '2027-02-28')).toMatchObject({ state: 'due_soon', daysLeft: 0 });
      expect(dbsStanding(issued('2024-02-29'), policy, '2027-03-01')).toMatchObject({ state: 'overdue', daysLeft: -1 });
    });
    it('keeps 29 February when the recheck year is a leap year', () => {
      expect(dbsStanding(issued('2024-02-29'), { ...policy, dbsRecheckYears: 4 }, '2024-03-01').recheckDueOn).toBe('2028-02-29');
    });
    it('counts 29 February among the days left', () => {
      // 2028-01-31 → 2028-03-01 spans 29 February 2028: 30 days.
      const s = dbsStanding(issued('2025-03-01'), policy, '2028-01-31');
      expect(s).toMatchObject({ recheckDueOn: '2028-03-01', daysLeft: 30, alertDays: 30 });
      expect(dbsStanding(issued('2025-03-01'), policy, '2028-01-30')).toMatchObject({ daysLeft: 31, alertDays: 60 });
    });
  });

  describe('Update Service status checks', () => {
    it('counts from the latest clear status check after the issue date', () => {
      const check = issued('2022-01-10', [
        { on: '2024-05-01', result: 'no_change' },
        { on: '2023-05-01', result: 'no_change' },
      ]);
      expect(recheckBase(check)).toBe('2024-05-01');
      expect(dbsStanding(check, policy, '2025-05-01')).toMatchObject({ state: 'valid', recheckDueOn: '2027-05-01' });
    });
    it('ignores a status check dated before the issue date', () => {
      expect(recheckBase(issued('2024-05-01', [{ on: '2024-01-01', result: 'no_change' }]))).toBe('2024-05-01');
    });
    it('flags new information for review, whatever came after', () => {
      const check = issued('2024-01-10', [
        { on: '2025-10-03', result: 'new_information' },
        { on: '2025-11-01', result: 'no_change' },
      ]);
      const s = dbsStanding(check, policy, '2025-11-20');
      expect(s).toMatchObject({ state: 'overdue', needsReview: true, recheckDueOn: '2025-10-03', alertDays: null, daysLeft: -48 });
      expect(s.message).toBe('DBS Update Service reported new information on 3 October: review before assigning');
      expect(isDbsCurrent(s)).toBe(false);
    });
  });

  it('treats valid and due soon as current, missing and overdue as not', () => {
    expect(isDbsCurrent(dbsStanding(issued('2024-12-17'), policy, '2025-01-01'))).toBe(true);
    expect(isDbsCurrent(dbsStanding(issued('2024-12-17'), policy, shift(due, -3)))).toBe(true);
    expect(isDbsCurrent(dbsStanding(issued('2024-12-17'), policy, shift(due, 1)))).toBe(false);
    expect(isDbsCurrent(dbsStanding(null, policy, '2025-01-01'))).toBe(false);
  });
});

describe('latestCheck', () => {
  it('picks the latest issue date, then the latest recorded', () => {
    expect(latestCheck([])).toBeNull();
    const a = { id: 'a', issuedOn: '2023-01-01', createdAt: new Date('2023-01-02') };
    const b = { id: 'b', issuedOn: '2025-01-01', createdAt: new Date('2025-01-02') };
    const c = { id: 'c', issuedOn: '2025-01-01', createdAt: new Date('2025-02-01') };
    expect(latestCheck([a, b])?.id).toBe('b');
    expect(latestCheck([b, a])?.id).toBe('b');
    expect(latestCheck([a, c, b])?.id).toBe('c');
  });
});
