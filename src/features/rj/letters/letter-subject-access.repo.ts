// A person's restorative justice letters, for a subject access request: the letters they wrote (their own words, with
// how far vetting got) and the letters passed on to them (the text as it reached them). A letter to them that was
// never passed on is the writer's, not theirs, and is not read.
import type { Db } from '#src/db/client.ts';
import { and, asc, eq, inArray, isNotNull, or } from '#src/db/orm.ts';
import { rjLetterReviews, rjLetters } from '#src/db/schema/rj.ts';

export async function lettersOfParties(tx: Db, orgId: string, partyIds: string[]) {
  if (!partyIds.length) return { letters: [], reviews: [] };
  const letters = await tx
    .select()
    .from(rjLetters)
    .where(
      and(eq(rjLetters.orgId, orgId), or(inArray(rjLetters.fromPartyId, partyIds), and(inArray(rjLetters.toPartyId, partyIds), isNotNull(rjLetters.passedAt)))),
    )
    .orderBy(asc(rjLetters.createdAt), asc(rjLetters.id));
  const ids = letters.filter((l) => partyIds.includes(l.fromPartyId)).map((l) => l.id);
  const reviews = ids.length
    ? await tx
        .select({
          letterId: rjLetterReviews.letterId,
          version: rjLetterReviews.version,
          reviewerId: rjLetterReviews.reviewerId,
          decision: rjLetterReviews.decision,
        })
        .from(rjLetterReviews)
        .where(and(eq(rjLetterReviews.orgId, orgId), inArray(rjLetterReviews.letterId, ids)))
    : [];
  return { letters, reviews };
}
