// The reports (reports.view: admins and coordinators): the list, and one report over a period and case type, every
// count suppressed below the service's threshold. Only aggregates leave here, never a case or a name; each viewing
// or download is audited with its filter.
import type { Db } from '#src/db/client.ts';
import { inOrg } from '#src/db/tenant.ts';
import type { Clock } from '#src/lib/clock.ts';
import type { Audit } from '#src/features/audit/audit.service.ts';
import type { OrgActor } from '#src/access/actor.ts';
import { authorise } from '#src/access/permissions.ts';
import { findOrgById } from '#src/features/orgs/org-records.ts';
import { choosePlace, type PlaceChoices, placeChoices, servicePlaces } from '#src/features/settings/service-places.ts';
import { readVolunteerPolicy } from '#src/features/settings/volunteer-policy.ts';
import { londonDate } from '#src/domain/dates-in-words.ts';
import { DEFAULT_THRESHOLD } from './suppression.ts';
import { coverageOf, type ReportId } from './report-list.ts';
import type { ReportQuery } from './reports.schemas.ts';
import type { ReportFilter } from './report-filter.ts';
import { buildReport } from './report-builders.ts';
import { caseTypeChoices, ensureCaseTypeChoice } from '#src/features/referrals/case-type-choices.ts';

const DAY = 86_400_000;

/** The threshold the service set (settings.reportThreshold, a whole number from 2 to 100), else 5. */
export function thresholdOf(settings: unknown): number {
  const v = (settings as { reportThreshold?: unknown } | null)?.reportThreshold;
  return typeof v === 'number' && Number.isInteger(v) && v >= 2 && v <= 100 ? v : DEFAULT_THRESHOLD;
}

/** The period as days (today and a year back when not given) and as the instants the queries use (UTC days). */
export function periodOf(q: ReportQuery, now: Date) {
  const to = q.to ?? now.toISOString().slice(0, 10);
  const from = q.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - 364 * DAY).toISOString().slice(0, 10);
  const filter: ReportFilter = { from: new Date(`${from}T00:00:00Z`), toExclusive: new Date(Date.parse(`${to}T00:00:00Z`) + DAY), caseType: q.caseType };
  return { from, to, caseType: q.caseType, filter };
}

/**
 * One report's figures, suppressed with the service's threshold, read inside the caller's transaction (inOrg). The
 * case type filtered on must be one of the service's choices (offered now or on a case): 422 on `caseType` if not.
 * `caseKind` is the kind the report counted every type of, when no type was chosen and the report counts by kind.
 */
export async function computeReport(tx: Db, orgId: string, id: ReportId, q: ReportQuery, now: Date) {
  const choices = await caseTypeChoices(tx, orgId);
  ensureCaseTypeChoice(q.caseType, choices);
  const period = periodOf(q, now);
  const settings = (await findOrgById(tx, orgId))?.settings;
  const place = choosePlace(q, placeChoices(settings));
  const threshold = thresholdOf(settings);
  const volunteerPolicy = readVolunteerPolicy(settings);
  // A return of one kind counts every type of that kind when no type is chosen; a type chosen stays exactly that type.
  const caseKind = period.caseType ? undefined : coverageOf(id).kind;
  const filter: ReportFilter = { ...period.filter, ...place, ...(caseKind ? { caseKind } : {}) };
  const metrics = await buildReport(tx, orgId, id, filter, { threshold, today: londonDate(now), volunteerPolicy }, choices);
  return { id, from: period.from, to: period.to, caseType: period.caseType, caseKind, ...place, threshold, metrics, choices };
}

export function createReportsService({ db, clock, audit }: { db: Db; clock: Clock; audit: Audit }) {
  return {
    /** Whether the actor may see reports at all (for the list, which reads nothing). */
    list(actor: OrgActor) {
      authorise(actor, 'reports.view');
    },

    /** The case types the report filter offers, when the report could not be read (a filter refused). */
    async caseTypeChoices(actor: OrgActor) {
      authorise(actor, 'reports.view');
      return inOrg(db, actor.orgId, (tx) => caseTypeChoices(tx, actor.orgId));
    },

    async report(actor: OrgActor, id: ReportId, q: ReportQuery, how: 'viewed' | 'printed' | 'downloaded' = 'viewed') {
      authorise(actor, 'reports.view');
      return inOrg(db, actor.orgId, async (tx) => {
        const report = await computeReport(tx, actor.orgId, id, q, clock.now());
        await audit.record(tx, actor, actor.orgId, {
          action: `reports.${how}`,
          entityType: 'organisation',
          entityId: actor.orgId,
          detail: {
            report: id,
            from: report.from,
            to: report.to,
            caseType: report.caseType ?? null,
            area: report.area ?? null,
            localAuthority: report.localAuthority ?? null,
          },
        });
        return report;
      });
    },

    /** The places the service's reports may be narrowed to (for the filter's choices). */
    async places(actor: OrgActor): Promise<PlaceChoices> {
      authorise(actor, 'reports.view');
      return inOrg(db, actor.orgId, (tx) => servicePlaces(tx, actor.orgId));
    },
  };
}
export type ReportsService = ReturnType<typeof createReportsService>;
