// The hours API: a volunteer's hours (read, log, delete) and the service-wide report. A mediator may use only
// their own volunteer id; staff read with volunteers.view and log for someone with volunteers.manage.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '#src/deps.ts';
import { errorResponses, ZApiError } from '#src/http/api-schemas.ts';
import { apiMinutes, HOUR_ACTIVITIES, ZDateRange, ZHoursEntryApi } from './hours.schemas.ts';
import type { HoursOverview } from './hours.service.ts';

const tags = ['hours'];
const security = [{ bearer: [] }];
const ZVolunteerParams = z.object({ volunteerId: z.string().uuid('Volunteer ids are UUIDs') });
const ZOk = z.object({ ok: z.literal(true) });
const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

const ZHoursOut = z.object({
  volunteer: z.object({ id: z.string(), name: z.string(), status: z.string() }),
  totals: z.object({
    monthMinutes: z.number(),
    yearMinutes: z.number(),
    allMinutes: z.number(),
    monthHours: z.number(),
    yearHours: z.number(),
    allHours: z.number(),
  }),
  perCase: z.array(
    z.object({ caseId: z.string().nullable(), reference: z.string().nullable(), caseType: z.string().nullable(), minutes: z.number(), hours: z.number() }),
  ),
  entries: z.array(
    z.object({
      id: z.string(),
      on: z.string(),
      minutes: z.number(),
      hours: z.number(),
      activity: z.string().describe(`One of: ${HOUR_ACTIVITIES.join(', ')}`),
      caseId: z.string().nullable(),
      caseReference: z.string().nullable(),
      notes: z.string().nullable(),
      recordedBy: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
});

function presentHours(o: HoursOverview): z.infer<typeof ZHoursOut> {
  return {
    volunteer: o.volunteer,
    totals: {
      monthMinutes: o.totals.month,
      yearMinutes: o.totals.year,
      allMinutes: o.totals.all,
      monthHours: hours(o.totals.month),
      yearHours: hours(o.totals.year),
      allHours: hours(o.totals.all),
    },
    perCase: o.perCase.map((c) => ({ caseId: c.caseId, reference: c.reference, caseType: c.caseType, minutes: c.minutes, hours: hours(c.minutes) })),
    entries: o.entries.map((e) => ({
      id: e.id,
      on: e.on,
      minutes: e.minutes,
      hours: hours(e.minutes),
      activity: e.activity,
      caseId: e.caseId,
      caseReference: e.caseReference,
      notes: e.notes,
      recordedBy: e.recordedBy,
      createdAt: e.createdAt.toISOString(),
    })),
  };
}

const ZReportOut = z.object({
  from: z.string(),
  to: z.string(),
  totalMinutes: z.number(),
  totalHours: z.number(),
  entries: z.number(),
  volunteers: z.array(
    z.object({
      volunteerId: z.string(),
      name: z.string(),
      status: z.string(),
      minutes: z.number(),
      hours: z.number(),
      caseMinutes: z.number(),
      cases: z.number(),
      entries: z.number(),
    }),
  ),
  caseTypes: z.array(z.object({ caseType: z.string().nullable(), minutes: z.number(), hours: z.number(), cases: z.number(), volunteers: z.number() })),
  activities: z.array(z.object({ activity: z.string(), minutes: z.number(), hours: z.number() })),
});

export function registerHoursApi(app: FastifyInstance, deps: Pick<Deps, 'hours'>) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/volunteers/:volunteerId/hours',
    {
      schema: {
        summary: 'A volunteer’s hours: entries, totals this month, this year and in all, and per case',
        tags,
        security,
        params: ZVolunteerParams,
        response: { 200: ZHoursOut, 404: ZApiError, ...errorResponses },
      },
    },
    async (req) => presentHours(await deps.hours.ofVolunteer(req.actor!, req.params.volunteerId)),
  );

  api.post(
    '/api/v1/volunteers/:volunteerId/hours',
    {
      schema: {
        summary: 'Log hours: a date (today or earlier), minutes or decimal hours (at most 24 a day), an activity, optionally one of the volunteer’s cases',
        tags,
        security,
        params: ZVolunteerParams,
        body: ZHoursEntryApi,
        response: { 200: z.object({ id: z.string() }), 404: ZApiError, ...errorResponses },
      },
    },
    async (req) => {
      const { on, activity, caseId, notes } = req.body;
      return deps.hours.addFor(req.actor!, req.params.volunteerId, { on, activity, caseId, notes, minutes: apiMinutes(req.body) });
    },
  );

  api.delete(
    '/api/v1/volunteers/:volunteerId/hours/:entryId',
    {
      schema: {
        summary: 'Delete an entry of hours (volunteers: within 30 days of logging it)',
        tags,
        security,
        params: ZVolunteerParams.extend({ entryId: z.string().uuid('Entry ids are UUIDs') }),
        response: { 200: ZOk, 404: ZApiError, ...errorResponses },
      },
    },
    async (req) => {
      await deps.hours.removeFor(req.actor!, req.params.volunteerId, req.params.entryId);
      return { ok: true as const };
    },
  );

  api.get(
    '/api/v1/reports/volunteer-hours',
    {
      schema: {
        summary: 'Volunteer hours per volunteer, per case type and per activity between two dates (default: this year so far)',
        tags,
        security,
        querystring: ZDateRange,
        response: { 200: ZReportOut, ...errorResponses },
      },
    },
    async (req) => {
      const r = await deps.hours.report(req.actor!, req.query);
      return {
        from: r.from,
        to: r.to,
        totalMinutes: r.totalMinutes,
        totalHours: hours(r.totalMinutes),
        entries: r.entries,
        volunteers: r.volunteers.map((v) => ({ ...v, hours: hours(v.minutes) })),
        caseTypes: r.caseTypes.map((c) => ({ ...c, hours: hours(c.minutes) })),
        activities: r.activities.map((a) => ({ ...a, hours: hours(a.minutes) })),
      };
    },
  );
}
