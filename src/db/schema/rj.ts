// Restorative justice (features/rj): the service's RJ policy, a case's offence category and senior decision, each
// participant's suitability and versioned risk assessments, custody details with the prison-visit checklist, and
// letters between the parties with the facilitators' vetting.
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, unique, uniqueIndex, uuid } from '#src/db/orm.ts';
import { organisations } from './organisations.ts';

const orgId = () =>
  uuid('org_id')
    .notNull()
    .references(() => organisations.id);

/** The service's RJ policy (features/rj/rj-policy.ts gives its shape and defaults). One row per service. */
export const rjPolicies = pgTable('rj_policies', {
  orgId: orgId().primaryKey(),
  policy: jsonb('policy').$type<Record<string, unknown>>().notNull().default({}),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** A case's RJ facts: the offence category (#32) and, when it is held for one, the senior decision. */
export const rjCases = pgTable(
  'rj_cases',
  {
    id: uuid('id').primaryKey(),
    orgId: orgId(),
    caseId: uuid('case_id').notNull(),
    offenceCategory: text('offence_category'),
    /** proceed or decline: a senior's decision on a held case; null while none is made. */
    seniorDecision: text('senior_decision'),
    seniorNote: text('senior_note'),
    seniorBy: text('senior_by'),
    seniorAt: timestamp('senior_at', { withTimezone: true }),
    /** Victims' Code (rules.md #25): the day the person harmed first contacted the service, when it is their first contact. */
    firstContactOn: date('first_contact_on'),
    /** Entitled to enhanced rights under the Code: information within 1 working day instead of 5. */
    enhancedRights: boolean('enhanced_rights').notNull().default(false),
    /** The day the information on restorative justice was given: the Victims' Code clock stops. */
    informationGivenOn: date('information_given_on'),
    /** Pre-sentence RJ (rules.md #35): the court that deferred sentence, the date it is deferred to, the report sent. */
    court: text('court'),
    sentenceDeferredTo: date('sentence_deferred_to'),
    courtReportSentOn: date('court_report_sent_on'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [unique('rj_cases_org_id_id_key').on(t.orgId, t.id), uniqueIndex('rj_cases_case_idx').on(t.caseId)],
);

/** A participant's suitability (RJC Code B), each recording kept: the newest is the current one. */
export const rjSuitability = pgTable(
  'rj_suitability',
  {
    id: uuid('id').primaryKey(),
    orgId: orgId(),
    caseId: uuid('case_id').notNull(),
    partyId: uuid('party_id').notNull(),
    acknowledgesFacts: boolean('acknowledges_facts').notNull(),
    /** For the person who harmed only; null for everyone else. */
    acceptsResponsibility: boolean('accepts_responsibility'),
    willing: boolean('willing').notNull(),
    notes: text('notes'),
    assessedOn: date('assessed_on').notNull(),
    assessedBy: text('assessed_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [unique('rj_suitability_org_id_id_key').on(t.orgId, t.id), index('rj_suitability_case_idx').on(t.caseId, t.partyId, t.createdAt)],
);

/** A participant's risk assessment (#33), versioned: version n+1 is a review of n. A supervisor signs each off. */
export const rjRiskAssessments = pgTable(
  'rj_risk_assessments',
  {
    id: uuid('id').primaryKey(),
    orgId: orgId(),
    caseId: uuid('case_id').notNull(),
    partyId: uuid('party_id').notNull(),
    version: integer('version').notNull(),
    /** The areas of #33, each a short note: { feelings, motivation, substances, mentalHealth, needs, harm, outcomes, stage }. */
    areas: jsonb('areas').$type<Record<string, string>>().notNull().default({}),
    /** low, medium, high. */
    rating: text('rating').notNull(),
    /** direct, indirect, not_safe. */
    decision: text('decision').notNull(),
    assessedOn: date('assessed_on').notNull(),
    assessedBy: text('assessed_by').notNull(),
    signedOffAt: timestamp('signed_off_at', { withTimezone: true }),
    signedOffBy: text('signed_off_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [unique('rj_risk_assessments_org_id_id_key').on(t.orgId, t.id), uniqueIndex('rj_risk_assessments_version_idx').on(t.partyId, t.version)],
);

/** A participant in custody: where, their prison number, their offender manager, and the prison-visit checklist. */
export const rjCustody = pgTable(
  'rj_custody',
  {
    id: uuid('id').primaryKey(),
    orgId: orgId(),
    caseId: uuid('case_id').notNull(),
    partyId: uuid('party_id').notNull(),
    establishment: text('establishment').notNull(),
    prisonNumber: text('prison_number').notNull(),
    offenderManagerName: text('offender_manager_name').notNull(),
    offenderManagerContact: text('offender_manager_contact').notNull(),
    /** The checklist items done: { [item]: { on: 'YYYY-MM-DD', by: label } }. */
    checklist: jsonb('checklist').$type<Record<string, { on: string; by: string }>>().notNull().default({}),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [unique('rj_custody_org_id_id_key').on(t.orgId, t.id), uniqueIndex('rj_custody_party_idx').on(t.partyId)],
);

/** A letter (or message) from one party to another, passed on only once both facilitators have approved it. */
export const rjLetters = pgTable(
  'rj_letters',
  {
    id: uuid('id').primaryKey(),
    orgId: orgId(),
    caseId: uuid('case_id').notNull(),
    fromPartyId: uuid('from_party_id').notNull(),
    toPartyId: uuid('to_party_id').notNull(),
    /** letter, message, recording (a recording is described here; the file itself is kept outside Parley). */
    form: text('form').notNull().default('letter'),
    body: text('body').notNull(),
    /** Bumped when the letter is revised after changes were asked for; reviews count for their version only. */
    version: integer('version').notNull().default(1),
    /** Phrases the facilitators removed from the recipient's copy. */
    redactions: jsonb('redactions').$type<string[]>().notNull().default([]),
    passedAt: timestamp('passed_at', { withTimezone: true }),
    passedBy: text('passed_by'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [unique('rj_letters_org_id_id_key').on(t.orgId, t.id), index('rj_letters_case_idx').on(t.caseId, t.createdAt)],
);

/** One facilitator's vetting of one version of a letter: approve, changes (with a note) or withhold (with a reason). */
export const rjLetterReviews = pgTable(
  'rj_letter_reviews',
  {
    id: uuid('id').primaryKey(),
    orgId: orgId(),
    letterId: uuid('letter_id').notNull(),
    version: integer('version').notNull(),
    reviewerId: text('reviewer_id').notNull(),
    reviewerLabel: text('reviewer_label').notNull(),
    decision: text('decision').notNull(),
    note: text('note'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [unique('rj_letter_reviews_org_id_id_key').on(t.orgId, t.id), index('rj_letter_reviews_letter_idx').on(t.letterId, t.at)],
);
