// The case and what happens on it: parties, the timeline, intake records, tasks, safeguarding records.
import { bigserial, boolean, check, date, index, jsonb, pgTable, sql, text, timestamp, uniqueIndex, uuid, unique } from '#src/db/orm.ts';
import { organisations } from './organisations.ts';
import type { WeeklyWindow } from './volunteers.ts';

export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    reference: text('reference').notNull(),
    caseType: text('case_type').notNull(),
    /** The kind of rules the case follows: its type's kind, set by a trigger from case_types (migration 0036); never written by the app. */
    caseKind: text('case_kind').notNull().default(''),
    status: text('status').notNull(),
    /** Where an on-hold case returns to. */
    heldFrom: text('held_from'),
    outcome: text('outcome'),
    /** Why the case closed: a CLOSING_REASONS value (features/cases/case-words.ts). */
    closingReason: text('closing_reason'),
    /** mediation, or coaching: one-to-one conflict coaching when the other party will not take part. */
    pathway: text('pathway').notNull().default('mediation'),
    urgent: boolean('urgent').notNull().default(false),
    referralId: uuid('referral_id'),
    /** When its referral arrived: copied from referrals by a trigger when referral_id is set (migration 0045); never written by the app. */
    referredAt: timestamp('referred_at', { withTimezone: true }),
    coordinatorId: uuid('coordinator_id'),
    summary: text('summary').notNull(),
    /** Case-type questions carried over from the referral (SEND decision date, RJ offence, …). */
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    localAuthority: text('local_authority'),
    postcodeNorm: text('postcode_norm'),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** When the retention job took the people out of this case (features/dataprotection); null while it is whole. */
    anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
    /**
     * The names of the case's first four parties, in the order they were added, for the case list. Kept by triggers
     * on parties (migration 0013) whenever a party is added, renamed, moved or removed; never written by the app.
     */
    partyNames: text('party_names').array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [
    unique('cases_org_id_id_key').on(t.orgId, t.id),
    uniqueIndex('cases_org_reference_idx').on(t.orgId, t.reference),
    index('cases_org_status_opened_idx').on(t.orgId, t.status, t.openedAt),
    index('cases_org_opened_idx').on(t.orgId, t.openedAt),
    /** The reports' cases closed in a period. */
    index('cases_org_closed_idx').on(t.orgId, t.closedAt),
    index('cases_org_type_idx').on(t.orgId, t.caseType, t.openedAt),
    /** The newest status change of a case type (the SEND deadlines queue's fingerprint). */
    index('cases_org_kind_status_changed_idx').on(t.orgId, t.caseKind, t.statusChangedAt),
    index('cases_org_coordinator_idx').on(t.orgId, t.coordinatorId, t.openedAt),
    /** The reports' place filters: a postcode area, district or sector (a prefix), and a local authority in any capitals. */
    index('cases_org_postcode_idx').on(t.orgId, t.postcodeNorm.op('text_pattern_ops')),
    index('cases_org_la_idx').on(t.orgId, sql`lower(${t.localAuthority})`),
  ],
);

export const parties = pgTable(
  'parties',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    caseId: uuid('case_id').notNull(),
    name: text('name').notNull(),
    role: text('role').notNull(),
    email: text('email'),
    /** The language Parley writes to them in (a Locale: en or cy). */
    preferredLanguage: text('preferred_language').notNull().default('en'),
    phone: text('phone'),
    address: text('address'),
    postcode: text('postcode'),
    safeContact: text('safe_contact'),
    canLeaveMessages: boolean('can_leave_messages'),
    /** May Parley post letters to them? false: never (their safe-contact instructions say no letters); null: not asked. */
    canSendLetters: boolean('can_send_letters'),
    needs: text('needs'),
    inCustody: boolean('in_custody').notNull().default(false),
    establishment: text('establishment'),
    prisonNumber: text('prison_number'),
    offenderManager: text('offender_manager'),
    consent: text('consent').notNull().default('not_asked'),
    nameNorm: text('name_norm').notNull(),
    /** The last word of the name, so a search for a surname finds "Sam Patel" as quickly as one for "Sam". */
    surnameNorm: text('surname_norm').generatedAlwaysAs(sql`regexp_replace(name_norm, '^.* ', '')`),
    phoneNorm: text('phone_norm'),
    emailNorm: text('email_norm'),
    postcodeNorm: text('postcode_norm'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /**
     * The case's opened_at, copied by a trigger when the party is added (migration 0013). With it and the case id in
     * the search indexes, a search lists the newest matching cases from the index alone and reads only their rows.
     */
    caseOpenedAt: timestamp('case_opened_at', { withTimezone: true }),
  },
  (t) => [
    unique('parties_org_id_id_key').on(t.orgId, t.id),
    check('parties_preferred_language_check', sql`${t.preferredLanguage} IN ('en', 'cy')`),
    index('parties_case_idx').on(t.caseId),
    index('parties_org_name_idx').on(t.orgId, t.nameNorm.op('text_pattern_ops'), t.caseOpenedAt, t.caseId),
    index('parties_org_surname_idx').on(t.orgId, t.surnameNorm.op('text_pattern_ops'), t.caseOpenedAt, t.caseId),
    index('parties_org_phone_idx').on(t.orgId, t.phoneNorm, t.caseOpenedAt, t.caseId),
    index('parties_org_email_idx').on(t.orgId, t.emailNorm),
    index('parties_org_postcode_idx').on(t.orgId, t.postcodeNorm.op('text_pattern_ops'), t.caseOpenedAt, t.caseId),
  ],
);

/** The case timeline: every contact, note, transition, consent, intake, task and safeguarding event, in order. */
export const caseEvents = pgTable(
  'case_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    caseId: uuid('case_id').notNull(),
    partyId: uuid('party_id'),
    kind: text('kind').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: text('actor_id'),
    actorLabel: text('actor_label'),
    summary: text('summary').notNull(),
    body: text('body'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    /** team: everyone on the case; restricted: safeguarding leads and admins; party: private to partyId's side. */
    visibility: text('visibility').notNull().default('team'),
    disclosure: boolean('disclosure').notNull().default(false),
  },
  (t) => [
    index('case_events_case_at_idx').on(t.caseId, t.at),
    /** A case's first contact, read from the index alone (the timeliness report). */
    index('case_events_contact_idx').on(t.caseId, t.at, t.orgId).where(sql`${t.kind} = 'contact'`),
    /** The stage changes in a period (the time in each stage report). */
    index('case_events_org_transition_idx').on(t.orgId, t.at).where(sql`${t.kind} = 'transition'`),
    /** A stage change's previous one on the same case, read from the index alone (the time in each stage report). */
    index('case_events_case_transition_idx').on(t.caseId, t.at, t.id).where(sql`${t.kind} = 'transition' AND ${t.data} ? 'from'`),
  ],
);

export const intakeRecords = pgTable(
  'intake_records',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    caseId: uuid('case_id').notNull(),
    partyId: uuid('party_id').notNull(),
    situationNow: text('situation_now'),
    wantedFuture: text('wanted_future'),
    ideas: text('ideas'),
    concerns: text('concerns'),
    availability: text('availability'),
    /** When the party can usually meet, by ISO weekday and "HH:MM" times, for the slot finder; empty = not recorded. */
    availabilityWindows: jsonb('availability_windows').$type<WeeklyWindow[]>().notNull().default([]),
    suitability: text('suitability'),
    suitabilityNotes: text('suitability_notes'),
    meetingMode: text('meeting_mode'),
    metOn: date('met_on'),
    disclosure: boolean('disclosure').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    updatedBy: text('updated_by'),
  },
  (t) => [uniqueIndex('intake_records_party_idx').on(t.partyId), index('intake_records_case_idx').on(t.caseId)],
);

export const tasks = pgTable(
  'tasks',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    caseId: uuid('case_id').notNull(),
    title: text('title').notNull(),
    dueOn: date('due_on').notNull(),
    assigneeId: uuid('assignee_id'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: text('created_by'),
  },
  (t) => [index('tasks_case_idx').on(t.caseId), index('tasks_org_assignee_due_idx').on(t.orgId, t.assigneeId, t.dueOn)],
);

/** What was disclosed, the decision, who it was referred to and when. Restricted to safeguarding leads and admins. */
export const safeguardingRecords = pgTable(
  'safeguarding_records',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    caseId: uuid('case_id').notNull(),
    partyId: uuid('party_id'),
    disclosed: text('disclosed').notNull(),
    status: text('status').notNull().default('open'),
    decision: text('decision'),
    referredTo: text('referred_to'),
    referredAt: timestamp('referred_at', { withTimezone: true }),
    legalBasis: text('legal_basis'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: text('created_by'),
    decidedBy: text('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [index('safeguarding_org_status_idx').on(t.orgId, t.status, t.createdAt), index('safeguarding_case_idx').on(t.caseId)],
);
