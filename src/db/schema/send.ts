// SEND mediation (features/send): the statutory facts of a SEND case, the information-and-advice (MIAS) call and the
// parent's decision, and the register of mediation certificates.
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, unique } from '#src/db/orm.ts';
import { organisations } from './organisations.ts';

const orgId = () =>
  uuid('org_id')
    .notNull()
    .references(() => organisations.id);

/** One row per SEND case: the decision disputed, the issues, who asked, the child, and the dates the clocks run from. */
export const sendCases = pgTable(
  'send_cases',
  {
    caseId: uuid('case_id').primaryKey(),
    orgId: orgId(),
    /** A SEND_DECISIONS value (domain/referral-words.ts). */
    decisionType: text('decision_type'),
    /** SEND_MEDIATION_ISSUES values (features/send/send-words.ts). */
    issues: text('issues').array().notNull().default([]),
    decisionLetterOn: date('decision_letter_on', { mode: 'string' }),
    /** parent or young_person. */
    requestedBy: text('requested_by'),
    childName: text('child_name'),
    localAuthority: text('local_authority'),
    /** The integrated care boards involved, by name. */
    icbs: text('icbs').array().notNull().default([]),
    childViewsObtained: boolean('child_views_obtained'),
    childViewsMethod: text('child_views_method'),
    childViewsNotReason: text('child_views_not_reason'),
    /** The MIAS call: when it happened, the meeting of kind mias_call if one was booked, and the parent's decision. */
    miasOn: date('mias_on', { mode: 'string' }),
    miasMeetingId: uuid('mias_meeting_id'),
    miasDecision: text('mias_decision'),
    /** When the adviser (or the local authority) was told the decision: the declined and mediation clocks run from it. */
    decisionToldOn: date('decision_told_on', { mode: 'string' }),
    icbNotifiedOn: date('icb_notified_on', { mode: 'string' }),
    /** When the local authority told the adviser mediation cannot be held within 30 days (#10). */
    adviserToldOn: date('adviser_told_on', { mode: 'string' }),
    mediationHeldOn: date('mediation_held_on', { mode: 'string' }),
    /** The local authority's representative at mediation (#12): "has decision-making authority" must be yes. */
    laAttendeeName: text('la_attendee_name'),
    laAttendeeRole: text('la_attendee_role'),
    laAttendeeHasAuthority: boolean('la_attendee_has_authority'),
    /** mediation (the statutory route) or disagreement_resolution (#22: voluntary, every party agrees, no certificate). */
    route: text('route').notNull().default('mediation'),
    /** #22: every party agreed to disagreement resolution. */
    everyPartyAgreed: boolean('every_party_agreed'),
    /** #13: who else attends: [{ name, kind (advocate, supporter, child, other), agreed }]. */
    attendees: jsonb('attendees').$type<{ name: string; kind: string; agreed: boolean }[]>().notNull().default([]),
    /** #61: why mediation was not held within the 30 days. */
    delayReason: text('delay_reason'),
    /** #61: whether an appeal to the tribunal followed, when known (null: not known). */
    appealMade: boolean('appeal_made'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [unique('send_cases_org_id_case_id_key').on(t.orgId, t.caseId), index('send_cases_org_updated_idx').on(t.orgId, t.updatedAt)],
);

/** A mediation certificate, numbered in the service's register. A re-issue is a new row that names the one it replaces. */
export const sendCertificates = pgTable(
  'send_certificates',
  {
    id: uuid('id').primaryKey(),
    orgId: orgId(),
    caseId: uuid('case_id').notNull(),
    /** The register number, 1, 2, 3 … per service. */
    number: integer('number').notNull(),
    /** declined, deemed, after_mediation. */
    kind: text('kind').notNull(),
    /** After mediation: full, partial or none. */
    outcome: text('outcome'),
    /** The issues and, after mediation, each one's outcome: [{ issue, outcome }]. */
    issues: jsonb('issues').$type<{ issue: string; outcome: string | null }[]>().notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    appealDeadline: date('appeal_deadline', { mode: 'string' }).notNull(),
    adviserName: text('adviser_name').notNull(),
    adviserOrganisation: text('adviser_organisation').notNull(),
    issuedBy: text('issued_by').notNull(),
    replacesId: uuid('replaces_id'),
    reissueReason: text('reissue_reason'),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
    /** When the certificate was emailed, to whom (roles only), with consent on record. */
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    unique('send_certificates_org_id_id_key').on(t.orgId, t.id),
    uniqueIndex('send_certificates_org_number_idx').on(t.orgId, t.number),
    index('send_certificates_case_idx').on(t.orgId, t.caseId),
    index('send_certificates_org_superseded_idx').on(t.orgId, t.supersededAt),
  ],
);

/**
 * The local authority's duties after a signed SEND agreement (#18–19), one per term: its due date as the agreement set
 * it, and when the duty was met, for the follow-up reminders and the reg 42 compliance figure (#61).
 */
export const sendDuties = pgTable(
  'send_duties',
  {
    termId: uuid('term_id').primaryKey(),
    orgId: orgId(),
    caseId: uuid('case_id').notNull(),
    what: text('what').notNull(),
    dueOn: date('due_on', { mode: 'string' }),
    metOn: date('met_on', { mode: 'string' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [unique('send_duties_org_id_term_id_key').on(t.orgId, t.termId), index('send_duties_case_idx').on(t.orgId, t.caseId)],
);
