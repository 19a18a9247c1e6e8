// The SEND report (rules.md #61) as a table on screen, as CSV and through the API: cases by local authority,
// certificates by kind, mediations held within 30 days and the reasons for delay, outcomes per issue, appeals that
// followed and the local authority's reg 42 compliance. Like the standard reports, it can be narrowed to one of the
// service's places by a GET form that works without JavaScript; a place the service does not cover is named on the
// form (422), never read as everywhere, and the place chosen heads the page and the CSV.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '#src/deps.ts';
import { placeItems, placeWords, ZPlaceQuery } from '#src/features/settings/service-places.ts';
import { errorResponses } from '#src/http/api-schemas.ts';
import { fieldErrorsOf, keepValues, parseForm } from '#src/http/forms.ts';
import type { Translate } from '#src/i18n/i18n.ts';
import { CERTIFICATE_KIND_LABELS, ISSUE_OUTCOME_LABELS, SEND_ISSUE_LABELS } from './send-words.ts';

type Report = Awaited<ReturnType<Deps['send']['report']>>;
// i18n-dynamic: the labels are maps of msg() values (send-words.ts)
const word = (t: Translate, labels: Record<string, string>, v: string | null) => (v ? t(labels[v] ?? v) : '');

/** The report as rows of [section, item, figure], the same for the page and the CSV. */
export function reportRows(t: Translate, r: Report): [string, string, string][] {
  const rows: [string, string, string][] = [];
  for (const a of r.byAuthority) rows.push([t('Cases by local authority'), a.localAuthority ?? t('Not recorded'), String(a.cases)]);
  for (const k of r.byKind) rows.push([t('Certificates by kind'), word(t, CERTIFICATE_KIND_LABELS, k.kind), String(k.certificates)]);
  const share = r.mediations.held ? Math.round((100 * r.mediations.within30Days) / r.mediations.held) : null;
  rows.push([t('Mediations held'), t('Held'), String(r.mediations.held)]);
  rows.push([t('Mediations held'), t('Within 30 days of the request'), share === null ? '' : `${r.mediations.within30Days} (${share}%)`]);
  for (const d of r.delays) rows.push([t('Reasons mediation was held after 30 days'), d.reason ?? t('No reason recorded'), String(d.n)]);
  for (const o of r.outcomes)
    rows.push([t('Outcomes per issue'), `${word(t, SEND_ISSUE_LABELS, o.issue)}: ${word(t, ISSUE_OUTCOME_LABELS, o.outcome)}`, String(o.n)]);
  rows.push([t('Appeals after a certificate'), t('Appeal made'), String(r.appeals.made)]);
  rows.push([t('Appeals after a certificate'), t('No appeal'), String(r.appeals.notMade)]);
  rows.push([t('Appeals after a certificate'), t('Not known'), String(r.appeals.notKnown)]);
  rows.push([t('Local authority duties after agreements (reg 42)'), t('Met on time'), String(r.reg42.onTime)]);
  rows.push([t('Local authority duties after agreements (reg 42)'), t('Met late'), String(r.reg42.late)]);
  rows.push([t('Local authority duties after agreements (reg 42)'), t('Overdue, not met'), String(r.reg42.outstanding)]);
  rows.push([t('Local authority duties after agreements (reg 42)'), t('Not yet due'), String(r.reg42.notYetDue)]);
  return rows;
}

/** One CSV field: quoted when it holds a comma, quote or line break; a leading = + - @ is defused for spreadsheets. */
const csvField = (v: string) => {
  const safe = /^[=+\-@]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

/** The place the report was narrowed to, as the CSV's first rows (none for the whole service). */
const placeRows = (t: Translate, r: Report): [string, string, string][] => [
  ...(r.place.area ? [[t('Narrowed to'), t('Area'), r.place.area] as [string, string, string]] : []),
  ...(r.place.localAuthority ? [[t('Narrowed to'), t('Local authority'), r.place.localAuthority] as [string, string, string]] : []),
];

const query = (values: Record<string, string>) => new URLSearchParams(Object.entries(values).filter(([, v]) => v !== '')).toString();

export function registerSendReport(app: FastifyInstance, deps: Pick<Deps, 'send'>) {
  /** The report the page's query asks for, or the form's errors by field (a place refused). */
  async function asked(req: FastifyRequest): Promise<{ ok: true; report: Report } | { ok: false; fields: Record<string, string> }> {
    const where = parseForm(ZPlaceQuery, req.query, req.locale);
    if (!where.ok) return { ok: false, fields: where.fields };
    try {
      return { ok: true, report: await deps.send.report(req.actor!, where.data) };
    } catch (err) {
      const fields = fieldErrorsOf(err, req.locale);
      if (!fields) throw err;
      return { ok: false, fields };
    }
  }

  app.get('/send/report', { config: { permission: 'send.deadlines' } }, async (req, reply) => {
    const values = keepValues(req.query);
    const result = await asked(req);
    const base = { pageTitle: req.t('SEND report'), ...placeItems(req.t, await deps.send.reportPlaces(req.actor!), values) };
    if (!result.ok)
      return reply.code(422).page('send/views/send-report.njk', {
        ...base,
        fields: result.fields,
        errors: Object.entries(result.fields).map(([k, text]) => ({ text, href: `#${k}` })),
      });
    const r = result.report;
    const filter = query({ area: r.place.area ?? '', localAuthority: r.place.localAuthority ?? '' });
    return reply.page('send/views/send-report.njk', {
      ...base,
      fields: {},
      placeNote: placeWords(r.place),
      csvHref: `/send/report.csv${filter ? `?${filter}` : ''}`,
      rows: reportRows(req.t, r),
    });
  });
  app.get('/send/report.csv', { config: { permission: 'send.deadlines' } }, async (req, reply) => {
    const result = await asked(req);
    // A place refused goes back to the page, which names it.
    if (!result.ok) return reply.redirect(`/send/report?${query(keepValues(req.query))}`, 303);
    const r = result.report;
    const lines = [[req.t('Section'), req.t('Item'), req.t('Figure')], ...placeRows(req.t, r), ...reportRows(req.t, r)].map((row) =>
      row.map(csvField).join(','),
    );
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="send-report.csv"')
      .header('cache-control', 'no-store')
      .send(`${lines.join('\r\n')}\r\n`);
  });
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/send/report',
    {
      config: { permission: 'send.deadlines' },
      schema: {
        summary:
          'The SEND report (rules.md #61): cases by local authority, certificates by kind, mediations within 30 days and reasons for delay, outcomes per issue, appeals, reg 42 compliance; for the whole service or one of its places',
        tags: ['send'],
        security: [{ bearer: [] }],
        querystring: ZPlaceQuery,
        response: {
          200: z.object({
            area: z.string().nullable().describe('The postcode area chosen, as the service keeps it; null: every area'),
            localAuthority: z.string().nullable().describe('The local authority chosen (by the case’s postcode), as the service keeps it; null: every one'),
            byAuthority: z.array(z.object({ localAuthority: z.string().nullable(), cases: z.number() })),
            byKind: z.array(z.object({ kind: z.string(), certificates: z.number() })),
            mediations: z.object({ held: z.number(), within30Days: z.number() }),
            delays: z
              .array(z.object({ reason: z.string().nullable(), n: z.number() }))
              .describe('Mediations held after the 30 days, by the reason recorded (null: none recorded)'),
            outcomes: z.array(z.object({ issue: z.string(), outcome: z.string().nullable(), n: z.number() })),
            appeals: z
              .object({ made: z.number(), notMade: z.number(), notKnown: z.number() })
              .describe('Cases with a certificate in force: whether an appeal to the tribunal followed'),
            reg42: z
              .object({ onTime: z.number(), late: z.number(), outstanding: z.number(), notYetDue: z.number() })
              .describe('The local authority’s duties after agreements: met on time, met late, overdue and not met, not yet due'),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const { place, ...figures } = await deps.send.report(req.actor!, req.query);
      return { area: place.area ?? null, localAuthority: place.localAuthority ?? null, ...figures };
    },
  );
}
