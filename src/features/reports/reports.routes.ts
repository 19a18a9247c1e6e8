// The reports pages (reports.view): /reports lists the standard reports; /reports/{report} shows one over a period
// and case type (a GET form, so it works without JavaScript and the address can be shared), each metric with its
// definition beside it; /reports/{report}/csv downloads the same figures, suppressed the same way.
import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '#src/deps.ts';
import { caseTypeNamer } from '#src/domain/case-words.ts';
import { longDate } from '#src/domain/dates-in-words.ts';
import { fieldErrorsOf, parseForm, keepValues } from '#src/http/forms.ts';
import { textParam } from '#src/http/page-input.ts';
import { notFound } from '#src/lib/app-error.ts';
import { can } from '#src/access/permissions.ts';
import { msg, type Translate } from '#src/i18n/i18n.ts';
import { placeItems, placeWords } from '#src/features/settings/service-places.ts';
import { barsOf, chartSvg } from './charts.ts';
import { writeXlsx, xlsxRows } from './reports-xlsx.ts';
import type { Metric } from './metrics.ts';
import { coverageOf, isReportId, REPORT_IDS, REPORTS, type ReportId } from './report-list.ts';
import { casesCovered, coverageLine, figureRows, reportCsv, SECONDARY_HINT, say, spreadRows, tableRows, unitHeading } from './reports.present.ts';
import { type ReportQuery, ZReportQuery } from './reports.schemas.ts';

function reportOf(req: FastifyRequest): ReportId {
  const id = textParam(req, 'report');
  if (!isReportId(id)) throw notFound(msg('There is no such report'));
  return id;
}

const queryString = (q: ReportQuery) =>
  new URLSearchParams(Object.entries(q).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '')).toString();

/** A metric on the page: its chart (SVG drawn here), then the same figures as a table. */
async function metricView(t: Translate, m: Metric, threshold: number) {
  const title = say(t, m.title);
  const chart = await chartSvg(barsOf(t, m, threshold), {
    id: m.id,
    title,
    description: t('Bar chart of the figures in the table below. A hidden figure is shown as words, never as a bar.'),
    axis: m.kind === 'spread' ? t('Median days') : m.kind === 'figures' ? unitHeading(t, m.unit) : t('Count'),
  });
  // A spread is shown as a table: its rows are words already.
  if (m.kind === 'table' || m.kind === 'spread')
    return {
      kind: 'table',
      id: m.id,
      title,
      chart,
      definition: say(t, m.definition),
      ...(m.kind === 'table' ? tableRows(t, m, threshold) : spreadRows(t, m, threshold)),
    };
  return { kind: m.kind, id: m.id, title, chart, unitHeading: unitHeading(t, m.unit), figures: figureRows(t, m.figures, threshold) };
}

/** The report's filter as the address keeps it (blank values left out). */
const filterOf = (r: Pick<ReportQuery, 'caseType' | 'area' | 'localAuthority'> & { from: string; to: string }) =>
  queryString({ from: r.from, to: r.to, caseType: r.caseType, area: r.area, localAuthority: r.localAuthority });

export function registerReportsPages(app: FastifyInstance, deps: Pick<Deps, 'reports'>) {
  /** The report to download, or undefined when its filter is refused (a case type or place the service does not have). */
  const downloaded = async (req: FastifyRequest, id: ReportId, q: ReportQuery) => {
    try {
      return await deps.reports.report(req.actor!, id, q, 'downloaded');
    } catch (err) {
      if (fieldErrorsOf(err)) return undefined;
      throw err;
    }
  };

  app.get('/reports', async (req, reply) => {
    deps.reports.list(req.actor!);
    return reply.page('reports/views/reports.njk', {
      pageTitle: req.t('Reports'),
      reports: REPORT_IDS.map((id) => ({ href: `/reports/${id}`, title: req.t(REPORTS[id].title), summary: req.t(REPORTS[id].summary) })),
      // The statutory returns kept with their own features, for the roles that may read them (never a commissioner:
      // they are not suppressed).
      thresholdHref: can(req.actor!.role, 'settings.manage') ? '/reports/threshold' : undefined,
      returns: [
        ...(can(req.actor!.role, 'send.deadlines')
          ? [
              {
                href: '/send/report',
                title: req.t('SEND report'),
                summary: req.t('Cases by local authority, certificates, mediations within 30 days and outcomes per issue'),
              },
            ]
          : []),
        ...(can(req.actor!.role, 'feedback.view')
          ? [
              {
                href: '/reports/rj',
                title: req.t('Restorative justice return'),
                summary: req.t('The PCC and MoJ return: referrals, offers, processes, agreements and satisfaction'),
              },
            ]
          : []),
      ],
    });
  });

  const showReport = (print: boolean) => async (req: FastifyRequest, reply: FastifyReply) => {
    const id = reportOf(req);
    const values = keepValues(req.query);
    const form = parseForm(ZReportQuery, req.query, req.locale);
    let fields = form.ok ? {} : form.fields;
    let report: Awaited<ReturnType<typeof deps.reports.report>> | undefined;
    if (form.ok)
      try {
        report = await deps.reports.report(req.actor!, id, form.data, print ? 'printed' : 'viewed');
      } catch (err) {
        const refused = fieldErrorsOf(err, req.locale);
        if (!refused) throw err;
        fields = refused;
      }
    const choices = report?.choices ?? (await deps.reports.caseTypeChoices(req.actor!));
    const typeName = caseTypeNamer(req.t, choices);
    const places = await deps.reports.places(req.actor!);
    const base = {
      pageTitle: req.t(REPORTS[id].title),
      reportId: id,
      print,
      values,
      caseTypeItems: [
        // No type chosen: every type, or every type of the report's kind (the community funder return).
        { value: '', text: say(req.t, coverageOf(id).allTypes) },
        ...choices.map((c) => ({ value: c.code, text: typeName(c.code), selected: values.caseType === c.code })),
      ],
      ...placeItems(req.t, places, values),
    };
    if (!report) {
      return reply.code(422).page('reports/views/report.njk', {
        ...base,
        fields,
        errors: Object.entries(fields).map(([k, text]) => ({ text, href: `#${k}` })),
      });
    }
    const t = req.t;
    const filter = filterOf(report);
    return reply.page('reports/views/report.njk', {
      ...base,
      fields: {},
      values: { ...values, from: report.from, to: report.to, area: report.area ?? '', localAuthority: report.localAuthority ?? '' },
      placeNote: placeWords(report),
      casesNote: casesCovered(t, report),
      period: t('{from} to {to}', { from: longDate(report.from, req.locale), to: longDate(report.to, req.locale) }),
      thresholdNote: t('Figures from 1 to {max} are shown as “fewer than {n}”, so no one can be identified.', {
        max: report.threshold - 1,
        n: report.threshold,
      }),
      secondaryNote: say(t, SECONDARY_HINT),
      csvHref: `/reports/${id}/csv?${filter}`,
      xlsxHref: `/reports/${id}/xlsx?${filter}`,
      printHref: `/reports/${id}/print?${filter}`,
      metrics: await Promise.all(report.metrics.map((m) => metricView(t, m, report.threshold))),
    });
  };
  app.get('/reports/:report', showReport(false));
  // The same report without the filter form, laid out for paper by the print rules in parley.css.
  app.get('/reports/:report/print', showReport(true));

  app.get('/reports/:report/csv', async (req, reply) => {
    const id = reportOf(req);
    const form = parseForm(ZReportQuery, req.query, req.locale);
    const back = () => reply.redirect(`/reports/${id}?${queryString(keepValues(req.query) as ReportQuery)}`, 303);
    if (!form.ok) return back();
    const report = await downloaded(req, id, form.data);
    if (!report) return back();
    const period = req.t('{from} to {to}', { from: longDate(report.from, req.locale), to: longDate(report.to, req.locale) });
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${id}-${report.from}-to-${report.to}.csv"`)
      .send(reportCsv(req.t, REPORTS[id].title, period, coverageLine(req.t, report), report.metrics, report.threshold));
  });

  app.get('/reports/:report/xlsx', async (req, reply) => {
    const id = reportOf(req);
    const form = parseForm(ZReportQuery, req.query, req.locale);
    const back = () => reply.redirect(`/reports/${id}?${queryString(keepValues(req.query) as ReportQuery)}`, 303);
    if (!form.ok) return back();
    const report = await downloaded(req, id, form.data);
    if (!report) return back();
    const period = req.t('{from} to {to}', { from: longDate(report.from, req.locale), to: longDate(report.to, req.locale) });
    const out = new PassThrough();
    const rows = xlsxRows(req.t, REPORTS[id].title, period, coverageLine(req.t, report), report.metrics, report.threshold);
    writeXlsx(out, req.t(REPORTS[id].title), rows).catch((err: unknown) => out.destroy(err as Error));
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="${id}-${report.from}-to-${report.to}.xlsx"`)
      .header('cache-control', 'no-store')
      .send(out);
  });
}
