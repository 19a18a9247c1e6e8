// The volunteer status pipeline: applicant → in training → trainee → accredited, and inactive or left from any
// stage. Pure: which moves there are from each status, in words, and whether one particular move may be made.
import type { StatusStep } from '#src/db/schema/volunteers.ts';
import { longDate } from '#src/domain/dates-in-words.ts';
import { VOLUNTEER_STATUS_LABELS, type VolunteerStatus } from '../volunteer-words.ts';
import { listIn, msg, type Translate, translator } from '#src/i18n/i18n.ts';

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

/** Whether this change may be made, and if not why, in words to show as they are (worded with `t`, English by default). */
export function decideStatusChange(v: StatusVolunteer, change: StatusChange, today: string, t: Translate = translator()): StatusDecision {
  const problems: [field: string, reason: string][] = [];
  const from = t(VOLUNTEER_STATUS_LABELS[v.status] ?? v.status);
  const to = t(VOLUNTEER_STATUS_LABELS[change.to] ?? change.to);
  const move = statusMoves(v.status).find((m) => m.to === change.to);
  if (change.to === v.status) problems.push(['status', t('They are already {status}', { status: to.toLowerCase() })]);
  else if (!move) {
    const labels = statusMoves(v.status).map((m) => m.label);
    // i18n-dynamic: each label is a VOLUNTEER_STATUS_LABELS msg() value
    const options = (tt: Translate, locale: Parameters<typeof listIn>[0]) =>
      listIn(
        locale,
        labels.map((l) => tt(l).toLowerCase()),
        'disjunction',
        ' or ',
      );
    problems.push([
      'status',
      t('A volunteer who is {from} cannot become {to}: they can become {options}', { from: from.toLowerCase(), to: to.toLowerCase(), options }),
    ]);
  }
  if (move && v.status === 'inactive' && (change.to === 'trainee' || change.to === 'accredited')) {
    const before = statusBeforeBreak(v.statusHistory);
    if (before !== change.to) {
      const was = t(VOLUNTEER_STATUS_LABELS[before as VolunteerStatus] ?? msg('not recorded')).toLowerCase();
      problems.push([
        'status',
        t('They can only return as {status} if they were {status} before their break (they were {was})', { status: to.toLowerCase(), was }),
      ]);
    }
  }
  if (move && change.to === 'accredited' && !change.note?.trim())
    problems.push(['note', t('Add a note saying why you are accrediting them here (usually their supervisor accredits them after signing off their cases)')]);
  if (move && change.to === 'trainee' && !change.supervisorUserId && !v.supervisorUserId)
    problems.push(['supervisorUserId', t('Choose a supervisor: every trainee has one')]);
  if (change.on > today) problems.push(['on', t('The date of the change cannot be in the future')]);
  const last = v.statusHistory.at(-1);
  if (last && change.on < last.on) problems.push(['on', t('The date cannot be before the last change, on {date}', { date: longDate(last.on) })]);
  const fields: Record<string, string> = {};
  for (const [field, reason] of problems) fields[field] ??= reason;
  return { allowed: problems.length === 0, reasons: problems.map(([, r]) => r), fields };
}
