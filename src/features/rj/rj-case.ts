// What the RJ services share: opening a case as an RJ case (authorised through src/access, via the case service),
// the timeline entry of an RJ step, choosing a participant and the refusal of a field.
import type { Db } from '#src/db/client.ts';
import type { OrgActor } from '#src/access/actor.ts';
import type { CaseService } from '#src/features/cases/cases.service.ts';
import { msg } from '#src/i18n/i18n.ts';
import { AppError, notFound } from '#src/lib/app-error.ts';
import type { Clock } from '#src/lib/clock.ts';
import { type RjFacts, rjFacts } from './rj-facts.ts';

export const by = (actor: OrgActor) => actor.label ?? actor.id;
export const unprocessable = (field: string, message: string) => new AppError('UNPROCESSABLE', message, { reason: 'RJ_REFUSED', fields: { [field]: message } });

/** The case, once the asker may view it or work on it, and only when it is a restorative justice case, with its RJ facts. */
export async function openRjCase(cases: CaseService, tx: Db, actor: OrgActor, caseId: string, need: 'view' | 'work') {
  const c = await cases.caseFor(tx, actor, caseId, need);
  if (c.caseKind !== 'restorative_justice') throw notFound(msg('This is not a restorative justice case'));
  const facts = await rjFacts(tx, actor.orgId, caseId);
  if (!facts) throw notFound(msg('That case was not found'));
  return { c, facts };
}

/** An RJ step's entry on the case timeline (kind restorative, seen by the case team). */
export const rjEvent =
  (clock: Clock) =>
  (actor: OrgActor, caseId: string, summary: string, data: Record<string, unknown>, partyId: string | null = null) => ({
    orgId: actor.orgId,
    caseId,
    partyId,
    at: clock.now(),
    actorId: actor.id,
    actorLabel: actor.label ?? null,
    kind: 'restorative' as const,
    summary,
    data,
  });

export function participantOf(facts: RjFacts, partyId: string, field = 'partyId') {
  const p = facts.participants.find((x) => x.id === partyId);
  if (!p) throw unprocessable(field, 'Choose the person harmed, the person who harmed or someone affected on this case');
  return p;
}
