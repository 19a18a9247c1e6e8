// Pure: may the parties of a restorative justice case have contact? A direct meeting (a conference or a joint
// meeting) needs every participant's current, signed-off risk assessment to say direct contact is safe; a letter or
// message passed between them needs each to allow at least indirect contact. Each must also be suitable (RJC Code B). A participant who has withdrawn
// consent stops all contact, and a case held for a senior decision (offence-rules.ts) has none until it is made.
// Every refusal names whose assessment is missing, out of date, not signed off or says no.
import { addDays } from '#src/domain/availability.ts';

export const RISK_DECISIONS = ['direct', 'indirect', 'not_safe'] as const;
export type RiskDecision = (typeof RISK_DECISIONS)[number];
export type ContactKind = 'direct' | 'indirect';

export type GateParticipant = {
  partyId: string;
  name: string;
  withdrawn: boolean;
  /** Why they are not (yet) suitable (suitability-rules.ts), when they are not. */
  unsuitable?: string | undefined;
};
/** A participant's newest assessment version. */
export type GateAssessment = { partyId: string; decision: RiskDecision | string; assessedOn: string; signedOff: boolean };

export type GateFacts = {
  contact: ContactKind;
  /** Today, YYYY-MM-DD (London). */
  today: string;
  /** How many days an assessment stays current (the service's setting). */
  validDays: number;
  participants: readonly GateParticipant[];
  assessments: readonly GateAssessment[];
  /** Why the case is held for a senior decision, when it is. */
  held?: string | null;
};

export type GateReason = 'held' | 'withdrawn' | 'not_suitable' | 'missing' | 'expired' | 'not_signed_off' | 'indirect_only' | 'not_safe';
export type GateProblem = { partyId: string | null; name: string | null; reason: GateReason; message: string };
export type GateDecision = { allowed: boolean; problems: GateProblem[] };

/** The last day an assessment made on `assessedOn` is current. */
export const lastCurrentDay = (assessedOn: string, validDays: number) => addDays(assessedOn, validDays - 1);

const WHAT: Record<ContactKind, string> = { direct: 'a meeting with the other party', indirect: 'letters or messages passed between the parties' };

/** One participant's reason, or undefined when their assessment allows this contact. */
export function participantProblem(
  f: Pick<GateFacts, 'contact' | 'today' | 'validDays'>,
  p: GateParticipant,
  a: GateAssessment | undefined,
): GateProblem | undefined {
  const at = (reason: GateReason, message: string): GateProblem => ({ partyId: p.partyId, name: p.name, reason, message });
  if (p.withdrawn) return at('withdrawn', `${p.name} has withdrawn their consent, so there can be no contact with the other party`);
  if (p.unsuitable) return at('not_suitable', p.unsuitable);
  if (!a) return at('missing', `${p.name} has no risk assessment yet: one is needed before ${WHAT[f.contact]}`);
  if (lastCurrentDay(a.assessedOn, f.validDays) < f.today)
    return at('expired', `${p.name}’s risk assessment of ${a.assessedOn} is out of date: review it before ${WHAT[f.contact]}`);
  if (!a.signedOff) return at('not_signed_off', `${p.name}’s risk assessment has not been signed off by a supervisor`);
  if (a.decision === 'not_safe') return at('not_safe', `${p.name}’s risk assessment says contact is not safe`);
  if (a.decision === 'indirect' && f.contact === 'direct')
    return at('indirect_only', `${p.name}’s risk assessment allows indirect contact only (letters or messages), not a meeting`);
  if (a.decision !== 'direct' && a.decision !== 'indirect') return at('not_safe', `${p.name}’s risk assessment has no decision that allows contact`);
  return undefined;
}

/** Whether the contact may go ahead, with every reason it may not. */
export function contactGate(f: GateFacts): GateDecision {
  const problems: GateProblem[] = [];
  if (f.held) problems.push({ partyId: null, name: null, reason: 'held', message: `This case is held for a senior decision: ${f.held}` });
  if (f.participants.length === 0)
    problems.push({ partyId: null, name: null, reason: 'missing', message: 'Add the person harmed and the person who harmed to the case first' });
  for (const p of f.participants) {
    const problem = participantProblem(
      f,
      p,
      f.assessments.find((a) => a.partyId === p.partyId),
    );
    if (problem) problems.push(problem);
  }
  return { allowed: problems.length === 0, problems };
}
