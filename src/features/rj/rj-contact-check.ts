// RJ's say on booking a meeting, given to meetings in deps.ts (meetings never imports rj). On a restorative justice
// case: a conference or joint meeting needs the contact gate to allow direct contact (and a conference its two
// facilitators); a shuttle session (the parties
// kept apart) needs it to allow indirect contact; a prison visit needs each invited participant in custody to have
// their custody details and the service's checklist complete. Other meetings (intake visits, calls) prepare the
// assessments themselves, so they are not gated.
import type { Db } from '#src/db/client.ts';
import type { ContactCheck } from '#src/features/meetings/booking/meeting-booking.ts';
import { londonParts } from '#src/domain/meeting-times.ts';
import { msg } from '#src/i18n/i18n.ts';
import { custodyOf } from './rj.repo.ts';
import { gateOf, policyOf, rjFacts } from './rj-facts.ts';
import { prisonVisitProblems } from './rules/prison-rules.ts';

const DIRECT_KINDS = ['rj_conference', 'joint'];
const INDIRECT_KINDS = ['shuttle'];

/** What meetings asks before a booking: its own shape, so the two never drift apart. */
type Ask = Parameters<ContactCheck>[1];

/** A conference is never run by fewer than two facilitators (the RJ seed: a case coordinator and two trained facilitators). */
export const CONFERENCE_FACILITATORS = 2;

export async function rjContactCheck(tx: Db, ask: Ask): Promise<{ field: string; message: string }[]> {
  if (ask.caseKind !== 'restorative_justice') return [];
  if (DIRECT_KINDS.includes(ask.kind) || INDIRECT_KINDS.includes(ask.kind)) {
    const facts = await rjFacts(tx, ask.orgId, ask.caseId);
    if (!facts) return [];
    const gate = gateOf(facts, DIRECT_KINDS.includes(ask.kind) ? 'direct' : 'indirect', londonParts(ask.now).date);
    const problems = gate.problems.map((p) => ({ field: 'partyIds', message: p.message }));
    if (ask.kind === 'rj_conference' && new Set(ask.volunteerIds).size < CONFERENCE_FACILITATORS)
      problems.push({ field: 'volunteerIds', message: msg('A restorative justice conference is run by two facilitators: choose both') });
    return problems;
  }
  if (ask.kind === 'prison_visit') {
    const facts = await rjFacts(tx, ask.orgId, ask.caseId);
    if (!facts) return [];
    const chosen = facts.parties.filter((p) => ask.partyIds.includes(p.id));
    const custody = await custodyOf(
      tx,
      ask.orgId,
      chosen.map((p) => p.id),
    );
    const inCustody = chosen.filter((p) => p.inCustody || custody.some((c) => c.partyId === p.id));
    if (!inCustody.length) return [{ field: 'partyIds', message: 'A prison visit is to a participant in custody: record their custody details first' }];
    const problems = inCustody
      .filter((p) => !custody.some((c) => c.partyId === p.id))
      .map((p) => ({ field: 'partyIds', message: `Record ${p.name}’s establishment, prison number and offender manager before a prison visit` }));
    const policy = await policyOf(tx, ask.orgId);
    const withCustody = custody.map((c) => ({ name: chosen.find((p) => p.id === c.partyId)!.name, checklist: c.checklist }));
    return [...problems, ...prisonVisitProblems(policy.prisonChecklist, withCustody).map((message) => ({ field: 'partyIds', message }))];
  }
  return [];
}
