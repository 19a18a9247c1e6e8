// The only file that queries meetings and meeting_participants. Every query is scoped by the service (orgId) and
// runs inside the caller's tenant transaction.
import type { Db } from '#src/db/client.ts';
import { and, asc, eq, gt, gte, inArray, lt, ne, or, type Placeholder, type SQL, sql } from '#src/db/orm.ts';
import { listValues, placeholderList, prepared, preparedShapes } from '#src/db/prepared.ts';
import { cases, parties } from '#src/db/schema/cases.ts';
import { meetingParticipants, meetings, venueRooms, venues } from '#src/db/schema/meetings.ts';
import { users } from '#src/db/schema/people.ts';
import { volunteers } from '#src/db/schema/volunteers.ts';
import type { CaseTypeOrKind } from '#src/domain/case-words.ts';
import { isUuid } from '#src/lib/ids.ts';

export type NewMeeting = typeof meetings.$inferInsert;
export type NewParticipant = typeof meetingParticipants.$inferInsert;
export type ParticipantRow = typeof meetingParticipants.$inferSelect;

const meetingView = {
  id: meetings.id,
  orgId: meetings.orgId,
  caseId: meetings.caseId,
  caseReference: cases.reference,
  caseType: cases.caseType,
  caseKind: cases.caseKind,
  kind: meetings.kind,
  mode: meetings.mode,
  place: meetings.place,
  venueId: meetings.venueId,
  venueName: venues.name,
  venueAddress: venues.address,
  roomId: meetings.roomId,
  roomName: venueRooms.name,
  homePartyId: meetings.homePartyId,
  locationText: meetings.locationText,
  videoLink: meetings.videoLink,
  startsAt: meetings.startsAt,
  endsAt: meetings.endsAt,
  status: meetings.status,
  icsUid: meetings.icsUid,
  sequence: meetings.sequence,
  shortNoticeAgreed: meetings.shortNoticeAgreed,
  notes: meetings.notes,
  cancelReason: meetings.cancelReason,
  changes: meetings.changes,
  record: meetings.record,
  requestId: meetings.requestId,
  createdBy: meetings.createdBy,
  createdAt: meetings.createdAt,
  updatedAt: meetings.updatedAt,
};

function selectMeetings(tx: Db, orgId: string | Placeholder) {
  return tx
    .select(meetingView)
    .from(meetings)
    .innerJoin(cases, and(eq(cases.id, meetings.caseId), eq(cases.orgId, orgId)))
    .leftJoin(venues, and(eq(venues.id, meetings.venueId), eq(venues.orgId, orgId)))
    .leftJoin(venueRooms, and(eq(venueRooms.id, meetings.roomId), eq(venueRooms.orgId, orgId)));
}

export type MeetingRow = Awaited<ReturnType<ReturnType<typeof selectMeetings>['where']>>[number];
export type MeetingWithParticipants = MeetingRow & { participants: ParticipantRow[] };

/** The participants of many meetings at once, built once (db/prepared.ts): the meetings' ids go as one array. */
const participantsOf = prepared('participants_of_meetings', (db) =>
  db
    .select()
    .from(meetingParticipants)
    .where(and(eq(meetingParticipants.orgId, sql.placeholder('orgId')), sql`${meetingParticipants.meetingId} = any(${sql.placeholder('ids')}::uuid[])`))
    .orderBy(asc(meetingParticipants.createdAt), asc(meetingParticipants.name)),
);

async function withParticipants(tx: Db, orgId: string, rows: MeetingRow[]): Promise<MeetingWithParticipants[]> {
  if (rows.length === 0) return [];
  const people = await participantsOf(tx, { orgId, ids: rows.map((r) => r.id) });
  const byMeeting = new Map<string, ParticipantRow[]>();
  for (const p of people) {
    const list = byMeeting.get(p.meetingId) ?? [];
    list.push(p);
    byMeeting.set(p.meetingId, list);
  }
  return rows.map((r) => ({ ...r, participants: byMeeting.get(r.id) ?? [] }));
}

export type MeetingFilter = {
  /** Only meetings this volunteer is a participant of. */
  volunteerId?: string;
  venueId?: string;
  /** Only meetings of these cases (an empty list matches none). */
  caseIds?: string[];
  /** Only these statuses (booked, held, cancelled, no_show). Without it every status is returned, cancelled too. */
  statuses?: string[];
};

/**
 * Meetings overlapping [from, to) with their participants, ordered by start. Every status unless `filter.statuses`
 * says otherwise: busy-time callers pass `statuses: ['booked', 'held']`.
 */
export async function listMeetingsBetween(tx: Db, orgId: string, from: Date, to: Date, filter: MeetingFilter = {}): Promise<MeetingWithParticipants[]> {
  const { volunteerId, venueId, statuses = [] } = filter;
  const caseIds = filter.caseIds?.filter(isUuid);
  if ((volunteerId !== undefined && !isUuid(volunteerId)) || (venueId !== undefined && !isUuid(venueId))) return [];
  if (caseIds?.length === 0 || filter.statuses?.length === 0) return [];
  const rows = await meetingsBetween(
    tx,
    { volunteer: volunteerId !== undefined, venue: venueId !== undefined, cases: caseIds !== undefined, statuses: statuses.length },
    { orgId, from: from.toISOString(), to: to.toISOString(), volunteerId, venueId, caseIds, ...listValues('status', statuses) },
  );
  return withParticipants(tx, orgId, rows);
}

/** Built once for each shape (db/prepared.ts): which filters, and how many statuses. */
const meetingsBetween = preparedShapes('meetings_between', (db, shape: { volunteer: boolean; venue: boolean; cases: boolean; statuses: number }) => {
  const orgId = sql.placeholder('orgId');
  return selectMeetings(db, orgId)
    .where(
      and(
        eq(meetings.orgId, orgId),
        lt(meetings.startsAt, sql.placeholder('to')),
        gt(meetings.endsAt, sql.placeholder('from')),
        shape.volunteer
          ? sql`EXISTS (SELECT 1 FROM meeting_participants mp WHERE mp.org_id = ${orgId} AND mp.meeting_id = ${meetings.id} AND mp.volunteer_id = ${sql.placeholder('volunteerId')})`
          : undefined,
        shape.venue ? eq(meetings.venueId, sql.placeholder('venueId')) : undefined,
        shape.cases ? sql`${meetings.caseId} = any(${sql.placeholder('caseIds')}::uuid[])` : undefined,
        shape.statuses ? inArray(meetings.status, placeholderList('status', shape.statuses)) : undefined,
      ),
    )
    .orderBy(asc(meetings.startsAt), asc(meetings.id));
});

/** One case's meetings, soonest first, with participants. */
export async function listMeetingsOfCase(tx: Db, orgId: string, caseId: string): Promise<MeetingWithParticipants[]> {
  if (!isUuid(caseId)) return [];
  const rows = await selectMeetings(tx, orgId)
    .where(and(eq(meetings.orgId, orgId), eq(meetings.caseId, caseId)))
    .orderBy(asc(meetings.startsAt), asc(meetings.id))
    .limit(500);
  return withParticipants(tx, orgId, rows);
}

/** One meeting of a case with its participants; undefined if it is not this case's (or this service's). */
export async function findMeeting(tx: Db, orgId: string, caseId: string, meetingId: string): Promise<MeetingWithParticipants | undefined> {
  if (!isUuid(caseId) || !isUuid(meetingId)) return undefined;
  const rows = await selectMeetings(tx, orgId).where(and(eq(meetings.orgId, orgId), eq(meetings.caseId, caseId), eq(meetings.id, meetingId)));
  const [found] = await withParticipants(tx, orgId, rows);
  return found;
}

export async function insertMeeting(tx: Db, row: NewMeeting) {
  await tx.insert(meetings).values(row);
}

export async function insertParticipants(tx: Db, rows: NewParticipant[]) {
  if (rows.length > 0) await tx.insert(meetingParticipants).values(rows);
}

export type MeetingPatch = Partial<
  Pick<NewMeeting, 'startsAt' | 'endsAt' | 'status' | 'sequence' | 'cancelReason' | 'changes' | 'record' | 'notes' | 'videoLink' | 'shortNoticeAgreed'>
> & { updatedAt: Date };

/**
 * Changes a meeting only while it is still in `fromStatus` and at `fromSequence` (when given), so two people acting
 * on the same meeting at once cannot both win. Returns false when it had already changed.
 */
export async function updateMeeting(tx: Db, orgId: string, meetingId: string, expect: { status: string; sequence?: number }, patch: MeetingPatch) {
  const conditions = [eq(meetings.orgId, orgId), eq(meetings.id, meetingId), eq(meetings.status, expect.status)];
  if (expect.sequence !== undefined) conditions.push(eq(meetings.sequence, expect.sequence));
  const rows = await tx
    .update(meetings)
    .set(patch)
    .where(and(...conditions))
    .returning({ id: meetings.id });
  return rows.length > 0;
}

export async function updateParticipantResponse(tx: Db, orgId: string, meetingId: string, participantId: string, response: string, at: Date) {
  const rows = await tx
    .update(meetingParticipants)
    .set({ response, respondedAt: at })
    .where(and(eq(meetingParticipants.orgId, orgId), eq(meetingParticipants.meetingId, meetingId), eq(meetingParticipants.id, participantId)))
    .returning({ id: meetingParticipants.id });
  return rows.length > 0;
}

/** After a meeting moves, everyone is asked again: every answer goes back to "not yet answered". */
export async function resetResponses(tx: Db, orgId: string, meetingId: string) {
  await tx
    .update(meetingParticipants)
    .set({ response: 'needs_action', respondedAt: null })
    .where(and(eq(meetingParticipants.orgId, orgId), eq(meetingParticipants.meetingId, meetingId)));
}

export async function updateParticipantAttendance(tx: Db, orgId: string, meetingId: string, participantId: string, attended: boolean | null) {
  await tx
    .update(meetingParticipants)
    .set({ attended })
    .where(and(eq(meetingParticipants.orgId, orgId), eq(meetingParticipants.meetingId, meetingId), eq(meetingParticipants.id, participantId)));
}

/**
 * Locks a room's row until the transaction ends, so two bookings of the same room are checked one after the other.
 * Returns the room with its venue, or undefined if the room is not this service's or is archived.
 */
export async function lockRoom(tx: Db, orgId: string, roomId: string) {
  if (!isUuid(roomId)) return undefined;
  const [room] = await tx
    .select({
      id: venueRooms.id,
      venueId: venueRooms.venueId,
      name: venueRooms.name,
      capacity: venueRooms.capacity,
      separateWaitingRoom: venueRooms.separateWaitingRoom,
      archivedAt: venueRooms.archivedAt,
    })
    .from(venueRooms)
    .where(and(eq(venueRooms.orgId, orgId), eq(venueRooms.id, roomId)))
    .for('update');
  if (!room || room.archivedAt) return undefined;
  const [venue] = await tx
    .select({ id: venues.id, name: venues.name, openingHours: venues.openingHours, closedDates: venues.closedDates, archivedAt: venues.archivedAt })
    .from(venues)
    .where(and(eq(venues.orgId, orgId), eq(venues.id, room.venueId)));
  if (!venue || venue.archivedAt) return undefined;
  return { room, venue };
}

/**
 * Locks the rows of the mediators (volunteers) and parties about to be booked until the transaction ends, so two
 * bookings of the same person at once are checked one after the other. Always volunteers then parties, each in id
 * order (and after the room, see lockRoom), so two bookings never each hold what the other waits for. FOR NO KEY
 * UPDATE: other work that only refers to these rows is not held up.
 */
export async function lockPeople(tx: Db, orgId: string, who: { volunteerIds: string[]; partyIds: string[] }) {
  const sorted = (ids: string[]) => [...new Set(ids.filter(isUuid))].sort();
  const volunteerIds = sorted(who.volunteerIds);
  const partyIds = sorted(who.partyIds);
  if (volunteerIds.length > 0)
    await tx
      .select({ id: volunteers.id })
      .from(volunteers)
      .where(and(eq(volunteers.orgId, orgId), inArray(volunteers.id, volunteerIds)))
      .orderBy(asc(volunteers.id))
      .for('no key update');
  if (partyIds.length > 0)
    await tx
      .select({ id: parties.id })
      .from(parties)
      .where(and(eq(parties.orgId, orgId), inArray(parties.id, partyIds)))
      .orderBy(asc(parties.id))
      .for('no key update');
}

/** Booked or held meetings in a room overlapping [from, to), other than `exceptMeetingId`. */
export async function roomClashes(tx: Db, orgId: string, roomId: string, from: Date, to: Date, exceptMeetingId?: string) {
  const conditions = [
    eq(meetings.orgId, orgId),
    eq(meetings.roomId, roomId),
    inArray(meetings.status, ['booked', 'held']),
    lt(meetings.startsAt, to),
    gt(meetings.endsAt, from),
  ];
  if (exceptMeetingId) conditions.push(ne(meetings.id, exceptMeetingId));
  return tx
    .select({ id: meetings.id, startsAt: meetings.startsAt, endsAt: meetings.endsAt })
    .from(meetings)
    .where(and(...conditions))
    .limit(5);
}

/** Volunteers and parties already in another booked meeting overlapping [from, to). */
export async function peopleClashes(
  tx: Db,
  orgId: string,
  who: { volunteerIds: string[]; partyIds: string[] },
  from: Date,
  to: Date,
  exceptMeetingId?: string,
) {
  const volunteerIds = who.volunteerIds.filter(isUuid);
  const partyIds = who.partyIds.filter(isUuid);
  if (volunteerIds.length === 0 && partyIds.length === 0) return [];
  const whom = [];
  if (volunteerIds.length > 0) whom.push(inArray(meetingParticipants.volunteerId, volunteerIds));
  if (partyIds.length > 0) whom.push(inArray(meetingParticipants.partyId, partyIds));
  const conditions = [eq(meetingParticipants.orgId, orgId), eq(meetings.status, 'booked'), lt(meetings.startsAt, to), gt(meetings.endsAt, from), or(...whom)];
  if (exceptMeetingId) conditions.push(ne(meetings.id, exceptMeetingId));
  return tx
    .select({
      meetingId: meetings.id,
      name: meetingParticipants.name,
      volunteerId: meetingParticipants.volunteerId,
      partyId: meetingParticipants.partyId,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
    })
    .from(meetingParticipants)
    .innerJoin(meetings, and(eq(meetings.id, meetingParticipants.meetingId), eq(meetings.orgId, orgId)))
    .where(and(...conditions))
    .orderBy(asc(meetings.startsAt))
    .limit(20);
}

/** The language each participant is written to in (their party, volunteer or account record's), by participant id. */
export async function participantLanguages(tx: Db, orgId: string, people: ParticipantRow[]): Promise<Map<string, string>> {
  const ids = (pick: (p: ParticipantRow) => string | null) => [...new Set(people.map(pick).filter((id): id is string => Boolean(id)))];
  const partyIds = ids((p) => p.partyId);
  const volunteerIds = ids((p) => p.volunteerId);
  const userIds = ids((p) => p.userId);
  // One after another: a transaction's statements go one at a time.
  const ofParties = partyIds.length
    ? await tx
        .select({ id: parties.id, language: parties.preferredLanguage })
        .from(parties)
        .where(and(eq(parties.orgId, orgId), inArray(parties.id, partyIds)))
    : [];
  const ofVolunteers = volunteerIds.length
    ? await tx
        .select({ id: volunteers.id, language: volunteers.preferredLanguage })
        .from(volunteers)
        .where(and(eq(volunteers.orgId, orgId), inArray(volunteers.id, volunteerIds)))
    : [];
  const ofUsers = userIds.length ? await tx.select({ id: users.id, language: users.preferredLanguage }).from(users).where(inArray(users.id, userIds)) : [];
  const byId = new Map([...ofParties, ...ofVolunteers, ...ofUsers].map((r) => [r.id, r.language]));
  const out = new Map<string, string>();
  for (const p of people) {
    const language = byId.get(p.partyId ?? '') ?? byId.get(p.volunteerId ?? '') ?? byId.get(p.userId ?? '');
    if (language) out.set(p.id, language);
  }
  return out;
}

/** Where a letter to each participant would go: their party's or volunteer's address, and whether letters are allowed (parties' safe-contact instructions). By participant id. */
export async function participantPostalDetails(
  tx: Db,
  orgId: string,
  people: ParticipantRow[],
): Promise<Map<string, { address: string | null; postcode: string | null; canSendLetters: boolean | null }>> {
  const ids = (pick: (p: ParticipantRow) => string | null) => [...new Set(people.map(pick).filter((id): id is string => Boolean(id)))];
  const partyIds = ids((p) => p.partyId);
  const volunteerIds = ids((p) => p.volunteerId);
  const ofParties = partyIds.length
    ? await tx
        .select({ id: parties.id, address: parties.address, postcode: parties.postcode, canSendLetters: parties.canSendLetters })
        .from(parties)
        .where(and(eq(parties.orgId, orgId), inArray(parties.id, partyIds)))
    : [];
  const ofVolunteers = volunteerIds.length
    ? await tx
        .select({ id: volunteers.id, address: volunteers.address, postcode: volunteers.postcode })
        .from(volunteers)
        .where(and(eq(volunteers.orgId, orgId), inArray(volunteers.id, volunteerIds)))
    : [];
  const byId = new Map<string, { address: string | null; postcode: string | null; canSendLetters: boolean | null }>([
    ...ofParties.map((r) => [r.id, r] as const),
    ...ofVolunteers.map((r) => [r.id, { ...r, canSendLetters: null }] as const),
  ]);
  const out = new Map<string, { address: string | null; postcode: string | null; canSendLetters: boolean | null }>();
  for (const p of people) {
    const found = byId.get(p.partyId ?? '') ?? byId.get(p.volunteerId ?? '');
    if (found) out.set(p.id, { address: found.address, postcode: found.postcode, canSendLetters: found.canSendLetters });
  }
  return out;
}

/**
 * Meetings of these kinds held in [from, to) on cases of one type (its code) or of every type of one kind
 * (`{ caseKind }`), counted by kind of meeting (for funders' returns).
 */
export async function heldMeetingCounts(
  tx: Db,
  orgId: string,
  of: CaseTypeOrKind,
  kinds: readonly string[],
  from: Date,
  to: Date,
  /** More conditions on the case (the table as named), as `AND …`: a return's place filter. */
  caseIs: (c: SQL) => SQL = () => sql``,
) {
  return tx
    .select({ kind: meetings.kind, count: sql<number>`count(*)::int` })
    .from(meetings)
    .innerJoin(cases, and(eq(cases.orgId, meetings.orgId), eq(cases.id, meetings.caseId)))
    .where(
      and(
        eq(meetings.orgId, orgId),
        typeof of === 'string' ? eq(cases.caseType, of) : eq(cases.caseKind, of.caseKind),
        eq(meetings.status, 'held'),
        inArray(meetings.kind, [...kinds]),
        gte(meetings.startsAt, from),
        lt(meetings.startsAt, to),
        sql`true ${caseIs(sql`${cases}`)}`,
      ),
    )
    .groupBy(meetings.kind);
}
