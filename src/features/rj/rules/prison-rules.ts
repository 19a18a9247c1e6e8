// Pure: the prison-visit checklist (rules.md #36). The service lists the steps (security clearance, governor approval,
// the visit booked …); a prison visit to a participant in custody can be booked only when every step is done.
export type Custody = { name: string; checklist: Record<string, { on: string; by: string }> };

/** The service's steps not yet done for this person, in the service's order. */
export const stepsLeft = (steps: readonly string[], done: Custody['checklist']) => steps.filter((s) => !done[s]);

/** Why a prison visit to these people cannot be booked yet, one reason each; empty when it can. */
export function prisonVisitProblems(steps: readonly string[], custodies: readonly Custody[]): string[] {
  return custodies.flatMap((c) => {
    const left = stepsLeft(steps, c.checklist);
    return left.length ? [`The prison visit checklist for ${c.name} is not complete: ${left.join(', ')}`] : [];
  });
}
