// Public intake: enquiries, referrals (self, professional, API), volunteer applications, journey drafts,
// and the postcode → local authority lookup imported from the ONS directory.
import { boolean, doublePrecision, index, integer, jsonb, pgTable, sql, text, timestamp, uniqueIndex, uuid, unique } from '#src/db/orm.ts';
import { organisations } from './organisations.ts';

/** The postcode lookup's columns: postcode without spaces, upper case → local authority. */
const postcodeColumns = () => ({
  postcode: text('postcode').primaryKey(),
  laCode: text('la_code').notNull(),
  laName: text('la_name').notNull(),
  /** Where the postcode is (ONS lat/long), for volunteers' travel distances; absent in files without them. */
  latitude: doublePrecision('latitude'),
  longitude: doublePrecision('longitude'),
});

/** Shared reference data (not owned by any service): postcode without spaces, upper case → local authority. */
export const postcodeLookup = pgTable('postcode_lookup', postcodeColumns());

/**
 * The next lookup while a file loads, the same shape. When the whole file is in, the two tables swap names in one
 * short transaction (postcodes.repo.ts), so the coverage check never sees a half-loaded lookup.
 */
export const postcodeLookupNext = pgTable('postcode_lookup_next', postcodeColumns());

/** Each load of the ONS postcode file (from the browser or the command line), with its progress and its result. */
export const postcodeLoads = pgTable(
  'postcode_loads',
  {
    id: uuid('id').primaryKey(),
    /** queued, running, loaded, failed */
    status: text('status').notNull(),
    /** upload (the Instance page or the API) or cli */
    source: text('source').notNull(),
    /** The file's name as given (never its path), and the names file's, if one was given. */
    filename: text('filename').notNull(),
    namesFilename: text('names_filename'),
    /** The ONS release the file's name gives (YYYY-MM), when it gives one. */
    release: text('release'),
    /** Where an upload waits in the data directory until its job has loaded it; null once it is deleted. */
    storedPath: text('stored_path'),
    namesStoredPath: text('names_stored_path'),
    rowsRead: integer('rows_read').notNull().default(0),
    rowsLoaded: integer('rows_loaded'),
    rowsRejected: integer('rows_rejected'),
    withoutName: integer('without_name'),
    /** Why it failed, as a code (postcodes-import.ts's PostcodeFileError codes, or failed). */
    problem: text('problem'),
    /** The detail of a file's problem, such as the columns missing. */
    problemDetail: text('problem_detail'),
    requestedBy: uuid('requested_by'),
    requestedByName: text('requested_by_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('postcode_loads_created_idx').on(t.createdAt)],
);

/** Sequential numbers per service, kind and year, for references such as CDM-2026-0042. */
export const referenceCounters = pgTable(
  'reference_counters',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    kind: text('kind').notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [uniqueIndex('reference_counters_key').on(t.orgId, t.kind, t.year)],
);

export const enquiries = pgTable(
  'enquiries',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    email: text('email'),
    phone: text('phone'),
    postcode: text('postcode'),
    message: text('message').notNull(),
    /** What the enquirer is told to quote, like HDM-E-2026-0007; null for enquiries made before references. */
    reference: text('reference'),
    /** e.g. { days: ['monday'], times: ['morning'], notes } */
    appointment: jsonb('appointment').$type<Record<string, unknown>>(),
    status: text('status').notNull().default('new'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    handledBy: uuid('handled_by'),
    handledAt: timestamp('handled_at', { withTimezone: true }),
  },
  (t) => [unique('enquiries_org_id_id_key').on(t.orgId, t.id), index('enquiries_org_status_idx').on(t.orgId, t.status, t.createdAt)],
);

export const volunteerApplications = pgTable(
  'volunteer_applications',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    email: text('email').notNull(),
    phone: text('phone'),
    postcode: text('postcode'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull(),
    status: text('status').notNull().default('new'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [unique('volunteer_applications_org_id_id_key').on(t.orgId, t.id), index('volunteer_applications_org_idx').on(t.orgId, t.createdAt)],
);

export type ReferralParty = {
  name: string;
  role: string;
  email?: string;
  phone?: string;
  address?: string;
  postcode?: string;
  safeContact?: string;
  canLeaveMessages?: boolean;
  needs?: string;
  isReferredPerson?: boolean;
};

export const referrals = pgTable(
  'referrals',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    reference: text('reference').notNull(),
    source: text('source').notNull(),
    status: text('status').notNull().default('new'),
    caseType: text('case_type').notNull(),
    /** The kind of rules the referral follows: its type's kind, set by a trigger from case_types (migration 0036); never written by the app. */
    caseKind: text('case_kind').notNull().default(''),
    urgent: boolean('urgent').notNull().default(false),
    description: text('description').notNull(),
    parties: jsonb('parties').$type<ReferralParty[]>().notNull(),
    /** The answers of the journey that are not parties: what would help, safety, contact, access, case-type questions. */
    answers: jsonb('answers').$type<Record<string, unknown>>().notNull(),
    referrer: jsonb('referrer').$type<Record<string, unknown>>(),
    risks: jsonb('risks').$type<string[]>().notNull().default([]),
    consentToContact: boolean('consent_to_contact').notNull(),
    /** Normalised names, phones, emails and postcodes of the people involved, for duplicate detection. */
    matchKeys: text('match_keys').array().notNull().default(sql`'{}'::text[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdByKey: uuid('created_by_key'),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionReason: text('decision_reason'),
    caseId: uuid('case_id'),
    /** The referred person's postcode without its space, and its local authority from the lookup (the reports' place). */
    postcodeNorm: text('postcode_norm'),
    localAuthority: text('local_authority'),
  },
  (t) => [
    unique('referrals_org_id_id_key').on(t.orgId, t.id),
    index('referrals_org_postcode_idx').on(t.orgId, t.postcodeNorm.op('text_pattern_ops')),
    index('referrals_org_la_idx').on(t.orgId, sql`lower(${t.localAuthority})`),
    uniqueIndex('referrals_org_reference_idx').on(t.orgId, t.reference),
    index('referrals_org_status_idx').on(t.orgId, t.status, t.createdAt),
    index('referrals_match_keys_idx').using('gin', t.matchKeys),
  ],
);

/** A public journey in progress (self-referral), kept server-side so it works without JavaScript. */
export const journeyDrafts = pgTable('journey_drafts', {
  id: text('id').primaryKey(),
  orgId: uuid('org_id')
    .notNull()
    .references(() => organisations.id),
  journey: text('journey').notNull(),
  answers: jsonb('answers').$type<Record<string, unknown>>().notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});
