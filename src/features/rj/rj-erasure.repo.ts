// The retention job's work on a case's restorative justice records: the notes on suitability, the senior's note, the
// risk assessment's notes by area, where a participant is held with their prison number and offender manager, the
// letters' words with what was taken out of them, and the facilitators' review notes go; the offence category, the
// decisions, ratings, versions, dates, the checklist's steps and how each letter was vetted stay for the returns.
// Runs as the owner role: suitability recordings and letter reviews are never changed by the app (0029 grants), only
// here, when the case's time is up. No trigger guards them, so no `parley.erasing` is needed.
import type { Db } from '#src/db/client.ts';
import { and, eq, inArray } from '#src/db/orm.ts';
import { rjCases, rjCustody, rjLetterReviews, rjLetters, rjRiskAssessments, rjSuitability } from '#src/db/schema/rj.ts';

const A = 'Anonymised';

export async function anonymiseRjOfCases(tx: Db, orgId: string, caseIds: string[]) {
  if (!caseIds.length) return;
  await tx
    .update(rjCases)
    .set({ seniorNote: null })
    .where(and(eq(rjCases.orgId, orgId), inArray(rjCases.caseId, caseIds)));
  await tx
    .update(rjSuitability)
    .set({ notes: null })
    .where(and(eq(rjSuitability.orgId, orgId), inArray(rjSuitability.caseId, caseIds)));
  await tx
    .update(rjRiskAssessments)
    .set({ areas: {} })
    .where(and(eq(rjRiskAssessments.orgId, orgId), inArray(rjRiskAssessments.caseId, caseIds)));
  await tx
    .update(rjCustody)
    .set({ establishment: A, prisonNumber: A, offenderManagerName: A, offenderManagerContact: A })
    .where(and(eq(rjCustody.orgId, orgId), inArray(rjCustody.caseId, caseIds)));
  const letterIds = (
    await tx
      .select({ id: rjLetters.id })
      .from(rjLetters)
      .where(and(eq(rjLetters.orgId, orgId), inArray(rjLetters.caseId, caseIds)))
  ).map((r) => r.id);
  if (!letterIds.length) return;
  await tx
    .update(rjLetters)
    .set({ body: A, redactions: [] })
    .where(and(eq(rjLetters.orgId, orgId), inArray(rjLetters.id, letterIds)));
  await tx
    .update(rjLetterReviews)
    .set({ note: null })
    .where(and(eq(rjLetterReviews.orgId, orgId), inArray(rjLetterReviews.letterId, letterIds)));
}
