// The local authority's duties after a signed SEND agreement (#18–19): the agreement's terms for the local authority
// (or appealable), kept in send_duties with their dates so that when each was met can be recorded, reminded and counted
// for reg 42 compliance (#61). Read by the SEND tab, the API and the reminders job.
import type { Db } from '#src/db/client.ts';
import { signedAgreementOf } from '#src/features/agreements/agreement-facts.ts';
import { daysLeft } from './send-clocks.ts';
import * as repo from './send.repo.ts';

/** A duty with its date (the default or the agreed one), when it was met and calendar days left (null once met). */
export type Reg42Row = {
  termId: string;
  what: string;
  appealable: boolean | null;
  due: string | null;
  metOn: string | null;
  daysLeft: number | null;
};

export async function syncedDuties(tx: Db, orgId: string, caseId: string, today: string, at: Date): Promise<Reg42Row[]> {
  const signed = await signedAgreementOf(tx, orgId, caseId);
  if (!signed) return [];
  const terms = signed.terms.filter((x) => x.forLocalAuthority || x.appealable);
  await repo.syncDuties(
    tx,
    orgId,
    caseId,
    terms.map((x) => ({ termId: x.id, what: x.text, dueOn: x.dueOn })),
    at,
  );
  const appealable = new Map(terms.map((x) => [x.id, x.appealable]));
  return (await repo.dutiesOfCase(tx, orgId, caseId))
    .filter((d) => appealable.has(d.termId))
    .map((d) => ({
      termId: d.termId,
      what: d.what,
      appealable: appealable.get(d.termId) ?? null,
      due: d.dueOn,
      metOn: d.metOn,
      daysLeft: d.dueOn && !d.metOn ? daysLeft(today, d.dueOn, 'calendar') : null,
    }));
}
