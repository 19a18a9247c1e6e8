// Pure: when a SEND clock or a local authority duty is reminded, and the key that makes each reminder go once. A clock
// is reminded in up to three stages: soon (2 working days, or 5 calendar days, before it falls due), on the day it
// falls due, and once when it has passed. A reminder missed (the job did not run) is not sent late for a stage already
// passed: only the stage the clock is in today is sent, once per recipient, due date and stage.
import type { Clock } from './case-clocks.ts';

export const REMINDER_STAGES = ['soon', 'due', 'overdue'] as const;
export type ReminderStage = (typeof REMINDER_STAGES)[number];

/** How close (in the clock's own unit) a clock is first reminded. */
export const SOON_WORKING_DAYS = 2;
export const SOON_CALENDAR_DAYS = 5;
/** A duty after an agreement (calendar days, weeks long) is first reminded a week before. */
export const DUTY_SOON_DAYS = 7;

/** The stage a running clock is in today, or null when it is not yet time to remind (or it is not running). */
export function reminderStage(k: Pick<Clock, 'running' | 'overdue' | 'daysLeft' | 'unit'>): ReminderStage | null {
  if (!k.running) return null;
  if (k.overdue) return 'overdue';
  if (k.daysLeft <= 0) return 'due';
  return k.daysLeft <= (k.unit === 'working' ? SOON_WORKING_DAYS : SOON_CALENDAR_DAYS) ? 'soon' : null;
}

/** The stage of a duty not yet met, from its calendar days left. */
export function dutyReminderStage(daysLeft: number): ReminderStage | null {
  if (daysLeft < 0) return 'overdue';
  if (daysLeft === 0) return 'due';
  return daysLeft <= DUTY_SOON_DAYS ? 'soon' : null;
}

/** One reminder per case, clock (or duty), due date, stage and recipient: queueing the same key again does nothing. */
export const reminderKey = (caseId: string, what: string, due: string, stage: ReminderStage, recipient: string) =>
  `send:${caseId}:${what}:${due}:${stage}:${recipient}`;
