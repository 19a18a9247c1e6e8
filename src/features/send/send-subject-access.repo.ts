// The SEND records of a person's cases, for a subject access request: the SEND record (the decision disputed, the
// issues, the child, the adviser's call and what the parent decided, the route, who attended with them) and the
// certificates issued on the case, with the local authority's representative kept apart for the caller's redactor.
import type { Db } from '#src/db/client.ts';
import { and, asc, eq, inArray } from '#src/db/orm.ts';
import { sendCases, sendCertificates } from '#src/db/schema/send.ts';

export async function sendRecordsOfCases(tx: Db, orgId: string, caseIds: string[]) {
  if (!caseIds.length) return [];
  const records = await tx
    .select()
    .from(sendCases)
    .where(and(eq(sendCases.orgId, orgId), inArray(sendCases.caseId, caseIds)));
  const certificates = records.length
    ? await tx
        .select({
          caseId: sendCertificates.caseId,
          number: sendCertificates.number,
          kind: sendCertificates.kind,
          outcome: sendCertificates.outcome,
          issues: sendCertificates.issues,
          issuedOn: sendCertificates.issuedOn,
          appealDeadline: sendCertificates.appealDeadline,
          adviserOrganisation: sendCertificates.adviserOrganisation,
          reissueReason: sendCertificates.reissueReason,
          supersededAt: sendCertificates.supersededAt,
        })
        .from(sendCertificates)
        .where(and(eq(sendCertificates.orgId, orgId), inArray(sendCertificates.caseId, caseIds)))
        .orderBy(asc(sendCertificates.number))
    : [];
  return records.map((r) => ({
    caseId: r.caseId,
    decisionType: r.decisionType,
    issues: r.issues,
    decisionLetterOn: r.decisionLetterOn,
    requestedBy: r.requestedBy,
    childName: r.childName,
    localAuthority: r.localAuthority,
    childViewsObtained: r.childViewsObtained,
    childViewsMethod: r.childViewsMethod,
    childViewsNotReason: r.childViewsNotReason,
    miasOn: r.miasOn,
    miasDecision: r.miasDecision,
    decisionToldOn: r.decisionToldOn,
    mediationHeldOn: r.mediationHeldOn,
    route: r.route,
    attendees: r.attendees,
    certificates: certificates.filter((c) => c.caseId === r.caseId).map(({ caseId: _, ...c }) => c),
    /** Never for the archive: the local authority's representative, for the caller's redactor. */
    laAttendee: r.laAttendeeName,
  }));
}
