// Pure: the offence-type gate (rules.md #32, RJC Code D). A case whose offence category the service takes only when
// the person harmed asks, but which the person who harmed (or someone for them) started, is held until a senior
// decides; the reason is shown wherever the hold stops something. Categories that need extra care are flagged.
import type { OffenceCategory, RjPolicy } from '../rj-policy.ts';

export type HoldFacts = {
  category: OffenceCategory | null;
  /** Who asked for RJ, from the referral: victim, person_who_harmed, referrer, other, or unknown. */
  initiatedBy: string | null;
  seniorDecision: 'proceed' | 'decline' | null;
};

export type HoldState =
  | { state: 'none'; extraCare: boolean }
  | { state: 'held'; extraCare: boolean; reason: string }
  | { state: 'proceed'; extraCare: boolean; reason: string }
  | { state: 'declined'; extraCare: boolean; reason: string };

export function holdState(f: HoldFacts, policy: Pick<RjPolicy, 'extraCare' | 'victimInitiatedOnly'>, categoryLabel: (c: OffenceCategory) => string): HoldState {
  const extraCare = f.category !== null && policy.extraCare.includes(f.category);
  const needsVictim = f.category !== null && policy.victimInitiatedOnly.includes(f.category);
  if (!needsVictim || f.initiatedBy === 'victim') return { state: 'none', extraCare };
  const who = f.initiatedBy === 'person_who_harmed' ? 'the person who harmed' : 'someone other than the person harmed';
  const reason = `this service takes ${categoryLabel(f.category!).toLowerCase()} cases only when the person harmed asks, and this one was started by ${who}`;
  if (f.seniorDecision === 'proceed') return { state: 'proceed', extraCare, reason };
  if (f.seniorDecision === 'decline') return { state: 'declined', extraCare, reason };
  return { state: 'held', extraCare, reason };
}

/** The reason contact is held, for the contact gate: while no senior has said to go on, or one declined. */
export const heldReason = (h: HoldState): string | null =>
  h.state === 'held' ? h.reason : h.state === 'declined' ? `a senior decided it should not go ahead (${h.reason})` : null;
