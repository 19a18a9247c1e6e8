import type { Db } from '#src/db/client.ts';
import { listValues, pageWindow, placeholderList, preparedShapes } from '#src/db/prepared.ts';
import type { AnyColumn } from 'drizzle-orm';
import { and, asc, desc, eq, inArray, or, type SQL, sql } from '#src/db/orm.ts';
import { GENERIC_PLAN } from '#src/db/statements.ts';
import { cases, parties, tasks } from '#src/db/schema/cases.ts';

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
export type CaseListRow = {
  id: string;
  reference: string;
  caseType: string;
  status: string;
  urgent: boolean;
  openedAt: Date;
  coordinatorId: string | null;
  localAuthority: string | null;
  partyNames: string[];
};
type CasePage = { rows: CaseListRow[]; hasMore: boolean };

export async function searchCases(tx: Db, f: CaseFilter): Promise<CasePage> {
  if (!f.search && !f.onlyCaseIds && !f.overdueTasks) return pageOf(f, await filteredPage(tx, listShape(f), filterValues(f)));
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
    const kinds = partyMatches(f.orgId, s);
    let byPerson: SQL | undefined;
    if (kinds.length) {
      const hits = sql.join(kinds, sql` UNION ALL `);
      if (!s.reference && (f.sort === 'opened_desc' || f.sort === 'opened_asc')) {
        const page = await newestMatchingCases(tx, f, where, hits);
        if (page !== 'many') return page;
        byPerson = manyMatches(f.orgId, s);
      } else byPerson = await personFilter(tx, f.orgId, s, hits);
    }
    where.push(or(s.reference ? eq(cases.reference, s.reference) : undefined, byPerson) ?? sql`false`);
  }
  const query = tx
    .select(listColumns)
    .from(cases)
    .where(and(...where))
    .orderBy(...SORTS[f.sort])
    .$dynamic();
  const rows = await pageWindow(query, f.offset > 0, { limit: f.limit + 1, offset: f.offset });
  return pageOf(f, rows);
}

/** The page, from one more row than it shows: whether there is more. */
const pageOf = (f: CaseFilter, rows: CaseListRow[]): CasePage => ({ rows: rows.slice(0, f.limit), hasMore: rows.length > f.limit });

/** Which filters a list without a search has, and how many statuses: each such shape is built once. */
type ListShape = { statuses: number; caseType: boolean; coordinator: boolean; localAuthority: boolean; sort: CaseFilter['sort']; later: boolean };
const listShape = (f: CaseFilter): ListShape => ({
  statuses: f.status?.length ?? 0,
  caseType: Boolean(f.caseType),
  coordinator: Boolean(f.coordinatorId),
  localAuthority: Boolean(f.localAuthority),
  sort: f.sort,
  later: f.offset > 0,
});
const filterValues = (f: CaseFilter) => ({
  orgId: f.orgId,
  ...listValues('status', f.status ?? []),
  caseType: f.caseType,
  coordinatorId: f.coordinatorId,
  localAuthority: f.localAuthority,
  limit: f.limit + 1,
  offset: f.offset,
});
/** The same statement as searchCases builds for these filters, in the same order. */
const filteredPage = preparedShapes('case_list', (db, shape: ListShape) =>
  pageWindow(
    db
      .select(listColumns)
      .from(cases)
      .where(
        and(
          eq(cases.orgId, sql.placeholder('orgId')),
          shape.statuses ? inArray(cases.status, placeholderList('status', shape.statuses)) : undefined,
          shape.caseType ? eq(cases.caseType, sql.placeholder('caseType')) : undefined,
          shape.coordinator ? eq(cases.coordinatorId, sql.placeholder('coordinatorId')) : undefined,
          shape.localAuthority ? eq(cases.localAuthority, sql.placeholder('localAuthority')) : undefined,
        ),
      )
      .orderBy(...SORTS[shape.sort])
      .$dynamic(),
    shape.later,
  ),
);

/** What a row of the case list shows. */
const listColumns = {
  id: cases.id,
  reference: cases.reference,
  caseType: cases.caseType,
  status: cases.status,
  urgent: cases.urgent,
  openedAt: cases.openedAt,
  coordinatorId: cases.coordinatorId,
  localAuthority: cases.localAuthority,
  partyNames: cases.partyNames,
};

type PersonSearch = NonNullable<CaseFilter['search']>;

function personConditions(s: PersonSearch): SQL[] {
  const out: SQL[] = [];
  if (s.nameNorm) out.push(startsWith(parties.nameNorm, s.nameNorm), startsWith(parties.surnameNorm, s.nameNorm));
  if (s.phoneNorm) out.push(eq(parties.phoneNorm, s.phoneNorm));
  if (s.postcodeNorm) out.push(startsWith(parties.postcodeNorm, s.postcodeNorm));
  return out;
}

/** One SELECT per kind of match, each read from its own index alone: every matching party's case and its opened_at. */
function partyMatches(orgId: string, s: PersonSearch): SQL[] {
  return personConditions(s).map(
    (condition) =>
      sql`SELECT ${parties.caseId} AS case_id, ${parties.caseOpenedAt} AS opened_at FROM ${parties} WHERE ${parties.orgId} = ${orgId} AND ${condition}`,
  );
}

async function countHits(tx: Db, hits: SQL): Promise<number> {
  const counted = await tx.execute(sql`${GENERIC_PLAN}SELECT count(*)::int AS n FROM (${hits} LIMIT ${MANY_MATCHES + 1}) m`);
  return (counted as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0;
}

/** The search as a condition on cases, for the other sorts and for matches too many to sort. */
async function personFilter(tx: Db, orgId: string, s: PersonSearch, hits: SQL): Promise<SQL | undefined> {
  const n = await countHits(tx, hits);
  if (n === 0) return undefined;
  if (n > MANY_MATCHES) return manyMatches(orgId, s);
  return sql`${cases.id} = ANY(ARRAY(SELECT h.case_id FROM (${hits}) h))`;
}

/** Many matches (a first name, a district): cases newest first, testing their parties, finds a page quickly because matches are dense. */
function manyMatches(orgId: string, s: PersonSearch): SQL {
  return sql`${cases.id} IN (SELECT ${parties.caseId} FROM ${parties} WHERE ${and(eq(parties.orgId, orgId), or(...personConditions(s)))})`;
}

/**
 * A page of the cases a search found, newest (or oldest) first, reading only the cases on the page: the matches
 * (a surname, a full postcode, a phone number) are sorted by the opened_at the parties indexes hold, then each case
 * is fetched and tested against the other filters in turn until the page is full. OFFSET 0 keeps the sorted matches a
 * subquery of their own, so the planner cannot join first and sort after (which it would on PGlite, whose estimate for
 * a prefix range is one row). At most MANY_MATCHES + 1 matches are read: 'many' when there are more (the caller then
 * walks the cases instead).
 *
 * First only the newest few matches are sorted (a bounded sort, FEW_MATCHES_PER_ROW for each row the page needs), as
 * a page is nearly always full from those. Only when it is not, and there were more matches than that, are all of
 * them sorted. The plan is the same whatever the words searched, so on the embedded database it is planned once
 * (GENERIC_PLAN).
 */
async function newestMatchingCases(tx: Db, f: CaseFilter, where: (SQL | undefined)[], hits: SQL): Promise<CasePage | 'many'> {
  const few = (f.offset + f.limit + 1) * FEW_MATCHES_PER_ROW;
  let raw = await matchingCasesPage(tx, f, where, hits, few);
  const matched = raw[0]?.matched ?? (await countHits(tx, hits));
  if (matched > MANY_MATCHES) return 'many';
  if (raw.length <= f.limit && matched > few) raw = await matchingCasesPage(tx, f, where, hits, undefined);
  const rows = raw.map(
    (r): CaseListRow => ({
      id: r.id,
      reference: r.reference,
      caseType: r.case_type,
      status: r.status,
      urgent: r.urgent,
      openedAt: new Date(r.opened_at),
      coordinatorId: r.coordinator_id,
      localAuthority: r.local_authority,
      partyNames: r.party_names,
    }),
  );
  return pageOf(f, rows);
}

/** How many matches are sorted, for each row of the page, before falling back to sorting them all. */
const FEW_MATCHES_PER_ROW = 4;

type MatchingCaseRow = {
  matched: number;
  id: string;
  reference: string;
  case_type: string;
  status: string;
  urgent: boolean;
  opened_at: string | Date;
  coordinator_id: string | null;
  local_authority: string | null;
  party_names: string[];
};

/**
 * One page of matching cases, sorting the newest `newest` matches or (undefined) all of them. A case's parties share
 * its opened_at, so the newest matches hold every case that sorts before the last of them.
 */
async function matchingCasesPage(tx: Db, f: CaseFilter, where: (SQL | undefined)[], hits: SQL, newest: number | undefined) {
  const order = f.sort === 'opened_asc' ? sql`ASC` : sql`DESC`;
  const sorted = newest === undefined ? sql`m` : sql`(SELECT m.case_id, m.opened_at FROM m ORDER BY m.opened_at ${order} NULLS LAST LIMIT ${newest}) m`;
  const page = tx
    .select(listColumns)
    .from(cases)
    .where(and(...where, sql`${cases.id} = h.case_id`));
  const result = await tx.execute(sql`${GENERIC_PLAN}
    WITH m AS MATERIALIZED (${hits} LIMIT ${MANY_MATCHES + 1})
    SELECT (SELECT count(*)::int FROM m) AS matched, page.* FROM (
      SELECT m.case_id, max(m.opened_at) AS opened_at FROM ${sorted} GROUP BY m.case_id ORDER BY 2 ${order} NULLS LAST OFFSET 0
    ) h,
    LATERAL (${page.getSQL()}) page
    ORDER BY h.opened_at ${order} NULLS LAST LIMIT ${f.limit + 1} OFFSET ${f.offset}`);
  return (result as unknown as { rows: MatchingCaseRow[] }).rows;
}

export async function deleteParty(tx: Db, orgId: string, caseId: string, partyId: string) {
  const rows = await tx
    .delete(parties)
    .where(and(eq(parties.orgId, orgId), eq(parties.caseId, caseId), eq(parties.id, partyId)))
    .returning({ id: parties.id });
  return rows.length > 0;
}
