// The RJ return on screen (a table per metric with its definition), as CSV, and its API twin /api/v1/reports/rj.
// The period is given as from and to (both days included); without them, the current quarter. Like the standard
// reports, it can be narrowed to one of the service's places (an area, a local authority, or both) by a GET form that
// works without JavaScript; a place the service does not cover is named on the form (422), never read as everywhere.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '#src/deps.ts';
import type { Place } from '#src/domain/place-filter.ts';
import { PLACE_QUERY_FIELDS, placeItems, placeWords, ZPlaceQuery } from '#src/features/settings/service-places.ts';
import { errorResponses } from '#src/http/api-schemas.ts';
import { fieldErrorsOf, keepValues, parseForm } from '#src/http/forms.ts';
import { queryOf, queryText } from '#src/http/page-input.ts';
import { isRealDate } from '#src/http/page-form.ts';
import { msg } from '#src/i18n/i18n.ts';
import { AppError } from '#src/lib/app-error.ts';
import { isoDate } from '#src/lib/zod-fields.ts';
import { type Metric, quarterOf, returnCsv } from './rj-return.ts';

const ZPeriodQuery = z.object({ from: queryText, to: queryText });
const ZReturnApi = z.object({ from: isoDate(msg('From')).optional(), to: isoDate(msg('To')).optional(), ...PLACE_QUERY_FIELDS });

const NOT_REAL_FROM = msg('The start of the period must be a real date, like 2026-10-01');
const NOT_REAL_TO = msg('The end of the period must be a real date, like 2026-12-31');
const BACKWARDS = msg('The end of the period must be on or after its start');

/** The period asked for, or the current quarter; refused (422, by field) when a date is not real or the order is wrong. */
function periodOf(q: { from?: string | undefined; to?: string | undefined }, today: string) {
  const quarter = quarterOf(today);
  const from = q.from || quarter.from;
  const to = q.to || quarter.to;
  const fields: Record<string, string> = {};
  if (!isRealDate(from)) fields.from = NOT_REAL_FROM;
  if (!isRealDate(to)) fields.to = NOT_REAL_TO;
  if (!Object.keys(fields).length && to < from) fields.to = BACKWARDS;
  if (Object.keys(fields).length) throw new AppError('UNPROCESSABLE', Object.values(fields).join('. '), { reason: 'BAD_PERIOD', fields });
  return { from, to };
}

/** The return's address for a period and place (blank values left out). */
const addressOf = (path: string, period: { from: string; to: string }, place: Place) =>
  `${path}?${new URLSearchParams(Object.entries({ ...period, ...place }).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''))}`;

export function registerRjReturnRoutes(app: FastifyInstance, deps: Pick<Deps, 'rj' | 'clock'>) {
  const today = () => deps.clock.now().toISOString().slice(0, 10);

  /** The return the page's query asks for, or the form's errors by field (a period or a place refused). */
  async function asked(
    req: FastifyRequest,
  ): Promise<{ ok: true; period: { from: string; to: string }; place: Place; metrics: Metric[] } | { ok: false; fields: Record<string, string> }> {
    const where = parseForm(ZPlaceQuery, req.query, req.locale);
    if (!where.ok) return { ok: false, fields: where.fields };
    try {
      const period = periodOf(queryOf(req, ZPeriodQuery), today());
      return { ok: true, period, ...(await deps.rj.returns.forPeriod(req.actor!, period, where.data)) };
    } catch (err) {
      const fields = fieldErrorsOf(err, req.locale);
      if (!fields) throw err;
      return { ok: false, fields };
    }
  }

  app.get('/reports/rj', async (req, reply) => {
    const values = keepValues(req.query);
    const result = await asked(req);
    const base = { pageTitle: req.t('Restorative justice return'), ...placeItems(req.t, await deps.rj.returns.places(req.actor!), values) };
    if (!result.ok) {
      const quarter = quarterOf(today());
      return reply.code(422).page('rj/views/rj-return.njk', {
        ...base,
        values: { from: quarter.from, to: quarter.to, ...values },
        fields: result.fields,
        errors: Object.entries(result.fields).map(([k, text]) => ({ text, href: `#${k}` })),
      });
    }
    const { period, place, metrics } = result;
    return reply.page('rj/views/rj-return.njk', {
      ...base,
      fields: {},
      values: { ...period, ...place },
      period,
      placeNote: placeWords(place),
      csvHref: addressOf('/reports/rj.csv', period, place),
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
    const result = await asked(req);
    // A period or place refused goes back to the page, which names it.
    if (!result.ok) return reply.redirect(`/reports/rj?${new URLSearchParams(keepValues(req.query))}`, 303);
    const { period, place, metrics } = result;
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="rj-return-${period.from}-${period.to}.csv"`)
      .send(returnCsv({ ...period, ...place }, metrics));
  });

  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/reports/rj',
    {
      schema: {
        summary:
          'The restorative justice return for a period (default: the current quarter) and, if chosen, one of the service’s places, each metric with its definition and version',
        tags: ['restorative justice'],
        security: [{ bearer: [] }],
        querystring: ZReturnApi,
        response: {
          200: z.object({
            from: z.string(),
            to: z.string(),
            area: z.string().nullable().describe('The postcode area chosen, as the service keeps it; null: every area'),
            localAuthority: z.string().nullable().describe('The local authority chosen, as the service keeps it; null: every one'),
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
      const { from, to, ...where } = req.query;
      const period = periodOf({ from, to }, today());
      const { place, metrics } = await deps.rj.returns.forPeriod(req.actor!, period, where);
      return { ...period, area: place.area ?? null, localAuthority: place.localAuthority ?? null, metrics };
    },
  );
}
