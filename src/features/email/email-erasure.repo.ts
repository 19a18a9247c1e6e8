// The retention job's work on mail: messages about the given cases, or sent to their parties' addresses, are
// removed from the outbox with their delivery log (what was sent is the case's data; the case keeps its events).
import type { Db } from '#src/db/client.ts';
import { and, eq, inArray, or, sql } from '#src/db/orm.ts';
import { emailDeliveries, emailOutbox } from '#src/db/schema/meetings.ts';

export async function removeMailOfCases(tx: Db, orgId: string, caseIds: string[], addresses: string[]) {
  if (!caseIds.length && !addresses.length) return 0;
  const which = and(
    eq(emailOutbox.orgId, orgId),
    or(
      caseIds.length ? inArray(emailOutbox.caseId, caseIds) : undefined,
      addresses.length
        ? inArray(
            sql`lower(${emailOutbox.toAddress})`,
            addresses.map((a) => a.toLowerCase()),
          )
        : undefined,
    ),
  );
  const ids = (await tx.select({ id: emailOutbox.id }).from(emailOutbox).where(which)).map((r) => r.id);
  if (!ids.length) return 0;
  await tx.delete(emailDeliveries).where(and(eq(emailDeliveries.orgId, orgId), inArray(emailDeliveries.outboxId, ids)));
  await tx.delete(emailOutbox).where(and(eq(emailOutbox.orgId, orgId), inArray(emailOutbox.id, ids)));
  return ids.length;
}
