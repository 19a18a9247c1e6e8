// Published by send for data protection (subject access): the SEND record of a parent's or young person's case and
// the certificates issued to them. Those who attended with them (an advocate, a supporter, the child: people they
// chose) are given by name; anyone else who attended, and the local authority's representative, are returned apart
// as people to redact. A local authority or health body on the case is answered by its own records, not this one.
import type { Db } from '#src/db/client.ts';
import { sendRecordsOfCases } from './send-subject-access.repo.ts';

/** The roles whose own SEND record it is: the family's side of the disagreement. */
const FAMILY_ROLES = new Set(['parent', 'young_person']);

export async function sendRecordsOfParties(tx: Db, orgId: string, parties: readonly { caseId: string; role: string }[]) {
  const caseIds = [...new Set(parties.filter((p) => FAMILY_ROLES.has(p.role)).map((p) => p.caseId))];
  const records = await sendRecordsOfCases(tx, orgId, caseIds);
  return records.map(({ laAttendee, attendees, ...r }) => ({
    record: { ...r, attendees: attendees.filter((a) => a.kind !== 'other') },
    thirdParties: [laAttendee, ...attendees.filter((a) => a.kind === 'other').map((a) => a.name)]
      .filter((n): n is string => !!n?.trim())
      .map((name) => ({ name })),
  }));
}

export { ATTENDEE_KIND_LABELS, SEND_ROUTE_LABELS } from './send-attendance.ts';
export {
  CERTIFICATE_KIND_LABELS,
  CERTIFICATE_OUTCOME_LABELS,
  MIAS_DECISION_LABELS,
  REQUESTER_LABELS,
  SEND_DECISION_LABELS,
  SEND_ISSUE_LABELS,
} from './send-words.ts';
