// Pure: a participant's suitability under the RJC Service Provider Code, B (rules.md #27): they acknowledge the
// basic facts, are willing, and (the person who harmed) accept responsibility. A responsibility acknowledgement is
// needed before any direct or indirect process is booked.
export type Suitability = {
  acknowledgesFacts: boolean;
  acceptsResponsibility: boolean | null;
  willing: boolean;
};

export type SuitabilityOutcome = 'suitable' | 'not_suitable' | 'not_assessed';

/** The questions asked of this role: the responsibility question only of the person who harmed. */
export const asksResponsibility = (role: string) => role === 'person_who_harmed';

export function suitabilityOutcome(role: string, s: Suitability | undefined): SuitabilityOutcome {
  if (!s) return 'not_assessed';
  if (!s.acknowledgesFacts || !s.willing) return 'not_suitable';
  if (asksResponsibility(role) && s.acceptsResponsibility !== true) return 'not_suitable';
  return 'suitable';
}

/** Why the participant is not (yet) suitable, in words, or undefined when they are. */
export function suitabilityProblem(name: string, role: string, s: Suitability | undefined): string | undefined {
  const outcome = suitabilityOutcome(role, s);
  if (outcome === 'suitable') return undefined;
  if (outcome === 'not_assessed') return `${name}’s suitability has not been recorded yet`;
  const missing = [
    !s!.acknowledgesFacts ? 'does not acknowledge the basic facts' : null,
    asksResponsibility(role) && s!.acceptsResponsibility !== true ? 'does not accept responsibility' : null,
    !s!.willing ? 'is not willing to take part' : null,
  ].filter(Boolean);
  return `${name} ${missing.join(', ')}`;
}
