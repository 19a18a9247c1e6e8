// What a person is given in answer to a subject access request: each feature's part through its published module
// (cases, meetings, email, agreements), put together by case and passed through one redactor built from every other
// person on those cases. Runs in the caller's transaction; the caller authorises and audits.
import type { Db } from '#src/db/client.ts';
import { caseRecordsOfParties } from '#src/features/cases/case-subject-access.ts';
import { meetingRecordsOfParties } from '#src/features/meetings/meeting-subject-access.ts';
import { mailToAddresses } from '#src/features/email/email-subject-access.ts';
import { agreementRecordsOfParties } from '#src/features/agreements/agreement-subject-access.ts';
import { makeRedactor, redactDeep } from './redaction.ts';

export async function gatherSubjectData(tx: Db, orgId: string, partyIds: string[]) {
  const records = await caseRecordsOfParties(tx, orgId, partyIds);
  const ids = records.map((r) => r.party.id);
  const meetings = await meetingRecordsOfParties(tx, orgId, ids);
  const agreements = await agreementRecordsOfParties(tx, orgId, ids);
  const mail = await mailToAddresses(
    tx,
    orgId,
    records.map((r) => r.party.email ?? ''),
  );
  const redact = makeRedactor(
    records.flatMap((r) => r.others),
    records.map((r) => r.party.name),
  );
  const ofCase = <T extends { caseId: string | null }>(rows: T[], caseId: string) =>
    rows.filter((r) => r.caseId === caseId).map(({ caseId: _, ...rest }) => rest);
  const cases = records.map((r) => ({
    case: r.case,
    party: r.party,
    intake: r.intake,
    timeline: r.events,
    appointments: ofCase(meetings.appointments, r.case.id),
    statements: ofCase(meetings.statements, r.case.id),
    meetingRequests: ofCase(meetings.requests, r.case.id),
    agreements: ofCase(agreements, r.case.id),
    messages: ofCase(mail, r.case.id),
    withheld: r.withheld,
  }));
  const caseIds = new Set(records.map((r) => r.case.id));
  const otherMessages = mail.filter((m) => !m.caseId || !caseIds.has(m.caseId)).map(({ caseId: _, ...rest }) => rest);
  return redactDeep({ cases, otherMessages }, redact);
}

export type SubjectData = Awaited<ReturnType<typeof gatherSubjectData>>;
