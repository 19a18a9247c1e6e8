// The retention job's work on a case's SEND records: the child's name, how their views were sought or why not, the
// integrated care boards named, the local authority's representative, the others attending, the reason for a delay,
// the adviser named on each certificate, a re-issue's reason and the words of the local authority's duties go. The decision disputed, the issues, who asked, the local authority (an area), every date,
// the MIAS decision, and each certificate's number, kind, outcome and issue outcomes stay for the register and reports.
// A certificate's PDF is not stored: it is drawn from these rows when downloaded, so it no longer names anyone, and
// the mail that carried it goes with the case's mail (email-erasure).
import type { Db } from '#src/db/client.ts';
import { and, eq, inArray } from '#src/db/orm.ts';
import { sendCases, sendCertificates, sendDuties } from '#src/db/schema/send.ts';

const A = 'Anonymised';

export async function anonymiseSendOfCases(tx: Db, orgId: string, caseIds: string[]) {
  if (!caseIds.length) return;
  await tx
    .update(sendCases)
    .set({
      childName: null,
      childViewsMethod: null,
      childViewsNotReason: null,
      icbs: [],
      laAttendeeName: null,
      laAttendeeRole: null,
      attendees: [],
      delayReason: null,
    })
    .where(and(eq(sendCases.orgId, orgId), inArray(sendCases.caseId, caseIds)));
  await tx
    .update(sendCertificates)
    .set({ adviserName: A, reissueReason: null })
    .where(and(eq(sendCertificates.orgId, orgId), inArray(sendCertificates.caseId, caseIds)));
  await tx
    .update(sendDuties)
    .set({ what: A })
    .where(and(eq(sendDuties.orgId, orgId), inArray(sendDuties.caseId, caseIds)));
}
