// Data protection: how long each case type is kept after closure, legal holds, the destruction log and the breach log.
import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid, unique } from '#src/db/orm.ts';
import { organisations } from './organisations.ts';

const orgId = () =>
  uuid('org_id')
    .notNull()
    .references(() => organisations.id);

/** A service's own retention period for a case type, in years from closure; a type without a row keeps the default. */
export const retentionSchedules = pgTable(
  'retention_schedules',
  {
    orgId: orgId(),
    caseType: text('case_type').notNull(),
    years: integer('years').notNull(),
    updatedBy: text('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('retention_schedules_org_type_idx').on(t.orgId, t.caseType)],
);

/** A case kept past its retention period (a claim, an inquiry, a complaint); lifted when no longer needed. */
export const legalHolds = pgTable(
  'legal_holds',
  {
    id: uuid('id').primaryKey(),
    orgId: orgId(),
    caseId: uuid('case_id').notNull(),
    reason: text('reason').notNull(),
    placedBy: text('placed_by'),
    placedAt: timestamp('placed_at', { withTimezone: true }).notNull(),
    liftedBy: text('lifted_by'),
    liftedAt: timestamp('lifted_at', { withTimezone: true }),
  },
  (t) => [unique('legal_holds_org_id_id_key').on(t.orgId, t.id), index('legal_holds_org_case_idx').on(t.orgId, t.caseId)],
);

/** One line per case type per retention run: what went, when and under which rule. Never the data itself. */
export const destructionLog = pgTable(
  'destruction_log',
  {
    id: uuid('id').primaryKey(),
    orgId: orgId(),
    runAt: timestamp('run_at', { withTimezone: true }).notNull(),
    caseType: text('case_type').notNull(),
    /** The rule in force: the years kept after closure, and the closure date before which cases went. */
    years: integer('years').notNull(),
    closedBefore: timestamp('closed_before', { withTimezone: true }).notNull(),
    caseCount: integer('case_count').notNull(),
    /** The case references anonymised (a reference names no one). */
    references: text('references').array().notNull(),
    ranBy: text('ran_by'),
  },
  (t) => [index('destruction_log_org_run_idx').on(t.orgId, t.runAt)],
);

/** A personal data breach: every one is logged, reported to the ICO or not (rules.md #58). */
export const breaches = pgTable(
  'breaches',
  {
    id: uuid('id').primaryKey(),
    orgId: orgId(),
    reference: text('reference').notNull(),
    summary: text('summary').notNull(),
    /** When the service became aware: the ICO's 72 hours run from here, weekends included. */
    awareAt: timestamp('aware_at', { withTimezone: true }).notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }),
    /** low, risk, high: the risk to people (risk or high: report to the ICO; high: tell the people too). */
    risk: text('risk').notNull(),
    peopleAffected: integer('people_affected'),
    reportedToIcoAt: timestamp('reported_to_ico_at', { withTimezone: true }),
    icoReference: text('ico_reference'),
    notReportedReason: text('not_reported_reason'),
    peopleToldAt: timestamp('people_told_at', { withTimezone: true }),
    actionsTaken: text('actions_taken'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    recordedBy: text('recorded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [unique('breaches_org_id_id_key').on(t.orgId, t.id), index('breaches_org_aware_idx').on(t.orgId, t.awareAt)],
);

/** A person's request about their data: to see it (subject access), erase it or correct it (rules.md #55, #56). */
export const dataRequests = pgTable(
  'data_requests',
  {
    id: uuid('id').primaryKey(),
    orgId: orgId(),
    reference: text('reference').notNull(),
    /** access, erasure, rectification. */
    kind: text('kind').notNull(),
    requesterName: text('requester_name').notNull(),
    requesterContact: text('requester_contact'),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    /** The month runs from here: receipt, or receiving ID, a fee or clarification. */
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    extensionReason: text('extension_reason'),
    /** open, completed, refused. */
    status: text('status').notNull().default('open'),
    /** What was done: data sent, records erased, the correction made. */
    outcome: text('outcome'),
    /** Erasure refused: the lawful reason (request-rules.ts). */
    refusalReason: text('refusal_reason'),
    closedOn: date('closed_on', { mode: 'string' }),
    recordedBy: text('recorded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [unique('data_requests_org_id_id_key').on(t.orgId, t.id), index('data_requests_org_due_idx').on(t.orgId, t.status, t.dueOn)],
);
