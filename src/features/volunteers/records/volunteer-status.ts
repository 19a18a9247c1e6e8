// The volunteer status pipeline: applicant → in training → trainee → accredited, and inactive or left from any
// stage. Pure: which moves there are from each status, in words, and whether one particular move may be made.
import type { StatusStep } from '#src/db/schema/volunteers.ts';
import { longDate } from '#src/domain/dates-in-words.ts';
import { VOLUNTEER_STATUS_LABELS, type VolunteerStatus } from '../volunteer-words.ts';
import { msg } from '#src/i18n/i18n.ts';

export type StatusMove = { to: VolunteerStatus; label: string; explanation: string };

const MOVES: Record<VolunteerStatus, { to: VolunteerStatus; explanation: string }[]> = {
  applicant: [
    { to: 'in_training', explanation: msg('They have started the foundation course.') },
    { to: 'left', explanation: msg('They withdrew or were not taken on.') },
  ],
  in_training: [
    { to: 'trainee', explanation: msg('They have finished the foundation course and start co-mediating under a supervisor.') },
    { to: 'inactive', explanation: msg('They are taking a break from training.') },
    { to: 'left', explanation: msg('They have stopped volunteering.') },
  ],
  trainee: [
    {
      to: 'accredited',
      explanation: msg(
        'Usually their supervisor accredits them after signing off their supervised cases; an admin or coordinator may accredit here with a note saying why.',
      ),
    },
    { to: 'in_training', explanation: msg('They need more training before co-mediating again.') },
    { to: 'inactive', explanation: msg('They are taking a break.') },
    { to: 'left', explanation: msg('They have stopped volunteering.') },
  ],
  accredited: [
    { to: 'inactive', explanation: msg('They are taking a break and will not be given cases.') },
    { to: 'left', explanation: msg('They have stopped volunteering.') },
  ],
  inactive: [
    { to: 'in_training', explanation: msg('They return to training.') },
    { to: 'trainee', explanation: msg('They return as a trainee (only if they were one before their break).') },
    { to: 'accredited', explanation: msg('They return as an accredited mediator (only if they were accredited before their break).') },
    { to: 'left', explanation: msg('They have stopped volunteering.') },
  ],
  left: [{ to: 'applicant', explanation: msg('They have applied again.') }],
};

/** The statuses a volunteer may move to from `from`, each with what the move means. */
export function statusMoves(from: VolunteerStatus): StatusMove[] {
  return (MOVES[from] ?? []).map((m) => ({ ...m, label: VOLUNTEER_STATUS_LABELS[m.to] }));
}

/** The decision, its reasons in words, and for a form the field each reason belongs to (the first per field). */
export type StatusDecision = { allowed: boolean; reasons: string[]; fields: Record<string, string> };

export type StatusVolunteer = { status: VolunteerStatus; statusHistory: readonly StatusStep[]; supervisorUserId: string | null };
export type StatusChange = { to: VolunteerStatus; on: string; note?: string | undefined; supervisorUserId?: string | undefined };

/** The status the volunteer had before their latest break, if they are inactive. */
export function statusBeforeBreak(history: readonly StatusStep[]): string | undefined {
  for (let i = history.length - 1; i >= 0; i--) {
    if (history[i]!.status === 'inactive') return history[i - 1]?.status;
  }
  return undefined;
}

/** Whether this change may be made, and if not why, in words to show as they are. */
export function decideStatusChange(v: StatusVolunteer, change: StatusChange, today: string): StatusDecision {
  const problems: [field: string, reason: string][] = [];
  const from = VOLUNTEER_STATUS_LABELS[v.status] ?? v.status;
  const to = VOLUNTEER_STATUS_LABELS[change.to] ?? change.to;
  const move = statusMoves(v.status).find((m) => m.to === change.to);
  if (change.to === v.status) problems.push(['status', `They are already ${to.toLowerCase()}`]);
  else if (!move) {
    const options = statusMoves(v.status).map((m) => m.label.toLowerCase());
    problems.push(['status', `A volunteer who is ${from.toLowerCase()} cannot become ${to.toLowerCase()}: they can become ${options.join(' or ')}`]);
  }
  if (move && v.status === 'inactive' && (change.to === 'trainee' || change.to === 'accredited')) {
    const before = statusBeforeBreak(v.statusHistory);
    if (before !== change.to) {
      const was = (VOLUNTEER_STATUS_LABELS[before as VolunteerStatus] ?? 'not recorded').toLowerCase();
      problems.push(['status', `They can only return as ${to.toLowerCase()} if they were ${to.toLowerCase()} before their break (they were ${was})`]);
    }
  }
  if (move && change.to === 'accredited' && !change.note?.trim())
    problems.push(['note', 'Add a note saying why you are accrediting them here (usually their supervisor accredits them after signing off their cases)']);
  if (move && change.to === 'trainee' && !change.supervisorUserId && !v.supervisorUserId)
    problems.push(['supervisorUserId', 'Choose a supervisor: every trainee has one']);
  if (change.on > today) problems.push(['on', 'The date of the change cannot be in the future']);
  const last = v.statusHistory.at(-1);
  if (last && change.on < last.on) problems.push(['on', `The date cannot be before the last change, on ${longDate(last.on)}`]);
  const fields: Record<string, string> = {};
  for (const [field, reason] of problems) fields[field] ??= reason;
  return { allowed: problems.length === 0, reasons: problems.map(([, r]) => r), fields };
}
