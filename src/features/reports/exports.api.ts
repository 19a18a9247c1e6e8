// The API twin of report spreadsheets made in the background (reports.view; commissioners too, for their service's
// reports): ask for one with the report's filter (202, with its id and where to follow it), follow its progress, and
// download the XLSX when ready, until it expires a week after it was asked for. Only its asker (the same person or
// API key) sees it: to anyone else it does not exist (404).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '#src/deps.ts';
import { errorResponses, ZApiError } from '#src/http/api-schemas.ts';
import { localeOr } from '#src/i18n/i18n.ts';
import { EXPORT_STATUSES } from './exports.service.ts';
import { REPORT_IDS } from './report-list.ts';
import { ZReportParams, ZReportQuery } from './reports.schemas.ts';

const tags = ['reports'];
const security = [{ bearer: [] }];
const config = { permission: 'reports.view' } as const;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ZExportParams = z.object({ exportId: z.string().uuid('The export’s id is a UUID').describe('The export, as the request for it answered') });
const statusUrl = (id: string) => `/api/v1/reports/exports/${id}`;

export function registerReportExportsApi(app: FastifyInstance, deps: Pick<Deps, 'reportExports'>) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/api/v1/reports/:report/exports',
    {
      config,
      schema: {
        summary: 'Ask for a report as a spreadsheet (XLSX), made in the background, with the report’s filter',
        tags,
        security,
        params: ZReportParams,
        body: ZReportQuery.optional(),
        response: {
          202: z.object({ id: z.string().uuid(), status: z.literal('queued'), statusUrl: z.string().describe('Where to follow it: GET it until ready') }),
          404: ZApiError,
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const id = await deps.reportExports.request(req.actor!, req.params.report, req.body ?? {}, localeOr(req.locale));
      return reply
        .status(202)
        .header('location', statusUrl(id))
        .send({ id, status: 'queued' as const, statusUrl: statusUrl(id) });
    },
  );

  api.get(
    '/api/v1/reports/exports/:exportId',
    {
      config,
      schema: {
        summary: 'Where a spreadsheet export is: queued, running, ready (with its download link), failed or expired',
        tags,
        security,
        params: ZExportParams,
        response: {
          200: z.object({
            id: z.string().uuid(),
            report: z.enum(REPORT_IDS),
            filter: z.object({ from: z.string().optional(), to: z.string().optional(), caseType: z.string().optional() }),
            status: z.enum(EXPORT_STATUSES),
            rowsDone: z.number().int(),
            rowsTotal: z.number().int().nullable().describe('Known once the job has started'),
            createdAt: z.string().describe('When it was asked for'),
            finishedAt: z.string().nullable(),
            expiresAt: z.string().describe('After this the file is deleted; ask again for a new one'),
            fileUrl: z.string().nullable().describe('The XLSX, when ready'),
          }),
          404: ZApiError,
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const e = await deps.reportExports.status(req.actor!, req.params.exportId);
      return {
        id: e.id,
        report: e.report as (typeof REPORT_IDS)[number],
        filter: e.filter,
        status: e.status,
        rowsDone: e.rowsDone,
        rowsTotal: e.rowsTotal,
        createdAt: e.createdAt.toISOString(),
        finishedAt: e.finishedAt?.toISOString() ?? null,
        expiresAt: e.expiresAt.toISOString(),
        fileUrl: e.status === 'ready' ? `${statusUrl(e.id)}/file` : null,
      };
    },
  );

  api.get(
    '/api/v1/reports/exports/:exportId/file',
    {
      config,
      schema: {
        summary: 'A ready spreadsheet export: the XLSX file (409 while it is being made, or once it has expired)',
        tags,
        security,
        params: ZExportParams,
        response: { 200: z.any().describe(XLSX), 404: ZApiError, 409: ZApiError, ...errorResponses },
      },
    },
    async (req, reply) => {
      const f = await deps.reportExports.file(req.actor!, req.params.exportId);
      return reply.type(XLSX).header('content-disposition', `attachment; filename="${f.filename}"`).header('cache-control', 'no-store').send(f.bytes);
    },
  );
}
