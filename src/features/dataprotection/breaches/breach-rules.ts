// Pure: the ICO's 72 hours (rules.md #58). A breach that risks people's rights is reported to the ICO within 72 hours
// of the service becoming aware of it, weekends and bank holidays included; when the risk is high the people
// affected are told too. Every breach is logged, reported or not.
export const ICO_HOURS = 72;
export const BREACH_RISKS = ['unlikely', 'risk', 'high'] as const;
export type BreachRisk = (typeof BREACH_RISKS)[number];

const HOUR = 3_600_000;

export type BreachFacts = { awareAt: Date; risk: BreachRisk; reportedToIcoAt: Date | null; peopleToldAt: Date | null; closedAt: Date | null };

export type BreachStanding = {
  /** When the report to the ICO is due: 72 hours from becoming aware. */
  deadline: Date;
  /** not_needed: unlikely to risk anyone (log only); due: hours left; overdue: past the deadline, not reported; reported; reported_late. */
  ico: 'not_needed' | 'due' | 'overdue' | 'reported' | 'reported_late';
  /** Whole hours left before the deadline (due), or past it (overdue, reported_late); 0 otherwise. */
  hours: number;
  /** The people affected must be told (high risk) and have not been yet. */
  tellPeople: boolean;
};

export function breachStanding(b: BreachFacts, now: Date): BreachStanding {
  const deadline = new Date(b.awareAt.getTime() + ICO_HOURS * HOUR);
  const tellPeople = b.risk === 'high' && !b.peopleToldAt;
  if (b.reportedToIcoAt) {
    const late = b.reportedToIcoAt.getTime() > deadline.getTime();
    return {
      deadline,
      ico: late ? 'reported_late' : 'reported',
      hours: late ? Math.ceil((b.reportedToIcoAt.getTime() - deadline.getTime()) / HOUR) : 0,
      tellPeople,
    };
  }
  if (b.risk === 'unlikely') return { deadline, ico: 'not_needed', hours: 0, tellPeople: false };
  const left = deadline.getTime() - now.getTime();
  if (left >= 0) return { deadline, ico: 'due', hours: Math.floor(left / HOUR), tellPeople };
  return { deadline, ico: 'overdue', hours: Math.ceil(-left / HOUR), tellPeople };
}
