// Published: the quotes a service has approved and published, for its public page ("What our clients say"). Wording
// and case type only; nothing about the person or the case.
import type { Db } from '#src/db/client.ts';
import { inOrg } from '#src/db/tenant.ts';
import { listPublished } from './testimonials.repo.ts';

export async function publishedTestimonials(db: Db, orgId: string, limit = 6): Promise<{ text: string; caseType: string }[]> {
  return inOrg(db, orgId, (tx) => listPublished(tx, orgId, limit));
}
