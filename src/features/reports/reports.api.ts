// The reports API (reports.view): the list of standard reports, and one report over a period, case type and place as
// JSON (an area or local authority the service does not cover is a 422 naming the field and the choices). A suppressed figure has value null and says why: "fewer_than_threshold", or "secondary" (hidden so a total
// cannot reveal a small number).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '#src/deps.ts';
import { errorResponses } from '#src/http/api-schemas.ts';
import { REPORT_IDS, REPORTS } from './report-list.ts';
import { casesCovered, metricJson } from './reports.present.ts';
import { CASE_KINDS } from '#src/domain/case-words.ts';
import { ZReportParams, ZReportQuery } from './reports.schemas.ts';

const tags = ['reports'];
const security = [{ bearer: [] }];
const ZSuppressed = z.enum(['fewer_than_threshold', 'secondary']).nullable().describe('Why the value is hidden, or null when shown');

const ZMetric = z.union([
  z.object({
    id: z.string(),
    kind: z.literal('table'),
    title: z.string(),
    definition: z.string(),
    rows: z.array(z.object({ key: z.string(), label: z.string() })).describe('The last row is the totals when key is "total"'),
    columns: z.array(z.object({ key: z.string(), label: z.string() })),
    cells: z.array(z.array(z.object({ value: z.number().nullable(), suppressed: ZSuppressed }))).describe('cells[row][column]'),
  }),
  z.object({
    id: z.string(),
    kind: z.literal('spread'),
    title: z.string(),
    definition: z.string(),
    rows: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        count: z.number().nullable().describe('How many times (cases leaving the stage) the days rest on'),
        medianDays: z.number().nullable(),
        p90Days: z.number().nullable().describe('The 90th percentile: nine in ten took at most this many days'),
        suppressed: ZSuppressed,
      }),
    ),
  }),
  z.object({
    id: z.string(),
    kind: z.literal('figures'),
    title: z.string(),
    unit: z.enum(['count', 'days', 'number']).describe('number: a figure of its own unit, named in its label (hours)'),
    figures: z.array(
      z.object({
        id: z.string(),
        label: z.string(),
        definition: z.string(),
        value: z.number().nullable(),
        basedOn: z.number().nullable().describe('How many cases the figure rests on'),
        suppressed: ZSuppressed,
      }),
    ),
  }),
]);

export function registerReportsApi(app: FastifyInstance, deps: Pick<Deps, 'reports'>) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/reports',
    {
      schema: {
        summary: 'The standard reports',
        tags,
        security,
        response: {
          200: z.object({ reports: z.array(z.object({ id: z.enum(REPORT_IDS), title: z.string(), summary: z.string(), href: z.string() })) }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      deps.reports.list(req.actor!);
      return { reports: REPORT_IDS.map((id) => ({ id, title: req.t(REPORTS[id].title), summary: req.t(REPORTS[id].summary), href: `/api/v1/reports/${id}` })) };
    },
  );

  api.get(
    '/api/v1/reports/:report',
    {
      schema: {
        summary: 'One report over a period (a year to today by default), case type, area and local authority, small numbers suppressed',
        tags,
        security,
        params: ZReportParams,
        querystring: ZReportQuery,
        response: {
          200: z.object({
            id: z.enum(REPORT_IDS),
            title: z.string(),
            from: z.string(),
            to: z.string(),
            caseType: z.string().nullable().describe('The case type chosen (its code), or null'),
            caseKind: z
              .enum(CASE_KINDS)
              .nullable()
              .describe(
                'With no case type chosen, the kind whose every case type the report counts (the community funder return: community, its own community types as well as the built-in one); null when it counts every case type, or a type was chosen',
              ),
            cases: z.string().describe('The cases the report covers, in words: “All community mediation case types”, “All case types” or the type chosen'),
            area: z.string().nullable().describe('The postcode area chosen, as the service keeps it'),
            localAuthority: z.string().nullable().describe('The local authority chosen, as the service keeps it'),
            threshold: z.number().describe('Counts from 1 to threshold − 1 are suppressed'),
            metrics: z.array(ZMetric),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const r = await deps.reports.report(req.actor!, req.params.report, req.query);
      return {
        id: r.id,
        title: req.t(REPORTS[r.id].title),
        from: r.from,
        to: r.to,
        caseType: r.caseType ?? null,
        caseKind: r.caseKind ?? null,
        cases: casesCovered(req.t, r),
        area: r.area ?? null,
        localAuthority: r.localAuthority ?? null,
        threshold: r.threshold,
        metrics: r.metrics.map((m) => metricJson(req.t, m)),
      };
    },
  );
}
