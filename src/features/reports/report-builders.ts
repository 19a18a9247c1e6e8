// Each report: its queries (one per metric) and the tables and figures they make. Labels are msg() values, worded
// in the reader's language where shown.
import type { Db } from '#src/db/client.ts';
import { msg } from '#src/i18n/i18n.ts';
import { CASE_STATUSES, CASE_TYPE_LABELS, CLOSING_REASON_LABELS, CLOSING_REASONS, isCaseKind, STATUS_LABELS } from '#src/domain/case-words.ts';
import { REFERRAL_STATUS_LABELS, REFERRAL_STATUSES, SOURCE_LABELS } from '#src/features/referrals/referral-pages.present.ts';
import { signedAgreementsByCaseType } from '#src/features/agreements/agreement-reads.ts';
import { countFigure, type Labelled, medianFigure, type Metric, pivot } from './metrics.ts';
import { METRIC_DEFINITIONS as D, type ReportId } from './report-list.ts';
import * as q from './reports.repo.ts';
import * as e from './engagement.repo.ts';
import { MEETING_KIND_LABELS, MEETING_KINDS } from '#src/domain/meeting-words.ts';
import { SOURCE_LABELS as FEEDBACK_SOURCE_LABELS, STAFF_SOURCES } from '#src/features/closing/closing-words.ts';

const labelled = (keys: readonly string[], labels: Record<string, string>): Labelled[] => keys.map((key) => ({ key, label: labels[key] ?? key }));
/** A service's case type, as a report names it: its own name as it is, or a built-in type's name worded where shown. */
export type ReportCaseType = { code: string; name: string | null; kind: string };
const typesIn = (f: q.ReportFilter, types: readonly ReportCaseType[]): Labelled[] =>
  types
    .filter((c) => !f.caseType || c.code === f.caseType)
    .map((c) => (c.name || !isCaseKind(c.kind) ? { key: c.code, label: c.name ?? c.code, asIs: true } : { key: c.code, label: CASE_TYPE_LABELS[c.kind] }));
const COUNT: Labelled[] = [{ key: '', label: msg('Cases') }];

/** One report's metrics; `types` are the case types its rows list (the filter's choices: offered now or on a case). */
export async function buildReport(
  tx: Db,
  orgId: string,
  id: ReportId,
  f: q.ReportFilter,
  threshold: number,
  types: readonly ReportCaseType[],
): Promise<Metric[]> {
  switch (id) {
    case 'referrals':
      return [
        pivot(
          await q.referralsBySourceAndStatus(tx, orgId, f),
          {
            id: 'referrals-by-source',
            title: msg('Referrals by source and outcome'),
            definition: D.referralsBySource,
            rowHeading: msg('Source'),
            rows: labelled(Object.keys(SOURCE_LABELS), SOURCE_LABELS),
            columns: labelled(REFERRAL_STATUSES, REFERRAL_STATUS_LABELS),
            rowTotals: true,
            columnTotals: true,
          },
          threshold,
        ),
      ];
    case 'cases':
      return [
        pivot(
          await q.casesByStatusNow(tx, orgId, f),
          {
            id: 'cases-by-stage',
            title: msg('Cases by stage now'),
            definition: D.casesByStage,
            rowHeading: msg('Stage'),
            rows: labelled(CASE_STATUSES, STATUS_LABELS),
            columns: COUNT,
            rowTotals: false,
            columnTotals: true,
          },
          threshold,
        ),
        pivot(
          await q.casesOpenedAndClosed(tx, orgId, f),
          {
            id: 'opened-closed',
            title: msg('Cases opened and closed in the period'),
            definition: D.openedClosed,
            rowHeading: msg('Case type'),
            rows: typesIn(f, types),
            columns: [
              { key: 'opened', label: msg('Opened') },
              { key: 'closed', label: msg('Closed') },
            ],
            rowTotals: false,
            columnTotals: true,
          },
          threshold,
        ),
      ];
    case 'timeliness':
      return [
        {
          kind: 'figures',
          id: 'waiting',
          title: msg('Median days'),
          unit: 'days',
          figures: [
            medianFigure('to-first-contact', msg('Referral to first contact'), D.toFirstContact, await q.medianDaysToFirstContact(tx, orgId, f), threshold),
            medianFigure('to-first-meeting', msg('Referral to first meeting'), D.toFirstMeeting, await q.medianDaysToFirstMeeting(tx, orgId, f), threshold),
          ],
        },
      ];
    case 'engagement':
      return [
        pivot(
          await e.casesByPartiesEngaged(tx, orgId, f),
          {
            id: 'parties-engaged',
            title: msg('Cases by parties engaged'),
            definition: D.partiesEngaged,
            rowHeading: msg('Parties who agreed to take part'),
            rows: [
              { key: 'both', label: msg('Two or more (both engaged)') },
              { key: 'one', label: msg('One') },
              { key: 'none', label: msg('None yet') },
            ],
            columns: COUNT,
            rowTotals: false,
            columnTotals: true,
          },
          threshold,
        ),
        pivot(
          await e.meetingsHeldByKind(tx, orgId, f),
          {
            id: 'meetings-held',
            title: msg('Meetings held, by kind'),
            definition: D.meetingsHeld,
            rowHeading: msg('Kind of meeting'),
            rows: labelled(MEETING_KINDS, MEETING_KIND_LABELS),
            columns: [{ key: '', label: msg('Meetings') }],
            rowTotals: false,
            columnTotals: true,
          },
          threshold,
        ),
      ];
    case 'feedback':
      return [
        pivot(
          await e.feedbackBySatisfaction(tx, orgId, f),
          {
            id: 'satisfaction',
            title: msg('Satisfaction'),
            definition: D.satisfaction,
            rowHeading: msg('Satisfaction (1 to 5)'),
            rows: ['5', '4', '3', '2', '1'].map((k) => ({ key: k, label: k })),
            columns: labelled(['link', ...STAFF_SOURCES], FEEDBACK_SOURCE_LABELS),
            rowTotals: true,
            columnTotals: true,
          },
          threshold,
        ),
        pivot(
          await e.feedbackAnswers(tx, orgId, f),
          {
            id: 'heard-and-recommend',
            title: msg('Felt heard, and would recommend'),
            definition: D.feedbackAnswers,
            rowHeading: msg('Question'),
            rows: [
              { key: 'felt_heard', label: msg('Felt heard') },
              { key: 'would_recommend', label: msg('Would recommend the service') },
            ],
            columns: [
              { key: 'yes', label: msg('Yes') },
              { key: 'no', label: msg('No') },
            ],
            rowTotals: true,
            columnTotals: false,
          },
          threshold,
        ),
      ];
    case 'agreements':
      return [
        pivot(
          await signedAgreementsByCaseType(tx, orgId, f),
          {
            id: 'agreements-signed',
            title: msg('Agreements signed in the period'),
            definition: D.agreementsSigned,
            rowHeading: msg('Case type'),
            rows: typesIn(f, types),
            columns: COUNT,
            rowTotals: false,
            columnTotals: true,
          },
          threshold,
        ),
        closedByReason(await q.casesClosedByReason(tx, orgId, f), threshold),
      ];
    case 'community-return': {
      const c = { ...f, caseType: f.caseType ?? 'community' };
      const counts = await q.funderCounts(tx, orgId, c);
      const signed = (await signedAgreementsByCaseType(tx, orgId, c)).reduce((s, r) => s + Number(r.n), 0);
      return [
        {
          kind: 'figures',
          id: 'return',
          title: msg('The return'),
          unit: 'count',
          figures: [
            countFigure('referred', msg('Cases referred'), D.referred, counts.referred, threshold),
            countFigure('both-engaged', msg('Cases where both parties engaged'), D.bothEngaged, counts.bothEngaged, threshold),
            countFigure('joint-meetings', msg('Joint meetings held'), D.jointHeld, counts.jointHeld, threshold),
            countFigure('agreements', msg('Agreements reached'), D.agreementsSigned, signed, threshold),
            countFigure('feedback', msg('Feedback forms returned'), D.feedback, counts.feedback, threshold),
          ],
        },
        closedByReason(await q.casesClosedByReason(tx, orgId, c), threshold),
      ];
    }
  }
}

function closedByReason(counted: q.KeyCount[], threshold: number): Metric {
  return pivot(
    counted,
    {
      id: 'closed-by-reason',
      title: msg('How cases ended (follow-up status)'),
      definition: D.closedByReason,
      rowHeading: msg('Reason'),
      rows: [...labelled(CLOSING_REASONS, CLOSING_REASON_LABELS), { key: 'not_recorded', label: msg('Not recorded') }],
      columns: COUNT,
      rowTotals: false,
      columnTotals: true,
    },
    threshold,
  );
}
