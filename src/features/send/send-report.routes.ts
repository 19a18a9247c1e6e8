// The SEND report (rules.md #61) as a table on screen, as CSV and through the API: cases by local authority,
// certificates by kind, mediations held within 30 days and the reasons for delay, outcomes per issue, appeals that
// followed and the local authority's reg 42 compliance.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '#src/deps.ts';
import { errorResponses } from '#src/http/api-schemas.ts';
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

export function registerSendReport(app: FastifyInstance, deps: Pick<Deps, 'send'>) {
  app.get('/send/report', { config: { permission: 'send.deadlines' } }, async (req, reply) => {
    const r = await deps.send.report(req.actor!);
    return reply.page('send/views/send-report.njk', { pageTitle: req.t('SEND report'), rows: reportRows(req.t, r) });
  });
  app.get('/send/report.csv', { config: { permission: 'send.deadlines' } }, async (req, reply) => {
    const r = await deps.send.report(req.actor!);
    const lines = [[req.t('Section'), req.t('Item'), req.t('Figure')], ...reportRows(req.t, r)].map((row) => row.map(csvField).join(','));
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
          'The SEND report (rules.md #61): cases by local authority, certificates by kind, mediations within 30 days and reasons for delay, outcomes per issue, appeals, reg 42 compliance',
        tags: ['send'],
        security: [{ bearer: [] }],
        response: {
          200: z.object({
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
    async (req) => deps.send.report(req.actor!),
  );
}
