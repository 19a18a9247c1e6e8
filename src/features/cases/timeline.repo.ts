import type { Db } from '#src/db/client.ts';
import { and, asc, eq, inArray } from '#src/db/orm.ts';
import { caseEvents, intakeRecords } from '#src/db/schema/cases.ts';
import { openText, sealText } from '#src/lib/field-keys.ts';

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

type EventRow = typeof caseEvents.$inferSelect;

/** A restricted entry (a safeguarding disclosure or decision, a restricted note) is encrypted at rest: its summary and body. */
export async function insertEvent(tx: Db, e: NewEvent) {
  const sealed = e.visibility === 'restricted' ? { ...e, summary: sealText('case_events.summary', e.summary), body: sealText('case_events.body', e.body) } : e;
  await tx.insert(caseEvents).values(sealed);
}

const openEvent = (e: EventRow): EventRow =>
  e.visibility === 'restricted' ? { ...e, summary: openText('case_events.summary', e.summary), body: openText('case_events.body', e.body) } : e;

export async function listEvents(tx: Db, orgId: string, caseId: string, kinds?: EventKind[]) {
  const rows = await tx
    .select()
    .from(caseEvents)
    .where(and(eq(caseEvents.orgId, orgId), eq(caseEvents.caseId, caseId), kinds?.length ? inArray(caseEvents.kind, kinds) : undefined))
    .orderBy(asc(caseEvents.at), asc(caseEvents.id));
  return rows.map(openEvent);
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
