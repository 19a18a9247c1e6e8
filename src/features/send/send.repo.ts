// The only code that queries the SEND tables. Every query is scoped by the service (org_id).
import type { Db } from '#src/db/client.ts';
import { prepared } from '#src/db/prepared.ts';
import { type Part, rowsPart } from '#src/db/read-in-one.ts';
import { and, asc, desc, eq, inArray, isNull, sql } from '#src/db/orm.ts';
import { cases } from '#src/db/schema/cases.ts';
import { CASE_STATUSES } from '#src/domain/case-words.ts';
import { sendCases, sendCertificates, sendDuties } from '#src/db/schema/send.ts';

export type SendCaseRow = typeof sendCases.$inferSelect;
export type CertificateRow = typeof sendCertificates.$inferSelect;
export type DutyRow = typeof sendDuties.$inferSelect;

export async function findSendCase(tx: Db, orgId: string, caseId: string): Promise<SendCaseRow | undefined> {
  const [row] = await tx
    .select()
    .from(sendCases)
    .where(and(eq(sendCases.orgId, orgId), eq(sendCases.caseId, caseId)));
  return row;
}

export async function saveSendCase(tx: Db, row: typeof sendCases.$inferInsert) {
  const { caseId: _c, orgId: _o, ...set } = row;
  await tx.insert(sendCases).values(row).onConflictDoUpdate({ target: sendCases.caseId, set });
}

export async function certificatesOfCase(tx: Db, orgId: string, caseId: string): Promise<CertificateRow[]> {
  return tx
    .select()
    .from(sendCertificates)
    .where(and(eq(sendCertificates.orgId, orgId), eq(sendCertificates.caseId, caseId)))
    .orderBy(asc(sendCertificates.number));
}

export async function findCertificate(tx: Db, orgId: string, id: string): Promise<CertificateRow | undefined> {
  const [row] = await tx
    .select()
    .from(sendCertificates)
    .where(and(eq(sendCertificates.orgId, orgId), eq(sendCertificates.id, id)));
  return row;
}

/** The service's register, newest first, with each case's reference. */
export async function certificateRegister(tx: Db, orgId: string, limit = 500) {
  return tx
    .select({ certificate: sendCertificates, reference: cases.reference })
    .from(sendCertificates)
    .innerJoin(cases, and(eq(cases.orgId, sendCertificates.orgId), eq(cases.id, sendCertificates.caseId)))
    .where(eq(sendCertificates.orgId, orgId))
    .orderBy(desc(sendCertificates.number))
    .limit(limit);
}

/** The next register number: one more than the highest, under a lock so two issues at once never share one. */
export async function nextCertificateNumber(tx: Db, orgId: string): Promise<number> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('send_certificates'), hashtext(${orgId}))`);
  const [row] = await tx
    .select({ n: sql<number>`coalesce(max(${sendCertificates.number}), 0)::int` })
    .from(sendCertificates)
    .where(eq(sendCertificates.orgId, orgId));
  return (row?.n ?? 0) + 1;
}

export async function insertCertificate(tx: Db, row: typeof sendCertificates.$inferInsert) {
  await tx.insert(sendCertificates).values(row);
}

export async function supersedeCertificate(tx: Db, orgId: string, id: string, at: Date) {
  await tx
    .update(sendCertificates)
    .set({ supersededAt: at })
    .where(and(eq(sendCertificates.orgId, orgId), eq(sendCertificates.id, id), isNull(sendCertificates.supersededAt)));
}

export async function markEmailed(tx: Db, orgId: string, id: string, at: Date) {
  await tx
    .update(sendCertificates)
    .set({ emailedAt: at })
    .where(and(eq(sendCertificates.orgId, orgId), eq(sendCertificates.id, id)));
}

const CLOSED = ['closed', 'withdrawn'];
/** The statuses of a case still open (anything but closed or withdrawn), named so the status index can be used. */
const OPEN = CASE_STATUSES.filter((s) => !CLOSED.includes(s));

/** What the clocks and the queue need of a SEND case, and no more (the child's views and attendees stay unread). */
const QUEUE_FACTS = {
  caseId: sendCases.caseId,
  issues: sendCases.issues,
  decisionLetterOn: sendCases.decisionLetterOn,
  miasOn: sendCases.miasOn,
  miasDecision: sendCases.miasDecision,
  decisionToldOn: sendCases.decisionToldOn,
  icbNotifiedOn: sendCases.icbNotifiedOn,
  adviserToldOn: sendCases.adviserToldOn,
  mediationHeldOn: sendCases.mediationHeldOn,
  route: sendCases.route,
  childName: sendCases.childName,
  localAuthority: sendCases.localAuthority,
};

const openOf = () => and(eq(cases.orgId, sql.placeholder('orgId')), inArray(cases.status, OPEN), eq(cases.caseKind, 'send'));
const openCaseView = { send: QUEUE_FACTS, reference: cases.reference, status: cases.status, coordinatorId: cases.coordinatorId };
const openCasesWith = (db: Db, select = openCaseView) =>
  db
    .select(select)
    .from(cases)
    .innerJoin(sendCases, and(eq(sendCases.orgId, cases.orgId), eq(sendCases.caseId, cases.id)))
    .where(openOf());
const openCases = prepared('send_open_cases', (db) => openCasesWith(db));
type OpenSendCase = Awaited<ReturnType<typeof openCases>>[number];

/** The open SEND cases' facts (placeholder orgId), read with other parts in one statement (db/read-in-one.ts). */
export const openSendCasesPart: Part<OpenSendCase[]> = rowsPart(openCaseView, openCasesWith);
const openCertificates = prepared('send_open_certificates', (db) =>
  db
    .select({ caseId: sendCertificates.caseId, kind: sendCertificates.kind, issuedOn: sendCertificates.issuedOn })
    .from(cases)
    .innerJoin(sendCertificates, and(eq(sendCertificates.orgId, cases.orgId), eq(sendCertificates.caseId, cases.id)))
    .where(and(openOf(), isNull(sendCertificates.supersededAt))),
);

/**
 * Every open SEND case's facts and its certificates in force, for the deadlines queue: two queries, each driven from
 * the cases index on (service, status) and joined by key, so closed cases over the years are never read.
 * Built once (db/prepared.ts).
 */
export async function openSendCases(tx: Db, orgId: string, read?: OpenSendCase[]) {
  const rows = read ?? (await openCases(tx, { orgId }));
  const certs = rows.length ? await openCertificates(tx, { orgId }) : [];
  return { rows, certs };
}

/** Keeps the duties of a signed agreement in step with its terms (what and due date); when each was met is kept. */
export async function syncDuties(tx: Db, orgId: string, caseId: string, terms: { termId: string; what: string; dueOn: string | null }[], at: Date) {
  if (!terms.length) return;
  await tx
    .insert(sendDuties)
    .values(terms.map((x) => ({ ...x, orgId, caseId, updatedAt: at })))
    .onConflictDoUpdate({ target: sendDuties.termId, set: { what: sql`excluded.what`, dueOn: sql`excluded.due_on`, updatedAt: at } });
}

export async function dutiesOfCase(tx: Db, orgId: string, caseId: string): Promise<DutyRow[]> {
  return tx
    .select()
    .from(sendDuties)
    .where(and(eq(sendDuties.orgId, orgId), eq(sendDuties.caseId, caseId)))
    .orderBy(asc(sendDuties.dueOn), asc(sendDuties.what));
}

/** Records when a duty was met (null: not met after all). Returns false when the case has no such duty. */
export async function setDutyMet(tx: Db, orgId: string, caseId: string, termId: string, metOn: string | null, at: Date): Promise<boolean> {
  const rows = await tx
    .update(sendDuties)
    .set({ metOn, updatedAt: at })
    .where(and(eq(sendDuties.orgId, orgId), eq(sendDuties.caseId, caseId), eq(sendDuties.termId, termId)))
    .returning({ termId: sendDuties.termId });
  return rows.length > 0;
}

/**
 * A fingerprint of everything the deadlines queue is worked out from (the SEND facts, the certificates, which SEND
 * cases are open, through the newest status change): when it is unchanged, and so is the day, the queue worked out
 * before still holds. One query.
 */
export async function queueVersion(tx: Db, orgId: string): Promise<string> {
  // Each part is the newest value of an index (send_cases_org_updated_idx, send_certificates_org_number_idx,
  // send_certificates_org_superseded_idx, cases_org_type_status_changed_idx): read from its end, whatever the history.
  const rows = await tx.execute(sql`
    SELECT concat_ws('|',
      (SELECT max(${sendCases.updatedAt}) FROM ${sendCases} WHERE ${sendCases.orgId} = ${orgId}),
      (SELECT max(${sendCertificates.number}) FROM ${sendCertificates} WHERE ${sendCertificates.orgId} = ${orgId}),
      (SELECT max(${sendCertificates.supersededAt}) FROM ${sendCertificates} WHERE ${sendCertificates.orgId} = ${orgId}),
      (SELECT max(${cases.statusChangedAt}) FROM ${cases} WHERE ${cases.orgId} = ${orgId} AND ${cases.caseKind} = 'send')) AS v`);
  return (rows as unknown as { rows: { v: string }[] }).rows[0]?.v ?? '';
}
