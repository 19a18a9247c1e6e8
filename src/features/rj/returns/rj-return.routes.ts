// The RJ return on screen (a table per metric with its definition), as CSV, and its API twin /api/v1/reports/rj.
// The period is given as from and to (both days included); without them, the current quarter.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '#src/deps.ts';
import { errorResponses } from '#src/http/api-schemas.ts';
import { queryOf, queryText } from '#src/http/page-input.ts';
import { isRealDate } from '#src/http/page-form.ts';
import { msg } from '#src/i18n/i18n.ts';
import { AppError } from '#src/lib/app-error.ts';
import { isoDate } from '#src/lib/zod-fields.ts';
import { quarterOf, returnCsv } from './rj-return.ts';

const ZPeriodQuery = z.object({ from: queryText, to: queryText });
const ZPeriodApi = z.object({ from: isoDate(msg('From')).optional(), to: isoDate(msg('To')).optional() });

/** The period asked for, or the current quarter; refused (422, by field) when a date is not real or the order is wrong. */
function periodOf(q: { from?: string | undefined; to?: string | undefined }, today: string) {
  const quarter = quarterOf(today);
  const from = q.from || quarter.from;
  const to = q.to || quarter.to;
  const fields: Record<string, string> = {};
  if (!isRealDate(from)) fields.from = 'The start of the period must be a real date, like 2026-10-01';
  if (!isRealDate(to)) fields.to = 'The end of the period must be a real date, like 2026-12-31';
  if (!Object.keys(fields).length && to < from) fields.to = 'The end of the period must be on or after its start';
  if (Object.keys(fields).length) throw new AppError('UNPROCESSABLE', Object.values(fields).join('. '), { reason: 'BAD_PERIOD', fields });
  return { from, to };
}

export function registerRjReturnRoutes(app: FastifyInstance, deps: Pick<Deps, 'rj' | 'clock'>) {
  const today = () => deps.clock.now().toISOString().slice(0, 10);
  const read = (req: FastifyRequest) => periodOf(queryOf(req, ZPeriodQuery), today());

  app.get('/reports/rj', async (req, reply) => {
    const period = read(req);
    const metrics = await deps.rj.returns.forPeriod(req.actor!, period);
    return reply.page('rj/views/rj-return.njk', {
      pageTitle: req.t('Restorative justice return'),
      period,
      csvHref: `/reports/rj.csv?from=${period.from}&to=${period.to}`,
      // i18n-dynamic: names and definitions are msg() literals (rj-return.ts)
      metrics: metrics.map((m) => ({
        ...m,
        // i18n-dynamic: names are msg() literals (rj-return.ts)
        name: req.t(m.name),
        // i18n-dynamic: definitions are msg() literals (rj-return.ts)
        definition: req.t(m.definition),
        figures: m.figures.map((f) => ({ label: f.label, shown: f.value === null ? req.t('Too few to show') : String(f.value) })),
      })),
    });
  });

  app.get('/reports/rj.csv', async (req, reply) => {
    const period = read(req);
    const metrics = await deps.rj.returns.forPeriod(req.actor!, period);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="rj-return-${period.from}-${period.to}.csv"`)
      .send(returnCsv(period, metrics));
  });

  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/reports/rj',
    {
      schema: {
        summary: 'The restorative justice return for a period (default: the current quarter), each metric with its definition and version',
        tags: ['restorative justice'],
        security: [{ bearer: [] }],
        querystring: ZPeriodApi,
        response: {
          200: z.object({
            from: z.string(),
            to: z.string(),
            metrics: z.array(
              z.object({
                id: z.string(),
                version: z.number(),
                name: z.string(),
                definition: z.string(),
                figures: z.array(z.object({ label: z.string(), value: z.number().nullable() })),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const period = periodOf(req.query, today());
      return { ...period, metrics: await deps.rj.returns.forPeriod(req.actor!, period) };
    },
  );
}
