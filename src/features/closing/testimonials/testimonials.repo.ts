// Testimonials: anonymised quotes from feedback, their review and publishing.
import type { Db } from '#src/db/client.ts';
import { and, desc, eq } from '#src/db/orm.ts';
import { testimonials } from '#src/db/schema/closing.ts';

export type TestimonialRow = typeof testimonials.$inferSelect;

export async function insertTestimonial(tx: Db, row: typeof testimonials.$inferInsert) {
  await tx.insert(testimonials).values(row);
}

export async function listTestimonials(tx: Db, orgId: string, status?: string): Promise<TestimonialRow[]> {
  return tx
    .select()
    .from(testimonials)
    .where(status ? and(eq(testimonials.orgId, orgId), eq(testimonials.status, status)) : eq(testimonials.orgId, orgId))
    .orderBy(desc(testimonials.createdAt));
}

export async function findTestimonial(tx: Db, orgId: string, id: string): Promise<TestimonialRow | undefined> {
  const rows = await tx
    .select()
    .from(testimonials)
    .where(and(eq(testimonials.orgId, orgId), eq(testimonials.id, id)));
  return rows[0];
}

export async function updateTestimonial(tx: Db, orgId: string, id: string, values: Partial<typeof testimonials.$inferInsert>) {
  await tx
    .update(testimonials)
    .set(values)
    .where(and(eq(testimonials.orgId, orgId), eq(testimonials.id, id)));
}

/** The approved, published quotes of a service: wording and case type only. */
export async function listPublished(tx: Db, orgId: string, limit: number) {
  return tx
    .select({ text: testimonials.text, caseType: testimonials.caseType })
    .from(testimonials)
    .where(and(eq(testimonials.orgId, orgId), eq(testimonials.status, 'approved'), eq(testimonials.published, true)))
    .orderBy(desc(testimonials.decidedAt))
    .limit(limit);
}
