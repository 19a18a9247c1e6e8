// The mail Parley wrote to a person, for a subject access request: messages to their addresses, newest last.
import type { Db } from '#src/db/client.ts';
import { and, asc, eq, inArray, sql } from '#src/db/orm.ts';
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
    .where(and(eq(emailOutbox.orgId, orgId), inArray(sql`lower(${emailOutbox.toAddress})`, wanted)))
    .orderBy(asc(emailOutbox.createdAt));
}
