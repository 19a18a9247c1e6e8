// Published by volunteers for the features above it. The mediators on a case now as the case lifecycle reads them:
// each one's name and whether they may lead a case of this type and area today (accredited for it, not revoked or
// expired), by the same rule the pairing uses; and the facilitators who vet an RJ case's letters, with their sign-ins.
import type { Db } from '#src/db/client.ts';
import type { LifecycleMediator } from '#src/features/cases/lifecycle.ts';
import { activeAssignmentsForCase } from './assignments.repo.ts';
import { areasHeld } from '../pairing/pairing-inputs.ts';
import { listAccreditations } from '../training/training.repo.ts';
import { requiredArea } from '../volunteer-words.ts';

export async function caseMediatorFacts(
  tx: Db,
  orgId: string,
  c: { id: string; caseKind: string; details: unknown },
  today: string,
): Promise<LifecycleMediator[]> {
  const area = requiredArea(c.caseKind, (c.details ?? {}) as Record<string, unknown>);
  const team = await activeAssignmentsForCase(tx, orgId, c.id);
  const out: LifecycleMediator[] = [];
  for (const a of team) {
    const held = a.status === 'accredited' ? areasHeld(await listAccreditations(tx, orgId, a.volunteerId), today) : [];
    out.push({ name: a.name, leadQualified: held.includes(area) });
  }
  return out;
}

/** The facilitators on a case now (lead first): each one's volunteer record, name and sign-in, for the features above. */
export async function caseFacilitators(tx: Db, orgId: string, caseId: string): Promise<{ volunteerId: string; name: string; userId: string | null }[]> {
  const team = await activeAssignmentsForCase(tx, orgId, caseId);
  return team.map((a) => ({ volunteerId: a.volunteerId, name: a.name, userId: a.userId }));
}
