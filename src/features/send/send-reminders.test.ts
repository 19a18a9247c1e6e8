import { describe, expect, it } from 'vitest';
import { dutyReminderStage, reminderKey, reminderStage } from './send-reminders.ts';

describe('reminder stages of a clock', () => {
  it.each([
    // [unit, daysLeft, overdue, running, expected]
    ['working', 3, false, true, null],
    ['working', 2, false, true, 'soon'],
    ['working', 1, false, true, 'soon'],
    ['working', 0, false, true, 'due'],
    ['working', -1, true, true, 'overdue'],
    ['calendar', 6, false, true, null],
    ['calendar', 5, false, true, 'soon'],
    ['calendar', 0, false, true, 'due'],
    ['calendar', -4, true, true, 'overdue'],
    ['calendar', 2, false, false, null],
  ] as const)('%s clock, %i days left, overdue %s, running %s: %s', (unit, daysLeft, overdue, running, expected) => {
    expect(reminderStage({ unit, daysLeft, overdue, running })).toBe(expected);
  });

  it('reminds a duty a week before, on the day and once overdue', () => {
    expect([8, 7, 1, 0, -1, -30].map(dutyReminderStage)).toEqual([null, 'soon', 'soon', 'due', 'overdue', 'overdue']);
  });

  it('keys a reminder by case, clock, due date, stage and recipient', () => {
    expect(reminderKey('c1', 'deemed_certificate', '2026-12-24', 'soon', 'u1')).toBe('send:c1:deemed_certificate:2026-12-24:soon:u1');
  });
});
