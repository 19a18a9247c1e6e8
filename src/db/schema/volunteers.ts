// Volunteers and their work: the record, training and accreditation, DBS checks, case assignments, hours and
// expenses. Hours are kept in minutes and money in pence, so sums are exact.
import { bigint, boolean, check, date, index, integer, jsonb, pgTable, sql, text, timestamp, uniqueIndex, uuid, unique } from '#src/db/orm.ts';
import { organisations } from './organisations.ts';

/** One weekly window a volunteer is usually free: ISO weekday (1 = Monday … 7 = Sunday) and times "HH:MM". */
export type WeeklyWindow = { day: number; from: string; to: string };
/** A holiday or other time away, inclusive dates "YYYY-MM-DD". */
export type AwayPeriod = { id: string; from: string; to: string; reason?: string };
/** A declared connection that could be a conflict of interest. */
export type Connection = { id: string; kind: 'person' | 'address' | 'organisation'; text: string; declaredOn: string };
/** One step of the status pipeline. */
export type StatusStep = { status: string; on: string; by?: string; note?: string };
/** A DBS Update Service status check. */
export type DbsStatusCheck = { id: string; on: string; result: 'no_change' | 'new_information'; by?: string };

export const volunteers = pgTable(
  'volunteers',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    /** The volunteer's own sign-in (mediator role), once invited. */
    userId: uuid('user_id'),
    applicationId: uuid('application_id'),
    name: text('name').notNull(),
    email: text('email'),
    /** The language Parley writes to them in (a Locale: en or cy). */
    preferredLanguage: text('preferred_language').notNull().default('en'),
    phone: text('phone'),
    address: text('address'),
    postcode: text('postcode'),
    postcodeNorm: text('postcode_norm'),
    languages: jsonb('languages').$type<string[]>().notNull().default([]),
    gender: text('gender'),
    /** How far they will travel from home, in miles. */
    travelMiles: integer('travel_miles').notNull().default(10),
    maxActiveCases: integer('max_active_cases').notNull().default(3),
    /** applicant, in_training, trainee, accredited, inactive, left. */
    status: text('status').notNull().default('applicant'),
    statusHistory: jsonb('status_history').$type<StatusStep[]>().notNull().default([]),
    weeklyAvailability: jsonb('weekly_availability').$type<WeeklyWindow[]>().notNull().default([]),
    away: jsonb('away').$type<AwayPeriod[]>().notNull().default([]),
    connections: jsonb('connections').$type<Connection[]>().notNull().default([]),
    /** Employer, and the local authority if they work for one (a SEND conflict, rules.md #15). */
    employer: text('employer'),
    employedByLocalAuthority: text('employed_by_local_authority'),
    /** The staff member (supervisor role) who supervises this volunteer while a trainee. */
    supervisorUserId: uuid('supervisor_user_id'),
    notes: text('notes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    unique('volunteers_org_id_id_key').on(t.orgId, t.id),
    check('volunteers_preferred_language_check', sql`${t.preferredLanguage} IN ('en', 'cy')`),
    index('volunteers_org_status_idx').on(t.orgId, t.status, t.name),
    uniqueIndex('volunteers_org_user_idx').on(t.orgId, t.userId),
  ],
);

export const trainingCourses = pgTable(
  'training_courses',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    minutes: integer('minutes').notNull(),
    /** The foundation course every mediator completes before co-mediating. */
    foundation: boolean('foundation').notNull().default(false),
    /** The accreditation area this course prepares for (parent_teen, restorative_conferencing, …), if any. */
    area: text('area'),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [unique('training_courses_org_id_id_key').on(t.orgId, t.id), index('training_courses_org_idx').on(t.orgId)],
);

/** Completed training, CPD, RJ supervision sessions and observed practice. */
export const trainingRecords = pgTable(
  'training_records',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    volunteerId: uuid('volunteer_id').notNull(),
    /** course, cpd, supervision, observed_practice. */
    kind: text('kind').notNull(),
    courseId: uuid('course_id'),
    title: text('title').notNull(),
    minutes: integer('minutes').notNull().default(0),
    on: date('on').notNull(),
    notes: text('notes'),
    recordedBy: text('recorded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('training_records_volunteer_idx').on(t.volunteerId, t.on)],
);

export const accreditations = pgTable(
  'accreditations',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    volunteerId: uuid('volunteer_id').notNull(),
    /** community, parent_teen, restorative_conferencing, send, social_care, group. */
    area: text('area').notNull(),
    accreditedOn: date('accredited_on').notNull(),
    expiresOn: date('expires_on'),
    accreditedBy: text('accredited_by'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedReason: text('revoked_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('accreditations_volunteer_idx').on(t.volunteerId)],
);

export const dbsChecks = pgTable(
  'dbs_checks',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    volunteerId: uuid('volunteer_id').notNull(),
    /** enhanced, enhanced_barred. */
    level: text('level').notNull(),
    /** child, adult, both. */
    workforce: text('workforce').notNull(),
    /** Encrypted at rest; shown masked. */
    certificateNumber: text('certificate_number').notNull(),
    certificateLast4: text('certificate_last4').notNull(),
    issuedOn: date('issued_on').notNull(),
    updateService: boolean('update_service').notNull().default(false),
    statusChecks: jsonb('status_checks').$type<DbsStatusCheck[]>().notNull().default([]),
    recordedBy: text('recorded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('dbs_checks_volunteer_idx').on(t.volunteerId, t.issuedOn)],
);

/** A volunteer on a case. Active while endedAt is null; a pair is two active rows. */
export const caseAssignments = pgTable(
  'case_assignments',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    caseId: uuid('case_id').notNull(),
    volunteerId: uuid('volunteer_id').notNull(),
    /** lead or co. */
    role: text('role').notNull(),
    /** The volunteer was a trainee when assigned: the case may count toward their supervised cases. */
    supervised: boolean('supervised').notNull().default(false),
    signedOffAt: timestamp('signed_off_at', { withTimezone: true }),
    signedOffBy: text('signed_off_by'),
    signOffNotes: text('sign_off_notes'),
    overrideJustification: text('override_justification'),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull(),
    assignedBy: text('assigned_by'),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endedReason: text('ended_reason'),
  },
  (t) => [index('case_assignments_case_idx').on(t.caseId), index('case_assignments_volunteer_idx').on(t.volunteerId, t.endedAt)],
);

export const volunteerHours = pgTable(
  'volunteer_hours',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    volunteerId: uuid('volunteer_id').notNull(),
    caseId: uuid('case_id'),
    on: date('on').notNull(),
    minutes: integer('minutes').notNull(),
    activity: text('activity').notNull(),
    notes: text('notes'),
    recordedBy: text('recorded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('volunteer_hours_volunteer_idx').on(t.volunteerId, t.on),
    index('volunteer_hours_case_idx').on(t.caseId),
    /** The hours given in a period (the volunteers report). */
    index('volunteer_hours_org_on_idx').on(t.orgId, t.on),
  ],
);

export const expenseClaims = pgTable(
  'expense_claims',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    volunteerId: uuid('volunteer_id').notNull(),
    caseId: uuid('case_id'),
    /** mileage, travel, other. */
    kind: text('kind').notNull(),
    on: date('on').notNull(),
    description: text('description').notNull(),
    miles: integer('miles'),
    amountPence: integer('amount_pence').notNull(),
    /** submitted, approved, rejected, paid. */
    status: text('status').notNull().default('submitted'),
    decidedBy: text('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    unique('expense_claims_org_id_id_key').on(t.orgId, t.id),
    index('expense_claims_org_status_idx').on(t.orgId, t.status, t.createdAt),
    index('expense_claims_volunteer_idx').on(t.volunteerId),
  ],
);

/** A receipt for an expense claim: the file itself, kept in the database so backups hold it. */
export const expenseReceipts = pgTable(
  'expense_receipts',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    claimId: uuid('claim_id').notNull(),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    /** Base64 of the file (at most 5 MB before encoding). */
    content: text('content').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('expense_receipts_claim_idx').on(t.claimId)],
);

/**
 * A counter per service that triggers raise whenever anything the pairing rules read changes (volunteers,
 * accreditations, DBS checks, assignments, case statuses, postcode places): a process may keep its pairing view of
 * the service's volunteers for as long as the counter stays the same (features/volunteers/pairing-inputs.repo.ts).
 */
export const volunteerDataVersions = pgTable('volunteer_data_versions', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => organisations.id),
  version: bigint('version', { mode: 'number' }).notNull().default(0),
});
