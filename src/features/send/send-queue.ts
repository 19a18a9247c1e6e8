// The deadlines queue worked out: every running clock of every open SEND case, overdue first, then by due date and
// reference. The service keeps the result per service until the day or what it depends on changes (queueVersion).
import type { Db } from '#src/db/client.ts';
import { type CertificateFact, type Clock, caseClocks } from './case-clocks.ts';
import * as repo from './send.repo.ts';

export type QueueClock = Clock & { caseId: string; reference: string; childName: string | null; localAuthority: string | null };

export async function workOutQueue(tx: Db, orgId: string, now: string): Promise<QueueClock[]> {
  const { rows, certs } = await repo.openSendCases(tx, orgId);
  const byCase = new Map<string, CertificateFact[]>();
  for (const x of certs) byCase.set(x.caseId, [...(byCase.get(x.caseId) ?? []), x]);
  return rows
    .flatMap((r) =>
      caseClocks(r.send, byCase.get(r.send.caseId) ?? [], now)
        .filter((k) => k.running)
        .map((k) => ({ ...k, caseId: r.send.caseId, reference: r.reference, childName: r.send.childName, localAuthority: r.send.localAuthority })),
    )
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.due.localeCompare(b.due) || a.reference.localeCompare(b.reference));
}
