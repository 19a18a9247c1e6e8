// Pure: whether a trainee is ready to be accredited, with the reasons in words. (Who may accredit them, and who may
// read and change their training, is the volunteer policy in src/access.)
import { VOLUNTEER_STATUS_LABELS, type VolunteerStatus } from '../volunteer-words.ts';

export type AccreditDecision = { allowed: boolean; reasons: string[]; progress: string };

/** A trainee may be accredited once the required supervised cases are signed off by their supervisor. */
export function accreditGate(v: { name: string; status: string }, signedOff: number, required: number): AccreditDecision {
  const progress = `${signedOff} of ${required} supervised ${required === 1 ? 'case' : 'cases'} signed off`;
  const reasons: string[] = [];
  if (v.status === 'accredited') reasons.push(`${v.name} is already accredited`);
  else if (v.status !== 'trainee') {
    const label = VOLUNTEER_STATUS_LABELS[v.status as VolunteerStatus] ?? v.status;
    reasons.push(`Only trainees can be accredited this way: ${v.name} is ${label.toLowerCase()}`);
  }
  if (signedOff < required) reasons.push(progress);
  return { allowed: reasons.length === 0, reasons, progress };
}
