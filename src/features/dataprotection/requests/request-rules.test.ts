import { describe, expect, it } from 'vitest';
import { addCalendarMonths, daysLeft, requestDueOn } from './request-rules.ts';

describe('when a request must be answered (rules.md #55)', () => {
  it('counts to the same date next month, or the last day of a shorter month', () => {
    expect(addCalendarMonths('2026-03-03', 1)).toBe('2026-04-03');
    expect(addCalendarMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addCalendarMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addCalendarMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(addCalendarMonths('2026-11-30', 3)).toBe('2027-02-28');
  });

  it('moves a due date on a weekend or bank holiday to the next working day', () => {
    // 3 March 2026 is a Tuesday: due Friday 3 April 2026 is Good Friday, Easter Monday follows: Tuesday 7 April.
    expect(requestDueOn('2026-03-03')).toBe('2026-04-07');
    // Received Saturday 7 November 2026: 7 December is a Monday.
    expect(requestDueOn('2026-11-07')).toBe('2026-12-07');
    // Received 5 November 2026: 5 December is a Saturday, so Monday 7 December.
    expect(requestDueOn('2026-11-05')).toBe('2026-12-07');
    // Received 25 November 2026: Christmas Day (Friday), then Boxing Day substitute Monday 28: Tuesday 29 December.
    expect(requestDueOn('2026-11-25')).toBe('2026-12-29');
  });

  it('extends by two further months: three calendar months from the start', () => {
    expect(requestDueOn('2026-01-15', true)).toBe('2026-04-15');
  });

  it('counts the days left, negative when overdue', () => {
    expect(daysLeft('2026-12-06', '2026-12-07')).toBe(1);
    expect(daysLeft('2026-12-08', '2026-12-07')).toBe(-1);
  });
});
