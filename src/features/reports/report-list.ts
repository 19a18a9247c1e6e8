// The standard reports: each one's name, what it is for, and the one-line definition of each of its metrics. The
// words are the agreed definitions (rules.md #62: "keep an agreed and versioned definition of each metric").
import type { CaseKind } from '#src/domain/case-words.ts';
import { msg } from '#src/i18n/i18n.ts';

export const REPORT_IDS = ['referrals', 'cases', 'timeliness', 'engagement', 'agreements', 'volunteers', 'feedback', 'community-return'] as const;
export type ReportId = (typeof REPORT_IDS)[number];

export const REPORTS: Record<ReportId, { title: string; summary: string }> = {
  referrals: { title: msg('Referrals by source and outcome'), summary: msg('Where referrals came from and what was decided') },
  cases: { title: msg('Cases by stage'), summary: msg('Cases at each stage now, cases opened and closed in the period, and the time spent in each stage') },
  timeliness: { title: msg('Time to first contact and first meeting'), summary: msg('How long people wait, in days (the median)') },
  engagement: { title: msg('Engagement'), summary: msg('Whether both parties took part, and the meetings held, by kind') },
  feedback: { title: msg('Feedback and satisfaction'), summary: msg('How satisfied people were, whether they felt heard and would recommend the service') },
  agreements: { title: msg('Agreements reached'), summary: msg('Agreements signed, whether they were kept at follow-up, and how cases ended') },
  volunteers: { title: msg('Volunteers'), summary: msg('Hours given, cases worked, and where volunteers stand on training and DBS checks') },
  'community-return': { title: msg('Community funder return'), summary: msg('The counts housing associations and councils ask for') },
};

/**
 * A report that, when no case type is chosen, counts every case type of one kind (the built-in type and any the service
 * added of that kind) rather than every case: the kind, and how the report names what it covers. Every other report
 * counts every case type then.
 */
export const REPORT_KINDS: Partial<Record<ReportId, { kind: CaseKind; allTypes: string }>> = {
  'community-return': { kind: 'community', allTypes: msg('All community mediation case types') },
};

export const ALL_CASE_TYPES = msg('All case types');
/** The kind a report counts when no type is chosen (undefined: every case type), and how that is said. */
export const coverageOf = (id: ReportId): { kind?: CaseKind; allTypes: string } => REPORT_KINDS[id] ?? { allTypes: ALL_CASE_TYPES };

export const METRIC_DEFINITIONS = {
  referralsBySource: msg('Referrals received in the period (the day they arrived), by how they came in and what was decided; “New” means not yet decided.'),
  casesByStage: msg('Every case of the service today, by its stage now, whatever the period chosen.'),
  openedClosed: msg('Cases opened in the period and cases closed in the period (closed, withdrawn or found unsuitable), by case type.'),
  closedByReason: msg('Cases that ended in the period, by the reason recorded when they closed.'),
  toFirstContact: msg(
    'For cases opened in the period: whole days from the referral arriving (or the case opening, without a referral) to the first contact recorded with anyone on the case; the median, so half waited less.',
  ),
  toFirstMeeting: msg(
    'For cases opened in the period: whole days from the referral arriving (or the case opening) to the first meeting held, of any kind; the median.',
  ),
  timeInStage: msg(
    'Each time a case left a stage in the period: whole days from entering the stage (its previous stage change, or the case opening) to leaving it; the median, so half were quicker, and the 90th percentile, so nine in ten were quicker.',
  ),
  keptAtFollowUp: msg(
    'Cases with a follow-up check-in due in the period, counted once at the latest, by the newest answer a party gave there to “Is the agreement being kept?”; “No answer” when no one answered it, or said only that it was not yet due.',
  ),
  hoursGiven: msg(
    'Hours volunteers recorded for days in the period (all recorded hours: Parley has no separate approval of hours); with a case type or place chosen, only hours on such cases. Hidden when fewer volunteers than the threshold gave them.',
  ),
  casesWorked: msg('Cases with a volunteer assigned at some time in the period, each counted once.'),
  trainingStanding: msg(
    'Accredited volunteers today by their CPD: current when this calendar year’s CPD hours are done; due when not yet (by 31 December); lapsed when last year’s fell short and they were accredited before it began. With a case type or place chosen, only volunteers who worked such a case in the period.',
  ),
  dbsStanding: msg(
    'Volunteers in training, trainees and accredited volunteers today by their latest DBS check: current; expiring when its recheck falls due within 3 months; expired when the recheck is overdue, the Update Service reported new information, or there is no check. With a case type or place chosen, only volunteers who worked such a case in the period.',
  ),
  agreementsSigned: msg('Cases whose written agreement was signed by everyone in the period, counted once, by case type.'),
  referred: msg('Referrals received in the period.'),
  partiesEngaged: msg('Cases opened in the period, by how many of their parties gave consent to take part: two or more (both engaged), one, or none yet.'),
  meetingsHeld: msg(
    'Meetings held in the period (not booked, cancelled or missed), by kind: joint meetings bring the parties together; shuttle sessions keep them apart.',
  ),
  satisfaction: msg('Feedback forms returned in the period, by the satisfaction given (1 very dissatisfied to 5 very satisfied) and how the form came back.'),
  feedbackAnswers: msg('Feedback forms returned in the period: whether the person felt heard, and whether they would recommend the service.'),
  bothEngaged: msg('Cases opened in the period where at least two parties gave their consent to take part.'),
  jointHeld: msg('Joint meetings (all parties together) held in the period.'),
  feedback: msg('Feedback forms returned in the period, online, by phone or on paper.'),
} as const;

export const isReportId = (v: string): v is ReportId => (REPORT_IDS as readonly string[]).includes(v);
