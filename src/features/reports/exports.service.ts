// Report spreadsheets made in the background (reports.view): asking for one queues the job; its asker sees the
// progress and, when ready, downloads it until it expires (export-retention.ts: a week after it was asked for; the
// nightly purge deletes the file). Another person, even of the same service, is told it does not exist. Each
// request and download is audited with the report and its filter.
import type { Db } from '#src/db/client.ts';
import { inOrg } from '#src/db/tenant.ts';
import type { OrgActor } from '#src/access/actor.ts';
import { authorise } from '#src/access/permissions.ts';
import type { Audit } from '#src/features/audit/audit.service.ts';
import type { Locale } from '#src/i18n/i18n.ts';
import { msg } from '#src/i18n/i18n.ts';
import { enqueue } from '#src/jobs/queue.ts';
import { AppError } from '#src/lib/app-error.ts';
import type { Clock } from '#src/lib/clock.ts';
import { newId } from '#src/lib/ids.ts';
import { type ExportRow, findExport, insertExport } from './exports.repo.ts';
import { reportExportJob } from './report-export.job.ts';
import { EXPORT_KEEP_DAYS, exportExpiresAt } from './export-retention.ts';
import type { ReportId } from './report-list.ts';
import type { ReportQuery } from './reports.schemas.ts';
import { placeOf } from '#src/features/settings/service-places.ts';
import { caseTypeChoices, ensureCaseTypeChoice } from '#src/features/referrals/case-type-choices.ts';

export const EXPORT_STATUSES = ['queued', 'running', 'ready', 'failed', 'expired'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

const missing = () => new AppError('NOT_FOUND', msg('There is no such export'), { reason: 'NO_SUCH_EXPORT' });

export function createReportExportsService({ db, clock, audit }: { db: Db; clock: Clock; audit: Audit }) {
  async function own(tx: Db, actor: OrgActor, exportId: string): Promise<ExportRow> {
    const row = await findExport(tx, actor.orgId, exportId);
    if (!row || row.requestedBy !== actor.id) throw missing();
    // Past its time the file is not given, even before the nightly purge has deleted it.
    return row.status !== 'expired' && clock.now() > exportExpiresAt(row.createdAt) ? { ...row, status: 'expired', content: null } : row;
  }
  return {
    async request(actor: OrgActor, report: ReportId, q: ReportQuery, locale: Locale): Promise<string> {
      authorise(actor, 'reports.view');
      const id = newId();
      await inOrg(db, actor.orgId, async (tx) => {
        ensureCaseTypeChoice(q.caseType, await caseTypeChoices(tx, actor.orgId));
        // A place the service does not cover is refused now (422 naming the field), not when the job runs.
        const place = await placeOf(tx, actor.orgId, q);
        const filter = { from: q.from, to: q.to, caseType: q.caseType, ...place };
        await insertExport(tx, { id, orgId: actor.orgId, report, filter, locale, requestedBy: actor.id, status: 'queued', createdAt: clock.now() });
        await enqueue(tx, reportExportJob, { orgId: actor.orgId, exportId: id }, { orgId: actor.orgId });
        await audit.record(tx, actor, actor.orgId, {
          action: 'reports.export_requested',
          entityType: 'organisation',
          entityId: actor.orgId,
          detail: { report, ...filter },
        });
      });
      return id;
    },

    /** Where the export is: queued, running (rows written of how many), ready, failed or expired; never the file. */
    async status(actor: OrgActor, exportId: string) {
      authorise(actor, 'reports.view');
      const row = await inOrg(db, actor.orgId, (tx) => own(tx, actor, exportId));
      return {
        id: row.id,
        report: row.report,
        filter: row.filter,
        status: row.status as ExportStatus,
        rowsDone: row.rowsDone,
        rowsTotal: row.rowsTotal,
        filename: row.filename,
        createdAt: row.createdAt,
        finishedAt: row.finishedAt,
        expiresAt: exportExpiresAt(row.createdAt),
      };
    },

    async file(actor: OrgActor, exportId: string) {
      authorise(actor, 'reports.view');
      return inOrg(db, actor.orgId, async (tx) => {
        const row = await own(tx, actor, exportId);
        if (row.status === 'expired')
          throw new AppError('CONFLICT', msg('This spreadsheet has expired: spreadsheets are kept for {days} days. Ask for it again from the report.'), {
            reason: 'EXPORT_EXPIRED',
            params: { days: EXPORT_KEEP_DAYS },
          });
        if (row.status !== 'ready' || !row.content) throw new AppError('CONFLICT', msg('The spreadsheet is not ready yet'), { reason: 'EXPORT_NOT_READY' });
        await audit.record(tx, actor, actor.orgId, {
          action: 'reports.downloaded',
          entityType: 'organisation',
          entityId: actor.orgId,
          detail: { report: row.report, ...row.filter },
        });
        return { filename: row.filename ?? 'report.xlsx', bytes: Buffer.from(row.content, 'base64') };
      });
    },
  };
}
export type ReportExportsService = ReturnType<typeof createReportExportsService>;
