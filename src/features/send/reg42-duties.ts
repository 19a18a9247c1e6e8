// Pure: what the local authority must do after a SEND mediation agreement, and by when (rules.md #18–19). A term that
// could be appealed is met within the reg 44 limits as if the agreement were a tribunal order; anything else within
// 2 weeks (reg 42(3)); a commissioning body that made the agreement without the local authority tells it within a week
// (reg 42(4)); and dates the parties agreed in writing replace all of these (reg 42(5)).
import { msg } from '#src/i18n/i18n.ts';
import { SEND_ACTION_WEEKS, type SendAction } from '#src/features/agreements/agreement-words.ts';
import { addCalendarDays } from './send-clocks.ts';

export type Reg42Duty = { what: string; due: string; weeks: number; agreedDate: boolean };

/** Every step reg 44 sets for a kind of action, in weeks after the agreement; the first is the term's own default. */
const STEPS: Record<SendAction, readonly { what: string; weeks: number }[]> = {
  other: [{ what: msg('Do what was agreed (not appealable, reg 42(3))'), weeks: SEND_ACTION_WEEKS.other }],
  assess: [
    { what: msg('Tell the parent or young person the assessment will be done (reg 44)'), weeks: SEND_ACTION_WEEKS.assess },
    { what: msg('If no plan follows the assessment, say so (reg 44)'), weeks: 10 },
    { what: msg('If a plan follows, send the final plan (reg 44)'), weeks: 14 },
  ],
  make_plan: [
    { what: msg('Send the draft plan (reg 44)'), weeks: SEND_ACTION_WEEKS.make_plan },
    { what: msg('Send the final plan (reg 44)'), weeks: 11 },
  ],
  amend_plan: [{ what: msg('Amend sections B or F of the plan (reg 44(2)(e))'), weeks: SEND_ACTION_WEEKS.amend_plan }],
  change_school: [{ what: msg('Change the school or type named in the plan (reg 44(2)(f))'), weeks: SEND_ACTION_WEEKS.change_school }],
  continue_plan: [{ what: msg('Continue to maintain the plan (immediately)'), weeks: SEND_ACTION_WEEKS.continue_plan }],
};
const NOTIFY_LA = msg('The commissioning body tells the local authority of the agreement (reg 42(4))');

export type Reg42Term = { action: SendAction; appealable: boolean; agreedDueOn?: string | null };

/**
 * The duties and their dates for an agreement made on `agreedOn`. A term not appealable counts as "other" whatever its
 * action; a date agreed in writing replaces the term's first step's date (reg 42(5)) and is marked as agreed.
 */
export function reg42Duties(agreedOn: string, terms: readonly Reg42Term[], localAuthorityWasParty = true): Reg42Duty[] {
  const duties: Reg42Duty[] = [];
  if (!localAuthorityWasParty) duties.push({ what: NOTIFY_LA, due: addCalendarDays(agreedOn, 7), weeks: 1, agreedDate: false });
  for (const term of terms) {
    const steps = STEPS[term.appealable ? (term.action === 'other' ? 'amend_plan' : term.action) : 'other'];
    steps.forEach((step, i) => {
      const agreed = i === 0 && term.agreedDueOn ? term.agreedDueOn : null;
      duties.push({ what: step.what, due: agreed ?? addCalendarDays(agreedOn, step.weeks * 7), weeks: step.weeks, agreedDate: agreed !== null });
    });
  }
  return duties;
}
