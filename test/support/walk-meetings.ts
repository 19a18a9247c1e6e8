// Meetings data for the route walks: a venue with a room, a shuttle session booked there (with notes), a statement
// its maker did not allow to be passed on, a further-meeting request and the invitation the booking queued. Every
// text is a secret the walks look for in every page and answer; the ids fill the routes' parameters.
import type { Deps } from '#src/deps.ts';
import type { OrgActor } from '#src/access/actor.ts';
import type { Harness } from './harness.ts';
import { makeVenue } from './meetings.ts';

/** A weekday about two months ahead at 10:00 UTC (inside a venue's hours, in GMT or BST), as the clock runs now. */
export function weekdayAhead(now: Date) {
  const day = new Date(now.getTime() + 60 * 86_400_000);
  day.setUTCHours(10, 0, 0, 0);
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString();
}

export async function makeMeetingSecrets(
  h: Harness,
  actor: OrgActor,
  on: { caseId: string; partyId: string; volunteerId: string; prefix: string },
): Promise<{
  params: { venueId: string; roomId: string; meetingId: string; statementId: string; requestId: string };
  outboxId: string;
  /** The letter to post for the party, who has no email address. */
  letterId: string;
  /** Names of the service's own places: mediators see venues by design. */
  venueSecrets: string[];
  /** The case's meeting details. */
  caseSecrets: string[];
}> {
  const { prefix, caseId, partyId, volunteerId } = on;
  const venue = await makeVenue(h.deps, actor.orgId, {
    name: `${prefix} Secret Venue`,
    rooms: [`${prefix} secret room`],
    address: `${prefix} secret venue address`,
  });
  const roomId = venue.roomIds[0]!;
  const booking: Parameters<Deps['meetings']['book']>[2] = {
    kind: 'shuttle',
    mode: 'in_person',
    place: 'venue',
    roomId,
    start: weekdayAhead(h.clock.now()),
    durationMinutes: 120,
    volunteerIds: [volunteerId],
    partyIds: [partyId],
    others: [],
    shortNoticeAgreed: false,
    notes: `${prefix} secret meeting notes`,
  };
  const meetingId = (await h.deps.meetings.book(actor, caseId, booking)).meeting.id;
  const statement = { partyId, statement: `${prefix} secret shuttle statement`, permission: 'no' as const };
  const { id: statementId } = await h.deps.meetings.shuttle.recordStatement(actor, caseId, meetingId, statement);
  const request = { requestedBy: 'party' as const, partyId, kind: 'joint' as const, reason: `${prefix} secret request reason` };
  const { id: requestId } = await h.deps.meetings.requests.create(actor, caseId, request);
  const queued = (await h.deps.email.list(actor, { template: 'meeting_invitation' })).messages.filter((m) => m.caseId === caseId);
  const invitation = queued.find((m) => m.channel === 'email');
  if (!invitation) throw new Error('the booking queued no invitation: give the volunteer an email address');
  // The party has no email address: their invitation is a letter to post.
  const letter = queued.find((m) => m.channel === 'post');
  if (!letter) throw new Error('the booking made no letter: the party is meant to have no email address');
  return {
    params: { venueId: venue.venueId, roomId, meetingId, statementId, requestId },
    outboxId: invitation.id,
    letterId: letter.id,
    venueSecrets: [`${prefix} Secret Venue`, `${prefix} secret room`, `${prefix} secret venue address`],
    caseSecrets: [`${prefix} secret meeting notes`, `${prefix} secret shuttle statement`, `${prefix} secret request reason`],
  };
}
