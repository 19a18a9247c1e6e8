import { describe, expect, it } from 'vitest';
import { contactGate, type ContactKind, type GateAssessment, type GateReason, lastCurrentDay, RISK_DECISIONS, type RiskDecision } from './contact-gate.ts';

const today = '2026-03-10';
const validDays = 90;
// Assessed 89 days ago: its 90th day is today, so it is still current. 90 days ago: it ran out yesterday.
const CURRENT = '2025-12-11';
const EXPIRED = '2025-12-10';

/** One participant's state: no assessment, or one that is current or not, signed off or not, with a decision. */
type State = { present: false } | { present: true; expired: boolean; signedOff: boolean; decision: RiskDecision };
const STATES: State[] = [
  { present: false },
  ...[false, true].flatMap((expired) =>
    [false, true].flatMap((signedOff) => RISK_DECISIONS.map((decision): State => ({ present: true, expired, signedOff, decision }))),
  ),
];

/** Hand-written: the one reason each state refuses, by kind of contact (undefined: allowed). */
function expectedReason(s: State, contact: ContactKind): GateReason | undefined {
  if (!s.present) return 'missing';
  if (s.expired) return 'expired';
  if (!s.signedOff) return 'not_signed_off';
  if (s.decision === 'not_safe') return 'not_safe';
  if (s.decision === 'indirect') return contact === 'direct' ? 'indirect_only' : undefined;
  return undefined;
}

const assessment = (partyId: string, s: State): GateAssessment[] =>
  s.present ? [{ partyId, decision: s.decision, assessedOn: s.expired ? EXPIRED : CURRENT, signedOff: s.signedOff }] : [];

const victim = { partyId: 'v', name: 'Vera Victimson', withdrawn: false };
const harmer = { partyId: 'h', name: 'Hal Harmwell', withdrawn: false };

describe('the contact gate', () => {
  it('counts an assessment current through its last day and out of date the day after', () => {
    expect(lastCurrentDay(CURRENT, validDays)).toBe('2026-03-10');
    expect(lastCurrentDay(EXPIRED, validDays)).toBe('2026-03-09');
  });

  for (const contact of ['direct', 'indirect'] as const)
    it(`decides ${contact} contact for every combination of two participants' assessments (${STATES.length ** 2} cases)`, () => {
      let allowedCount = 0;
      for (const sv of STATES)
        for (const sh of STATES) {
          const decision = contactGate({
            contact,
            today,
            validDays,
            participants: [victim, harmer],
            assessments: [...assessment('v', sv), ...assessment('h', sh)],
          });
          const expected = [
            ['v', expectedReason(sv, contact)],
            ['h', expectedReason(sh, contact)],
          ].filter(([, r]) => r !== undefined);
          const label = `${contact}: victim ${JSON.stringify(sv)}, harmer ${JSON.stringify(sh)}`;
          expect(
            decision.problems.map((p) => [p.partyId, p.reason]),
            label,
          ).toEqual(expected);
          expect(decision.allowed, label).toBe(expected.length === 0);
          for (const p of decision.problems) expect(p.message, label).toContain(p.partyId === 'v' ? 'Vera Victimson' : 'Hal Harmwell');
          if (decision.allowed) allowedCount++;
        }
      // Direct: both current, signed off and "direct" (1 × 1). Indirect: both current, signed off, direct or indirect (2 × 2).
      expect(allowedCount).toBe(contact === 'direct' ? 1 : 4);
    });

  it('says in words whose assessment is missing or says no', () => {
    const d = contactGate({
      contact: 'direct',
      today,
      validDays,
      participants: [victim, harmer],
      assessments: [{ partyId: 'h', decision: 'indirect', assessedOn: CURRENT, signedOff: true }],
    });
    expect(d.problems.map((p) => p.message)).toEqual([
      'Vera Victimson has no risk assessment yet: one is needed before a meeting with the other party',
      'Hal Harmwell’s risk assessment allows indirect contact only (letters or messages), not a meeting',
    ]);
  });

  it('stops all contact when a participant has withdrawn consent, whatever their assessment', () => {
    const ok = { decision: 'direct', assessedOn: CURRENT, signedOff: true };
    for (const contact of ['direct', 'indirect'] as const) {
      const d = contactGate({
        contact,
        today,
        validDays,
        participants: [victim, { ...harmer, withdrawn: true }],
        assessments: [
          { partyId: 'v', ...ok },
          { partyId: 'h', ...ok },
        ],
      });
      expect(d.allowed).toBe(false);
      expect(d.problems).toEqual([expect.objectContaining({ partyId: 'h', reason: 'withdrawn' })]);
    }
  });

  it('refuses contact with a participant who is not suitable, before reading their assessment', () => {
    const d = contactGate({
      contact: 'indirect',
      today,
      validDays,
      participants: [victim, { ...harmer, unsuitable: 'Hal Harmwell does not accept responsibility' }],
      assessments: [{ partyId: 'v', decision: 'direct', assessedOn: CURRENT, signedOff: true }],
    });
    expect(d.problems.map((p) => [p.partyId, p.reason, p.message])).toEqual([['h', 'not_suitable', 'Hal Harmwell does not accept responsibility']]);
  });

  it('refuses while the case is held for a senior decision, and when there is nobody to assess', () => {
    const ok = { decision: 'direct', assessedOn: CURRENT, signedOff: true };
    const held = contactGate({
      contact: 'indirect',
      today,
      validDays,
      participants: [victim],
      assessments: [{ partyId: 'v', ...ok }],
      held: 'domestic abuse cases are taken only when the person harmed asks',
    });
    expect(held.problems.map((p) => p.message)).toEqual([
      'This case is held for a senior decision: domestic abuse cases are taken only when the person harmed asks',
    ]);
    expect(contactGate({ contact: 'direct', today, validDays, participants: [], assessments: [] }).allowed).toBe(false);
  });

  it('uses the service’s period: a 30-day period makes a 40-day-old assessment out of date', () => {
    const d = contactGate({
      contact: 'indirect',
      today,
      validDays: 30,
      participants: [victim],
      assessments: [{ partyId: 'v', decision: 'direct', assessedOn: '2026-01-29', signedOff: true }],
    });
    expect(d.problems.map((p) => p.reason)).toEqual(['expired']);
  });
});
