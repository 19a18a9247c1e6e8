import { eq, sql } from '#src/db/orm.ts';
import type { Db } from '#src/db/client.ts';
import { prepared } from '#src/db/prepared.ts';
import { type OrgSettings, organisations } from '#src/db/schema/organisations.ts';
import { seedCaseTypes } from './case-types.repo.ts';

export type NewOrg = { id: string; slug: string; name: string; email?: string | null; phone?: string | null; address?: string | null; settings?: OrgSettings };

export async function insertOrg(tx: Db, org: NewOrg) {
  await tx.insert(organisations).values(org);
  await seedCaseTypes(tx, org.id);
}

export async function findOrgBySlug(tx: Db, slug: string) {
  const rows = await tx.select().from(organisations).where(eq(organisations.slug, slug));
  return rows[0];
}

/** Under a tenant transaction this returns the current service only (row-level security). */
const orgById = prepared('org_by_id', (db) =>
  db
    .select()
    .from(organisations)
    .where(eq(organisations.id, sql.placeholder('id'))),
);

export async function findOrgById(tx: Db, id: string) {
  const rows = await orgById(tx, { id });
  return rows[0];
}

export async function countOrgs(tx: Db) {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(organisations);
  return row?.n ?? 0;
}

export async function updateOrgSettings(tx: Db, orgId: string, settings: OrgSettings) {
  await tx.update(organisations).set({ settings }).where(eq(organisations.id, orgId));
}
