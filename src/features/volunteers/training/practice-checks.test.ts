import { describe, expect, it } from 'vitest';
import { addDays } from '#src/domain/availability.ts';
import { cpdSummary, hoursOf, type PracticeRecord, practiceChecks } from './practice-checks.ts';
import { DEFAULT_VOLUNTEER_POLICY } from '#src/features/settings/volunteer-policy.ts';

const policy = DEFAULT_VOLUNTEER_POLICY; // supervision every 12 weeks, 1 observed session a year, 6 CPD hours a year
const sup = (on: string): PracticeRecord => ({ kind: 'supervision', on, minutes: 0 });
const obs = (on: string): PracticeRecord => ({ kind: 'observed_practice', on, minutes: 0 });
const cpd = (on: string, minutes: number): PracticeRecord => ({ kind: 'cpd', on, minutes });
const check = (records: PracticeRecord[], accreditedOn: string, today: string, p = policy) => {
  const [supervision, observed, cpdCheck] = practiceChecks(records, accreditedOn, p, today);
  return { supervision: supervision!, observed: observed!, cpd: cpdCheck! };
};

describe('case supervision', () => {
  it('is due 12 weeks after the last session', () => {
    const { supervision } = check([sup('2026-01-05'), sup('2025-10-01')], '2024-01-01', '2026-03-01');
    expect(supervision).toMatchObject({ dueOn: '2026-03-30', overdue: false, message: 'Case supervision due by 30 March (last 5 January)' });
  });
  it('is not overdue on the day it is due, and overdue the day after', () => {
    expect(check([sup('2026-01-05')], '2024-01-01', '2026-03-30').supervision.overdue).toBe(false);
    const late = check([sup('2026-01-05')], '2024-01-01', '2026-03-31').supervision;
    expect(late).toMatchObject({ overdue: true, message: 'Case supervision overdue since 30 March (last 5 January)' });
  });
  it('counts from accreditation when none is recorded', () => {
    expect(check([], '2026-01-05', '2026-02-01').supervision).toMatchObject({
      dueOn: '2026-03-30',
      overdue: false,
      message: 'Case supervision due by 30 March (none recorded yet)',
    });
    expect(check([], '2025-01-05', '2026-02-01').supervision).toMatchObject({ dueOn: '2025-03-30', overdue: true });
  });
  it('follows the service’s interval', () => {
    expect(check([sup('2026-01-05')], '2024-01-01', '2026-02-01', { ...policy, rjSupervisionWeeks: 4 }).supervision.dueOn).toBe('2026-02-02');
  });
  it('ignores sessions dated in the future', () => {
    expect(check([sup('2026-06-01'), sup('2026-01-05')], '2024-01-01', '2026-02-01').supervision.dueOn).toBe('2026-03-30');
  });
});

describe('observed practice', () => {
  it('is met by one session in the last 12 months, and due again a year after it', () => {
    const { observed } = check([obs('2025-06-10')], '2023-01-01', '2026-02-01');
    expect(observed).toMatchObject({
      dueOn: '2026-06-10',
      overdue: false,
      message: '1 of 1 observed session in the last 12 months; the next is due by 10 June',
    });
  });
  it('counts a session on the same date a year ago, and is overdue the day after', () => {
    expect(check([obs('2025-02-01')], '2023-01-01', '2026-02-01').observed).toMatchObject({ overdue: false, dueOn: '2026-02-01' });
    const late = check([obs('2025-02-01')], '2023-01-01', '2026-02-02').observed;
    expect(late).toMatchObject({ overdue: true, message: 'Observed practice overdue since 1 February: 0 of 1 observed session in the last 12 months' });
  });
  it('gives a new practitioner their first year', () => {
    expect(check([], '2025-09-01', '2026-02-01').observed).toMatchObject({
      dueOn: '2026-09-01',
      overdue: false,
      message: '0 of 1 observed session in the last 12 months; due by 1 September',
    });
    expect(check([], '2024-09-01', '2026-02-01').observed).toMatchObject({ dueOn: '2025-09-01', overdue: true });
  });
  it('needs as many sessions as the policy asks', () => {
    const two = { ...policy, rjObservedPerYear: 2 };
    const short = check([obs('2025-12-01')], '2023-01-01', '2026-02-01', two).observed;
    expect(short).toMatchObject({ overdue: true, message: 'Observed practice overdue since 1 January 2024: 1 of 2 observed sessions in the last 12 months' });
    const met = check([obs('2025-12-01'), obs('2025-04-01')], '2023-01-01', '2026-02-01', two).observed;
    expect(met).toMatchObject({ overdue: false, dueOn: '2026-04-01' });
  });
  it('can be switched off', () => {
    expect(check([], '2020-01-01', '2026-02-01', { ...policy, rjObservedPerYear: 0 }).observed.overdue).toBe(false);
  });
});

describe('CPD', () => {
  it('adds up this calendar year’s hours', () => {
    const records = [cpd('2026-01-10', 90), cpd('2026-03-01', 120), cpd('2025-12-31', 600), sup('2026-01-01')];
    expect(cpdSummary(records, 2026, policy)).toEqual({ year: 2026, minutes: 210, hours: '3.5', target: 6, met: false });
    expect(cpdSummary(records, 2025, policy)).toMatchObject({ minutes: 600, met: true });
  });
  it('is overdue when last year fell short for someone accredited before it began', () => {
    const records = [cpd('2025-05-01', 120), cpd('2026-01-10', 60)];
    expect(check(records, '2023-01-01', '2026-02-01').cpd).toMatchObject({
      overdue: true,
      dueOn: '2025-12-31',
      message: 'CPD short in 2025: 2 of 6 hours; 1 of 6 CPD hours in 2026',
    });
    // Accredited part-way through 2025: the part year is not held against them.
    expect(check(records, '2025-03-01', '2026-02-01').cpd).toMatchObject({ overdue: false, message: '1 of 6 CPD hours in 2026; due by 31 December' });
  });
  it('says when the year’s hours are done', () => {
    expect(check([cpd('2025-05-01', 360), cpd('2026-01-10', 400)], '2023-01-01', '2026-02-01').cpd).toMatchObject({
      overdue: false,
      message: '6.7 of 6 CPD hours in 2026: done for the year',
    });
  });
});

describe('helpers', () => {
  it('adds days across a leap day and shows hours', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-02-28', 2)).toBe('2028-03-01');
    expect(hoursOf(90)).toBe('1.5');
    expect(hoursOf(360)).toBe('6');
  });
});
