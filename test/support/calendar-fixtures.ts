// Meetings and venues written straight into the tables, for the calendar and feed tests (which need exact facts:
// statuses, sequences, when a meeting last changed), and a feed's events as ical.js reads them back.
import ICAL from 'ical.js';
import { inOrg } from '#src/db/tenant.ts';
import { meetingParticipants, meetings, venueRooms, venues } from '#src/db/schema/meetings.ts';
import type { Deps } from '#src/deps.ts';
import { newId } from '#src/lib/ids.ts';

export type MeetingSpec = {
  caseId: string;
  kind: string;
  mode?: string;
  place?: string | null;
  venueId?: string;
  roomId?: string;
  homePartyId?: string;
  locationText?: string;
  starts: string;
  minutes?: number;
  status?: string;
  updatedAt?: Date;
  sequence?: number;
  volunteers: { id: string; name: string }[];
  parties?: { id: string; name: string }[];
};

/** A meeting and its participants; every participant gets the same made-up email address. */
export async function insertMeeting(deps: Deps, orgId: string, spec: MeetingSpec) {
  const id = newId();
  const startsAt = new Date(spec.starts);
  await inOrg(deps.db, orgId, async (tx) => {
    await tx.insert(meetings).values({
      id,
      orgId,
      caseId: spec.caseId,
      kind: spec.kind,
      mode: spec.mode ?? 'in_person',
      place: spec.place === undefined ? 'venue' : spec.place,
      venueId: spec.venueId ?? null,
      roomId: spec.roomId ?? null,
      homePartyId: spec.homePartyId ?? null,
      locationText: spec.locationText ?? null,
      startsAt,
      endsAt: new Date(startsAt.getTime() + (spec.minutes ?? 60) * 60_000),
      status: spec.status ?? 'booked',
      icsUid: `${id}@parley.test`,
      sequence: spec.sequence ?? 0,
      createdAt: deps.clock.now(),
      updatedAt: spec.updatedAt ?? deps.clock.now(),
    });
    const people = [
      ...spec.volunteers.map((v) => ({ kind: 'volunteer', volunteerId: v.id, partyId: null, name: v.name })),
      ...(spec.parties ?? []).map((p) => ({ kind: 'party', volunteerId: null, partyId: p.id, name: p.name })),
    ];
    await tx
      .insert(meetingParticipants)
      .values(people.map((p) => ({ id: newId(), orgId, meetingId: id, caseId: spec.caseId, ...p, email: 'someone@example.org', createdAt: deps.clock.now() })));
  });
  return id;
}

/** A venue with one room, Room 1. */
export async function insertVenue(deps: Deps, orgId: string, name: string, address: string) {
  const venueId = newId();
  const roomId = newId();
  await inOrg(deps.db, orgId, async (tx) => {
    await tx.insert(venues).values({ id: venueId, orgId, name, address, postcode: 'CT1 2AB', createdAt: deps.clock.now(), updatedAt: deps.clock.now() });
    await tx.insert(venueRooms).values({ id: roomId, orgId, venueId, name: 'Room 1', capacity: 8, createdAt: deps.clock.now() });
  });
  return { venueId, roomId };
}

/** The iCalendar events of a feed, as ical.js reads them. */
export function parseFeed(ics: string) {
  const cal = new ICAL.Component(ICAL.parse(ics));
  return cal.getAllSubcomponents('vevent').map((ve) => {
    const e = new ICAL.Event(ve);
    return {
      uid: e.uid,
      sequence: e.sequence,
      summary: e.summary,
      location: e.location,
      description: e.description,
      start: e.startDate.toJSDate().toISOString(),
      status: String(ve.getFirstPropertyValue('status')),
      url: String(ve.getFirstPropertyValue('url')),
    };
  });
}
