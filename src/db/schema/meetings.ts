// Meetings and what surrounds them: venues and their rooms, meetings with their participants and records, the
// shuttle log, requests for a further meeting, and the email outbox with its delivery log.
import { boolean, index, integer, jsonb, pgTable, sql, text, timestamp, uniqueIndex, uuid, unique } from '#src/db/orm.ts';
import { organisations } from './organisations.ts';
import type { WeeklyWindow } from './volunteers.ts';

/** A neutral place to meet: a community centre, a library, the service's office. */
export const venues = pgTable(
  'venues',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    address: text('address'),
    postcode: text('postcode'),
    postcodeNorm: text('postcode_norm'),
    accessNotes: text('access_notes'),
    /** When the venue is open, by ISO weekday (1 = Monday) and "HH:MM" times. */
    openingHours: jsonb('opening_hours').$type<WeeklyWindow[]>().notNull().default([]),
    /** Dates the venue is closed ("YYYY-MM-DD"), beyond its weekly hours. */
    closedDates: jsonb('closed_dates').$type<string[]>().notNull().default([]),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [unique('venues_org_id_id_key').on(t.orgId, t.id), index('venues_org_name_idx').on(t.orgId, t.name)],
);

export const venueRooms = pgTable(
  'venue_rooms',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    venueId: uuid('venue_id').notNull(),
    name: text('name').notNull(),
    capacity: integer('capacity').notNull().default(6),
    /** Step-free access, hearing loop and the like, in words. */
    accessNotes: text('access_notes'),
    /** The room has a separate waiting room, so the parties of a shuttle session need not meet. */
    separateWaitingRoom: boolean('separate_waiting_room').notNull().default(false),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [unique('venue_rooms_org_id_id_key').on(t.orgId, t.id), index('venue_rooms_venue_idx').on(t.venueId)],
);

/** The outcome of a joint meeting or RJ conference, recorded afterwards. */
export type MeetingRecord = {
  groundRules: string[];
  issues: string;
  options: string;
  outcome: string;
  /** another_joint, draft_agreement, shuttle, follow_up, close, none. */
  nextStep: string;
  notes?: string;
  recordedAt: string;
  recordedBy: string;
};

export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    caseId: uuid('case_id').notNull(),
    /** MEETING_KINDS in features/meetings/meeting-words.ts. */
    kind: text('kind').notNull(),
    /** in_person, online, phone. */
    mode: text('mode').notNull(),
    /** For in person: venue, home, prison, office. */
    place: text('place'),
    venueId: uuid('venue_id'),
    roomId: uuid('room_id'),
    /** The party whose home is visited. */
    homePartyId: uuid('home_party_id'),
    /** Where, in words, when not a venue (the office's address, the prison, a phone number to call). */
    locationText: text('location_text'),
    videoLink: text('video_link'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    /** booked, held, cancelled, no_show. */
    status: text('status').notNull().default('booked'),
    /** The calendar UID every invitation for this meeting carries, and the iCalendar SEQUENCE, raised on each change. */
    icsUid: text('ics_uid').notNull(),
    sequence: integer('sequence').notNull().default(0),
    /** SEND: the parent or young person agreed to less than 5 working days' notice (rules.md #11). */
    shortNoticeAgreed: boolean('short_notice_agreed').notNull().default(false),
    notes: text('notes'),
    cancelReason: text('cancel_reason'),
    /** Why it was moved, most recent last: { at, by, reason, from, to }. */
    changes: jsonb('changes').$type<{ at: string; by: string; reason: string; fromStart: string; toStart: string }[]>().notNull().default([]),
    record: jsonb('record').$type<MeetingRecord | null>(),
    /** The further-meeting request this meeting answers, if any. */
    requestId: uuid('request_id'),
    reminderSentFor: timestamp('reminder_sent_for', { withTimezone: true }),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    unique('meetings_org_id_id_key').on(t.orgId, t.id),
    index('meetings_org_starts_idx').on(t.orgId, t.startsAt),
    index('meetings_case_starts_idx').on(t.caseId, t.startsAt),
    index('meetings_room_starts_idx').on(t.roomId, t.startsAt),
    uniqueIndex('meetings_ics_uid_idx').on(t.icsUid),
  ],
);

/** Everyone invited to a meeting: the mediators, chosen parties (supporters, interpreters and LA representatives are parties too), staff, and others by name. */
export const meetingParticipants = pgTable(
  'meeting_participants',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    meetingId: uuid('meeting_id').notNull(),
    caseId: uuid('case_id').notNull(),
    /** volunteer, party, staff, other. */
    kind: text('kind').notNull(),
    volunteerId: uuid('volunteer_id'),
    partyId: uuid('party_id'),
    userId: uuid('user_id'),
    name: text('name').notNull(),
    email: text('email'),
    /** needs_action, accepted, declined, tentative. */
    response: text('response').notNull().default('needs_action'),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    /** Recorded after the meeting: true attended, false did not; null not recorded. */
    attended: boolean('attended'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('meeting_participants_meeting_idx').on(t.meetingId),
    index('meeting_participants_volunteer_idx').on(t.orgId, t.volunteerId),
    index('meeting_participants_party_idx').on(t.partyId),
  ],
);

/** The shuttle log: what one party said, whether it may be passed on, and in what words. */
export const shuttleStatements = pgTable(
  'shuttle_statements',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    caseId: uuid('case_id').notNull(),
    meetingId: uuid('meeting_id').notNull(),
    fromPartyId: uuid('from_party_id').notNull(),
    statement: text('statement').notNull(),
    /** no, yes, yes_in_words. */
    permission: text('permission').notNull(),
    /** With yes_in_words: the only words that may be passed on. */
    shareableWords: text('shareable_words'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    recordedBy: text('recorded_by'),
  },
  (t) => [
    unique('shuttle_statements_org_id_id_key').on(t.orgId, t.id),
    index('shuttle_statements_case_idx').on(t.caseId, t.recordedAt),
    index('shuttle_statements_meeting_idx').on(t.meetingId),
  ],
);

/** What was passed on from a statement, to whom and when. */
export const shuttleConveyances = pgTable(
  'shuttle_conveyances',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    caseId: uuid('case_id').notNull(),
    statementId: uuid('statement_id').notNull(),
    toPartyId: uuid('to_party_id').notNull(),
    /** Exactly what was conveyed: the statement, or the agreed words. */
    conveyed: text('conveyed').notNull(),
    conveyedAt: timestamp('conveyed_at', { withTimezone: true }).notNull(),
    conveyedBy: text('conveyed_by'),
  },
  (t) => [index('shuttle_conveyances_statement_idx').on(t.statementId), index('shuttle_conveyances_case_idx').on(t.caseId)],
);

/** A party's, the referrer's or a mediator's request for a further meeting, in the coordinator's queue. */
export const meetingRequests = pgTable(
  'meeting_requests',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    caseId: uuid('case_id').notNull(),
    /** party, referrer, mediator, staff. */
    requestedBy: text('requested_by').notNull(),
    partyId: uuid('party_id'),
    requesterName: text('requester_name').notNull(),
    /** A MEETING_KINDS value: the kind of meeting asked for. */
    kind: text('kind').notNull(),
    reason: text('reason').notNull(),
    preferredTimes: text('preferred_times'),
    /** open, booked, declined. */
    status: text('status').notNull().default('open'),
    resolution: text('resolution'),
    meetingId: uuid('meeting_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: text('created_by'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedBy: text('resolved_by'),
  },
  (t) => [
    unique('meeting_requests_org_id_id_key').on(t.orgId, t.id),
    index('meeting_requests_org_status_idx').on(t.orgId, t.status, t.createdAt),
    index('meeting_requests_case_idx').on(t.caseId),
  ],
);

/**
 * The transactional outbox: a message is written in the same transaction as the change it reports, and the job
 * queue delivers it. Without SMTP configured it stays here as `held`, readable in the app's outbox page.
 */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').references(() => organisations.id),
    /** The RFC 5322 Message-ID, fixed when queued, so a retried delivery carries the same one. */
    messageId: text('message_id').notNull(),
    /** Makes queueing idempotent: one message per key per service (a reminder per meeting version, a DBS alert per threshold). */
    dedupeKey: text('dedupe_key'),
    /** The template it was written from: meeting_invitation, meeting_changed, meeting_cancelled, meeting_reminder, safeguarding_alert, dbs_alert, … */
    template: text('template').notNull(),
    toAddress: text('to_address').notNull(),
    toName: text('to_name'),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body'),
    /** An iCalendar attachment and its METHOD (REQUEST or CANCEL). */
    ics: text('ics'),
    icsMethod: text('ics_method'),
    caseId: uuid('case_id'),
    meetingId: uuid('meeting_id'),
    /** email, or post: a letter for someone without an email address, printed from the same text (no delivery job). */
    channel: text('channel').notNull().default('email'),
    /** A letter's address lines and postcode, from the case when it had them; null for email or an address not known. */
    postalAddress: text('postal_address'),
    /**
     * A letter to someone on the case: while it is to post, it takes their address as the People tab changes it (an
     * address added later lets it be posted). Same-service key to parties, set null if the person is removed (0053).
     */
    partyId: uuid('party_id'),
    /** queued, sending, sent, failed, held; a letter is to_post, then posted. */
    status: text('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** The SMTP server's reply when it accepted the message. */
    smtpResponse: text('smtp_response'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    sendingSince: timestamp('sending_since', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** A letter marked as posted: when, and who by (their name as it was). */
    postedAt: timestamp('posted_at', { withTimezone: true }),
    postedBy: text('posted_by'),
  },
  (t) => [
    unique('email_outbox_org_id_id_key').on(t.orgId, t.id),
    index('email_outbox_org_created_idx').on(t.orgId, t.createdAt),
    index('email_outbox_status_idx').on(t.status, t.createdAt),
    uniqueIndex('email_outbox_dedupe_idx').on(t.orgId, t.dedupeKey),
    index('email_outbox_meeting_idx').on(t.meetingId),
    index('email_outbox_party_idx').on(t.orgId, t.partyId).where(sql`${t.partyId} IS NOT NULL`),
  ],
);

/** Each delivery attempt and its result, for the delivery log staff can see. */
export const emailDeliveries = pgTable(
  'email_deliveries',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').references(() => organisations.id),
    outboxId: uuid('outbox_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    /** sent, failed, retrying, held. */
    outcome: text('outcome').notNull(),
    detail: text('detail'),
  },
  (t) => [index('email_deliveries_outbox_idx').on(t.outboxId, t.at)],
);

/** A volunteer's private calendar feed: only the token's hash is kept; a new link revokes the old. */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    volunteerId: uuid('volunteer_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('calendar_feeds_token_idx').on(t.tokenHash), index('calendar_feeds_volunteer_idx').on(t.orgId, t.volunteerId)],
);

/**
 * An appointment with someone who made an enquiry (no case yet): when, how (at a venue, by phone or by video) and who
 * from the staff sees them. It shows on the service's calendar, and the enquirer is emailed an invitation with an
 * .ics, as a meeting's invitees are. One booked appointment per enquiry at a time; a cancelled one stays as history.
 */
export const enquiryAppointments = pgTable(
  'enquiry_appointments',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    enquiryId: uuid('enquiry_id').notNull(),
    /** in_person, phone or online (the meeting modes). */
    mode: text('mode').notNull(),
    venueId: uuid('venue_id'),
    /** The number to ring for a phone appointment, or the place in words when it is not a venue. */
    locationText: text('location_text'),
    videoLink: text('video_link'),
    /** Who from the staff sees them (a member of the service). */
    staffUserId: uuid('staff_user_id').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    /** booked or cancelled. */
    status: text('status').notNull().default('booked'),
    cancelReason: text('cancel_reason'),
    icsUid: text('ics_uid').notNull(),
    sequence: integer('sequence').notNull().default(0),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    unique('enquiry_appointments_org_id_id_key').on(t.orgId, t.id),
    index('enquiry_appointments_org_starts_idx').on(t.orgId, t.startsAt),
    index('enquiry_appointments_enquiry_idx').on(t.orgId, t.enquiryId),
    uniqueIndex('enquiry_appointments_one_booked_idx').on(t.enquiryId).where(sql`status = 'booked'`),
  ],
);
