// Agreements: the written agreement of a case in versions, its terms (who does what by when, and how it will be
// checked at follow-up), the signers of each version with the evidence of their signature, the personal signing links
// of remote signers with every view and attempt, and each service's wording per case type.
// Follow-up reads agreement_terms of the signed version: a check-in is naturally one row per (check-in, term).
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, unique, uniqueIndex, uuid } from '#src/db/orm.ts';
import { organisations } from './organisations.ts';

const orgId = () =>
  uuid('org_id')
    .notNull()
    .references(() => organisations.id);

export type AgreementStatements = { notBinding: string; confidentiality: string; monitoring: string };
export type AgreementIssue = { issue: string; outcome: 'agreed' | 'partly_agreed' | 'not_agreed' | null };
export type TermWho = { kind: 'party' | 'mediator' | 'local_authority' | 'service'; partyId?: string; name: string };

/** One agreement per case (a case may have more, e.g. after a further joint meeting). */
export const agreements = pgTable(
  'agreements',
  {
    id: uuid('id').primaryKey(),
    orgId: orgId(),
    caseId: uuid('case_id').notNull(),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [unique('agreements_org_id_id_key').on(t.orgId, t.id), index('agreements_case_idx').on(t.orgId, t.caseId)],
);

/**
 * A version: draft (editable), ready (frozen: canonical text and its SHA-256 fixed; being signed), signed (every signer
 * signed; the final PDF kept) or replaced (changed after it was frozen: its signatures do not carry over).
 */
export const agreementVersions = pgTable(
  'agreement_versions',
  {
    id: uuid('id').primaryKey(),
    orgId: orgId(),
    agreementId: uuid('agreement_id').notNull(),
    caseId: uuid('case_id').notNull(),
    number: integer('number').notNull(),
    status: text('status').notNull(),
    statements: jsonb('statements').$type<AgreementStatements>().notNull(),
    issues: jsonb('issues').$type<AgreementIssue[]>().notNull().default([]),
    /** The canonical JSON (see features/agreements/canonical-form.ts) and its SHA-256, fixed when frozen. */
    canonical: text('canonical'),
    hash: text('hash'),
    /** The public reference printed on the PDF, for the verify page. */
    reference: text('reference'),
    frozenAt: timestamp('frozen_at', { withTimezone: true }),
    frozenBy: text('frozen_by'),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    /** The final PDF (base64) and the SHA-256 of its bytes, made once when the last signer signs. */
    finalPdf: text('final_pdf'),
    finalPdfHash: text('final_pdf_hash'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    unique('agreement_versions_org_id_id_key').on(t.orgId, t.id),
    uniqueIndex('agreement_versions_number_idx').on(t.agreementId, t.number),
    uniqueIndex('agreement_versions_reference_idx').on(t.orgId, t.reference),
    index('agreement_versions_pdf_hash_idx').on(t.orgId, t.finalPdfHash),
    index('agreement_versions_case_idx').on(t.orgId, t.caseId),
  ],
);

/** A term of a version: who does what by when, and how it will be checked at follow-up. */
export const agreementTerms = pgTable(
  'agreement_terms',
  {
    id: uuid('id').primaryKey(),
    orgId: orgId(),
    versionId: uuid('version_id').notNull(),
    position: integer('position').notNull(),
    who: jsonb('who').$type<TermWho[]>().notNull(),
    what: text('what').notNull(),
    /** date (due_on), ongoing, or next_review. */
    dueKind: text('due_kind').notNull(),
    dueOn: date('due_on', { mode: 'string' }),
    checkHow: text('check_how').notNull(),
    /** SEND: can the parent appeal this to the tribunal (rules.md #18)? Null for other case types. */
    appealable: boolean('appealable'),
  },
  (t) => [unique('agreement_terms_org_id_id_key').on(t.orgId, t.id), index('agreement_terms_version_idx').on(t.versionId, t.position)],
);

/** Who signs a frozen version (each party taking part, then the mediators as witnesses) and the evidence of each signature. */
export const agreementSigners = pgTable(
  'agreement_signers',
  {
    id: uuid('id').primaryKey(),
    orgId: orgId(),
    versionId: uuid('version_id').notNull(),
    caseId: uuid('case_id').notNull(),
    position: integer('position').notNull(),
    /** party or mediator (a witness). */
    kind: text('kind').notNull(),
    partyId: uuid('party_id'),
    userId: uuid('user_id'),
    name: text('name').notNull(),
    /** pending, signed or declined. */
    status: text('status').notNull(),
    /** drawn or typed. */
    method: text('method'),
    /** in_person or remote. */
    channel: text('channel'),
    typedName: text('typed_name'),
    /** A drawn signature: SVG path data in a 600 × 200 box. */
    drawing: text('drawing'),
    declineReason: text('decline_reason'),
    at: timestamp('at', { withTimezone: true }),
    /** The hash of the version signed, copied at the moment of signing. */
    versionHash: text('version_hash'),
    witnessUserId: uuid('witness_user_id'),
    witnessName: text('witness_name'),
    /** Remote signing: an HMAC of the address (never the address) and the browser, cut to 120 characters. */
    addressHash: text('address_hash'),
    browser: text('browser'),
    recordedBy: text('recorded_by'),
  },
  (t) => [unique('agreement_signers_org_id_id_key').on(t.orgId, t.id), index('agreement_signers_version_idx').on(t.versionId, t.position)],
);

/** A remote signer's personal link: the token and the six-digit code are kept as hashes only. */
export const signingLinks = pgTable(
  'signing_links',
  {
    id: uuid('id').primaryKey(),
    orgId: orgId(),
    signerId: uuid('signer_id').notNull(),
    versionId: uuid('version_id').notNull(),
    caseId: uuid('case_id').notNull(),
    /** sign (single use: sign or decline once) or copy (download the signed PDF until it expires). */
    purpose: text('purpose').notNull(),
    tokenHash: text('token_hash').notNull(),
    /** The address the link was sent to: the code goes to the same address and nowhere else. */
    sentTo: text('sent_to').notNull(),
    codeHash: text('code_hash'),
    codeSentAt: timestamp('code_sent_at', { withTimezone: true }),
    /** The browser that gave the right code: a hash of a random cookie value. */
    confirmedHash: text('confirmed_hash'),
    failedCodes: integer('failed_codes').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    lockedAt: timestamp('locked_at', { withTimezone: true }),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    unique('signing_links_org_id_id_key').on(t.orgId, t.id),
    uniqueIndex('signing_links_token_idx').on(t.tokenHash),
    index('signing_links_signer_idx').on(t.orgId, t.signerId),
  ],
);

/** Every view of and attempt on a signing link: viewed, code_sent, code_wrong, code_ok, locked, signed, declined, copy. */
export const signingLinkEvents = pgTable(
  'signing_link_events',
  {
    id: uuid('id').primaryKey(),
    orgId: orgId(),
    linkId: uuid('link_id').notNull(),
    kind: text('kind').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    addressHash: text('address_hash'),
    browser: text('browser'),
  },
  (t) => [index('signing_link_events_link_idx').on(t.linkId, t.at)],
);

/** A service's own wording of the agreement's statements for one case type; missing ones use the built-in wording. */
export const agreementWording = pgTable(
  'agreement_wording',
  {
    id: uuid('id').primaryKey(),
    orgId: orgId(),
    caseType: text('case_type').notNull(),
    statements: jsonb('statements').$type<AgreementStatements>().notNull(),
    updatedBy: text('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('agreement_wording_case_type_idx').on(t.orgId, t.caseType)],
);

/**
 * A party's answer to "may the referrer be told the outcome?": yes or no, the day they said it and who recorded it.
 * One row per party per case (a changed answer replaces it; the audit log keeps the history). The outcome goes to the
 * referrer only when every party said yes.
 */
export const outcomeShareConsents = pgTable(
  'outcome_share_consents',
  {
    id: uuid('id').primaryKey(),
    orgId: orgId(),
    caseId: uuid('case_id').notNull(),
    partyId: uuid('party_id').notNull(),
    consents: boolean('consents').notNull(),
    decidedOn: date('decided_on').notNull(),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('outcome_share_consents_party_idx').on(t.orgId, t.caseId, t.partyId)],
);
