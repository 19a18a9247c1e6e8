// The words of an agreement: who a term is for, when it is due, version and signer states, and the statements each
// case type starts with (a service may change them per case type in Settings → Agreement wording).
import type { AgreementStatements } from '#src/db/schema/agreements.ts';
import { msg } from '#src/i18n/i18n.ts';

export const WHO_KINDS = ['party', 'mediator', 'local_authority', 'service'] as const;
export type WhoKind = (typeof WHO_KINDS)[number];
export const WHO_LABELS: Record<Exclude<WhoKind, 'party'>, string> = {
  mediator: msg('The mediators'),
  local_authority: msg('The local authority'),
  service: msg('The service'),
};

export const DUE_KINDS = ['date', 'ongoing', 'next_review'] as const;
export type DueKind = (typeof DUE_KINDS)[number];
export const DUE_LABELS: Record<DueKind, string> = { date: msg('By a date'), ongoing: msg('Ongoing'), next_review: msg('By the next review') };

export const VERSION_STATUSES = ['draft', 'ready', 'signed', 'replaced'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];
export const VERSION_STATUS_LABELS: Record<VersionStatus, string> = {
  draft: msg('Draft'),
  ready: msg('Ready to sign'),
  signed: msg('Signed'),
  replaced: msg('Replaced by a later version'),
};

export const SIGNER_STATUSES = ['pending', 'signed', 'declined'] as const;
export type SignerStatus = (typeof SIGNER_STATUSES)[number];
export const SIGN_METHODS = ['drawn', 'typed'] as const;
export type SignMethod = (typeof SIGN_METHODS)[number];
export const CHANNELS = ['in_person', 'remote'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, string> = { in_person: msg('In person'), remote: msg('Remotely, by personal link and code') };

export const STATEMENT_KEYS = ['notBinding', 'confidentiality', 'monitoring'] as const;
export const STATEMENT_LABELS: Record<(typeof STATEMENT_KEYS)[number], string> = {
  notBinding: msg('What this agreement is'),
  confidentiality: msg('Confidentiality and without prejudice'),
  monitoring: msg('How the agreement will be followed up'),
};

const CONFIDENTIAL =
  'Everything said in mediation is confidential and "without prejudice": it cannot be used in court unless every party agrees, except where someone is at risk of serious harm. This written agreement is the only open record, unless the parties agree otherwise.';

/** The built-in statements per case type (rules.md #27 A, #38, #41–42). */
export const BUILT_IN_STATEMENTS: Record<string, AgreementStatements> = {
  community: {
    notBinding:
      'This agreement is not legally binding. It is a reminder of what was agreed, made in good faith. The parties may ask a solicitor to make it formal if they wish.',
    confidentiality: CONFIDENTIAL,
    monitoring: 'The service will contact each of you after the agreement to ask how it is going, term by term.',
  },
  restorative_justice: {
    notBinding: 'This outcome agreement is voluntary. It is separate from any sentence or court order.',
    confidentiality: CONFIDENTIAL,
    monitoring:
      'The facilitators will monitor this outcome agreement: they will check with each of you that each term has been done by its date and tell everyone taking part how it went.',
  },
  send: {
    notBinding:
      'This is the written record of the agreement reached at mediation (SEND Regulations 2014, reg 42). Where it covers matters that can be appealed, the local authority must act within the time limits that would apply to a tribunal order, unless the parties agree other timescales in writing.',
    confidentiality: CONFIDENTIAL,
    monitoring: 'The service will follow up each term by its date. The parent or young person keeps the right to appeal to the tribunal.',
  },
  social_care: {
    notBinding: 'This agreement is not legally binding. It records what everyone agreed to try.',
    confidentiality: CONFIDENTIAL,
    monitoring: 'The service will offer follow-up support and check how each term is going.',
  },
};
export const builtInStatements = (caseType: string): AgreementStatements => BUILT_IN_STATEMENTS[caseType] ?? BUILT_IN_STATEMENTS.community!;

/**
 * SEND: the default time to act on a term, in weeks after the agreement (rules.md #18–19): a matter that could be
 * appealed gets the reg 44 limit of the kind of action (as if the agreement were a tribunal order); anything else the
 * reg 42(3) two weeks. The parties may agree other dates in writing (reg 42(5)); the term's date can be changed.
 */
export const SEND_ACTIONS = ['other', 'assess', 'make_plan', 'amend_plan', 'change_school', 'continue_plan'] as const;
export type SendAction = (typeof SEND_ACTIONS)[number];
export const SEND_ACTION_WEEKS: Record<SendAction, number> = {
  other: 2, // reg 42(3): not appealable, 2 weeks
  assess: 2, // reg 44: notify the parent within 2 weeks
  make_plan: 5, // draft plan within 5 weeks
  amend_plan: 5, // reg 44(2)(e)
  change_school: 2, // reg 44(2)(f)
  continue_plan: 0, // immediately
};
export const SEND_ACTION_LABELS: Record<SendAction, string> = {
  other: msg('Not appealable (reg 42(3): within 2 weeks)'),
  assess: msg('Assess or re-assess (2 weeks to notify)'),
  make_plan: msg('Make and maintain a plan (draft within 5 weeks)'),
  amend_plan: msg('Amend sections B or F of the plan (5 weeks)'),
  change_school: msg('Change only the school named (2 weeks)'),
  continue_plan: msg('Continue to maintain the plan (immediately)'),
};

/** The default due date (YYYY-MM-DD) of a SEND term agreed on `agreedOn`. */
export function sendDefaultDueOn(agreedOn: string, appealable: boolean, action: SendAction = appealable ? 'amend_plan' : 'other'): string {
  const weeks = appealable ? SEND_ACTION_WEEKS[action === 'other' ? 'amend_plan' : action] : SEND_ACTION_WEEKS.other;
  const d = new Date(`${agreedOn}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + weeks * 7);
  return d.toISOString().slice(0, 10);
}
