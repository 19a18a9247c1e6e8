// The mediators on a case now as the case lifecycle reads them: each one's name and whether they may lead a case of
// this type and area today (accredited for it, not revoked or expired), by the same rule the pairing uses.
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
