// The training API: a volunteer's training records, accreditations and accrediting a trainee, and the
// service's courses. Mediators may read only their own record.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '#src/deps.ts';
import { errorResponses, ZApiError } from '#src/http/api-schemas.ts';
import type { CourseRow } from './training.repo.ts';
import { ZAccredit, ZAccreditation, ZCourse, ZRevoke, ZTrainingRecord } from './training.schemas.ts';

const tags = ['volunteers'];
const security = [{ bearer: [] }];
const ZVolunteerParams = z.object({ volunteerId: z.string().uuid('Volunteer ids are UUIDs') });
const ZOk = z.object({ ok: z.literal(true) });
const ZId = z.object({ id: z.string() });
const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

const ZCpdYear = z.object({ year: z.number(), hours: z.number(), target: z.number(), met: z.boolean() });
const ZTrainingOut = z.object({
  volunteer: z.object({ id: z.string(), name: z.string(), status: z.string(), supervisorName: z.string().nullable() }),
  foundationComplete: z.boolean(),
  foundation: z.object({ title: z.string(), on: z.string() }).nullable(),
  cpd: z.object({ thisYear: ZCpdYear, lastYear: ZCpdYear }),
  supervisedCases: z.object({ signedOff: z.number(), required: z.number(), progress: z.string(), canAccredit: z.boolean(), reasons: z.array(z.string()) }),
  practiceChecks: z
    .array(z.object({ id: z.string(), label: z.string(), dueOn: z.string().nullable(), overdue: z.boolean(), message: z.string() }))
    .nullable()
    .describe('For volunteers accredited in restorative conferencing: the practitioner-code checks'),
  records: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      courseId: z.string().nullable(),
      title: z.string(),
      minutes: z.number(),
      hours: z.number(),
      on: z.string(),
      notes: z.string().nullable(),
      recordedBy: z.string().nullable(),
    }),
  ),
});
const ZAccreditationOut = z.object({
  id: z.string(),
  area: z.string(),
  accreditedOn: z.string(),
  expiresOn: z.string().nullable(),
  state: z.enum(['current', 'expired', 'revoked']),
  accreditedBy: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokedReason: z.string().nullable(),
});
const ZCourseOut = z.object({
  id: z.string(),
  name: z.string(),
  hours: z.number(),
  foundation: z.boolean(),
  area: z.string().nullable(),
  retiredAt: z.string().nullable(),
});
const presentCourse = (c: CourseRow) => ({
  id: c.id,
  name: c.name,
  hours: hours(c.minutes),
  foundation: c.foundation,
  area: c.area,
  retiredAt: c.retiredAt?.toISOString() ?? null,
});

export function registerTrainingApi(app: FastifyInstance, deps: Pick<Deps, 'training'>) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const read = { 200: ZTrainingOut, 404: ZApiError, ...errorResponses };

  api.get(
    '/api/v1/volunteers/:volunteerId/training',
    { schema: { summary: 'A volunteer’s training, CPD, practice checks and supervised cases', tags, security, params: ZVolunteerParams, response: read } },
    async (req) => {
      const s = await deps.training.get(req.actor!, req.params.volunteerId);
      return {
        volunteer: s.volunteer,
        foundationComplete: s.foundation !== null,
        foundation: s.foundation,
        cpd: {
          thisYear: { ...s.cpd.thisYear, hours: hours(s.cpd.thisYear.minutes) },
          lastYear: { ...s.cpd.lastYear, hours: hours(s.cpd.lastYear.minutes) },
        },
        supervisedCases: {
          signedOff: s.supervised.signedOff,
          required: s.supervised.required,
          progress: s.supervised.gate.progress,
          canAccredit: s.supervised.canAccredit,
          reasons: s.supervised.gate.reasons,
        },
        practiceChecks: s.practiceChecks,
        records: s.records.map((r) => ({
          id: r.id,
          kind: r.kind,
          courseId: r.courseId,
          title: r.title,
          minutes: r.minutes,
          hours: hours(r.minutes),
          on: r.on,
          notes: r.notes,
          recordedBy: r.recordedBy,
        })),
      };
    },
  );

  api.post(
    '/api/v1/volunteers/:volunteerId/training',
    {
      schema: {
        summary: 'Record a completed course, CPD (with hours), a case supervision session or observed practice',
        tags,
        security,
        params: ZVolunteerParams,
        body: ZTrainingRecord,
        response: { 200: ZId, 404: ZApiError, ...errorResponses },
      },
    },
    async (req) => deps.training.addRecord(req.actor!, req.params.volunteerId, req.body),
  );

  api.delete(
    '/api/v1/volunteers/:volunteerId/training/:trainingRecordId',
    {
      schema: {
        summary: 'Delete a training record entered by mistake',
        tags,
        security,
        params: ZVolunteerParams.extend({ trainingRecordId: z.string().uuid() }),
        response: { 200: ZOk, 404: ZApiError, ...errorResponses },
      },
    },
    async (req) => {
      await deps.training.deleteRecord(req.actor!, req.params.volunteerId, req.params.trainingRecordId);
      return { ok: true as const };
    },
  );

  api.get(
    '/api/v1/volunteers/:volunteerId/accreditations',
    {
      schema: {
        summary: 'A volunteer’s accreditations per area: current, expired or revoked',
        tags,
        security,
        params: ZVolunteerParams,
        response: { 200: z.object({ accreditations: z.array(ZAccreditationOut) }), 404: ZApiError, ...errorResponses },
      },
    },
    async (req) => ({
      accreditations: (await deps.training.listAccreditations(req.actor!, req.params.volunteerId)).map((a) => ({
        id: a.id,
        area: a.area,
        accreditedOn: a.accreditedOn,
        expiresOn: a.expiresOn,
        state: a.state,
        accreditedBy: a.accreditedBy,
        revokedAt: a.revokedAt?.toISOString() ?? null,
        revokedReason: a.revokedReason,
      })),
    }),
  );

  api.post(
    '/api/v1/volunteers/:volunteerId/accreditations',
    {
      schema: {
        summary: 'Add an accreditation (community mediation for trainees comes from POST …/accredit)',
        tags,
        security,
        params: ZVolunteerParams,
        body: ZAccreditation,
        response: { 200: ZId, 404: ZApiError, 409: ZApiError, ...errorResponses },
      },
    },
    async (req) => deps.training.addAccreditation(req.actor!, req.params.volunteerId, req.body),
  );

  api.post(
    '/api/v1/volunteers/:volunteerId/accreditations/:accreditationId/revoke',
    {
      schema: {
        summary: 'Revoke an accreditation, with the reason',
        tags,
        security,
        params: ZVolunteerParams.extend({ accreditationId: z.string().uuid() }),
        body: ZRevoke,
        response: { 200: ZOk, 404: ZApiError, 409: ZApiError, ...errorResponses },
      },
    },
    async (req) => {
      await deps.training.revokeAccreditation(req.actor!, req.params.volunteerId, req.params.accreditationId, req.body);
      return { ok: true as const };
    },
  );

  api.post(
    '/api/v1/volunteers/:volunteerId/accredit',
    {
      schema: {
        summary: 'Accredit a trainee whose supervised cases are signed off (their supervisor, coordinators, admins); 409 with the reasons before then',
        tags,
        security,
        params: ZVolunteerParams,
        body: ZAccredit.optional(),
        response: { 200: z.object({ status: z.literal('accredited'), accreditationId: z.string() }), 404: ZApiError, 409: ZApiError, ...errorResponses },
      },
    },
    async (req) => deps.training.accredit(req.actor!, req.params.volunteerId, req.body ?? {}),
  );

  api.get(
    '/api/v1/training-courses',
    {
      schema: {
        summary: 'The service’s training courses (the foundation course is created from the volunteer policy when there are none)',
        tags,
        security,
        response: { 200: z.object({ courses: z.array(ZCourseOut) }), ...errorResponses },
      },
    },
    async (req) => ({ courses: (await deps.training.listCourses(req.actor!)).courses.map(presentCourse) }),
  );

  api.post(
    '/api/v1/training-courses',
    { schema: { summary: 'Add a training course', tags, security, body: ZCourse, response: { 200: ZId, 409: ZApiError, ...errorResponses } } },
    async (req) => deps.training.addCourse(req.actor!, req.body),
  );

  api.post(
    '/api/v1/training-courses/:courseId/retire',
    {
      schema: {
        summary: 'Retire a course: no new completions; records of it are kept',
        tags,
        security,
        params: z.object({ courseId: z.string().uuid() }),
        response: { 200: ZOk, 404: ZApiError, 409: ZApiError, ...errorResponses },
      },
    },
    async (req) => {
      await deps.training.retireCourse(req.actor!, req.params.courseId);
      return { ok: true as const };
    },
  );
}
