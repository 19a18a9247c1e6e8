// What a person is given in answer to a subject access request: each feature's part through its published module
// (cases, meetings, email, agreements, referrals, closing, SEND and restorative justice), put together by case and
// passed through one redactor built from every other person on those cases, on the referrals that named them and on
// their SEND records. Runs in the caller's transaction; the caller authorises and audits.
import type { Db } from '#src/db/client.ts';
import { caseRecordsOfParties } from '#src/features/cases/case-subject-access.ts';
import { meetingRecordsOfParties } from '#src/features/meetings/meeting-subject-access.ts';
import { lettersToPeople, mailToAddresses } from '#src/features/email/email-subject-access.ts';
import { agreementRecordsOfParties } from '#src/features/agreements/agreement-subject-access.ts';
import { referralRecordsOfPerson } from '#src/features/referrals/referral-subject-access.ts';
import { closingRecordsOfParties } from '#src/features/closing/closing-subject-access.ts';
import { sendRecordsOfParties } from '#src/features/send/send-subject-access.ts';
import { letterRecordsOfParties } from '#src/features/rj/rj-subject-access.ts';
import { makeRedactor, redactDeep } from './redaction.ts';

export async function gatherSubjectData(tx: Db, orgId: string, partyIds: string[]) {
  const records = await caseRecordsOfParties(tx, orgId, partyIds);
  const ids = records.map((r) => r.party.id);
  const others = records.flatMap((r) => r.others);
  const meetings = await meetingRecordsOfParties(tx, orgId, ids);
  const agreements = await agreementRecordsOfParties(tx, orgId, ids);
  const mail = await mailToAddresses(
    tx,
    orgId,
    records.map((r) => r.party.email ?? ''),
  );
  const post = await lettersToPeople(
    tx,
    orgId,
    records.map((r) => ({ caseId: r.case.id, partyId: r.party.id, name: r.party.name })),
  );
  const referrals = await referralRecordsOfPerson(
    tx,
    orgId,
    records.map((r) => ({ caseId: r.case.id, name: r.party.name, email: r.party.email, phone: r.party.phone })),
  );
  const closing = await closingRecordsOfParties(tx, orgId, ids);
  const send = await sendRecordsOfParties(
    tx,
    orgId,
    records.map((r) => ({ caseId: r.case.id, role: r.party.role })),
  );
  const letters = await letterRecordsOfParties(tx, orgId, ids, (writerId) => {
    const w = others.find((o) => o.id === writerId);
    return w ? [w.address, w.postcode, w.email, w.phone, w.safeContact] : [];
  });
  const redact = makeRedactor(
    [...others, ...referrals.flatMap((r) => r.thirdParties), ...send.flatMap((s) => s.thirdParties)],
    records.map((r) => r.party.name),
    records.map((r) => r.party.address),
  );
  const ofCase = <T extends { caseId: string | null }>(rows: T[], caseId: string) =>
    rows.filter((r) => r.caseId === caseId).map(({ caseId: _, ...rest }) => rest);
  const referralRecords = referrals.map((r) => r.record);
  const cases = records.map((r) => ({
    case: r.case,
    party: r.party,
    intake: r.intake,
    timeline: r.events,
    referrals: ofCase(referralRecords, r.case.id),
    appointments: ofCase(meetings.appointments, r.case.id),
    statements: ofCase(meetings.statements, r.case.id),
    meetingRequests: ofCase(meetings.requests, r.case.id),
    agreements: ofCase(agreements, r.case.id),
    letters: ofCase(letters, r.case.id),
    send:
      ofCase(
        send.map((s) => s.record),
        r.case.id,
      )[0] ?? null,
    feedback: ofCase(closing.feedback, r.case.id),
    checkIns: ofCase(closing.checkIns, r.case.id),
    messages: ofCase(mail, r.case.id),
    lettersToPost: ofCase(post, r.case.id),
    withheld: r.withheld,
  }));
  const caseIds = new Set(records.map((r) => r.case.id));
  const otherMessages = mail.filter((m) => !m.caseId || !caseIds.has(m.caseId)).map(({ caseId: _, ...rest }) => rest);
  const otherReferrals = referralRecords.filter((r) => !r.caseId).map(({ caseId: _, ...rest }) => rest);
  return redactDeep({ cases, otherMessages, otherReferrals }, redact);
}
export type SubjectData = Awaited<ReturnType<typeof gatherSubjectData>>;
