import type { Db } from '#src/db/client.ts';
import { and, asc, eq, inArray } from '#src/db/orm.ts';
import { caseEvents, intakeRecords } from '#src/db/schema/cases.ts';

export const EVENT_KINDS = [
  'referral',
  'transition',
  'contact',
  'note',
  'consent',
  'intake',
  'task',
  'safeguarding',
  'party',
  'document',
  'assignment',
  'meeting',
  'shuttle',
  'restorative',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export type NewEvent = Omit<typeof caseEvents.$inferInsert, 'id'> & { kind: EventKind };

export async function insertEvent(tx: Db, e: NewEvent) {
  await tx.insert(caseEvents).values(e);
}

export async function listEvents(tx: Db, orgId: string, caseId: string, kinds?: EventKind[]) {
  return tx
    .select()
    .from(caseEvents)
    .where(and(eq(caseEvents.orgId, orgId), eq(caseEvents.caseId, caseId), kinds?.length ? inArray(caseEvents.kind, kinds) : undefined))
    .orderBy(asc(caseEvents.at), asc(caseEvents.id));
}

export async function findIntake(tx: Db, orgId: string, partyId: string) {
  const rows = await tx
    .select()
    .from(intakeRecords)
    .where(and(eq(intakeRecords.orgId, orgId), eq(intakeRecords.partyId, partyId)));
  return rows[0];
}

export async function listIntakes(tx: Db, orgId: string, caseId: string) {
  return tx
    .select()
    .from(intakeRecords)
    .where(and(eq(intakeRecords.orgId, orgId), eq(intakeRecords.caseId, caseId)));
}

export async function upsertIntake(tx: Db, record: typeof intakeRecords.$inferInsert) {
  const { id: _id, orgId: _o, caseId: _c, partyId: _p, ...changes } = record;
  await tx.insert(intakeRecords).values(record).onConflictDoUpdate({ target: intakeRecords.partyId, set: changes });
}
