// The Victims' Code clock, with examples counted by hand on a calendar of England and Wales: the day of the first
// contact is not counted, nor weekends, nor bank holidays (substitute days included).
import { describe, expect, it } from 'vitest';
import { victimsCodeClock, victimsCodeDue } from './victims-code.ts';

describe('when the information is due', () => {
  it.each([
    // Thu 24 Dec 2026: Fri 25 (Christmas), Sat, Sun, Mon 28 (Boxing Day substitute) are not counted;
    // Tue 29 is day 1, Wed 30 day 2, Thu 31 day 3, Fri 1 Jan (New Year's Day) not, Mon 4 day 4, Tue 5 day 5.
    ['Christmas and New Year, 5 working days', '2026-12-24', false, '2027-01-05'],
    ['Christmas, enhanced rights: the next working day is Tuesday', '2026-12-24', true, '2026-12-29'],
    // Thu 25 Mar 2027: Good Friday 26 and Easter Monday 29 Mar are bank holidays; Tue 30 is day 1 … Mon 5 Apr day 5.
    ['Easter, 5 working days', '2027-03-25', false, '2027-04-05'],
    ['Easter, enhanced rights', '2027-03-25', true, '2027-03-30'],
    // Fri 28 May 2027: the weekend and the Spring bank holiday (Mon 31 May); Tue 1 Jun is day 1 … Mon 7 Jun day 5.
    ['the Spring bank holiday, 5 working days', '2027-05-28', false, '2027-06-07'],
    ['the Spring bank holiday, enhanced rights', '2027-05-28', true, '2027-06-01'],
    // An ordinary week: Mon 9 Nov 2026 → Mon 16 Nov (5), Tue 10 Nov (1).
    ['an ordinary week, 5 working days', '2026-11-09', false, '2026-11-16'],
    ['an ordinary week, enhanced rights', '2026-11-09', true, '2026-11-10'],
    // A contact on a Saturday: Mon 14 Dec is day 1, Fri 18 Dec day 5.
    ['a contact on a Saturday', '2026-12-12', false, '2026-12-18'],
  ])('%s', (_, firstContactOn, enhanced, due) => {
    expect(victimsCodeDue(firstContactOn, enhanced)).toBe(due);
  });
});

describe('the clock on the case', () => {
  const f = { firstContactOn: '2026-12-24', enhancedRights: false, informationGivenOn: null };

  it('does not run when the service is not the first contact', () => {
    expect(victimsCodeClock({ ...f, firstContactOn: null }, '2026-12-24')).toBeNull();
  });

  it('counts working days left, not calendar days', () => {
    // From Thu 24 Dec: Tue 29, Wed 30, Thu 31, Mon 4, Tue 5 — 5 working days left.
    expect(victimsCodeClock(f, '2026-12-24')).toMatchObject({ due: '2027-01-05', daysLeft: 5, running: true, overdue: false });
    // From Thu 31 Dec: Mon 4 and Tue 5 Jan.
    expect(victimsCodeClock(f, '2026-12-31')).toMatchObject({ daysLeft: 2, overdue: false });
    expect(victimsCodeClock(f, '2027-01-05')).toMatchObject({ daysLeft: 0, overdue: false });
    // Wed 6 and Thu 7 Jan: 2 working days late.
    expect(victimsCodeClock(f, '2027-01-07')).toMatchObject({ daysLeft: -2, overdue: true });
  });

  it('with enhanced rights, is overdue the second working day after the contact', () => {
    const enhanced = { ...f, enhancedRights: true };
    expect(victimsCodeClock(enhanced, '2026-12-28')).toMatchObject({ due: '2026-12-29', daysLeft: 1, overdue: false });
    expect(victimsCodeClock(enhanced, '2026-12-30')).toMatchObject({ daysLeft: -1, overdue: true });
  });

  it('stops once the information is given, saying whether it was on time', () => {
    expect(victimsCodeClock({ ...f, informationGivenOn: '2027-01-05' }, '2027-02-01')).toMatchObject({ running: false, overdue: false, metOnTime: true });
    expect(victimsCodeClock({ ...f, informationGivenOn: '2027-01-06' }, '2027-02-01')).toMatchObject({ running: false, metOnTime: false });
  });
});
