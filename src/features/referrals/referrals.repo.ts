import type { Db } from '#src/db/client.ts';
import { pageWindow, prepared, preparedShapes } from '#src/db/prepared.ts';
import { type Part, rowsPart } from '#src/db/read-in-one.ts';
import { and, desc, eq, getTableColumns, gte, inArray, lt, ne, or, type Placeholder, type SQL, sql } from '#src/db/orm.ts';
import { cases, parties } from '#src/db/schema/cases.ts';
import { enquiries, referrals, volunteerApplications } from '#src/db/schema/referrals.ts';
import type { CaseTypeOrKind } from '#src/domain/case-words.ts';

export type NewReferral = typeof referrals.$inferInsert;

export async function insertReferral(tx: Db, r: NewReferral) {
  await tx.insert(referrals).values(r);
}

type ReferralShape = { status: boolean; createdByKey: boolean };

/** A page of the service's referrals (the home's queue, the referrals page, an API key's own), built once for each shape. */
const referralColumns = getTableColumns(referrals);
const referralRows = (db: Db, where: SQL | undefined, select = referralColumns) =>
  db
    .select(select)
    .from(referrals)
    .where(where)
    .orderBy(desc(referrals.urgent), desc(referrals.createdAt), desc(referrals.id)) // the id settles ties, so pages never skip or repeat a referral
    .$dynamic();
const referralPage = preparedShapes('referral_page', (db, shape: ReferralShape & { later: boolean }) =>
  pageWindow(referralRows(db, referralsWhere(shape)), shape.later),
);
export type ReferralRow = typeof referrals.$inferSelect;

/** The first `shown` new referrals (placeholder orgId), read with other parts in one statement (db/read-in-one.ts). */
export const newReferralsPart = (shown: number): Part<ReferralRow[]> =>
  rowsPart(referralColumns, (db, select) =>
    pageWindow(referralRows(db, referralsWhere({ status: true, createdByKey: false }, 'new'), select), false, { limit: shown, offset: 0 }),
  );
const referralCount = preparedShapes('referral_count', (db, shape: ReferralShape) =>
  db.select({ n: sql<number>`count(*)::int` }).from(referrals).where(referralsWhere(shape)),
);
function referralsWhere(shape: ReferralShape, status: string | Placeholder = sql.placeholder('status')) {
  return and(
    eq(referrals.orgId, sql.placeholder('orgId')),
    shape.status ? eq(referrals.status, status) : undefined,
    shape.createdByKey ? eq(referrals.createdByKey, sql.placeholder('createdByKey')) : undefined,
  );
}

/** A page of referrals and how many there are in all; `firstPage`: the page's rows when they were read already (a part). */
export async function listReferrals(
  tx: Db,
  orgId: string,
  filter: { status?: string; createdByKey?: string; limit: number; offset: number },
  firstPage?: ReferralRow[],
) {
  const shape = { status: Boolean(filter.status), createdByKey: Boolean(filter.createdByKey) };
  const values = { orgId, status: filter.status, createdByKey: filter.createdByKey };
  const rows = firstPage ?? (await referralPage(tx, { ...shape, later: filter.offset > 0 }, { ...values, limit: filter.limit, offset: filter.offset }));
  // A page that is not full ends the list, so it tells the total without counting (unless it is past the end).
  if (rows.length < filter.limit && (rows.length > 0 || filter.offset === 0)) return { rows, total: filter.offset + rows.length };
  const [count] = await referralCount(tx, shape, values);
  return { rows, total: count?.n ?? 0 };
}

export async function findReferral(tx: Db, orgId: string, id: string) {
  const rows = await tx
    .select()
    .from(referrals)
    .where(and(eq(referrals.orgId, orgId), eq(referrals.id, id)));
  return rows[0];
}

export async function updateReferral(tx: Db, orgId: string, id: string, values: Partial<NewReferral>) {
  await tx
    .update(referrals)
    .set(values)
    .where(and(eq(referrals.orgId, orgId), eq(referrals.id, id)));
}

/** Open referrals (other than this one) and open cases that share a person's name, phone, email or postcode. */
export async function findLikelyDuplicates(tx: Db, orgId: string, referralId: string, keys: string[]) {
  if (keys.length === 0) return { referrals: [], cases: [] };
  const keyArray = sql`ARRAY[${sql.join(
    keys.map((k) => sql`${k}`),
    sql`, `,
  )}]::text[]`;
  const similarReferrals = await tx
    .select({ id: referrals.id, reference: referrals.reference, status: referrals.status, matchKeys: referrals.matchKeys })
    .from(referrals)
    .where(and(eq(referrals.orgId, orgId), ne(referrals.id, referralId), eq(referrals.status, 'new'), sql`${referrals.matchKeys} && ${keyArray}`))
    .limit(10);
  const names = keys.filter((k) => k.startsWith('n:')).map((k) => k.slice(2));
  const phones = keys.filter((k) => k.startsWith('t:')).map((k) => k.slice(2));
  const emails = keys.filter((k) => k.startsWith('e:')).map((k) => k.slice(2));
  const postcodes = keys.filter((k) => k.startsWith('p:')).map((k) => k.slice(2));
  const personMatch = or(
    names.length ? inArray(parties.nameNorm, names) : undefined,
    phones.length ? inArray(parties.phoneNorm, phones) : undefined,
    emails.length ? inArray(parties.emailNorm, emails) : undefined,
    postcodes.length ? inArray(parties.postcodeNorm, postcodes) : undefined,
  );
  const similarCases = await tx
    .selectDistinct({ id: cases.id, reference: cases.reference, status: cases.status })
    .from(parties)
    .innerJoin(cases, eq(cases.id, parties.caseId))
    .where(and(eq(parties.orgId, orgId), personMatch, inArray(cases.status, ['intake', 'ready', 'mediation', 'outcome', 'follow_up', 'on_hold'])))
    .limit(10);
  return { referrals: similarReferrals, cases: similarCases };
}

export async function insertEnquiry(tx: Db, e: typeof enquiries.$inferInsert) {
  await tx.insert(enquiries).values(e);
}

const enquiryColumns = getTableColumns(enquiries);
const enquiryList = (db: Db, where: SQL | undefined, select = enquiryColumns) =>
  db.select(select).from(enquiries).where(where).orderBy(desc(enquiries.createdAt)).limit(200);
const enquiriesOfStatus = prepared('enquiries_of_status', (db) =>
  enquiryList(db, and(eq(enquiries.orgId, sql.placeholder('orgId')), eq(enquiries.status, sql.placeholder('status')))),
);

/** The new enquiries (placeholder orgId), read with other parts in one statement (db/read-in-one.ts). */
export const newEnquiriesPart: Part<(typeof enquiries.$inferSelect)[]> = rowsPart(enquiryColumns, (db, select) =>
  enquiryList(db, and(eq(enquiries.orgId, sql.placeholder('orgId')), eq(enquiries.status, 'new')), select),
);

export async function listEnquiries(tx: Db, orgId: string, status?: string) {
  return status ? enquiriesOfStatus(tx, { orgId, status }) : enquiryList(tx, eq(enquiries.orgId, orgId));
}

export async function findEnquiry(tx: Db, orgId: string, id: string) {
  const [row] = await tx
    .select()
    .from(enquiries)
    .where(and(eq(enquiries.orgId, orgId), eq(enquiries.id, id)));
  return row;
}

export async function updateEnquiry(tx: Db, orgId: string, id: string, values: Partial<typeof enquiries.$inferInsert>) {
  const rows = await tx
    .update(enquiries)
    .set(values)
    .where(and(eq(enquiries.orgId, orgId), eq(enquiries.id, id)))
    .returning({ id: enquiries.id });
  return rows.length > 0;
}

export async function insertVolunteerApplication(tx: Db, v: typeof volunteerApplications.$inferInsert) {
  await tx.insert(volunteerApplications).values(v);
}

export async function listVolunteerApplications(tx: Db, orgId: string) {
  return tx.select().from(volunteerApplications).where(eq(volunteerApplications.orgId, orgId)).orderBy(desc(volunteerApplications.createdAt)).limit(200);
}

/**
 * Referrals of one case type (its code), or of every type of one kind (`{ caseKind }`), received in [from, to), counted
 * by source, status and decision reason (for funders' returns).
 */
export async function referralCounts(
  tx: Db,
  orgId: string,
  of: CaseTypeOrKind,
  from: Date,
  to: Date,
  /** More conditions on the referral (the table as named), as `AND …`: a return's place filter. */
  referralIs: (r: SQL) => SQL = () => sql``,
) {
  return tx
    .select({ source: referrals.source, status: referrals.status, reason: referrals.decisionReason, count: sql<number>`count(*)::int` })
    .from(referrals)
    .where(
      and(
        eq(referrals.orgId, orgId),
        typeof of === 'string' ? eq(referrals.caseType, of) : eq(referrals.caseKind, of.caseKind),
        gte(referrals.createdAt, from),
        lt(referrals.createdAt, to),
        sql`true ${referralIs(sql`${referrals}`)}`,
      ),
    )
    .groupBy(referrals.source, referrals.status, referrals.decisionReason);
}
