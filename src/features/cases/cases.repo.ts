import type { Db } from '#src/db/client.ts';
import type { AnyColumn } from 'drizzle-orm';
import { and, asc, desc, eq, inArray, isNull, lt, or, type SQL, sql } from '#src/db/orm.ts';
import { cases, parties, safeguardingRecords, tasks } from '#src/db/schema/cases.ts';

export type NewCase = typeof cases.$inferInsert;
export type NewParty = typeof parties.$inferInsert;
export type CaseRow = typeof cases.$inferSelect;
export type PartyRow = typeof parties.$inferSelect;

export async function insertCase(tx: Db, c: NewCase) {
  await tx.insert(cases).values(c);
}

export async function insertParties(tx: Db, rows: NewParty[]) {
  if (rows.length) await tx.insert(parties).values(rows);
}

export async function findCase(tx: Db, orgId: string, id: string) {
  const rows = await tx
    .select()
    .from(cases)
    .where(and(eq(cases.orgId, orgId), eq(cases.id, id)));
  return rows[0];
}

export async function findCaseByReference(tx: Db, orgId: string, reference: string) {
  const rows = await tx
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.orgId, orgId), eq(cases.reference, reference)));
  return rows[0];
}

export async function listParties(tx: Db, orgId: string, caseId: string) {
  return tx
    .select()
    .from(parties)
    .where(and(eq(parties.orgId, orgId), eq(parties.caseId, caseId)))
    .orderBy(asc(parties.createdAt), asc(parties.name));
}

export async function updateCase(tx: Db, orgId: string, id: string, values: Partial<NewCase>) {
  await tx
    .update(cases)
    .set(values)
    .where(and(eq(cases.orgId, orgId), eq(cases.id, id)));
}

export async function updateParty(tx: Db, orgId: string, caseId: string, partyId: string, values: Partial<NewParty>) {
  const rows = await tx
    .update(parties)
    .set(values)
    .where(and(eq(parties.orgId, orgId), eq(parties.caseId, caseId), eq(parties.id, partyId)))
    .returning({ id: parties.id });
  return rows.length > 0;
}

/**
 * A prefix match that can use a text_pattern_ops index under row-level security. LIKE 'x%' cannot: it is not
 * leakproof, so PostgreSQL applies the tenant policy first and scans the table. The pattern comparison operators
 * (~>=~, ~<~) are leakproof, so a range on them becomes an index range scan.
 */
export function startsWith(column: AnyColumn, prefix: string): SQL {
  const upper = prefix.slice(0, -1) + String.fromCodePoint(prefix.codePointAt(prefix.length - 1)! + 1);
  return sql`(${column} ~>=~ ${prefix} AND ${column} ~<~ ${upper})`;
}

const MANY_MATCHES = 1000;

export type CaseFilter = {
  orgId: string;
  status?: string[];
  caseType?: string;
  coordinatorId?: string;
  localAuthority?: string;
  overdueTasks?: boolean;
  /** Mediators: only cases in this list. */
  onlyCaseIds?: string[];
  search?: { reference?: string; nameNorm?: string; phoneNorm?: string; postcodeNorm?: string };
  today: string;
  sort: 'opened_desc' | 'opened_asc' | 'reference' | 'status';
  limit: number;
  offset: number;
};

const SORTS: Record<CaseFilter['sort'], SQL[]> = {
  opened_desc: [desc(cases.openedAt)],
  opened_asc: [asc(cases.openedAt)],
  reference: [asc(cases.reference)],
  status: [asc(cases.status), desc(cases.openedAt)],
};

/** One page of the case list. Search uses indexed exact or prefix matches: reference, name, phone, postcode. */
export async function searchCases(tx: Db, f: CaseFilter) {
  const where: (SQL | undefined)[] = [eq(cases.orgId, f.orgId)];
  if (f.status?.length) where.push(inArray(cases.status, f.status));
  if (f.caseType) where.push(eq(cases.caseType, f.caseType));
  if (f.coordinatorId) where.push(eq(cases.coordinatorId, f.coordinatorId));
  if (f.localAuthority) where.push(eq(cases.localAuthority, f.localAuthority));
  if (f.onlyCaseIds) where.push(f.onlyCaseIds.length ? inArray(cases.id, f.onlyCaseIds) : sql`false`);
  if (f.overdueTasks)
    where.push(sql`EXISTS (SELECT 1 FROM ${tasks} t WHERE t.case_id = ${cases.id} AND t.org_id = ${f.orgId} AND t.done_at IS NULL AND t.due_on < ${f.today})`);
  const s = f.search;
  if (s) {
    const personMatch: (SQL | undefined)[] = [];
    if (s.nameNorm) personMatch.push(or(startsWith(parties.nameNorm, s.nameNorm), startsWith(parties.surnameNorm, s.nameNorm)));
    if (s.phoneNorm) personMatch.push(eq(parties.phoneNorm, s.phoneNorm));
    if (s.postcodeNorm) personMatch.push(startsWith(parties.postcodeNorm, s.postcodeNorm));
    let byPerson: SQL | undefined;
    if (personMatch.length) {
      const matching = and(eq(parties.orgId, f.orgId), or(...personMatch));
      // Few matches (a surname, a full postcode): hand their case ids, as one array, to the primary key. Many (a first
      // name, a district): cases newest first, testing their parties, finds a page quickly because matches are dense.
      const result = await tx.execute(
        sql`SELECT count(*)::int AS n, array_agg(DISTINCT m.case_id)::text[] AS ids FROM (SELECT ${parties.caseId} AS case_id FROM ${parties} WHERE ${matching} LIMIT ${MANY_MATCHES + 1}) m`,
      );
      const found = (result as unknown as { rows: { n: number; ids: string[] | null }[] }).rows[0];
      byPerson =
        found && found.n > MANY_MATCHES
          ? sql`${cases.id} IN (SELECT ${parties.caseId} FROM ${parties} WHERE ${matching})`
          : found?.ids?.length
            ? sql`${cases.id} = ANY(${sql.param(found.ids)}::uuid[])`
            : undefined;
    }
    where.push(or(s.reference ? eq(cases.reference, s.reference) : undefined, byPerson) ?? sql`false`);
  }
  const rows = await tx
    .select({
      id: cases.id,
      reference: cases.reference,
      caseType: cases.caseType,
      status: cases.status,
      urgent: cases.urgent,
      openedAt: cases.openedAt,
      coordinatorId: cases.coordinatorId,
      localAuthority: cases.localAuthority,
      // ${cases}.id, not ${cases.id}: in a select list Drizzle writes a column without its table, which the subquery would read as p.id.
      partyNames: sql<string[]>`ARRAY(SELECT p.name FROM ${parties} p WHERE p.case_id = ${cases}.id AND p.org_id = ${f.orgId} ORDER BY p.created_at LIMIT 4)`,
    })
    .from(cases)
    .where(and(...where))
    .orderBy(...SORTS[f.sort])
    .limit(f.limit + 1)
    .offset(f.offset);
  return { rows: rows.slice(0, f.limit), hasMore: rows.length > f.limit };
}

export async function insertTask(tx: Db, t: typeof tasks.$inferInsert) {
  await tx.insert(tasks).values(t);
}

export async function listCaseTasks(tx: Db, orgId: string, caseId: string) {
  return tx
    .select()
    .from(tasks)
    .where(and(eq(tasks.orgId, orgId), eq(tasks.caseId, caseId)))
    .orderBy(asc(tasks.doneAt), asc(tasks.dueOn));
}

export async function completeTask(tx: Db, orgId: string, caseId: string, taskId: string, at: Date) {
  const rows = await tx
    .update(tasks)
    .set({ doneAt: at })
    .where(and(eq(tasks.orgId, orgId), eq(tasks.caseId, caseId), eq(tasks.id, taskId), isNull(tasks.doneAt)))
    .returning({ title: tasks.title });
  return rows[0];
}

/** Open tasks assigned to a person, soonest first, with their case reference. */
export async function listMyTasks(tx: Db, orgId: string, userId: string) {
  return tx
    .select({ id: tasks.id, title: tasks.title, dueOn: tasks.dueOn, caseId: tasks.caseId, reference: cases.reference })
    .from(tasks)
    .innerJoin(cases, eq(cases.id, tasks.caseId))
    .where(and(eq(tasks.orgId, orgId), eq(tasks.assigneeId, userId), isNull(tasks.doneAt)))
    .orderBy(asc(tasks.dueOn))
    .limit(50);
}

export async function countOverdueTasks(tx: Db, orgId: string, userId: string, today: string) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(tasks)
    .where(and(eq(tasks.orgId, orgId), eq(tasks.assigneeId, userId), isNull(tasks.doneAt), lt(tasks.dueOn, today)));
  return row?.n ?? 0;
}

export async function insertSafeguarding(tx: Db, r: typeof safeguardingRecords.$inferInsert) {
  await tx.insert(safeguardingRecords).values(r);
}

export async function listSafeguarding(tx: Db, orgId: string, filter: { caseId?: string; status?: string }) {
  return tx
    .select({ record: safeguardingRecords, reference: cases.reference })
    .from(safeguardingRecords)
    .innerJoin(cases, eq(cases.id, safeguardingRecords.caseId))
    .where(
      and(
        eq(safeguardingRecords.orgId, orgId),
        filter.caseId ? eq(safeguardingRecords.caseId, filter.caseId) : undefined,
        filter.status ? eq(safeguardingRecords.status, filter.status) : undefined,
      ),
    )
    .orderBy(desc(safeguardingRecords.createdAt))
    .limit(100);
}

export async function countOpenSafeguarding(tx: Db, orgId: string, caseId: string) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(safeguardingRecords)
    .where(and(eq(safeguardingRecords.orgId, orgId), eq(safeguardingRecords.caseId, caseId), eq(safeguardingRecords.status, 'open')));
  return row?.n ?? 0;
}

export async function decideSafeguarding(tx: Db, orgId: string, id: string, values: Partial<typeof safeguardingRecords.$inferInsert>) {
  const rows = await tx
    .update(safeguardingRecords)
    .set(values)
    .where(and(eq(safeguardingRecords.orgId, orgId), eq(safeguardingRecords.id, id)))
    .returning({ caseId: safeguardingRecords.caseId });
  return rows[0];
}
