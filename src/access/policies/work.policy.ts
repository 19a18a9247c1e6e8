// Pure: a volunteer's hours entries and expense claims, one by one. Volunteers delete their own hours within the
// window; coordinators and admins at any time. A receipt is for the claimant and the people who decide claims.
import { msg } from '#src/i18n/i18n.ts';
import { can } from '../permissions.ts';
import { ALLOW, type Decision, refuse } from '../decision.ts';
import { owns, type Subject } from '../subjects.ts';

export type HoursEntryFacts = { ownerUserId: string | null; createdAt: Date };
export type ClaimFacts = { claimantUserId: string | null };

/** How long after logging an entry a volunteer may still delete it themselves. */
export const DELETE_WINDOW_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export const HOURS_ENTRY_RULES = {
  delete(s: Subject, f: HoursEntryFacts, now: Date): Decision {
    if (can(s.role, 'volunteers.manage')) return ALLOW;
    if (!owns(s, f.ownerUserId)) return refuse('DELETE_NOT_ALLOWED', msg('You can only delete your own hours'));
    if (now.getTime() - f.createdAt.getTime() > DELETE_WINDOW_DAYS * DAY_MS)
      return refuse('DELETE_NOT_ALLOWED', msg('Entries can only be deleted within {days} days of logging them; ask your coordinator'), {
        days: DELETE_WINDOW_DAYS,
      });
    return ALLOW;
  },
} as const;

export const EXPENSE_CLAIM_RULES = {
  read_receipt: (s: Subject, f: ClaimFacts): Decision =>
    owns(s, f.claimantUserId) || can(s.role, 'expenses.approve')
      ? ALLOW
      : refuse('NOT_OWN_CLAIM', msg('Only the volunteer who claimed and the coordinators who decide claims can see a receipt')),
} as const;
