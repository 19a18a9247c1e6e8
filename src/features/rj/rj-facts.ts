// What the RJ rules decide on, read inside the caller's transaction: the service's policy, the case's hold, each
// participant's current suitability and newest risk assessment, and the contact gate over them. Used by the RJ pages
// and API, by letters, and (through contactCheck in deps.ts) by meeting booking.
import type { Db } from '#src/db/client.ts';
import { CONSENTING_ROLES, type PartyRole } from '#src/domain/case-words.ts';
import { findCase, listParties, type PartyRow } from '#src/features/cases/case-reads.ts';
import { translator } from '#src/i18n/i18n.ts';
import { OFFENCE_CATEGORY_LABELS, type OffenceCategory, readRjPolicy, type RjPolicy } from './rj-policy.ts';
import { findPolicy, findRjCase, listAssessments, listSuitability, type AssessmentRow, type SuitabilityRow } from './rj.repo.ts';
import { type ContactKind, contactGate, type GateDecision } from './rules/contact-gate.ts';
import { heldReason, holdState, type HoldState } from './rules/offence-rules.ts';
import { suitabilityProblem } from './rules/suitability-rules.ts';

const en = translator('en');

export async function policyOf(tx: Db, orgId: string): Promise<RjPolicy> {
  return readRjPolicy((await findPolicy(tx, orgId))?.policy);
}

/** The people taking part in the RJ process itself (not supporters, advocates or interpreters). */
export const participantsOf = (parties: readonly PartyRow[]) => parties.filter((p) => CONSENTING_ROLES.includes(p.role as PartyRole));

/** Each person's newest row (rows ordered so that the newest of each comes last, or first with `newestFirst`). */
function newestBy<T extends { partyId: string }>(rows: readonly T[], newestFirst: boolean): Map<string, T> {
  const m = new Map<string, T>();
  for (const r of rows) if (!newestFirst || !m.has(r.partyId)) m.set(r.partyId, r);
  return m;
}

export type RjFacts = {
  policy: RjPolicy;
  caseType: string;
  details: Record<string, unknown>;
  category: OffenceCategory | null;
  hold: HoldState;
  seniorNote: string | null;
  seniorBy: string | null;
  parties: PartyRow[];
  participants: PartyRow[];
  suitability: Map<string, SuitabilityRow>;
  suitabilityHistory: SuitabilityRow[];
  assessments: Map<string, AssessmentRow>;
  assessmentHistory: AssessmentRow[];
};

export async function rjFacts(tx: Db, orgId: string, caseId: string): Promise<RjFacts | undefined> {
  const c = await findCase(tx, orgId, caseId);
  if (!c) return undefined;
  const policy = await policyOf(tx, orgId);
  const row = await findRjCase(tx, orgId, caseId);
  const details = (c.details ?? {}) as Record<string, unknown>;
  const category = (row?.offenceCategory as OffenceCategory | null | undefined) ?? null;
  const hold = holdState(
    {
      category,
      initiatedBy: typeof details.initiatedBy === 'string' ? details.initiatedBy : null,
      seniorDecision: (row?.seniorDecision as 'proceed' | 'decline' | null | undefined) ?? null,
    },
    policy,
    (cat) => en(OFFENCE_CATEGORY_LABELS[cat]),
  );
  const parties = await listParties(tx, orgId, caseId);
  const suitabilityHistory = await listSuitability(tx, orgId, caseId);
  const assessmentHistory = await listAssessments(tx, orgId, caseId);
  return {
    policy,
    caseType: c.caseType,
    details,
    category,
    hold,
    seniorNote: row?.seniorNote ?? null,
    seniorBy: row?.seniorBy ?? null,
    parties,
    participants: participantsOf(parties),
    suitability: newestBy(suitabilityHistory, false),
    suitabilityHistory,
    assessments: newestBy(assessmentHistory, true),
    assessmentHistory,
  };
}

/** The contact gate over the case's facts, for a meeting (direct) or a letter (indirect). */
export function gateOf(f: RjFacts, contact: ContactKind, today: string): GateDecision {
  return contactGate({
    contact,
    today,
    validDays: f.policy.assessmentValidDays,
    held: heldReason(f.hold),
    participants: f.participants.map((p) => {
      const s = f.suitability.get(p.id);
      return {
        partyId: p.id,
        name: p.name,
        withdrawn: p.consent === 'withdrawn',
        unsuitable: suitabilityProblem(p.name, p.role, s && { ...s }),
      };
    }),
    assessments: [...f.assessments.values()].map((a) => ({
      partyId: a.partyId,
      decision: a.decision,
      assessedOn: a.assessedOn,
      signedOff: a.signedOffAt !== null,
    })),
  });
}
