// Pure: the Victims' Code clock (rules.md #25, para 3.6) where the service is the person harmed's first contact:
// information on restorative justice within 5 working days of that contact, or 1 working day for someone entitled to
// enhanced rights. Working days are counted by the one working-days module meetings and SEND use (Monday to Friday
// less the bank holidays of England and Wales); the day of the contact itself is not counted. The clock stops when
// the information is recorded as given, on time or late.
import { addWorkingDays, workingDaysBetween } from '#src/features/meetings/working-days.ts';

export const VICTIMS_CODE_WORKING_DAYS = 5;
export const VICTIMS_CODE_ENHANCED_WORKING_DAYS = 1;

export type VictimsCodeFacts = { firstContactOn: string | null; enhancedRights: boolean; informationGivenOn: string | null };
export type VictimsCodeClock = {
  due: string;
  workingDays: number;
  /** Working days from today to the due day: 0 on the day, negative once overdue (running clocks only). */
  daysLeft: number;
  running: boolean;
  overdue: boolean;
  /** Once stopped: whether the information was given by the due day. */
  metOnTime: boolean | null;
};

/** The day the information is due, counted from the first contact. */
export function victimsCodeDue(firstContactOn: string, enhancedRights: boolean): string {
  return addWorkingDays(firstContactOn, enhancedRights ? VICTIMS_CODE_ENHANCED_WORKING_DAYS : VICTIMS_CODE_WORKING_DAYS);
}

/** The clock on a case today, or null when the service is not the first contact. */
export function victimsCodeClock(f: VictimsCodeFacts, today: string): VictimsCodeClock | null {
  if (!f.firstContactOn) return null;
  const due = victimsCodeDue(f.firstContactOn, f.enhancedRights);
  const workingDays = f.enhancedRights ? VICTIMS_CODE_ENHANCED_WORKING_DAYS : VICTIMS_CODE_WORKING_DAYS;
  if (f.informationGivenOn) return { due, workingDays, daysLeft: 0, running: false, overdue: false, metOnTime: f.informationGivenOn <= due };
  return { due, workingDays, daysLeft: workingDaysBetween(today, due), running: true, overdue: today > due, metOnTime: null };
}
