// The end of a case: the follow-up points and the check-ins answered at them, personal links for parties, feedback
// surveys and the testimonials made from them.
import { boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid, unique } from '#src/db/orm.ts';
import { organisations } from './organisations.ts';

const orgId = () =>
  uuid('org_id')
    .notNull()
    .references(() => organisations.id);

/** One follow-up point on a case: N weeks after the start (the agreement's signing, or entering follow-up). */
export const followUpPoints = pgTable(
  'follow_up_points',
  {
    id: uuid('id').primaryKey(),
    orgId: orgId(),
    caseId: uuid('case_id').notNull(),
    seq: integer('seq').notNull(),
    weeks: integer('weeks').notNull(),
    startOn: date('start_on').notNull(),
    dueOn: date('due_on').notNull(),
    /** When the check-in links went to the parties. */
    linksSentAt: timestamp('links_sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    unique('follow_up_points_org_id_id_key').on(t.orgId, t.id),
    uniqueIndex('follow_up_points_case_seq_idx').on(t.caseId, t.seq),
    /** The points due in a period (the agreements kept at follow-up report). */
    index('follow_up_points_org_due_idx').on(t.orgId, t.dueOn),
  ],
);

/** A party's check-in at a follow-up point: by their link, or entered by staff from a call, a visit or paper. */
export const checkIns = pgTable(
  'check_ins',
  {
    id: uuid('id').primaryKey(),
    orgId: orgId(),
    caseId: uuid('case_id').notNull(),
    pointId: uuid('point_id').notNull(),
    partyId: uuid('party_id'),
    /** link, phone, visit, paper. */
    source: text('source').notNull(),
    note: text('note'),
    /** A further joint meeting asked for from this check-in (features/meetings). */
    requestId: uuid('request_id'),
    answeredAt: timestamp('answered_at', { withTimezone: true }).notNull(),
    recordedBy: text('recorded_by'),
  },
  (t) => [unique('check_ins_org_id_id_key').on(t.orgId, t.id), index('check_ins_case_idx').on(t.caseId, t.answeredAt)],
);

/** One answer in a check-in: about one term of the agreement, or (term_id null) the agreement as a whole. */
export const checkInAnswers = pgTable(
  'check_in_answers',
  {
    id: uuid('id').primaryKey(),
    orgId: orgId(),
    checkInId: uuid('check_in_id').notNull(),
    /** A term of the signed agreement (features/agreements); null for "Is the agreement being kept?". */
    termId: uuid('term_id'),
    /** kept, partly, not_kept, not_yet_due. */
    answer: text('answer').notNull(),
    note: text('note'),
  },
  (t) => [index('check_in_answers_check_in_idx').on(t.checkInId)],
);

/** A party's personal link (check-in or feedback): only the SHA-256 of the token is kept; single use; expires. */
export const partyLinks = pgTable(
  'party_links',
  {
    id: uuid('id').primaryKey(),
    orgId: orgId(),
    caseId: uuid('case_id').notNull(),
    partyId: uuid('party_id').notNull(),
    /** check_in, feedback. */
    purpose: text('purpose').notNull(),
    pointId: uuid('point_id'),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('party_links_token_idx').on(t.tokenHash), index('party_links_case_idx').on(t.caseId)],
);

/** A party's feedback at closing. The case type is copied so the aggregate never needs the case or the person. */
export const feedbackResponses = pgTable(
  'feedback_responses',
  {
    id: uuid('id').primaryKey(),
    orgId: orgId(),
    caseId: uuid('case_id').notNull(),
    caseType: text('case_type').notNull(),
    partyId: uuid('party_id'),
    /** link, phone, paper. */
    source: text('source').notNull(),
    satisfaction: integer('satisfaction').notNull(),
    feltHeard: boolean('felt_heard').notNull(),
    wouldRecommend: boolean('would_recommend').notNull(),
    whatHelped: text('what_helped'),
    /** Restorative justice: how well the person felt able to cope and recover, 1–5, before and after. */
    copeBefore: integer('cope_before'),
    copeAfter: integer('cope_after'),
    mayQuote: boolean('may_quote').notNull().default(false),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    recordedBy: text('recorded_by'),
  },
  (t) => [unique('feedback_responses_org_id_id_key').on(t.orgId, t.id), index('feedback_org_submitted_idx').on(t.orgId, t.submittedAt)],
);

/** An anonymised quote from feedback: staff edit the wording, an admin approves it and may publish it. */
export const testimonials = pgTable(
  'testimonials',
  {
    id: uuid('id').primaryKey(),
    orgId: orgId(),
    feedbackId: uuid('feedback_id').notNull(),
    caseType: text('case_type').notNull(),
    /** What the person wrote (staff only); the wording shown is `text`. */
    originalText: text('original_text').notNull(),
    text: text('text').notNull(),
    /** pending, approved, rejected. */
    status: text('status').notNull().default('pending'),
    published: boolean('published').notNull().default(false),
    decidedBy: text('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('testimonials_org_status_idx').on(t.orgId, t.status, t.createdAt)],
);
