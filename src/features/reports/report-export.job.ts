// Makes a report's XLSX in the background: the figures are read in one transaction, then written by exceljs's
// streaming writer to a temporary file, the rows written so far saved as progress every thousand rows, and the file
// kept for its asker (for a week: purge-exports.job.ts).
import { z } from 'zod';
import { inOrg } from '#src/db/tenant.ts';
import { longDate } from '#src/domain/dates-in-words.ts';
import { isLocale, translator } from '#src/i18n/i18n.ts';
import { defineJob, type JobContext } from '#src/jobs/job.ts';
import { findExport, updateExport } from './exports.repo.ts';
import { isReportId, REPORTS } from './report-list.ts';
import { type XlsxRow, xlsxRows } from './reports-xlsx.ts';
import { coverageLine } from './reports.present.ts';
import { withXlsxFile } from './xlsx-temp-file.ts';
import { computeReport } from './reports.service.ts';
import { ZReportQuery } from './reports.schemas.ts';

export const reportExportJob = defineJob({
  name: 'reports.export',
  schema: z.object({ orgId: z.string().uuid(), exportId: z.string().uuid() }),
  maxAttempts: 3,
  async run({ orgId, exportId }, ctx) {
    try {
      await makeExport(orgId, exportId, ctx);
    } catch (err) {
      // The last attempt marks it failed, so its page says so instead of waiting for ever.
      if ((ctx.attempt ?? 1) >= (ctx.maxAttempts ?? 1))
        await inOrg(ctx.db, orgId, (tx) => updateExport(tx, orgId, exportId, { status: 'failed', finishedAt: ctx.clock.now() }));
      throw err;
    }
  },
});

async function makeExport(orgId: string, exportId: string, ctx: JobContext) {
  {
    const row = await inOrg(ctx.db, orgId, (tx) => findExport(tx, orgId, exportId));
    if (!row || row.status === 'ready' || row.status === 'expired' || !isReportId(row.report)) return;
    const locale = isLocale(row.locale) ? row.locale : 'en';
    const t = translator(locale);
    const report = await inOrg(ctx.db, orgId, async (tx) => {
      await updateExport(tx, orgId, exportId, { status: 'running', rowsDone: 0 });
      return computeReport(tx, orgId, row.report as Parameters<typeof computeReport>[2], ZReportQuery.parse(row.filter), ctx.clock.now());
    });
    const period = t('{from} to {to}', { from: longDate(report.from, locale), to: longDate(report.to, locale) });
    const rows = [...xlsxRows(t, REPORTS[report.id].title, period, coverageLine(t, report), report.metrics, report.threshold)];
    await inOrg(ctx.db, orgId, (tx) => updateExport(tx, orgId, exportId, { rowsTotal: rows.length }));
    await writeAndKeep(t(REPORTS[report.id].title), rows, ctx, orgId, exportId, `${report.id}-${report.from}-to-${report.to}.xlsx`);
  }
}

/** Writes the workbook to a temporary file, progress saved as it goes, then keeps the file in the export's row. */
async function writeAndKeep(sheet: string, rows: XlsxRow[], ctx: JobContext, orgId: string, exportId: string, filename: string) {
  const progress = (n: number) => inOrg(ctx.db, orgId, (tx) => updateExport(tx, orgId, exportId, { rowsDone: n }));
  await withXlsxFile(sheet, rows, progress, async (file) => {
    const content = (await file.read()).toString('base64');
    await inOrg(ctx.db, orgId, (tx) =>
      updateExport(tx, orgId, exportId, { status: 'ready', rowsDone: rows.length, filename, content, finishedAt: ctx.clock.now() }),
    );
  });
}
