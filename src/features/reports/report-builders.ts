// Each report: its queries (one per metric) and the tables and figures they make. Labels are msg() values, worded
// in the reader's language where shown.
import type { Db } from '#src/db/client.ts';
import type { SQL } from '#src/db/orm.ts';
import { suppressFigure } from './suppression.ts';
import { msg } from '#src/i18n/i18n.ts';
import { CASE_STATUSES, CASE_TYPE_LABELS, CLOSING_REASON_LABELS, CLOSING_REASONS, isCaseKind, STATUS_LABELS } from '#src/domain/case-words.ts';
import { REFERRAL_STATUS_LABELS, REFERRAL_STATUSES, SOURCE_LABELS } from '#src/features/referrals/referral-pages.present.ts';
import { signedAgreementsByCaseType } from '#src/features/agreements/agreement-reads.ts';
import { stageTimes } from '#src/features/cases/case-reads.ts';
import { keptAtFollowUp } from '#src/features/closing/closing-reads.ts';
import { casesWorked, dbsStanding, hoursGiven, trainingStanding } from '#src/features/volunteers/volunteer-reads.ts';
import type { VolunteerPolicy } from '#src/features/settings/volunteer-policy.ts';
import { countFigure, type Labelled, medianFigure, type Metric, pivot, spread } from './metrics.ts';
import { placeIs } from '#src/domain/place-filter.ts';
import { caseIs, narrowsCases } from './report-filter.ts';
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

/** What a report needs beyond its filter: the threshold, today (in the service's terms) and the volunteer policy. */
export type ReportContext = { threshold: number; today: string; volunteerPolicy: Pick<VolunteerPolicy, 'cpdHoursPerYear' | 'dbsRecheckYears'> };

const STAGES_LEFT = CASE_STATUSES.filter((s) => !['closed', 'withdrawn', 'unsuitable'].includes(s));
const placeOnly = (f: q.ReportFilter) => (c: SQL) => placeIs(c, f);

/** One report's metrics; `types` are the case types its rows list (the filter's choices: offered now or on a case). */
export async function buildReport(
  tx: Db,
  orgId: string,
  id: ReportId,
  f: q.ReportFilter,
  ctx: ReportContext,
  types: readonly ReportCaseType[],
): Promise<Metric[]> {
  const { threshold } = ctx;
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
        spread(
          (await stageTimes(tx, orgId, f, caseIs(f))).map((s) => ({ key: s.stage, count: s.spells, median: s.median, p90: s.p90 })),
          {
            id: 'time-in-stage',
            title: msg('Time in each stage'),
            definition: D.timeInStage,
            rowHeading: msg('Stage'),
            countHeading: msg('Times left'),
            rows: labelled(STAGES_LEFT, STATUS_LABELS),
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
          await signedAgreementsByCaseType(tx, orgId, f, placeOnly(f)),
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
        keptMetric(await keptAtFollowUp(tx, orgId, f, caseIs(f)), threshold),
        closedByReason(await q.casesClosedByReason(tx, orgId, f), threshold),
      ];
    case 'volunteers': {
      const cases = { caseIs: caseIs(f), narrows: narrowsCases(f) };
      const hours = await hoursGiven(tx, orgId, f, cases);
      const worked = await casesWorked(tx, orgId, f, cases);
      const standingRows = (rows: Labelled[]) => ({
        rowHeading: msg('Standing'),
        rows,
        columns: [{ key: '', label: msg('Volunteers') }],
        rowTotals: false,
        columnTotals: true,
      });
      return [
        {
          kind: 'figures',
          id: 'volunteer-work',
          title: msg('Hours and cases'),
          unit: 'number',
          figures: [
            {
              id: 'hours-given',
              label: msg('Hours given'),
              definition: D.hoursGiven,
              value: Math.round(hours.minutes / 6) / 10,
              basedOn: hours.volunteers,
              suppression: suppressFigure(hours.volunteers, threshold),
            },
            countFigure('cases-worked', msg('Cases worked'), D.casesWorked, worked.cases, threshold),
          ],
        },
        pivot(
          await trainingStanding(tx, orgId, f, cases, { today: ctx.today, cpdMinutes: ctx.volunteerPolicy.cpdHoursPerYear * 60 }),
          {
            id: 'training-standing',
            title: msg('Training standing (CPD)'),
            definition: D.trainingStanding,
            ...standingRows([
              { key: 'current', label: msg('Current') },
              { key: 'due', label: msg('Due this year') },
              { key: 'lapsed', label: msg('Lapsed') },
            ]),
          },
          threshold,
        ),
        pivot(
          await dbsStanding(tx, orgId, f, cases, { today: ctx.today, recheckYears: ctx.volunteerPolicy.dbsRecheckYears }),
          {
            id: 'dbs-standing',
            title: msg('DBS standing'),
            definition: D.dbsStanding,
            ...standingRows([
              { key: 'current', label: msg('Current') },
              { key: 'expiring', label: msg('Expiring within 3 months') },
              { key: 'expired', label: msg('Expired or missing') },
            ]),
          },
          threshold,
        ),
      ];
    }
    case 'community-return': {
      // Of the type chosen, or of every community type (the service's own as well as the built-in one): the filter's
      // kind, which the service sets when no type is chosen (report-list.ts, REPORT_KINDS).
      const c: q.ReportFilter = f.caseType || f.caseKind ? f : { ...f, caseKind: 'community' };
      const counts = await q.funderCounts(tx, orgId, c);
      const signed = (await signedAgreementsByCaseType(tx, orgId, c, placeOnly(c))).reduce((s, r) => s + Number(r.n), 0);
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
        keptMetric(await keptAtFollowUp(tx, orgId, c, caseIs(c)), threshold),
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
      title: msg('How cases ended'),
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

function keptMetric(counted: q.KeyCount[], threshold: number): Metric {
  return pivot(
    counted,
    {
      id: 'kept-at-follow-up',
      title: msg('Agreements kept at follow-up'),
      definition: D.keptAtFollowUp,
      rowHeading: msg('Answer at follow-up'),
      rows: [
        { key: 'kept', label: msg('Kept') },
        { key: 'partly', label: msg('Partly kept') },
        { key: 'not_kept', label: msg('Not kept') },
        { key: 'no_answer', label: msg('No answer') },
      ],
      columns: COUNT,
      rowTotals: false,
      columnTotals: true,
    },
    threshold,
  );
}
