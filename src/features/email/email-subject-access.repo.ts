// The mail Parley wrote to a person, for a subject access request: messages to their addresses, and letters to post
// addressed to them on their cases (a letter records its recipient by name on the case, not by email), newest last.
import type { Db } from '#src/db/client.ts';
import { and, asc, eq, inArray, or, sql } from '#src/db/orm.ts';
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

/** Letters to post (to post, or posted) addressed by name to each person on their case. */
export async function lettersToPeople(tx: Db, orgId: string, people: { caseId: string; name: string }[]) {
  const wanted = people.filter((p) => p.name.trim());
  if (!wanted.length) return [];
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
        or(...wanted.map((p) => and(eq(emailOutbox.caseId, p.caseId), sql`lower(trim(${emailOutbox.toName})) = ${p.name.trim().toLowerCase()}`))),
      ),
    )
    .orderBy(asc(emailOutbox.createdAt));
}
