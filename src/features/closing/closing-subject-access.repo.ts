// A person's own answers at the end of their cases, for a subject access request: the feedback form they gave (its
// scores and their own words) and their check-ins at each follow-up point, with each answer and note.
import type { Db } from '#src/db/client.ts';
import { and, asc, eq, inArray } from '#src/db/orm.ts';
import { checkInAnswers, checkIns, feedbackResponses } from '#src/db/schema/closing.ts';

export async function closingRecordsOfParties(tx: Db, orgId: string, partyIds: string[]) {
  if (!partyIds.length) return { feedback: [], checkIns: [] };
  const feedback = await tx
    .select({
      caseId: feedbackResponses.caseId,
      partyId: feedbackResponses.partyId,
      source: feedbackResponses.source,
      satisfaction: feedbackResponses.satisfaction,
      feltHeard: feedbackResponses.feltHeard,
      wouldRecommend: feedbackResponses.wouldRecommend,
      whatHelped: feedbackResponses.whatHelped,
      copeBefore: feedbackResponses.copeBefore,
      copeAfter: feedbackResponses.copeAfter,
      mayQuote: feedbackResponses.mayQuote,
      submittedAt: feedbackResponses.submittedAt,
    })
    .from(feedbackResponses)
    .where(and(eq(feedbackResponses.orgId, orgId), inArray(feedbackResponses.partyId, partyIds)))
    .orderBy(asc(feedbackResponses.submittedAt));
  const given = await tx
    .select({
      id: checkIns.id,
      caseId: checkIns.caseId,
      partyId: checkIns.partyId,
      source: checkIns.source,
      note: checkIns.note,
      answeredAt: checkIns.answeredAt,
    })
    .from(checkIns)
    .where(and(eq(checkIns.orgId, orgId), inArray(checkIns.partyId, partyIds)))
    .orderBy(asc(checkIns.answeredAt));
  const answers = given.length
    ? await tx
        .select({ checkInId: checkInAnswers.checkInId, termId: checkInAnswers.termId, answer: checkInAnswers.answer, note: checkInAnswers.note })
        .from(checkInAnswers)
        .where(
          and(
            eq(checkInAnswers.orgId, orgId),
            inArray(
              checkInAnswers.checkInId,
              given.map((c) => c.id),
            ),
          ),
        )
    : [];
  return {
    feedback,
    checkIns: given.map(({ id, ...c }) => ({
      ...c,
      answers: answers.filter((a) => a.checkInId === id).map(({ checkInId: _, termId, ...a }) => ({ aboutWholeAgreement: termId === null, ...a })),
    })),
  };
}
