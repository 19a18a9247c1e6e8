// Pure: the SEND 2-month contact deadline (SEND Regulations 2014 reg 33): the same date two calendar months after
// the local authority's decision letter, or the last day of that month when it has no such date.
export const SEND_CONTACT_MONTHS = 2;

export function addCalendarMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const targetMonthIndex = m - 1 + months;
  const year = y + Math.floor(targetMonthIndex / 12);
  const month = ((targetMonthIndex % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(d, lastDay);
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export type SendDeadline = { deadline: string; daysLeft: number; passed: boolean };

export function sendContactDeadline(decisionLetterDate: string, today: string, months = SEND_CONTACT_MONTHS): SendDeadline {
  const deadline = addCalendarMonths(decisionLetterDate, months);
  const daysLeft = Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  return { deadline, daysLeft, passed: daysLeft < 0 };
}
