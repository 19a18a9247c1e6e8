// The mail Parley wrote to a person, for a subject access request: messages to their addresses, and letters to post
// to them on their cases (a letter is linked to the person it was written to; one written before letters were linked
// is found by their name on the case), newest last.
import type { Db } from '#src/db/client.ts';
import { and, asc, eq, inArray, isNull, or, sql } from '#src/db/orm.ts';
import { emailOutbox } from '#src/db/schema/meetings.ts';

export async function mailToAddresses(tx: Db, orgId: string, addresses: string[]) {
  const wanted = [...new Set(addresses.map((a) => a.trim().toLowerCase()).filter(Boolean))];
  if (!wanted.length) return [];
  return tx
    .select({
      to: emailOutbox.toAddress,
      subject: emailOutbox.subject,
      text: emailOutbox.textBody,
      status: emailOutbox.status,
      createdAt: emailOutbox.createdAt,
      caseId: emailOutbox.caseId,
    })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.orgId, orgId), eq(emailOutbox.channel, 'email'), inArray(sql`lower(${emailOutbox.toAddress})`, wanted)))
    .orderBy(asc(emailOutbox.createdAt));
}

/** Letters to post (to post, posted or withdrawn) to each person on their case: linked to them, or by name if unlinked. */
export async function lettersToPeople(tx: Db, orgId: string, people: { caseId: string; partyId: string; name: string }[]) {
  if (!people.length) return [];
  const byName = people.filter((p) => p.name.trim());
  const unlinkedByName = byName.map((p) =>
    and(isNull(emailOutbox.partyId), eq(emailOutbox.caseId, p.caseId), sql`lower(trim(${emailOutbox.toName})) = ${p.name.trim().toLowerCase()}`),
  );
  return tx
    .select({
      to: emailOutbox.toName,
      address: emailOutbox.postalAddress,
      subject: emailOutbox.subject,
      text: emailOutbox.textBody,
      status: emailOutbox.status,
      createdAt: emailOutbox.createdAt,
      postedAt: emailOutbox.postedAt,
      caseId: emailOutbox.caseId,
    })
    .from(emailOutbox)
    .where(
      and(
        eq(emailOutbox.orgId, orgId),
        eq(emailOutbox.channel, 'post'),
        or(
          inArray(
            emailOutbox.partyId,
            people.map((p) => p.partyId),
          ),
          ...unlinkedByName,
        ),
      ),
    )
    .orderBy(asc(emailOutbox.createdAt));
}
