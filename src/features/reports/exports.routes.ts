// A report's spreadsheet made in the background: the report page's button asks for it (POST), the export's page
// shows how far it has got (with a link to look again: no script) and, when ready, the download until it expires;
// then the page says so and offers to make it again with the same filter.
import type { FastifyInstance } from 'fastify';
import type { Deps } from '#src/deps.ts';
import { fieldErrorsOf, keepValues, parseForm } from '#src/http/forms.ts';
import { textParam, uuidParam } from '#src/http/page-input.ts';
import { localeOr, msg } from '#src/i18n/i18n.ts';
import { momentInWords } from '#src/domain/meeting-times.ts';
import { EXPORT_KEEP_DAYS } from './export-retention.ts';
import { notFound } from '#src/lib/app-error.ts';
import { isReportId, REPORTS } from './report-list.ts';
import { ZReportQuery } from './reports.schemas.ts';

const NO_EXPORT = msg('There is no such export');

export function registerReportExports(app: FastifyInstance, deps: Pick<Deps, 'reportExports'>) {
  app.post('/reports/:report/exports', { config: { permission: 'reports.view' } }, async (req, reply) => {
    const id = textParam(req, 'report');
    if (!isReportId(id)) throw notFound(msg('There is no such report'));
    const form = parseForm(ZReportQuery, req.body, req.locale);
    const back = () => reply.redirect(`/reports/${id}?${new URLSearchParams(keepValues(req.body) as Record<string, string>)}`, 303);
    if (!form.ok) return back();
    let exportId: string;
    try {
      exportId = await deps.reportExports.request(req.actor!, id, form.data, localeOr(req.locale));
    } catch (err) {
      // A case type the service does not have: the report page says so, with what was chosen.
      if (fieldErrorsOf(err)) return back();
      throw err;
    }
    return reply.redirect(`/reports/exports/${exportId}`, 303);
  });

  app.get('/reports/exports/:exportId', { config: { permission: 'reports.view' } }, async (req, reply) => {
    const exportId = uuidParam(req, 'exportId', NO_EXPORT);
    const e = await deps.reportExports.status(req.actor!, exportId);
    const t = req.t;
    const title = isReportId(e.report) ? t(REPORTS[e.report].title) : e.report;
    const progress =
      e.status === 'ready'
        ? t('Ready: {rows} rows written. You can download it until {until}.', { rows: e.rowsDone, until: momentInWords(e.expiresAt, { locale: req.locale }) })
        : e.status === 'failed'
          ? t('The spreadsheet could not be made. Ask for it again from the report.')
          : e.status === 'expired'
            ? t('This spreadsheet has expired: spreadsheets are kept for {days} days. You can make it again with the same filter.', { days: EXPORT_KEEP_DAYS })
            : e.rowsTotal
              ? t('{done} of {total} rows written.', { done: e.rowsDone, total: e.rowsTotal })
              : t('Waiting to start.');
    return reply.page('reports/views/export.njk', {
      pageTitle: t('Spreadsheet of {report}', { report: title }),
      status: e.status,
      statusText: { queued: t('Queued'), running: t('Being made'), ready: t('Ready'), failed: t('Failed'), expired: t('Expired') }[e.status] ?? e.status,
      progress,
      percent: e.rowsTotal ? Math.floor((100 * e.rowsDone) / e.rowsTotal) : 0,
      fileHref: e.status === 'ready' ? `/reports/exports/${e.id}/file` : undefined,
      selfHref: `/reports/exports/${e.id}`,
      reportHref: `/reports/${e.report}`,
      again: e.status === 'expired' && isReportId(e.report) ? { action: `/reports/${e.report}/exports`, filter: e.filter } : undefined,
    });
  });

  app.get('/reports/exports/:exportId/file', { config: { permission: 'reports.view' } }, async (req, reply) => {
    const exportId = uuidParam(req, 'exportId', NO_EXPORT);
    const f = await deps.reportExports.file(req.actor!, exportId);
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="${f.filename}"`)
      .header('cache-control', 'no-store')
      .send(f.bytes);
  });
}
