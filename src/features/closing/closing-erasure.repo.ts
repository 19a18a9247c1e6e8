// The retention job's work on the end of a case: what people wrote in check-ins and feedback goes (the scores and
// answers the figures count stay), and quotes made from it are taken down and emptied.
import type { Db } from '#src/db/client.ts';
import { and, eq, inArray } from '#src/db/orm.ts';
import { checkInAnswers, checkIns, feedbackResponses, testimonials } from '#src/db/schema/closing.ts';

const A = 'Anonymised';

export async function anonymiseClosingOfCases(tx: Db, orgId: string, caseIds: string[]) {
  if (!caseIds.length) return;
  const checkInIds = (
    await tx
      .select({ id: checkIns.id })
      .from(checkIns)
      .where(and(eq(checkIns.orgId, orgId), inArray(checkIns.caseId, caseIds)))
  ).map((r) => r.id);
  if (checkInIds.length) {
    await tx
      .update(checkIns)
      .set({ note: null })
      .where(and(eq(checkIns.orgId, orgId), inArray(checkIns.id, checkInIds)));
    await tx
      .update(checkInAnswers)
      .set({ note: null })
      .where(and(eq(checkInAnswers.orgId, orgId), inArray(checkInAnswers.checkInId, checkInIds)));
  }
  const feedbackIds = (
    await tx
      .select({ id: feedbackResponses.id })
      .from(feedbackResponses)
      .where(and(eq(feedbackResponses.orgId, orgId), inArray(feedbackResponses.caseId, caseIds)))
  ).map((r) => r.id);
  if (!feedbackIds.length) return;
  await tx
    .update(feedbackResponses)
    .set({ whatHelped: null, mayQuote: false })
    .where(and(eq(feedbackResponses.orgId, orgId), inArray(feedbackResponses.id, feedbackIds)));
  await tx
    .update(testimonials)
    .set({ originalText: A, text: A, published: false, status: 'rejected' })
    .where(and(eq(testimonials.orgId, orgId), inArray(testimonials.feedbackId, feedbackIds)));
}
