import { describe, expect, it } from 'vitest';
import { dbsStanding } from '#src/features/volunteers/dbs/dbs-status.ts';
import { dbsAlertFor, dbsAlertKey } from './dbs-alert-rule.ts';

const policy = { dbsRecheckYears: 3, dbsAlertDays: [60, 30, 7] };
const alertOn = (today: string, statusChecks: { on: string; result: 'no_change' | 'new_information' }[] = []) =>
  dbsAlertFor(dbsStanding({ issuedOn: '2024-03-01', statusChecks }, policy, today));

describe('dbsAlertFor', () => {
  it('sends nothing while the recheck is further off than the largest alert day, or with no check at all', () => {
    expect(alertOn('2026-12-01')).toBeNull();
    expect(dbsAlertFor(dbsStanding(null, policy, '2026-12-01'))).toBeNull();
  });

  it('names the smallest threshold crossed', () => {
    expect(alertOn('2027-01-01')).toMatchObject({ threshold: '60', dueOn: '2027-03-01', dueWords: 'due in 59 days' });
    expect(alertOn('2027-02-01')?.threshold).toBe('30');
    expect(alertOn('2027-02-28')).toMatchObject({ threshold: '7', dueWords: 'due tomorrow' });
    expect(alertOn('2027-03-01')).toMatchObject({ threshold: '7', dueWords: 'due today' });
  });

  it('says overdue after the due date, and review when new information was reported', () => {
    expect(alertOn('2027-03-02')).toMatchObject({ threshold: 'overdue', dueSentence: 'was due for its recheck on 1 March 2027 and is now overdue.' });
    expect(alertOn('2026-05-01', [{ on: '2026-04-20', result: 'new_information' }])).toMatchObject({ threshold: 'review', dueOn: '2026-04-20' });
  });

  it('keys each threshold of each due date apart, per recipient', () => {
    const a = alertOn('2027-01-01')!;
    const b = alertOn('2027-01-02')!;
    expect(dbsAlertKey('v1', a, 'u1')).toBe(dbsAlertKey('v1', b, 'u1'));
    expect(dbsAlertKey('v1', a, 'u1')).toBe('dbs:v1:2027-03-01:60:u1');
    expect(dbsAlertKey('v1', alertOn('2027-02-01')!, 'u1')).not.toBe(dbsAlertKey('v1', a, 'u1'));
  });
});
