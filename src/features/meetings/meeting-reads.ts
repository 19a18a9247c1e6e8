// Published by meetings for the features below it, through deps.ts: a volunteer's next meeting for their own home page.
import type { Db } from '#src/db/client.ts';
import { findMeeting, listMeetingsBetween } from './records/meetings.repo.ts';

/** The volunteer's next booked meeting in the coming 90 days, if any. */
export async function nextMeetingOfVolunteer(tx: Db, orgId: string, volunteerId: string, now: Date) {
  const soon = await listMeetingsBetween(tx, orgId, now, new Date(now.getTime() + 90 * 86_400_000), { volunteerId, statuses: ['booked'] });
  const next = soon.find((m) => m.startsAt.getTime() >= now.getTime());
  return next ? { kind: next.kind, startsAt: next.startsAt, caseReference: next.caseReference } : null;
}

// The venues a service has set up, for the admin's getting-started checklist.
export { anyVenuePart, hasVenue, listVenuesWithRooms } from './venues/venues.repo.ts';
export { meetingNames } from './records/meeting-names.repo.ts';

// Meetings held, by kind, for the restorative justice return (features/rj).
export { heldMeetingCounts } from './records/meetings.repo.ts';

/** A meeting of the case, for features above meetings (SEND's MIAS call): its kind and status, or undefined. */
export async function meetingOfCase(tx: Db, orgId: string, caseId: string, meetingId: string) {
  const m = await findMeeting(tx, orgId, caseId, meetingId);
  return m ? { id: m.id, kind: m.kind, status: m.status } : undefined;
}
