// Pure: the statutory clocks of SEND mediation in England (rules.md §A #5–#11, #18–#20), each a function of dates
// "YYYY-MM-DD". Working days are Monday to Friday less the bank holidays of England and Wales, counted by the one
// working-days module the meetings use; calendar months keep the day of the month, or take the month's last day
// when it has no such day (31 December + 2 months is 28 or 29 February).
import { addCalendarMonths } from '#src/domain/send-deadline.ts';
import { sendEarliestDate } from '#src/features/meetings/slots/service-rules.ts';
import { addWorkingDays, workingDaysBetween } from '#src/features/meetings/working-days.ts';
import { HEALTH_ISSUES, type SendIssue } from './send-words.ts';

/** Working days the adviser has to issue a certificate (reg 34; after mediation and deemed likewise). */
export const CERTIFICATE_WORKING_DAYS = 3;
/** Working days the local authority has to tell each ICB when health issues are included (#9). */
export const ICB_NOTICE_WORKING_DAYS = 3;
/** Calendar days within which mediation must be held after the request (#8: "arranged" or "held": see the note). */
export const MEDIATION_CALENDAR_DAYS = 30;
/** Working days' notice of the meeting, unless the parent or young person agrees to less (#11). */
export const MEETING_NOTICE_WORKING_DAYS = 5;

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;

/** The date `n` calendar days after `date`. */
export function addCalendarDays(date: string, n: number): string {
  return new Date((dayNumber(date) + n) * DAY_MS).toISOString().slice(0, 10);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: string, to: string): number {
  return Math.round(dayNumber(to) - dayNumber(from));
}

/** #5 (reg 33): the parent or young person contacts the adviser within 2 calendar months of the decision letter. */
export function contactDeadline(decisionLetterOn: string): string {
  return addCalendarMonths(decisionLetterOn, 2);
}

/** #5: a contact after the 2 months is late. It is flagged, never refused. */
export function isLateContact(decisionLetterOn: string, contactedOn: string): boolean {
  return contactedOn > contactDeadline(decisionLetterOn);
}

/** #3 (CFA s.55): an appeal only about Section I (the school or institution, its type, or none named) needs no certificate. */
export function certificateRequired(issues: readonly SendIssue[]): boolean {
  return issues.length === 0 || issues.some((i) => i !== 'I');
}

/** True when the issues include health needs or provision, so the ICBs must be told (#9). */
export function hasHealthIssues(issues: readonly SendIssue[]): boolean {
  return issues.some((i) => HEALTH_ISSUES.includes(i));
}

/** True when every issue is a health one: the ICB, not the local authority, arranges mediation (#9). */
export function isHealthOnly(issues: readonly SendIssue[]): boolean {
  return issues.length > 0 && issues.every((i) => HEALTH_ISSUES.includes(i));
}

/** #6 (reg 34): the certificate when mediation is declined, 3 working days from being told. */
export function declinedCertificateDue(toldOn: string): string {
  return addWorkingDays(toldOn, CERTIFICATE_WORKING_DAYS);
}

/** #9: the local authority tells each ICB within 3 working days of being told; null when no health issue is included. */
export function icbNotificationDue(toldOn: string, issues: readonly SendIssue[]): string | null {
  return hasHealthIssues(issues) ? addWorkingDays(toldOn, ICB_NOTICE_WORKING_DAYS) : null;
}

/**
 * #8: the date by which mediation must be held, 30 calendar days after the local authority is told the parent wants
 * it (day 30 itself is the last day). For health-only issues the 30 days run from the local authority's notice to the
 * ICB (#9), when that date is known. Sources disagree on "arranged within" and "held within": we take "held".
 */
export function mediationDeadline(requestedOn: string, issues: readonly SendIssue[] = [], icbNotifiedOn?: string | null): string {
  const from = isHealthOnly(issues) && icbNotifiedOn ? icbNotifiedOn : requestedOn;
  return addCalendarDays(from, MEDIATION_CALENDAR_DAYS);
}

/**
 * #10: is a deemed certificate to be prompted? From day 31 while no mediation meeting has been held, and still when
 * the meeting was held only after day 30 (mediation may go ahead after the deemed certificate).
 */
export function deemedCertificatePrompted(mediationBy: string, heldOn: string | null | undefined, today: string): boolean {
  return heldOn ? heldOn > mediationBy : today > mediationBy;
}

/**
 * #10: the deemed certificate, 3 working days from the adviser being told the 30 days cannot be met; when nobody told
 * the adviser, from day 31 (the day after the last day, when the prompt starts).
 */
export function deemedCertificateDue(mediationBy: string, adviserToldOn?: string | null): string {
  return addWorkingDays(adviserToldOn ?? addCalendarDays(mediationBy, 1), CERTIFICATE_WORKING_DAYS);
}

/** #7: the certificate after mediation, 3 working days from the meeting that concluded it. */
export function afterMediationCertificateDue(concludedOn: string): string {
  return addWorkingDays(concludedOn, CERTIFICATE_WORKING_DAYS);
}

/**
 * #11: the last day the parent or young person may be told of a meeting on `meetingOn` (5 working days before), or
 * null when they agreed to shorter notice. The inverse of the booking rule's sendEarliestDate, which stays the one
 * rule that refuses a booking.
 */
export function noticeDueBy(meetingOn: string, shortNoticeAgreed: boolean): string | null {
  return shortNoticeAgreed ? null : addWorkingDays(meetingOn, -MEETING_NOTICE_WORKING_DAYS);
}

/** #11: was notice given on `toldOn` enough for a meeting on `meetingOn`? (the booking rule's own function decides) */
export function noticeEnough(toldOn: string, meetingOn: string, shortNoticeAgreed: boolean): boolean {
  const earliest = sendEarliestDate({ isSend: true, shortNoticeAgreed, workingDays: MEETING_NOTICE_WORKING_DAYS, today: toldOn });
  return earliest === null || meetingOn >= earliest;
}

/** #20: appeal to the tribunal by the later of decision + 2 months and certificate + 1 month. */
export function appealDeadline(decisionLetterOn: string, certificateIssuedOn: string): string {
  const a = addCalendarMonths(decisionLetterOn, 2);
  const b = addCalendarMonths(certificateIssuedOn, 1);
  return a > b ? a : b;
}

/** Days left to a due date: working days for a working-day clock, calendar days otherwise; negative when overdue. */
export function daysLeft(today: string, due: string, unit: 'working' | 'calendar'): number {
  return unit === 'working' ? workingDaysBetween(today, due) : calendarDaysBetween(today, due);
}
